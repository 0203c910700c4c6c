"""A person's time zone: taken from the browser at sign-up when it is a real zone, never
assumed to be UTC, and theirs to change (or unset) in the profile."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from home.models import User
from tests.home.test_accounts import SIGNUP


def test_a_new_account_has_no_zone_chosen(db):
    assert User.objects.create_user("sana", "sana@example.org").time_zone == ""


def test_sign_up_form_carries_the_hidden_zone_field_and_its_script(client, home_page):
    html = client.get("/accounts/signup/").content.decode()
    assert '<input type="hidden" name="time_zone"' in html
    assert 'src="/static/js/sign-up-time-zone.js" defer' in html


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("Asia/Karachi", "Asia/Karachi"),
        ("Mars/Olympus", ""),
        ("../../etc/passwd", ""),
        ("x" * 64, ""),
        ("", ""),
    ],
)
def test_sign_up_keeps_the_browsers_zone_only_if_it_is_a_real_one(client, home_page, sent, kept):
    client.post("/accounts/signup/", {**SIGNUP, "time_zone": sent})
    assert User.objects.get(username=SIGNUP["username"]).time_zone == kept


def test_profile_can_unset_the_zone(client, user):
    user.time_zone = "Asia/Karachi"
    user.save()
    client.force_login(user)
    form = client.get("/ur/accounts/profile/").content.decode()
    assert '<option value="">' in form
    response = client.post(
        "/accounts/profile/", {"display_name": "P", "preferred_language": "en", "time_zone": ""}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.time_zone == ""


@pytest.mark.django_db(transaction=True)
def test_the_old_utc_default_becomes_not_chosen_and_other_zones_stay():
    """Every account got "UTC" without choosing it, and nothing recorded a choice: after
    the migration those people see the venue's time, named; real choices are kept."""
    before, after = (
        ("home", "0006_user_receives_reminders"),
        ("home", "0007_user_time_zone_not_chosen"),
    )
    # Going back to 0006 and forward again re-runs the Person translation bootstrap,
    # which needs the default locale; an earlier transactional test may have flushed it.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([before])
        old_user = executor.loader.project_state([before]).apps.get_model("home", "User")
        old_user.objects.create(username="utc", time_zone="UTC")
        old_user.objects.create(username="karachi", time_zone="Asia/Karachi")
        executor.loader.build_graph()
        executor.migrate([after])
    finally:
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
    zones = dict(User.objects.values_list("username", "time_zone"))
    assert zones == {"utc": "", "karachi": "Asia/Karachi"}
