"""What signed-in pages remember for every reader (routes, a course's programme, the
breadcrumbs, the site settings, permissions) is never shown stale: the next request
after a publish, a move, an unpublish or a change of permissions shows the change."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses.models import ModulePage
from home.models import SiteSettings
from tests.courses.factories import enrol, make_course, make_index, modules_of
from tests.factories import UserFactory


@pytest.fixture
def course(home_page):
    return make_course(make_index(home_page), modules=2, workshops=0, chain=False)


@pytest.fixture
def learner(client, course):
    person = UserFactory(username="remembering")
    enrol(person, course)
    client.force_login(person)
    return person


def test_a_module_published_later_is_in_the_programme_at_once(client, course, learner):
    assert "Module 9" not in client.get(course.url).content.decode()
    course.add_child(instance=ModulePage(title="Module 9", slug="module-9", summary="Later"))
    assert "Module 9" in client.get(course.url).content.decode()


def test_a_renamed_course_shows_in_the_module_page_breadcrumbs(client, course, learner):
    module = modules_of(course)[0]
    client.get(module.url)
    course.title = "Renamed collaborative"
    course.save_revision().publish()
    assert "Renamed collaborative" in client.get(module.url).content.decode()


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_an_unpublished_or_moved_page_is_not_served_from_its_old_path(
    client, course, learner, prefix
):
    first, second = modules_of(course)
    assert client.get(prefix + first.url).status_code == 200
    first.unpublish()
    assert client.get(prefix + first.url).status_code == 404
    old_url = second.url
    assert client.get(prefix + old_url).status_code == 200
    second.slug = "moved-here"
    second.save_revision().publish()
    assert client.get(prefix + old_url).status_code == 404
    new_url = ModulePage.objects.get(pk=second.pk).url
    assert new_url.endswith("/moved-here/")
    assert client.get(prefix + new_url).status_code == 200


def test_a_routable_page_keeps_its_own_views_when_routed_from_memory(client, course, learner):
    """The course page is routable: its sub-pages (the calendar file) still answer."""
    client.get(course.url)
    assert client.get(f"{course.url}calendar.ics").status_code == 200
    assert client.get(f"{course.url}no-such-view/").status_code == 404


def test_new_site_settings_show_on_the_next_signed_in_page(client, course, learner):
    client.get(course.url)
    settings = SiteSettings.objects.get()
    settings.footer_text = "A footer written just now"
    settings.save()
    assert "A footer written just now" in client.get(course.url).content.decode()


def test_a_permission_given_or_taken_counts_on_the_next_request(client, course, learner):
    editors = Group.objects.get(name="Editors")
    assert client.get("/admin/").status_code == 302  # to sign in: no admin access
    learner.groups.add(editors)
    assert client.get("/admin/").status_code == 200
    editors.user_set.remove(learner)
    assert client.get("/admin/").status_code == 302
    learner.groups.add(editors)
    assert client.get("/admin/").status_code == 200
    editors.permissions.clear()
    assert client.get("/admin/").status_code == 302


def test_a_module_body_published_again_shows_its_new_words(client, course, learner):
    module = modules_of(course)[0]
    assert "Secret body of module 1" in client.get(module.url).content.decode()
    module.body = [("paragraph", "<p>Rewritten after the first session</p>")]
    module.save_revision().publish()
    page = client.get(module.url).content.decode()
    assert "Rewritten after the first session" in page
    assert "Secret body of module 1" not in page


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_a_view_restriction_added_or_removed_counts_on_the_next_request(
    client, course, learner, prefix
):
    """A course page (and its routes) remembers which view restrictions apply to it."""
    calendar = f"{prefix}{course.url}calendar.ics"
    assert client.get(prefix + course.url).status_code == 200
    assert client.get(calendar).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Editors")])
    assert client.get(prefix + course.url).status_code == 302  # to sign in as an editor
    assert client.get(calendar).status_code == 302
    restriction.delete()
    assert client.get(prefix + course.url).status_code == 200
    assert client.get(calendar).status_code == 200
