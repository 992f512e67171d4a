"""``manage.py load_demo``: load the seed documents' demo data and fictional demo accounts.

Safe to run again and again (``make run`` runs it after ``migrate``): the second run changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from corridor.demo.loader import (
    DEMO_ADMIN_EMAIL,
    DEMO_MEMBER_EMAIL,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    DemoDataError,
    demo_logins,
    load_demo,
)


class Command(BaseCommand):
    help = (
        "Load the demo data: organisations, groups, workplans, research agenda, events and policy "
        "recommendations from the seed documents, and fictional demo accounts. Idempotent."
    )

    def handle(self, *args, **options):
        try:
            counts = load_demo(stdout=self.stdout)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        created = sum(count["created"] for count in counts.values())
        updated = sum(count["updated"] for count in counts.values())
        if created or updated:
            self.stdout.write(
                self.style.SUCCESS(f"Demo data loaded: {created} created, {updated} updated.")
            )
        else:
            self.stdout.write(self.style.SUCCESS("Demo data already up to date: nothing changed."))

        self.stdout.write("")
        self.stdout.write("Demo sign-in (fictional accounts, for demonstration only):")
        self.stdout.write(f"  Administrator:  {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(f"  Member (IOM):   {DEMO_MEMBER_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write(
            "Staff accounts (administrator, secretariat, fund manager) also ask for a two-factor "
            f"code: add the secret {DEMO_TOTP_SECRET} to an authenticator app, or run "
            "`.venv/bin/python manage.py demo_totp_code`."
        )
        self.stdout.write(f"Other demo accounts (same password, {DEMO_PASSWORD}):")
        for label, email in demo_logins():
            if email not in (DEMO_ADMIN_EMAIL, DEMO_MEMBER_EMAIL):
                self.stdout.write(f"  {email:<30} {label}")
