"""Documents are served only to those who may read a page that uses them (issue 13).

`WAGTAILDOCS_SERVE_METHOD = "serve_view"` sends every download through Wagtail's view,
whose `before_serve_document` hook asks `refuse_document` here. Wagtail's reference
index says which pages use the document:
- used by no page (a snippet, a library resource's file not yet placed): served;
- used by at least one page the requester may read: served;
- used only by pages the requester may not read: a visitor is sent to sign in, anyone
  else gets 403. Editors who may change the document always get it.

A page shows its documents when it is live, its view restrictions (Wagtail's page
privacy) let the request through, and no `page_shows_documents` hook answers False
(`fn(page, request) -> False, True or None`; courses answers for members-only modules).
"""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def referencing_pages(document):
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    # object_id is text in the reference index: PostgreSQL will not compare it with a pk.
    page_ids = [int(pk) for pk in ids.values_list("object_id", flat=True)]
    return Page.objects.filter(pk__in=page_ids).specific()


def page_shows_documents(page, request):
    if not page.live:
        return False
    if not all(r.accept_request(request) for r in page.get_view_restrictions()):
        return False
    return all(fn(page, request) is not False for fn in hooks.get_hooks("page_shows_documents"))


def refuse_document(document, request):
    """None to serve the document, else the refusal."""
    pages = list(referencing_pages(document))
    if not pages or any(page_shows_documents(page, request) for page in pages):
        return None
    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_permission_for_instance(request.user, "change", document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied
