"""Merging tags: every item tagged with the old tags ends up tagged with the kept one."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from taggit.models import Tag
from wagtail.models import Page, Revision


def _tagged_item_models():
    """Every through model that points at taggit's Tag (library, images, documents...)."""
    return [
        relation.related_model
        for relation in Tag._meta.related_objects
        if relation.one_to_many and relation.field.name == "tag"
    ]


def _object_fields(model):
    """The fields that name the tagged object: a generic key or a plain foreign key."""
    if hasattr(model, "content_type_id") and hasattr(model, "object_id"):
        return ["content_type_id", "object_id"]
    return [model._meta.get_field("content_object").attname]


def _tagged_page_ids(model, tags):
    """Pages tagged with `tags` through `model`, if it tags pages."""
    fields = _object_fields(model)
    target = model._meta.get_field(fields[0]).related_model
    if len(fields) != 1 or not issubclass(target, Page):
        return []
    return list(model.objects.filter(tag__in=tags).values_list(fields[0], flat=True))


@transaction.atomic
def merge_tags(tags, into):
    """Retag everything tagged with any of `tags` with `into`, then delete `tags`.

    Returns how many tags were merged away. An object that already has both tags keeps
    a single tagging.
    """
    others = [tag for tag in tags if tag.pk != into.pk]
    page_ids = []
    for model in _tagged_item_models():
        page_ids += _tagged_page_ids(model, others)
        fields = _object_fields(model)
        old = model.objects.filter(tag__in=others)
        already_tagged = model.objects.filter(
            tag=into, **{field: OuterRef(field) for field in fields}
        )
        old.filter(Exists(already_tagged)).delete()
        # An object with two of the old tags keeps only its first tagging.
        earlier_sibling = old.filter(pk__lt=OuterRef("pk"), **{f: OuterRef(f) for f in fields})
        old.filter(Exists(earlier_sibling)).delete()
        old.update(tag=into)
    _retag_drafts(page_ids, {tag.pk for tag in others}, into.pk)
    Tag.objects.filter(pk__in=[tag.pk for tag in others]).delete()
    return len(others)


def _retag_drafts(page_ids, old_ids, into_id):
    """Unpublished drafts keep tag ids in their revision: point them at the kept tag.

    Published pages are edited from the database, which the merge has already changed.
    """
    drafts = Revision.objects.filter(
        pk__in=Page.objects.filter(pk__in=page_ids, has_unpublished_changes=True).values(
            "latest_revision_id"
        )
    )
    for revision in drafts:
        for key, items in revision.content.items():
            if isinstance(items, list) and any(
                isinstance(item, dict) and item.get("tag") in old_ids for item in items
            ):
                revision.content[key] = _retagged(items, old_ids, into_id)
        revision.save(update_fields=["content"])


def _retagged(items, old_ids, into_id):
    """Serialised tagged items with old tags replaced, one item per tag."""
    seen, kept = set(), []
    for item in items:
        tag = into_id if item.get("tag") in old_ids else item.get("tag")
        if tag not in seen:
            seen.add(tag)
            kept.append({**item, "tag": tag})
    return kept
