"""The site's shared parts: alerts that tell success from information by colour and
icon, avatars of initials with nothing fetched from Gravatar (on the site and in the
admin), and the icon sprite every page carries."""

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string

from core import avatars
from core.wagtail_hooks import initials_avatar
from forums import people


def test_success_information_warning_and_error_each_have_their_own_look():
    html = render_to_string(
        "includes/messages.html",
        {
            "messages": [
                Message(level, text)
                for level, text in [
                    (messages.SUCCESS, "Saved"),
                    (messages.INFO, "Note"),
                    (messages.WARNING, "Careful"),
                    (messages.ERROR, "Failed"),
                ]
            ]
        },
    )
    for kind, label in [
        ("success", "Success"),
        ("info", "Information"),
        ("warning", "Warning"),
        ("error", "Error"),
    ]:
        assert (
            f'<li class="message message--{kind}"><svg class="icon" role="img" '
            f'aria-label="{label}"><use href="#icon-{kind}">' in html
        )


def test_every_page_carries_the_icon_sprite_and_a_favicon(client, db):
    html = client.get("/accounts/login/").content.decode()
    for name in ("success", "info", "warning", "error", "lock"):
        assert f'<symbol id="icon-{name}"' in html
    assert 'rel="icon" href="/static/favicon.svg"' in html


def test_favicon_ico_leads_to_the_svg_icon(client, db):
    """Browsers and feed readers ask for /favicon.ico: no 404 in every log."""
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"
    assert client.post("/favicon.ico").status_code == 405


def test_forums_draw_avatars_from_the_one_helper_in_core():
    assert people.initials is avatars.initials and people.colour is avatars.colour
    assert avatars.initials("Dr Samira Haddad") == "DH"
    assert avatars.initials("مريم أحمد") == "مأ"


def test_admin_avatars_are_initials_and_nothing_calls_gravatar(client, superuser, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    superuser.display_name = "Amira Saleh"
    superuser.save()
    url = initials_avatar(superuser, 50)
    assert url.startswith("data:image/svg+xml,") and "%3EAS%3C/text%3E" in url
    assert avatars.COLOURS[avatars.colour("Amira Saleh")].replace("#", "%23") in url
    client.force_login(superuser)
    response = client.get("/admin/")
    html = response.content.decode()
    assert "gravatar" not in html.lower() and "gravatar" not in response["Content-Security-Policy"]
    assert "data:image/svg+xml," in html


def test_the_sign_in_page_is_titled_with_the_site_name_not_the_host(client, db, settings):
    """Django's login view passes its own `site_name` (the host); the title ignores it."""
    html = client.get("/accounts/login/").content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert title.endswith(f" · {settings.WAGTAIL_SITE_NAME}") and "testserver" not in title
    assert f">{settings.WAGTAIL_SITE_NAME}</a>" in html  # the header's brand link
