"""``manage.py demo_totp_code``: the current two-factor code of the demo staff accounts."""

from django.core.management.base import BaseCommand

from corridor.demo.loader import DEMO_TOTP_SECRET
from corridor.directory.accounts import current_totp_code


class Command(BaseCommand):
    help = "Print the current authenticator code shared by the demo staff accounts (valid ~30 s)."

    def handle(self, *args, **options):
        self.stdout.write(current_totp_code(DEMO_TOTP_SECRET))
