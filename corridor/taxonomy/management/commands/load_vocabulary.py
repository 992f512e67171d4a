from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from corridor.taxonomy.services import load_vocabulary


class Command(BaseCommand):
    help = (
        "Create or update the shared vocabulary: GCM objectives and guiding principles, thematic "
        "areas, cross-cutting themes, SDG targets, UN M49 regions and ISO 3166-1 countries. "
        "Idempotent: running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help='The database to load into (default: "default").',
        )

    def handle(self, *args, database, **options):
        summary = load_vocabulary(using=database)
        for line in summary.lines():
            self.stdout.write(line)
        if summary.changed:
            message = (
                f"Vocabulary loaded: {summary.total_created} created, "
                f"{summary.total_updated} updated."
            )
        else:
            message = "Vocabulary already up to date: 0 created, 0 updated."
        self.stdout.write(self.style.SUCCESS(message))
