"""Page weight: the home page and the CSS and JavaScript it references, raw and gzipped.

    python bench/page_weight.py                               # Django's test client, demo data
    python bench/page_weight.py --url http://127.0.0.1:8000   # a running server (`make run`)
    python bench/page_weight.py --path /ar/                   # another page

Every request says `Accept-Encoding: gzip`. For each asset it prints the bytes as served
uncompressed ("raw"), gzipped ("gzip": what the server sent if it compressed, else gzip level 6
of the raw bytes, marked *) and what actually went over the wire ("sent"). A benchmark: it prints
figures and asserts nothing.
"""

import argparse
import gzip
import os
import sys
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Asset:
    url: str
    kind: str
    status: int
    encoding: str
    raw: int
    gzipped: int
    sent: int
    gzip_computed: bool


class AssetFinder(HTMLParser):
    """Collects stylesheets and scripts a page references, in document order."""

    def __init__(self):
        super().__init__()
        self.assets: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.assets.append(("css", attrs["href"]))
        elif tag == "script" and attrs.get("src"):
            self.assets.append(("js", attrs["src"]))


def measure(url: str, kind: str, status: int, headers: dict, body: bytes) -> Asset:
    encoding = headers.get("content-encoding", "")
    if encoding == "gzip":
        raw = len(gzip.decompress(body))
        gzipped, computed = len(body), False
    else:
        raw = len(body)
        gzipped, computed = len(gzip.compress(body, compresslevel=6)), True
    return Asset(url, kind, status, encoding or "-", raw, gzipped, len(body), computed)


def body_of(asset_body: bytes, headers: dict) -> str:
    if headers.get("content-encoding", "") == "gzip":
        asset_body = gzip.decompress(asset_body)
    return asset_body.decode("utf-8", errors="replace")


def fetch_over_http(base: str):
    def fetch(path: str):
        request = urllib.request.Request(urljoin(base, path), headers={"Accept-Encoding": "gzip"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                return response.status, headers, response.read()
        except urllib.error.HTTPError as error:
            headers = {k.lower(): v for k, v in error.headers.items()}
            return error.code, headers, error.read()

    return fetch


def fetch_with_test_client():
    """A throwaway in-memory database with the demo data, and Django's test client."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from corridor.demo.loader import load_demo

    load_demo()
    where = "Django test client, demo data"

    client = Client(headers={"accept-encoding": "gzip"})

    def fetch(path: str):
        response = client.get(path)
        headers = {k.lower(): v for k, v in response.headers.items()}
        body = b"".join(response.streaming_content) if response.streaming else response.content
        response.close()
        return response.status_code, headers, body

    return fetch, where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--path", default="/", help="the page to weigh (default: /)")
    args = parser.parse_args()

    if args.url:
        fetch, where = fetch_over_http(args.url), args.url
    else:
        fetch, where = fetch_with_test_client()

    status, headers, body = fetch(args.path)
    assets = [measure(args.path, "html", status, headers, body)]
    finder = AssetFinder()
    finder.feed(body_of(body, headers))
    for kind, href in finder.assets:
        target = urlsplit(urljoin(args.path, href))
        if target.netloc and target.netloc != urlsplit(args.url or "").netloc:
            print(f"note: {href} is on another host; not fetched")
            continue
        path = target.path + (f"?{target.query}" if target.query else "")
        asset_status, asset_headers, asset_body = fetch(path)
        assets.append(measure(path, kind, asset_status, asset_headers, asset_body))

    print(f"Page weight of {args.path} ({where}); Accept-Encoding: gzip\n")
    header = f"{'asset':<44} {'type':<5} {'status':>6} {'encoding':>9} {'raw B':>9} {'gzip B':>9} {'sent B':>9}"
    print(header)
    print("-" * len(header))
    for a in assets:
        mark = "*" if a.gzip_computed else " "
        print(
            f"{a.url:<44} {a.kind:<5} {a.status:>6} {a.encoding:>9} {a.raw:>9,} "
            f"{a.gzipped:>8,}{mark} {a.sent:>9,}"
        )
    print("-" * len(header))
    print(
        f"{'total (' + str(len(assets)) + ' requests)':<44} {'':<5} {'':>6} {'':>9} "
        f"{sum(a.raw for a in assets):>9,} {sum(a.gzipped for a in assets):>9,} "
        f"{sum(a.sent for a in assets):>9,}"
    )
    if any(a.gzip_computed for a in assets):
        print(
            "\n* not gzipped by the server here; the figure is gzip -6 of the raw bytes "
            "(in production, collectstatic writes .gz files that WhiteNoise serves)."
        )


if __name__ == "__main__":
    main()
