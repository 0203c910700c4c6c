from django.core.management.base import BaseCommand

from forums.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email each 'daily digest' subscriber the new forum posts since their last digest. "
        "Run it once a day (cron); a second run sends nothing twice, failed sends are retried."
    )

    def handle(self, *args, **options):
        run = send_digests()
        for error in run.errors:
            self.stderr.write(f"failed: {error}")
        self.stdout.write(
            f"Forum digests: {run.sent} sent, {run.skipped} with nothing new, "
            f"{run.failed} failed (retried next run)."
        )
