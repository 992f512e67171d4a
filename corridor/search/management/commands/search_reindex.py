from django.core.management.base import BaseCommand

from corridor.search.services import documents_rebuild_from_sources, search_catch_up


class Command(BaseCommand):
    help = (
        "Regenerate the search table from every searchable model (after a bulk load such as "
        "load_demo), then bring this node's index up to date."
    )

    def handle(self, *args, **options):
        self.stdout.write("Search table:")
        documents_rebuild_from_sources(stdout=self.stdout)
        written = search_catch_up()
        self.stdout.write(self.style.SUCCESS(f"Search index up to date ({written} written)."))
