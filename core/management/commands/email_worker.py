from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.outbox import BACKEND, requeue_interrupted


class Command(BaseCommand):
    help = (
        "Send queued emails: django-tasks-db's db_worker on the email backend, after putting "
        "back the email tasks a killed worker left running (sending is once per key, so a "
        "task run again sends nothing twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument(
            "--requeue-after",
            type=int,
            default=600,
            help="put back running tasks started longer ago than this many seconds "
            "(0 where this is the only worker)",
        )

    def handle(self, *args, interval, requeue_after, **options):
        requeued = requeue_interrupted(timedelta(seconds=requeue_after))
        if requeued:
            self.stdout.write(f"Put back {requeued} interrupted email task(s).")
        call_command("db_worker", f"--backend={BACKEND}", "--no-reload", f"--interval={interval}")
