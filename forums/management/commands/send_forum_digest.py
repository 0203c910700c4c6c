from django.core.management.base import BaseCommand

from forums.digest import send_digests
from forums.polls import post_due_results


class Command(BaseCommand):
    help = (
        "Queue for each 'daily digest' subscriber the new forum posts since their last digest; "
        "the task worker sends them and retries failures. Run it once a day (cron); a second "
        "run queues nothing twice. Polls past their closing date post their results first, "
        "each once."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Polls closed by date: {post_due_results()} results posted.")
        run = send_digests()
        for error in run.errors:
            self.stderr.write(f"failed: {error}")
        self.stdout.write(
            f"Forum digests: {run.sent} queued, {run.skipped} with nothing new, "
            f"{run.failed} failed (tried again next run)."
        )
