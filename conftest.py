import os
from contextlib import contextmanager
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in the test's thread, and Django refuses ORM
# calls from a thread with a running loop (SynchronousOnlyOperation). The tests are ordinary
# synchronous code, so this is safe here; it must be set before Django touches the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's Chromium; Playwright must never download a browser of its own (no network here).
CHROMIUM = Path(os.environ.get("CORRIDOR_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# axe-core's tags for WCAG 2.1 levels A and AA: what the pages must meet.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(autouse=True)
def _media_and_language(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Each test's search index of its own (services index after commit): never DATA_DIR's.
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (per xdist worker)."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. The browser tests need Debian's chromium: "
            "run `make test` (it installs it) or `apt-get install -y chromium`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@contextmanager
def _fresh_page(browser, base_url: str, **options):
    """A page in a new browser context (no cookies, English), closed afterwards."""
    context = browser.new_context(base_url=base_url, locale="en-GB", **options)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies, English) and page per test, aimed at the live server."""
    with _fresh_page(browser, live_server.url) as page:
        yield page


@pytest.fixture
def page_without_javascript(browser, live_server):
    """Like ``page``, with JavaScript turned off: the pages must work without it."""
    with _fresh_page(browser, live_server.url, java_script_enabled=False) as page:
        yield page


class AxeChecker:
    """axe-core (bundled by axe-playwright-python) run on a Playwright page, WCAG 2.1 A/AA."""

    def violations(self, page) -> list[dict]:
        from axe_playwright_python.sync_playwright import Axe

        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        return Axe().run(page, options=options).response["violations"]

    def report(self, page) -> str:
        """Every violation on the page, readably (rule, impact, element, why); "" when none."""
        violations = self.violations(page)
        if not violations:
            return ""
        lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(
                f"\n- {violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"  {violation['helpUrl']}"
            )
            for node in violation["nodes"]:
                lines.append(f"  * element: {', '.join(map(str, node['target']))}")
                lines.append(f"    html:    {node['html'][:300]}")
                lines.extend(f"    {line}" for line in node.get("failureSummary", "").splitlines())
        return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    """``assert not (problems := axe.report(page)), problems`` checks a page against WCAG 2.1 AA."""
    return AxeChecker()
