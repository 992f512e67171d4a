import time

from django.core.management.base import BaseCommand

from corridor.search.services import search_catch_up


class Command(BaseCommand):
    help = (
        "Apply the search change log to this node's index. With --follow, keep doing so (every "
        "app server of a multi-server deployment runs one, so each index stays current)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--follow", action="store_true", help="Keep following the log.")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between two looks (--follow)."
        )

    def handle(self, *args, follow, interval, **options):
        written = search_catch_up()
        self.stdout.write(f"{written} documents written.")
        while follow:
            time.sleep(max(0.1, interval))
            written = search_catch_up()
            if written:
                self.stdout.write(f"{written} documents written.")
