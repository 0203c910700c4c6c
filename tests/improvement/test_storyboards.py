"""Storyboards: a team's members upload one per workshop (again: it replaces it); a
PDF, an image or slides, checked by type and size; the gallery for the course's
members, featured first, with comments and previews; files kept to the members; a
fixed number of queries whatever the number of storyboards and comments."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Locale

from courses.models import WorkshopPage
from improvement import storyboard_files
from improvement.storyboards import Storyboard, StoryboardComment
from tests.error_summary import error_summary
from tests.teams.conftest import make_team
from tests.teams.test_pages import count_queries

TEXTS = {
    "title": "Screening at every household visit",
    "summary": "Lady Health Workers screen with the PHQ-9.",
    "tried": "Three PDSA cycles on the screening script.",
    "results": "Screening rose from 48% to 80%.",
    "lessons": "Short scripts in Urdu work best.",
}


def picture(kind="PNG", size=(40, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, kind)
    return out.getvalue()


def pdf_file(name="storyboard.pdf"):
    return SimpleUploadedFile(name, picture("PDF", (800, 600)), content_type="application/pdf")


@pytest.fixture
def workshop(course):
    return WorkshopPage.objects.child_of(course).get()


def gallery_url(workshop, prefix=""):
    return prefix + workshop.url + "storyboards/"


def upload(client, workshop, file=None, **texts):
    data = {**TEXTS, **texts}
    if file is not None:
        data["file"] = file
    return client.post(gallery_url(workshop) + "upload/", data)


def test_a_team_member_uploads_a_pdf_with_its_first_page_as_preview(
    client, workshop, team, participant
):
    client.force_login(participant)
    assert client.get(gallery_url(workshop) + "upload/").status_code == 200
    assert upload(client, workshop, pdf_file()).status_code == 302
    storyboard = Storyboard.objects.get()
    assert (storyboard.team, storyboard.workshop, storyboard.uploaded_by) == (
        team,
        workshop,
        participant,
    )
    assert storyboard.document.collection.name == "Storyboards"
    assert storyboard.preview.width == storyboard_files.PREVIEW_WIDTH
    html = client.get(gallery_url(workshop)).content.decode()
    assert TEXTS["title"] in html and "Open the file (<bdi>PDF</bdi>" in html
    preview = client.get(gallery_url(workshop) + f"{storyboard.pk}/preview/")
    assert preview.status_code == 200 and preview["Content-Type"] == "image/png"


def test_an_image_is_its_own_preview_and_slides_have_none(client, workshop, team, participant):
    client.force_login(participant)
    upload(client, workshop, SimpleUploadedFile("board.jpg", picture("JPEG")))
    assert Storyboard.objects.get().preview.width == 40
    slides = SimpleUploadedFile("board.pptx", b"PK\x03\x04" + b"\0" * 100)
    assert upload(client, workshop, slides).status_code == 302
    assert Storyboard.objects.get().preview is None


@pytest.mark.parametrize(
    "name, content",
    [
        ("board.exe", b"MZ\x90\x00"),
        ("board.pdf", b"<html>not a pdf</html>"),
        ("board.png", picture("JPEG")),  # a JPEG named .png
        ("board.jpg", b"\xff\xd8\xff broken"),
        ("board", b"%PDF-1.4"),
        ("board.pptx", b"%PDF-1.4"),
    ],
)
def test_a_wrong_file_type_is_refused_and_nothing_stored(
    client, workshop, team, participant, name, content
):
    client.force_login(participant)
    response = upload(client, workshop, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert "Upload a PDF, an image" in error_summary(response)
    assert not Storyboard.objects.exists() and not get_document_model().objects.exists()


def test_a_file_too_large_is_413(client, workshop, team, participant, monkeypatch):
    monkeypatch.setattr(storyboard_files, "STORYBOARD_MAX_BYTES", 100)
    client.force_login(participant)
    response = upload(client, workshop, pdf_file())
    assert response.status_code == 413
    assert not Storyboard.objects.exists() and not get_document_model().objects.exists()


def test_missing_text_or_file_is_400(client, workshop, team, participant):
    client.force_login(participant)
    assert upload(client, workshop).status_code == 400  # no file for a new storyboard
    assert upload(client, workshop, pdf_file(), title="").status_code == 400
    assert upload(client, workshop, pdf_file(), lessons="bad\x1btext").status_code == 400
    assert not Storyboard.objects.exists()


def test_uploading_again_replaces_the_teams_storyboard(client, workshop, team, participant):
    client.force_login(participant)
    upload(client, workshop, pdf_file())
    first = Storyboard.objects.get().document
    assert upload(client, workshop, title="Second version").status_code == 302
    storyboard = Storyboard.objects.get()
    assert storyboard.title == "Second version" and storyboard.document == first
    upload(client, workshop, SimpleUploadedFile("new.png", picture()))
    assert Storyboard.objects.get().document != first


def test_the_database_holds_one_storyboard_per_team_and_workshop(workshop, team):
    Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    with pytest.raises(IntegrityError), transaction.atomic():
        Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_who_may_see_and_upload(client, workshop, team, participant, facilitator, stranger, prefix):
    Locale.objects.get_or_create(language_code=prefix.strip("/") or "en")
    storyboard = Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    url = gallery_url(workshop, prefix)
    assert client.get(url).status_code == 302  # sign in
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    assert client.get(url + f"{storyboard.pk}/preview/").status_code == 404
    assert client.post(url + "upload/", TEXTS).status_code == 404
    assert client.post(url + f"{storyboard.pk}/comment/", {"body": "Hi"}).status_code == 404
    client.force_login(facilitator)  # a member of the course, in no team
    assert TEXTS["title"] in client.get(url).content.decode()
    assert client.post(url + "upload/", TEXTS).status_code == 403
    assert Storyboard.objects.count() == 1 and not StoryboardComment.objects.exists()


def test_the_file_is_kept_to_the_course_members(client, workshop, team, participant, stranger):
    client.force_login(participant)
    upload(client, workshop, pdf_file())
    document = Storyboard.objects.get().document
    assert client.get(document.url).status_code == 200
    client.force_login(stranger)
    assert client.get(document.url).status_code == 403
    client.logout()
    assert client.get(document.url).status_code == 302


def test_readers_comment_and_text_is_escaped(client, workshop, team, other_team, facilitator):
    storyboard = Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    colleague = other_team.members.get().user
    client.force_login(colleague)
    url = gallery_url(workshop) + f"{storyboard.pk}/comment/"
    assert client.post(url, {"body": "<script>x</script> Which script?"}).status_code == 302
    html = client.get(gallery_url(workshop)).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt; Which script?" in html
    assert client.post(url, {"body": ""}).status_code == 400
    assert client.post(url, {"body": "x" * 2001}).status_code == 400
    assert StoryboardComment.objects.count() == 1


def test_facilitators_feature_storyboards_first(
    client, workshop, team, other_team, participant, facilitator
):
    late = make_team(workshop.get_course(), slug="aaa-first-by-name")
    Storyboard.objects.create(workshop=workshop, team=late, **{**TEXTS, "title": "By name"})
    chosen = Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    url = gallery_url(workshop) + f"{chosen.pk}/feature/"
    client.force_login(participant)
    assert client.post(url).status_code == 403
    client.force_login(facilitator)
    assert client.post(url).status_code == 302
    html = client.get(gallery_url(workshop)).content.decode()
    assert html.index(TEXTS["title"]) < html.index("By name")
    assert "Featured" in html


def test_a_team_not_named_to_peers_is_a_team_to_others(client, workshop, team, other_team):
    team.named_to_peers = False
    team.save()
    Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    client.force_login(other_team.members.get().user)
    html = client.get(gallery_url(workshop)).content.decode()
    assert "A team" in html and "Team karachi" not in html


def test_the_gallery_costs_fixed_queries(client, workshop, team, facilitator):
    client.force_login(facilitator)
    Storyboard.objects.create(workshop=workshop, team=team, **TEXTS)
    client.get(gallery_url(workshop))  # warm the site and locale caches
    small = count_queries(client, gallery_url(workshop))
    for number in range(6):
        other = make_team(workshop.get_course(), slug=f"team-{number}")
        board = Storyboard.objects.create(workshop=workshop, team=other, **TEXTS)
        for _n in range(3):
            StoryboardComment.objects.create(storyboard=board, author=facilitator, body="Good")
    assert count_queries(client, gallery_url(workshop)) == small


def test_the_workshop_page_links_its_storyboards_for_members(client, workshop, participant):
    client.force_login(participant)
    assert "See the storyboards" in client.get(workshop.url).content.decode()
    client.logout()
    assert "See the storyboards" not in client.get(workshop.url).content.decode()


def test_a_pdf_pdfium_cannot_read_is_kept_without_a_preview(client, workshop, team, participant):
    client.force_login(participant)
    broken = SimpleUploadedFile("board.pdf", b"%PDF-1.7\nnot really a pdf")
    assert upload(client, workshop, broken).status_code == 302
    storyboard = Storyboard.objects.get()
    assert storyboard.document is not None and storyboard.preview is None
    assert client.get(gallery_url(workshop) + f"{storyboard.pk}/preview/").status_code == 404
