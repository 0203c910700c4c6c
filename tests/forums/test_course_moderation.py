"""Facilitators handle the reports on their own course's forum, without the admin: a
flag on the topic, a count on their dashboard, and the forum's reports page."""

import pytest
from django.utils import translation

from forums.choices import ReportStatus
from forums.models import Report
from tests.forums.factories import make_topic


def url(obj, tail=""):
    with translation.override("en"):
        return obj.get_absolute_url() + tail


@pytest.fixture
def reported(course_rules, forum_a, member, user, facilitator_a):
    course_rules.members[forum_a.page_id] = {member.pk, user.pk}
    course_rules.facilitators[forum_a.page_id] = {facilitator_a.pk}
    topic = make_topic(forum_a, member, title="Week one homework")
    return Report.objects.create(post=topic.posts.get(), reporter=user, reason="Names a client")


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_facilitator_sees_flag_count_and_page_and_dismisses(
    client, reported, forum_a, facilitator_a, prefix
):
    client.force_login(facilitator_a)
    listing = client.get(prefix + url(forum_a)).content.decode()
    assert f'href="{prefix}/forums/{forum_a.slug}/reports/"' in listing
    assert "badge--warn" in listing
    dashboard = client.get(prefix + "/dashboard/").content.decode()
    if not prefix:
        assert "1 open report in the forums you moderate." in dashboard
    page = client.get(prefix + url(forum_a, "reports/")).content.decode()
    assert "Names a client" in page and "Week one homework" in page
    response = client.post(prefix + url(forum_a, f"reports/{reported.pk}/dismiss/"))
    assert response.status_code == 303
    reported.refresh_from_db()
    assert reported.status == ReportStatus.DISMISSED and reported.resolved_by == facilitator_a
    assert "Names a client" not in client.get(prefix + url(forum_a, "reports/")).content.decode()


def test_hiding_from_the_reports_page_resolves_the_report(client, reported, facilitator_a):
    post = reported.post
    client.force_login(facilitator_a)
    client.post(url(post.topic, f"posts/{post.pk}/hide/"), {"reason": "Confidential details"})
    reported.refresh_from_db()
    assert reported.status == ReportStatus.HIDDEN


def test_participants_and_outsiders_cannot_see_or_dismiss(
    client, reported, forum_a, member, outsider
):
    client.force_login(member)
    assert client.get(url(forum_a, "reports/")).status_code == 403
    assert client.post(url(forum_a, f"reports/{reported.pk}/dismiss/")).status_code == 403
    assert "open report" not in client.get("/dashboard/").content.decode()
    client.force_login(outsider)
    assert client.get(url(forum_a, "reports/")).status_code == 404
    reported.refresh_from_db()
    assert reported.status == ReportStatus.OPEN
