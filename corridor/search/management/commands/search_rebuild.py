from django.core.management.base import BaseCommand

from corridor.search.services import search_rebuild


class Command(BaseCommand):
    help = (
        "Build a new search index for this node from the search table and swap it in atomically "
        "(searches keep answering from the old one meanwhile); older indexes are removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep", type=int, default=2, help="How many index generations to keep (default 2)."
        )

    def handle(self, *args, keep, **options):
        search_rebuild(stdout=self.stdout, keep=max(1, keep))
