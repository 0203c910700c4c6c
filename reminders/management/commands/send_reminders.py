from django.core.management.base import BaseCommand

from reminders.sending import run


class Command(BaseCommand):
    help = (
        "Queue the “make it stick” reminders and session messages whose time has come for "
        "each active participant (and facilitators where asked), once; the task worker sends "
        "them and retries failures. Run it from cron every few minutes; runs may overlap."
    )

    def handle(self, *args, **options):
        result = run()
        self.stdout.write(
            f"Reminders: {result.sent} queued, {result.skipped} skipped, "
            f"{result.scheduled} newly due."
        )
