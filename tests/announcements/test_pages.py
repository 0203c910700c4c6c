"""Announcements listed on the home page, at /announcements/ and in the RSS feed, in the
reader's language; subscribers and deliveries stay private."""

import pytest
from wagtail.models import Locale

from announcements.models import Subscriber
from tests.announcements.conftest import draft, publish
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_index_home_and_feed_list_published_announcements_only(client, index):
    publish(draft(index, slug="one", title="Applications <open>"))
    draft(index, slug="two", title="Secret draft")
    for path in ("/announcements/", "/", "/announcements/feed/"):
        content = client.get(path).content.decode()
        assert "Applications &lt;open&gt;" in content, path
        assert "Secret draft" not in content, path
    assert client.get("/announcements/one/").status_code == 200


@pytest.mark.parametrize("prefix", ["/ar", "/fa", "/ur"])
def test_lists_use_the_translation_where_there_is_one(client, index, prefix):
    page = publish(draft(index, slug="one", title="English title"))
    publish(draft(index, slug="two", title="Only in English"))
    locale = Locale.objects.get(language_code=prefix.strip("/"))
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = "عنوان"
    translation.save_revision().publish()
    for path in (f"{prefix}/announcements/", f"{prefix}/announcements/feed/", f"{prefix}/"):
        content = client.get(path).content.decode()
        assert "عنوان" in content and "English title" not in content, path
        assert "Only in English" in content, path


def test_the_index_and_home_cost_the_same_queries_for_3_and_30_announcements(client, index):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        counts = []
        for path in ("/announcements/", "/", "/announcements/feed/"):
            caches["default"].clear()  # the anonymous page cache
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            counts.append(len(captured))
        return counts

    for number in range(3):
        publish(draft(index, slug=f"a{number}"))
    queries()  # the first requests make the site settings row and fill Wagtail's caches
    few = queries()
    for number in range(3, 30):
        publish(draft(index, slug=f"a{number}"))
    queries()  # publishing starts a new generation: the first requests fill it again
    assert queries() == few


def test_subscribers_and_deliveries_are_for_editors_only(client, index, editor):
    Subscriber.objects.create(email="private@example.org")
    participant = UserFactory(username="p1", is_staff=False)
    client.force_login(participant)
    for model in ("subscriber", "delivery", "optout"):
        response = client.get(f"/admin/snippets/announcements/{model}/")
        assert response.status_code in (302, 403)
    client.force_login(editor)
    response = client.get("/admin/snippets/announcements/subscriber/")
    assert response.status_code == 200 and "private@example.org" in response.content.decode()
