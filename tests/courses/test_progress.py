"""Prerequisites lock modules until the ones before are complete; the bar and the
“continue” link follow progress."""

from courses.models import ModuleCompletion

COURSE = "/courses/mh-care/"


def complete(client, module):
    return client.post(COURSE + "complete/", {"module": module.pk})


def test_a_locked_module_names_and_links_what_comes_first(client, participant, modules):
    client.force_login(participant)
    html = client.get(modules[1].url).content.decode()
    assert "This module is locked" in html
    assert f'<a href="{modules[0].url}">Module 1</a>' in html
    assert "Secret body of module 2" not in html
    assert "Mark as complete" not in html


def test_completing_the_prerequisite_unlocks_the_module(client, participant, modules):
    client.force_login(participant)
    assert complete(client, modules[1]).status_code == 403  # still locked
    assert complete(client, modules[0]).status_code == 302
    html = client.get(modules[1].url).content.decode()
    assert "This module is locked" not in html
    assert "Secret body of module 2" in html
    assert complete(client, modules[1]).status_code == 302
    assert ModuleCompletion.objects.filter(user=participant).count() == 2


def test_undoing_a_prerequisite_locks_the_module_again(client, participant, modules):
    client.force_login(participant)
    complete(client, modules[0])
    client.post(COURSE + "uncomplete/", {"module": modules[0].pk})
    assert "This module is locked" in client.get(modules[1].url).content.decode()


def test_course_page_shows_bar_locks_and_continue_link(client, participant, modules):
    client.force_login(participant)
    html = client.get(COURSE).content.decode()
    assert '<progress id="progress-' in html and 'max="3" value="0"' in html
    assert "<bdi>0</bdi> of <bdi>3</bdi> modules complete (<bdi>0</bdi>%)" in html
    assert f'href="{modules[0].url}">Continue: <bdi>Module 1</bdi>' in html
    assert html.count("badge--locked") == 2
    complete(client, modules[0])
    html = client.get(COURSE).content.decode()
    assert 'max="3" value="1"' in html
    assert "<bdi>1</bdi> of <bdi>3</bdi> modules complete (<bdi>33</bdi>%)" in html
    assert f'href="{modules[1].url}">Continue: <bdi>Module 2</bdi>' in html
    assert html.count("badge--locked") == 1


def test_module_page_links_to_the_next_module_once_complete(client, participant, modules):
    client.force_login(participant)
    complete(client, modules[0])
    html = client.get(modules[0].url).content.decode()
    assert "Mark as not done" in html
    assert (
        f'<a class="pager__link pager__link--next" rel="next" href="{modules[1].url}">'
        '<span class="pager__label">Next</span> <span>Module 2</span></a>'
    ) in html
    assert "Mark complete and continue" not in html  # done already


def test_unpublished_modules_do_not_count(client, participant, modules):
    modules[2].unpublish()
    client.force_login(participant)
    assert "<bdi>0</bdi> of <bdi>2</bdi> modules complete" in client.get(COURSE).content.decode()


def test_visitors_and_facilitators_see_no_bar_and_no_locks(client, facilitator, modules):
    assert "<progress" not in client.get(COURSE).content.decode()
    client.force_login(facilitator)
    html = client.get(COURSE).content.decode()
    assert "<progress" not in html
    assert "badge--locked" not in html
    assert "Secret body of module 3" in client.get(modules[2].url).content.decode()
