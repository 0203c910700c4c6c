"""The migrations that put issue 13's "only one" rules into the database (finding 8)
run on a database that already broke them, keep every row, and say what they changed."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale, Page

from tests.courses.factories import make_course, make_index
from tests.migrations.test_carry_over import migrate

BEFORE = [("home", "0007_user_email_confirmed"), ("applications", "0001_move_features_out")]


def application(apps, course, applicant, organisation, status):
    return apps.get_model("applications", "Application").objects.create(
        course_id=course.pk,
        applicant=applicant,
        organisation=organisation,
        country="Pakistan",
        practice="The Thinking Healthy Programme",
        ready_to_adopt=True,
        readiness_explanation="Ready.",
        will_submit_metrics=True,
        can_attend_all_sessions=True,
        status=status,
    )


def a_course():
    """A course page, made here rather than by the usual fixtures: an earlier
    transactional test may have flushed the locale and root page Wagtail's migrations
    made."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    return make_course(make_index(root), slug="perinatal", modules=0, workshops=0)


@pytest.mark.django_db(transaction=True)
def test_duplicates_made_before_the_constraints_are_resolved_not_refused(capsys):
    open_course = a_course()
    executor = MigrationExecutor(connection)
    try:
        migrate(executor, BEFORE)
        apps = executor.loader.project_state(BEFORE).apps
        User = apps.get_model("home", "User")
        older = User.objects.create(username="samira", email="Samira@example.org")
        newer = User.objects.create(username="samira2", email="samira@EXAMPLE.org")
        blank = [User.objects.create(username=f"blank{n}", email="") for n in range(2)]
        submitted = application(apps, open_course, older, "Lahore General", "submitted")
        accepted = application(apps, open_course, older, "Mayo Hospital", "accepted")
        other = application(apps, open_course, newer, "Services Hospital", "submitted")
    finally:
        migrate(executor, executor.loader.graph.leaf_nodes())

    from applications.models import Application, ApplicationStatusChange
    from home.models import User

    assert User.objects.get(pk=older.pk).email == "Samira@example.org"  # the oldest keeps it
    assert (User.objects.get(pk=newer.pk).email, User.objects.count()) == ("", 4)
    assert all(User.objects.filter(pk=user.pk).exists() for user in blank)
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {submitted.pk: "withdrawn", accepted.pk: "accepted", other.pk: "submitted"}
    change = ApplicationStatusChange.objects.get(application_id=submitted.pk)
    assert f"#{accepted.pk}" in change.message
    printed = capsys.readouterr().out
    assert "'samira2'" in printed and f"#{submitted.pk} withdrawn" in printed
