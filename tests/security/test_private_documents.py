"""Finding 4 (issue 13): a document used only in members-only content is served only to
those who may read that content (core/documents.py), under every language prefix."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Locale, PageViewRestriction

from courses.choices import EnrolmentRole
from courses.models import ModulePage
from tests.courses.factories import enrol, make_course, make_index
from tests.factories import UserFactory

PREFIXES = ["", "/ar", "/fa", "/ur"]
HANDOUT = b"Supervision rota: Thursdays, 14:00, Karachi clinic"


def make_document(title):
    return Document.objects.create(title=title, file=ContentFile(HANDOUT, name="handout.txt"))


def place(document, page):
    page.body = [("document", {"document": document, "title": ""})]
    page.save()


@pytest.fixture
def world(home_page, django_capture_on_commit_callbacks):
    for code in ("ar", "fa", "ur"):
        Locale.objects.get_or_create(language_code=code)
    index = make_index(home_page)
    course = make_course(index)
    members_only = ModulePage.objects.child_of(course).get(slug="module-3")
    open_module = ModulePage.objects.child_of(course).get(slug="module-1")
    private, shared, unused = (make_document(t) for t in ("Private", "Shared", "Unused"))
    with django_capture_on_commit_callbacks(execute=True):  # the reference index
        place(private, members_only)
        members_only.body.append(("document", {"document": shared, "title": ""}))
        members_only.save()
        place(shared, open_module)
    participant = UserFactory(username="member")
    enrol(participant, course)
    facilitator = UserFactory(username="facilitator")
    enrol(facilitator, course, role=EnrolmentRole.FACILITATOR)
    other = make_course(index, slug="other", title="Other")
    other_member = UserFactory(username="other-member")
    enrol(other_member, other)
    return {
        "course": course,
        "module": members_only,
        "open_module": open_module,
        "private": private,
        "shared": shared,
        "unused": unused,
        "participant": participant,
        "facilitator": facilitator,
        "other_member": other_member,
        "stranger": UserFactory(username="stranger"),
    }


def download(client, document, prefix=""):
    response = client.get(prefix + document.url)
    body = b"".join(response) if response.streaming else response.content
    return response, body


def test_documents_go_through_the_serve_view(world):
    assert world["private"].url == reverse(
        "wagtaildocs_serve", args=[world["private"].pk, world["private"].filename]
    )


def test_members_only_document_is_refused_to_outsiders_under_every_prefix(client, world):
    failures = []
    for who in ("visitor", "stranger", "other_member"):
        if who == "visitor":
            client.logout()
        else:
            client.force_login(world[who])
        for prefix in PREFIXES:
            response, body = download(client, world["private"], prefix)
            if HANDOUT in body:
                failures.append(f"{who} {prefix}: served the handout")
            expected = (302,) if who == "visitor" and not prefix else (403, 404)
            if response.status_code not in expected:
                failures.append(f"{who} {prefix}: answered {response.status_code}")
    assert not failures, "\n".join(failures)


def test_a_visitor_is_sent_to_sign_in(client, world):
    response, _body = download(client, world["private"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["participant", "facilitator"])
def test_members_download_the_members_only_document(client, world, who):
    client.force_login(world[who])
    response, body = download(client, world["private"])
    assert response.status_code == 200
    assert body == HANDOUT


def test_an_editor_downloads_it(client, world, editor):
    client.force_login(editor)
    assert download(client, world["private"])[1] == HANDOUT


@pytest.mark.parametrize("document", ["shared", "unused"])
def test_documents_on_a_public_page_or_on_none_stay_public(client, world, document):
    response, body = download(client, world[document])
    assert response.status_code == 200
    assert body == HANDOUT


def test_page_privacy_protects_its_documents(client, world):
    """A password or sign-in restriction on the open module covers its documents too."""
    PageViewRestriction.objects.create(page=world["open_module"], restriction_type="login")
    response, body = download(client, world["shared"])
    assert HANDOUT not in body
    assert response.status_code == 302


def test_a_members_only_module_loses_its_secret_when_opened(client, world):
    """The rule follows the page: open the module and its document is public."""
    module = world["module"]
    module.access = "open"
    module.save()
    assert download(client, world["private"])[1] == HANDOUT


def test_the_demo_handout_is_for_the_course_members(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", force=True)
    handout = Document.objects.get(title__startswith="Group supervision checklist")
    module = ModulePage.objects.get(slug="supervision", locale__language_code="en")
    assert module.is_members_only
    assert handout.pk in [b.value["document"].pk for b in module.body if b.block_type == "document"]
    assert download(client, handout)[0].status_code == 302
    client.force_login(get_user_model().objects.get(username="learner"))
    response, body = download(client, handout)
    assert response.status_code == 200
    assert b"Group supervision checklist" in body
