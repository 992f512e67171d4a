"""The main pages in a real browser: keyboard access, WCAG 2.1 A/AA (axe-core), English and Arabic.

Debian's Chromium through Playwright (fixtures in the root conftest.py) against pytest-django's
live server, with the demo data loaded into its database.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from corridor.demo.loader import load_demo

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = {"en": ("", "ltr"), "ar": ("/ar", "rtl")}
PAGES = ["home", "organisations", "workstream"]

# A workstream's page: /workplans/<workplan>/<workstream>/, optionally under a language prefix.
WORKSTREAM_PATH = re.compile(r"^(/[a-z-]+)?/workplans/(?!workstreams/)[^/]+/[^/]+/$")


@pytest.fixture
def demo(transactional_db):
    """The demo data, in the database the live server reads."""
    load_demo()


@pytest.fixture
def failed_requests(page):
    """Every response of 400 or more the page receives (a missing stylesheet, say)."""
    failures = []

    def record(response):
        if response.status >= 400:
            failures.append(f"{response.status} {response.url}")

    page.on("response", record)
    return failures


def open_page(page, name: str, lang: str) -> None:
    """Open one of the main pages the way a person would reach it."""
    prefix, _direction = LANGUAGES[lang]
    if name == "home":
        response = page.goto(f"{prefix}/")
    elif name == "organisations":
        response = page.goto(f"{prefix}/directory/organisations/")
    elif name == "workstream":
        response = page.goto(f"{prefix}/workplans/workstreams/")
        assert response is not None and response.status == 200, response
        links = page.locator("main a[href]")
        paths = links.evaluate_all("links => links.map(a => a.pathname)")
        index = next((i for i, path in enumerate(paths) if WORKSTREAM_PATH.match(path)), None)
        assert index is not None, f"no link to a workstream on {page.url}; links: {paths}"
        target = paths[index]
        with page.expect_response(lambda r: r.request.is_navigation_request()) as navigation:
            links.nth(index).click()
        response = navigation.value
        page.wait_for_load_state()
        assert page.url.endswith(target)
    else:
        raise ValueError(name)
    assert response is not None and response.status == 200, f"{page.url}: {response}"


def axe_report(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"\n- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  * element: {', '.join(map(str, node['target']))}")
            lines.append(f"    html:    {node['html'][:300]}")
            for summary_line in node.get("failureSummary", "").splitlines():
                lines.append(f"    {summary_line}")
    return "\n".join(lines)


def wcag_violations(page) -> list[dict]:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


def skip_link_problems(page, lang: str) -> list[str]:
    """From the top of the page: the first Tab must reach a visible "Skip to main content" link,
    and Enter on it must move focus to <main id="main"> and bring it into view."""
    with translation.override(lang):
        skip_text = translation.gettext("Skip to main content")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            return {tag: el.tagName, href: el.getAttribute('href'), text: el.textContent.trim(),
                    top: box.top, height: box.height};
        }"""
    )
    if focused["tag"] != "A" or focused["href"] != "#main" or focused["text"] != skip_text:
        return [f"the first Tab focused {focused}, not the skip link {skip_text!r} to #main"]
    if focused["height"] <= 0 or focused["top"] < 0:
        return [f"the focused skip link is not visible: {focused}"]

    page.keyboard.press("Enter")
    try:
        page.wait_for_function("() => document.activeElement.id === 'main'", timeout=3_000)
    except PlaywrightTimeoutError:
        active = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        return [f"Enter on the skip link left focus on {active}, not on #main"]
    problems = []
    if not page.url.endswith("#main"):
        problems.append(f"Enter on the skip link did not go to #main (URL {page.url})")
    main_top = page.evaluate("() => document.getElementById('main').getBoundingClientRect().top")
    if not 0 <= main_top < page.evaluate("() => window.innerHeight"):
        problems.append(f"#main is not scrolled into view after the skip link (top {main_top})")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_meets_wcag_and_works_by_keyboard(page, demo, failed_requests, name, lang):
    open_page(page, name, lang)
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == LANGUAGES[lang][1]
    assert page.locator("main#main").count() == 1
    assert failed_requests == []

    # Both checks run before either fails, so one report shows everything wrong with the page.
    violations = wcag_violations(page)
    keyboard = skip_link_problems(page, lang)
    report = []
    if violations:
        report.append(axe_report(page.url, violations))
    if keyboard:
        report.append(f"keyboard on {page.url}:\n" + "\n".join(f"- {p}" for p in keyboard))
    assert not report, "\n\n".join(report)
