"""The application closing date reads like every other date of the site, in each
language: "31 December 2026, 23:59", not the US "Dec. 31, 2026, 11:59 p.m.."."""

import datetime

import pytest

from courses.models import CoursePage
from tests.applications.test_apply import apply_url

CLOSES = datetime.datetime(2026, 12, 31, 23, 59, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("prefix", "shown"),
    [("", "31 December 2026, 23:59"), ("/ar", "31 ديسمبر 2026، 23:59")],
)
def test_the_closing_date_has_the_sites_one_date_format(
    client, applicant, open_course, prefix, shown
):
    CoursePage.objects.filter(pk=open_course.pk).update(applications_close_at=CLOSES)
    client.force_login(applicant)
    for url in (apply_url(open_course), open_course.url):
        html = client.get(f"{prefix}{url}", follow=True).content.decode()
        assert shown in html, url
        assert "p.m." not in html
