import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import Person
from library.models import LibraryPage, RelatedResource, ResourcePage
from tests.library.factories import make_document, make_resource


def resource_form_data(**fields):
    return nested_form_data(
        {
            "title": "Supervision toolkit",
            "slug": "supervision-toolkit",
            "summary": "Rotas and case-review forms.",
            "resource_type": "toolkit",
            "language": "en",
            "year": "2024",
            "publication_date": "",
            "authors_text": "",
            "document": "",
            "external_url": "https://example.org/toolkit",
            "embed_url": "",
            "thumbnail": "",
            "tags": "fidelity, task-sharing",
            "authors": inline_formset([]),
            "related_resources": inline_formset([]),
            **fields,
        }
    )


def add_url(parent):
    return f"/admin/pages/add/library/resourcepage/{parent.pk}/"


def test_page_rules(library):
    assert LibraryPage.allowed_subpage_models() == [ResourcePage]
    assert ResourcePage.allowed_parent_page_models() == [LibraryPage]
    assert ResourcePage.allowed_subpage_models() == []
    assert not LibraryPage.can_create_at(library.get_parent())  # only one library
    assert not ResourcePage.can_create_at(library.get_parent())


def test_editor_adds_a_resource_with_tags_and_an_author(client, library, editor):
    client.force_login(editor)
    person = Person.objects.create(name="Dr Samira Haddad")
    data = resource_form_data(authors=inline_formset([{"person": person.pk}]))
    # Editors save drafts; publishing goes through the moderation workflow.
    response = client.post(add_url(library), data)
    assert response.status_code == 302
    resource = ResourcePage.objects.get(slug="supervision-toolkit")
    resource.get_latest_revision().publish()
    resource.refresh_from_db()
    assert resource.live
    assert sorted(resource.tags.names()) == ["fidelity", "task-sharing"]
    assert resource.author_names() == "Dr Samira Haddad"
    assert "By Dr Samira Haddad" in client.get(resource.url).content.decode()
    assert client.get(f"/admin/pages/{resource.pk}/edit/").status_code == 200
    edited = client.post(f"/admin/pages/{resource.pk}/edit/", {**data, "tags": "fidelity"})
    assert edited.status_code == 302


def test_resource_and_library_pages_preview(client, library, superuser):
    client.force_login(superuser)
    preview = f"/admin/pages/add/library/resourcepage/{library.pk}/preview/"
    assert client.post(preview, resource_form_data()).json()["is_valid"]
    assert "Rotas and case-review forms." in client.get(preview).content.decode()
    preview = f"/admin/pages/{library.pk}/edit/preview/"
    library_data = nested_form_data({"title": "The shelf", "slug": "library", "intro": ""})
    assert client.post(preview, library_data).json()["is_valid"]
    assert "The shelf" in client.get(preview).content.decode()


def test_tags_saved_in_the_admin_are_searchable(client, library, superuser):
    client.force_login(superuser)
    client.post(add_url(library), {**resource_form_data(tags="mhGAP"), "action-publish": "1"})
    found = ResourcePage.objects.search("mhgap")
    assert [page.title for page in found] == ["Supervision toolkit"]


def test_resource_needs_exactly_one_of_document_link_or_embed(client, library, superuser):
    client.force_login(superuser)
    data = resource_form_data(embed_url="https://www.youtube.com/watch?v=abc")
    response = client.post(add_url(library), data)
    assert response.status_code == 200
    assert "Give exactly one of a document" in response.content.decode()
    assert not ResourcePage.objects.exists()


def test_clean_takes_the_year_from_the_date_and_requires_one(library):
    resource = ResourcePage(title="x", slug="x", summary="s", external_url="https://e.org")
    with pytest.raises(ValidationError) as error:
        resource.clean()
    assert "year" in error.value.message_dict
    resource.publication_date = datetime.date(2021, 5, 1)
    resource.clean()
    assert resource.year == 2021


def test_neither_document_nor_link_is_refused(library):
    resource = ResourcePage(title="x", slug="x", summary="s", year=2020)
    with pytest.raises(ValidationError, match="exactly one"):
        resource.clean()


def test_resource_page_shows_file_type_and_size_before_download(client, library):
    document = make_document(content=b"x" * 2048)
    make_resource(library, "Checklist", document=document, tags=["fidelity"])
    html = client.get("/library/checklist/").content.decode()
    assert f'href="{document.url}" download' in html
    assert "TXT, 2.0\xa0KB" in html
    assert '<a href="/library/?tag=fidelity">fidelity</a>' in html


def test_resource_page_links_an_external_resource_and_related_live_ones(client, library):
    other = make_resource(library, "Policy brief")
    hidden = make_resource(library, "Draft brief")
    hidden.unpublish()
    resource = make_resource(library, "Guide", external_url="https://www.who.int/guide")
    RelatedResource.objects.create(page=resource, resource=other, sort_order=0)
    RelatedResource.objects.create(page=resource, resource=hidden, sort_order=1)
    html = client.get("/library/guide/").content.decode()
    assert 'href="https://www.who.int/guide"' in html
    assert "on <bdi>www.who.int</bdi>" in html
    assert 'href="/library/policy-brief/">Policy brief</a>' in html
    assert "Draft brief" not in html


def test_user_text_is_escaped_on_the_resource_page(client, library):
    make_resource(
        library, "<script>x</script>", slug="xss", summary="<b>bold</b>", authors_text="<i>"
    )
    html = client.get("/library/xss/").content.decode()
    assert "<script>x" not in html and "<b>bold" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_arabic_resource_carries_its_language(client, library):
    make_resource(library, "دليل", slug="dalil", language="ar")
    html = client.get("/library/dalil/").content.decode()
    assert '<article lang="ar" dir="auto">' in html


def test_embedded_recording_plays_on_the_page(client, library):
    url = "https://www.youtube.com/watch?v=abc123"
    Embed.objects.create(
        hash=get_embed_hash(url, 720),
        url=url,
        max_width=720,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
    )
    make_resource(library, "Workshop recording", embed_url=url)
    html = client.get("/library/workshop-recording/").content.decode()
    assert '<iframe src="https://www.youtube.com/embed/abc123"></iframe>' in html


def test_an_address_no_embed_provider_knows_is_refused(library):
    resource = ResourcePage(
        title="x", slug="x", summary="s", year=2020, embed_url="https://example.org/video"
    )
    with pytest.raises(ValidationError, match="cannot be embedded"):
        resource.clean()
