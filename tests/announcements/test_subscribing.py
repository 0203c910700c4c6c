"""Anyone subscribes with an email address, double opt-in; bad input gets a clear 4xx."""

import re

import pytest
from django.core import mail, signing
from django.urls import reverse

from announcements import subscriptions
from announcements.models import OptOut, Subscriber

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"http://testserver(\S+)", message.body).group(1)


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa", "/ur"])
def test_subscribe_confirm_then_subscribed_in_the_language_of_the_page(client, home_page, prefix):
    response = client.post(f"{prefix}/announcements/subscribe/", {"email": "Nadia@Example.org"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()  # nothing stored before the link is followed
    link = link_in(mail.outbox[0])
    assert link.startswith(f"{prefix}/announcements/confirm/")
    assert client.get(link).status_code == 200
    assert not Subscriber.objects.exists()  # a mail scanner's GET confirms nothing
    assert client.post(link).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "nadia@example.org"
    assert subscriber.language == (prefix.strip("/") or "en")


def test_a_bad_address_is_refused_and_nothing_sent(client, home_page):
    response = client.post("/announcements/subscribe/", {"email": "not-an-address"})
    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert mail.outbox == []


def test_an_expired_link_says_so(client, home_page, monkeypatch):
    token = subscriptions.confirm_token("a@example.org", "en")
    monkeypatch.setattr(subscriptions, "CONFIRM_MAX_AGE", -1)
    response = client.post(reverse("announcements_confirm", args=[token]))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_tampered_link_is_refused(client, home_page):
    token = subscriptions.confirm_token("a@example.org", "en")
    forged = signing.dumps({"email": "b@example.org", "language": "en"}, salt="other")
    for bad in (token[:-2] + "xx", forged):
        response = client.post(reverse("announcements_confirm", args=[bad]))
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_confirming_twice_is_a_conflict(client, home_page):
    link = reverse(
        "announcements_confirm", args=[subscriptions.confirm_token("a@example.org", "en")]
    )
    assert client.post(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 409
    assert "subscribed already" in response.content.decode()
    assert Subscriber.objects.count() == 1


def test_subscribing_twice_tells_the_inbox_not_the_page(client, home_page):
    """The page answers alike, so it reveals to nobody which addresses subscribed."""
    Subscriber.objects.create(email="a@example.org")
    fresh = client.post("/announcements/subscribe/", {"email": "new@example.org"})
    again = client.post("/announcements/subscribe/", {"email": "A@example.org"})
    assert fresh.content == again.content
    assert "subscribed already" in mail.outbox[1].body
    assert "/confirm/" not in mail.outbox[1].body
    assert Subscriber.objects.count() == 1


def test_subscribing_is_rate_limited(client, home_page):
    statuses = [
        client.post("/announcements/subscribe/", {"email": "a@example.org"}).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    # identical links asked for within a second are one email in the outbox
    assert {email.to[0] for email in mail.outbox} == {"a@example.org"}


def test_subscribing_after_unsubscribing_lifts_the_opt_out(client, home_page):
    OptOut.objects.create(email="a@example.org")
    link = reverse(
        "announcements_confirm", args=[subscriptions.confirm_token("a@example.org", "en")]
    )
    client.post(link)
    assert Subscriber.objects.exists() and not OptOut.objects.exists()


def test_unsubscribe_page_asks_then_the_post_unsubscribes(client, home_page):
    Subscriber.objects.create(email="a@example.org")
    link = reverse(
        "announcements_unsubscribe", args=[subscriptions.unsubscribe_token("a@example.org")]
    )
    page = client.get(f"/ur{link}")
    assert page.status_code == 200 and Subscriber.objects.exists()
    assert client.post(link).status_code == 200
    assert not Subscriber.objects.exists()
    assert client.post(link.replace("/unsubscribe/", "/unsubscribe/x")).status_code == 400
