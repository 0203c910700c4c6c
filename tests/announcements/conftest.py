import pytest

from announcements.choices import Audience
from announcements.models import AnnouncementIndexPage, AnnouncementPage
from tests.courses import conftest as courses_fixtures

course_index = courses_fixtures.course_index
course = courses_fixtures.course
participant = courses_fixtures.participant
facilitator = courses_fixtures.facilitator
withdrawn = courses_fixtures.withdrawn


@pytest.fixture
def index(home_page):
    return home_page.add_child(
        instance=AnnouncementIndexPage(title="Announcements", slug="announcements")
    )


def draft(index, slug="news", audience=Audience.SUBSCRIBERS, **fields):
    """An announcement not yet published (add_child makes it live: it is unpublished)."""
    page = index.add_child(
        instance=AnnouncementPage(
            title=fields.pop("title", f"News {slug}"),
            slug=slug,
            summary=fields.pop("summary", "A short summary."),
            body=fields.pop("body", "<p>The body.</p>"),
            audience=audience,
            live=False,
            **fields,
        )
    )
    return page


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page
