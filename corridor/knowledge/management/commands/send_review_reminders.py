"""Email reviewers whose review is overdue or due within a few days (run it daily, e.g. by cron)."""

from django.core.management.base import BaseCommand

from corridor.knowledge import selectors, services


class Command(BaseCommand):
    help = "Email reviewers whose review is overdue or due within --days days (once a day at most)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=3,
            help="Remind when the review is due within this many days.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be reminded; send nothing."
        )

    def handle(self, *args, days, dry_run, **options):
        due = list(selectors.reviews_due_for_reminder(within_days=days))
        for assignment in due:
            self.stdout.write(
                f"{'would remind' if dry_run else 'reminded'} {assignment.reviewer.email}: "
                f"“{assignment.resource.title}” due {assignment.due_on.isoformat()}"
            )
            if not dry_run:
                services.review_send_reminder(assignment=assignment)
        self.stdout.write(f"{len(due)} reviewer(s) {'to remind' if dry_run else 'reminded'}.")
