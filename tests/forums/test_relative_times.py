"""Forum listings say when the last post was as "8 minutes ago" or "just now": one unit,
with "ago", never "0 minutes" or "1 week, 6 days"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forums.models import Topic


@pytest.mark.parametrize(
    ("age", "shown"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(minutes=8), "8\xa0minutes ago"),
        (timedelta(days=13), "1\xa0week ago"),
    ],
)
def test_last_post_times_read_as_relative_times(client, open_forum, topic, age, shown):
    Topic.objects.filter(pk=topic.pk).update(last_post_at=timezone.now() - age)
    for url in ("/forums/", open_forum.get_absolute_url()):
        html = client.get(url).content.decode()
        assert f">{shown}</time>" in html, url
