from django.core.management.base import BaseCommand

from reminders.sending import run


class Command(BaseCommand):
    help = (
        "Email the “make it stick” reminders and session messages whose time has come to "
        "each active participant (and facilitators where asked) once. Run it from cron every "
        "few minutes; runs may overlap, and failed emails are retried by the next run."
    )

    def handle(self, *args, **options):
        result = run()
        self.stdout.write(
            f"Reminders: {result.sent} sent, {result.failed} failed (retried next run), "
            f"{result.gave_up} gave up, {result.skipped} skipped, "
            f"{result.scheduled} newly due."
        )
