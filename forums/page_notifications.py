"""Notifications about pages of higher apps (announcements): made by those apps with
`notify_page`, and shown only while a `forums_notification_visible` hook says the
reader may still see the page (asked at display time, so someone who withdrew from a
course loses its announcements), linked to the page's version in the reader's language.
"""

from django.utils import translation
from wagtail import hooks
from wagtail.models import Page

from forums.models import Notification


def notify_page(users, kind, page):
    """One notification of `kind` about `page` for each of `users`; never a second one
    (the unique constraint: publishing again adds only those not yet told)."""
    Notification.objects.bulk_create(
        [Notification(user=user, kind=kind, page=page) for user in users], ignore_conflicts=True
    )


def visible_page_ids(user, page_ids):
    """The ids among `page_ids` of live pages `user` may see: a False from any
    `forums_notification_visible` hook wins, then a True; with no answer, hidden."""
    if not page_ids:
        return set()
    pages = list(Page.objects.live().filter(pk__in=page_ids))
    answers = [fn(user, pages) or {} for fn in hooks.get_hooks("forums_notification_visible")]
    return {
        page.pk
        for page in pages
        if any(answer.get(page.pk) is True for answer in answers)
        and not any(answer.get(page.pk) is False for answer in answers)
    }


def in_reader_language(pages):
    """{page id: the live version of the page in the active language, else the page}, in
    one query whatever the number of pages."""
    keys = {page.translation_key for page in pages}
    versions = Page.objects.live().filter(
        translation_key__in=keys, locale__language_code=translation.get_language()
    )
    found = {version.translation_key: version for version in versions}
    return {page.pk: found.get(page.translation_key, page) for page in pages}
