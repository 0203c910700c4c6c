"""The Wagtail admin: listings escape user text; the moderation queue resolves reports."""

import re

from django.test import Client

from forums.choices import ReportStatus
from forums.models import Forum, Report, Topic
from tests.forums.factories import make_topic
from tests.forums.payloads import TITLE_PAYLOAD

TOPICS = "/admin/snippets/forums/topic/"
REPORTS = "/admin/snippets/forums/report/"
FORUMS = "/admin/snippets/forums/forum/"
# The forum form's inline translations, none of them filled in.
NO_TRANSLATIONS = {
    "translations-TOTAL_FORMS": "0",
    "translations-INITIAL_FORMS": "0",
    "translations-MIN_NUM_FORMS": "0",
    "translations-MAX_NUM_FORMS": "1000",
}


def test_editor_sees_forums_topics_and_reports(client, editor, topic):
    client.force_login(editor)
    for url in (FORUMS, TOPICS, REPORTS, f"{TOPICS}?hidden=true", f"{TOPICS}?q=supervision"):
        assert client.get(url).status_code == 200, url
    assert "Protecting supervision time" in client.get(f"{TOPICS}?q=supervision").content.decode()


def test_editor_creates_a_forum(client, editor, home_page):
    client.force_login(editor)
    response = client.post(
        f"{FORUMS}add/",
        {"name": "Policy engagement", "slug": "policy", "description": "", "scope": "members"}
        | NO_TRANSLATIONS,
    )
    assert response.status_code == 302
    assert Forum.objects.get(slug="policy").scope == "members"
    response = client.post(
        f"{FORUMS}add/",
        {"name": "No page", "slug": "nopage", "description": "", "scope": "page"} | NO_TRANSLATIONS,
    )
    assert response.status_code == 200  # form error: a page forum needs a page
    assert not Forum.objects.filter(slug="nopage").exists()


def test_reserved_slug_is_refused(client, editor):
    client.force_login(editor)
    client.post(
        f"{FORUMS}add/", {"name": "P", "slug": "preferences", "scope": "members"} | NO_TRANSLATIONS
    )
    assert not Forum.objects.filter(slug="preferences").exists()


def test_topics_cannot_be_added_in_the_admin(client, editor):
    """NoAddPolicy refuses "add" (and Editors hold no add_topic permission either), so the
    add view raises PermissionDenied; Wagtail's require_admin_access turns that into a
    redirect to the admin dashboard with an error message (only XHR requests get a 403)."""
    client.force_login(editor)
    response = client.get(f"{TOPICS}add/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in response.content.decode()


def test_admin_listings_escape_user_text(client, editor, open_forum, member):
    member.display_name = "<script>alert('name')</script>"
    member.save()
    topic = make_topic(open_forum, member, title=TITLE_PAYLOAD, body="<script>alert('b')</script>")
    Report.objects.create(post=topic.posts.get(), reporter=member, reason=TITLE_PAYLOAD)
    client.force_login(editor)
    for url in (TOPICS, REPORTS):
        page = client.get(url).content.decode()
        assert '<script>alert("t")' not in page and "<script>alert('name')" not in page, url
        assert "&lt;script&gt;" in page, url


def make_report(topic, reporter):
    return Report.objects.create(post=topic.posts.get(), reporter=reporter, reason="Off topic")


def test_resolve_hide_restore_and_dismiss(client, editor, topic, member, user):
    report = make_report(topic, member)
    second = Report.objects.create(post=report.post, reporter=user, reason="Me too")
    client.force_login(editor)
    assert "Off topic" in client.get(REPORTS).content.decode()
    response = client.post(f"{REPORTS}resolve/{report.pk}/hide/")
    assert response.status_code == 302
    report.refresh_from_db()
    second.refresh_from_db()
    assert report.status == second.status == ReportStatus.HIDDEN
    assert report.resolved_by == editor
    assert report.post.hidden
    assert Topic.objects.get(pk=topic.pk).post_count == 0

    again = make_report(topic, member)
    client.post(f"{REPORTS}resolve/{again.pk}/restore/")
    again.refresh_from_db()
    assert again.status == ReportStatus.RESTORED and not again.post.hidden
    assert Topic.objects.get(pk=topic.pk).post_count == 1

    third = make_report(topic, member)
    client.post(f"{REPORTS}resolve/{third.pk}/dismiss/")
    third.refresh_from_db()
    assert third.status == ReportStatus.DISMISSED and not third.post.hidden


def test_queue_buttons_carry_a_csrf_token(editor, topic, member):
    """Resolve buttons are real forms that pass Django's CSRF check."""
    report = make_report(topic, member)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get(REPORTS).content.decode()
    action = f"{REPORTS}resolve/{report.pk}/dismiss/"
    form = page[page.index(f'action="{action}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert client.post(action, {"csrfmiddlewaretoken": token}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.DISMISSED


def test_participant_cannot_resolve(client, topic, member):
    report = make_report(topic, member)
    client.force_login(member)
    response = client.post(f"{REPORTS}resolve/{report.pk}/hide/")
    assert response.status_code in (302, 403)
    report.refresh_from_db()
    assert report.status == ReportStatus.OPEN and not report.post.hidden


def test_resolving_needs_post(client, editor, topic, member):
    report = make_report(topic, member)
    client.force_login(editor)
    assert client.get(f"{REPORTS}resolve/{report.pk}/hide/").status_code == 405


def test_queue_is_named_reported_posts_and_offers_restore_only_for_hidden_posts(
    client, editor, topic, member
):
    from forums import posting

    report = make_report(topic, member)
    client.force_login(editor)
    page = client.get(REPORTS).content.decode()
    assert "Reported posts" in page and "Moderation queue" not in page
    assert "Restore post" not in page
    assert f'posts/{report.post.pk}/hide/"' in page  # hiding asks for a reason first
    posting.set_post_flags(report.post, hidden=True)
    page = client.get(REPORTS).content.decode()
    assert "Restore post" in page and f'posts/{report.post.pk}/hide/"' not in page


def test_the_admin_home_lists_open_reports_until_resolved(client, editor, topic, member):
    report = make_report(topic, member)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "1 reported post waits for a moderator." in html
    assert f'href="{REPORTS}inspect/{report.pk}/"' in html
    assert f"{topic.title} · Off topic" in html
    client.post(f"{REPORTS}resolve/{report.pk}/dismiss/")
    assert "reported post waits" not in client.get("/admin/").content.decode()
