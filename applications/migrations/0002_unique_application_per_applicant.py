from django.db import migrations, models

# Which of one applicant's live applications to a course to keep: the one furthest on.
KEEP_FIRST = ["accepted", "waitlisted", "submitted", "declined"]


def withdraw_duplicate_applications(apps, schema_editor):
    """Where one applicant has several live applications to one course (a race before
    the constraint), keep the one furthest on (accepted, then wait-listed, submitted,
    declined; the oldest of equals) and withdraw the others, recording why. Nothing is
    deleted."""
    Application = apps.get_model("applications", "Application")
    StatusChange = apps.get_model("applications", "ApplicationStatusChange")
    live = Application.objects.exclude(status="withdrawn").order_by("submitted_at", "pk")
    by_key = {}
    for application in live.iterator():
        by_key.setdefault((application.applicant_id, application.course_id), []).append(
            application
        )
    for group in by_key.values():
        group.sort(key=lambda application: KEEP_FIRST.index(application.status))
        for duplicate in group[1:]:
            StatusChange.objects.create(
                application=duplicate,
                from_status=duplicate.status,
                to_status="withdrawn",
                message="Withdrawn automatically: the applicant had another live "
                f"application to this course (#{group[0].pk}).",
            )
            Application.objects.filter(pk=duplicate.pk).update(status="withdrawn")
            print(
                f"\n  applications 0002: application #{duplicate.pk} withdrawn, a duplicate "
                f"of #{group[0].pk} by the same applicant.",
                end="",
            )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0001_move_features_out"),
    ]

    operations = [
        migrations.RunPython(withdraw_duplicate_applications, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="application",
            constraint=models.UniqueConstraint(
                "applicant",
                "course",
                condition=models.Q(("status", "withdrawn"), _negated=True),
                name="unique_application_per_applicant",
            ),
        ),
    ]
