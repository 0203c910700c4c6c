"""Editors create and publish announcements in the Wagtail admin; the page types sit
where they belong."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text

from announcements.choices import Audience
from announcements.models import AnnouncementIndexPage, AnnouncementPage, Delivery, Subscriber

pytestmark = pytest.mark.django_db


def test_page_types_sit_below_their_index_only(index, home_page):
    assert AnnouncementPage.can_create_at(index)
    assert not AnnouncementPage.can_create_at(home_page)
    assert AnnouncementIndexPage.can_create_at(home_page)
    assert AnnouncementPage.allowed_subpage_models() == []


def form(**fields):
    return nested_form_data(
        {
            "title": "Call for storyboards",
            "slug": "call-for-storyboards",
            "summary": "Storyboards are due a week before the session.",
            "body": rich_text("<p>Please send yours.</p>"),
            "audience": Audience.SUBSCRIBERS,
            "course": "",
            "action-publish": "publish",
            **fields,
        }
    )


def test_an_editor_publishes_an_announcement_and_its_emails_are_listed(client, index, editor):
    Subscriber.objects.create(email="a@example.org")
    client.force_login(editor)
    url = f"/admin/pages/add/announcements/announcementpage/{index.pk}/"
    response = client.post(url, form())
    assert response.status_code == 302
    page = AnnouncementPage.objects.get(slug="call-for-storyboards")
    assert page.live
    assert list(Delivery.objects.values_list("announcement_id", "email")) == [
        (page.pk, "a@example.org")
    ]


def test_course_members_without_a_course_is_refused_in_the_admin(client, index, editor):
    client.force_login(editor)
    url = f"/admin/pages/add/announcements/announcementpage/{index.pk}/"
    response = client.post(url, form(audience=Audience.COURSE_MEMBERS))
    assert response.status_code == 200  # the form again, with the error
    assert "Choose the course whose members get it." in response.content.decode()
    assert not AnnouncementPage.objects.exists()
