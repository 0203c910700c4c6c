from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail import hooks

from core.demo import DEMO_PASSWORD
from home.demo import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = (
        "Load the demo learning collaborative, once: running it again changes nothing. "
        "Each app adds its part through the `load_demo_content` hook."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Make N times more of everything, for performance work.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (demo passwords!)."
        )

    def handle(self, *args, scale, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. The demo creates accounts with a "
                "published password. Pass --force if you really mean it."
            )
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        with transaction.atomic():
            for load in hooks.get_hooks("load_demo_content"):
                load(scale=scale, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo collaborative loaded. Demo accounts:"))
        for username, display_name, *_rest, role in DEMO_ACCOUNTS:
            label = role or username
            self.stdout.write(f"  {username:<12} {DEMO_PASSWORD}   ({display_name}, {label})")
