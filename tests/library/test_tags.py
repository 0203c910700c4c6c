import pytest
from django.contrib.auth.models import Group
from taggit.models import Tag
from wagtail.documents import get_document_model

from library.models import ResourcePage, ResourcePageTag
from library.tags import merge_tags
from tests.library.factories import make_document, make_resource


@pytest.fixture
def tagged(library):
    make_resource(library, "One", tags=["task sharing", "fidelity"])
    make_resource(library, "Two", tags=["task-sharing", "task sharing"])
    make_resource(library, "Three", tags=["task-sharing"])
    return library


def tag_names(title):
    return sorted(ResourcePage.objects.get(title=title).tags.names())


def test_merge_moves_every_tagged_item_and_deletes_the_old_tag(tagged):
    keep = Tag.objects.get(name="task-sharing")
    merged = merge_tags([Tag.objects.get(name="task sharing"), keep], into=keep)
    assert merged == 1
    assert not Tag.objects.filter(name="task sharing").exists()
    assert tag_names("One") == ["fidelity", "task-sharing"]
    assert tag_names("Two") == ["task-sharing"]  # had both: one tagging left
    assert ResourcePageTag.objects.filter(tag=keep).count() == 3


def test_merge_of_three_tags_on_one_object_leaves_one_tagging(library):
    make_resource(library, "One", tags=["a", "b", "c"])
    tags = list(Tag.objects.filter(name__in=["a", "b", "c"]))
    merge_tags(tags, into=Tag.objects.get(name="c"))
    assert tag_names("One") == ["c"]


def test_merge_also_retags_documents(tagged):
    document = make_document()
    document.tags.add("task sharing")
    keep = Tag.objects.get(name="task-sharing")
    merge_tags([Tag.objects.get(name="task sharing")], into=keep)
    assert list(get_document_model().objects.get(pk=document.pk).tags.names()) == ["task-sharing"]


def test_editor_merges_tags_with_the_bulk_action(client, tagged, editor):
    client.force_login(editor)
    old, keep = Tag.objects.get(name="task sharing"), Tag.objects.get(name="task-sharing")
    url = f"/admin/bulk/taggit/tag/merge/?id={old.pk}&id={keep.pk}&next=/admin/snippets/taggit/tag/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Keep this tag" in page.content.decode()
    response = client.post(url, {"into": keep.pk}, follow=True)
    assert response.status_code == 200
    assert "1 tag merged into “task-sharing”." in response.content.decode()
    assert not Tag.objects.filter(pk=old.pk).exists()
    assert tag_names("One") == ["fidelity", "task-sharing"]


def test_merge_target_must_be_one_of_the_selected_tags(client, tagged, editor):
    client.force_login(editor)
    old, keep = Tag.objects.get(name="task sharing"), Tag.objects.get(name="task-sharing")
    other = Tag.objects.get(name="fidelity")
    response = client.post(
        f"/admin/bulk/taggit/tag/merge/?id={old.pk}&id={keep.pk}", {"into": other.pk}
    )
    assert response.status_code == 200  # the form again, with its error
    assert Tag.objects.filter(pk=old.pk).exists()


def test_people_without_tag_permissions_cannot_merge(client, tagged, user):
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    old, keep = Tag.objects.get(name="task sharing"), Tag.objects.get(name="task-sharing")
    client.post(f"/admin/bulk/taggit/tag/merge/?id={old.pk}&id={keep.pk}", {"into": keep.pk})
    assert Tag.objects.filter(pk=old.pk).exists()


def test_editor_lists_renames_and_deletes_tags_in_the_admin(client, tagged, editor):
    client.force_login(editor)
    listing = client.get("/admin/snippets/taggit/tag/")
    assert listing.status_code == 200
    assert "task-sharing" in listing.content.decode()
    assert 'href="/admin/bulk/taggit/tag/merge/"' in listing.content.decode()
    found = client.get("/admin/snippets/taggit/tag/?q=fidel").content.decode()
    assert "fidelity" in found and "task-sharing" not in found
    tag = Tag.objects.get(name="fidelity")
    response = client.post(f"/admin/snippets/taggit/tag/edit/{tag.pk}/", {"name": "Fidelity"})
    assert response.status_code == 302
    assert tag_names("One") == ["Fidelity", "task sharing"]
    response = client.post(f"/admin/snippets/taggit/tag/delete/{tag.pk}/")
    assert response.status_code == 302
    assert tag_names("One") == ["task sharing"]


def test_tag_filter_lists_every_resource_with_the_tag(client, library):
    for number in range(3):
        make_resource(library, f"Tagged {number}", tags=["fidelity"])
    make_resource(library, "Untagged")
    html = client.get("/library/?tag=fidelity").content.decode()
    assert "3 resources" in html
    assert all(f">Tagged {number}<" in html for number in range(3))
    assert "Untagged" not in html


def test_drafts_saved_before_a_merge_keep_the_merged_tag(client, library, superuser):
    """A draft revision stores tag ids; publishing it after a merge keeps the new tag."""
    resource = make_resource(library, "Edited", tags=["task sharing", "fidelity"])
    resource.title = "Edited again"
    resource.save_revision()
    old = Tag.objects.get(name="task sharing")
    keep = Tag.objects.create(name="task-sharing")
    merge_tags([old], into=keep)
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{resource.pk}/edit/")
    assert response.status_code == 200
    assert 'value="fidelity, task-sharing"' in response.content.decode()
    ResourcePage.objects.get(pk=resource.pk).get_latest_revision().publish()
    assert tag_names("Edited again") == ["fidelity", "task-sharing"]
