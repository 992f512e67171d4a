"""The main pages in a real browser: keyboard access, WCAG 2.1 A/AA (axe-core), English and Arabic.

Debian's Chromium through Playwright (fixtures in the root conftest.py) against pytest-django's
live server, with the demo data loaded into its database.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = {"en": ("", "ltr"), "ar": ("/ar", "rtl")}
PAGES = ["home", "organisations", "workstream"]

# A workstream's page: /workplans/<workplan>/<workstream>/, optionally under a language prefix.
WORKSTREAM_PATH = re.compile(r"^(/[a-z-]+)?/workplans/(?!workstreams/)[^/]+/[^/]+/$")


@pytest.fixture
def demo(transactional_db):
    try:
        from corridor.demo.loader import load_demo
    except ImportError:  # the demo loader has not landed yet: a few objects from the factories
        from corridor.workplans.tests.factories import WorkstreamOrganisationFactory

        WorkstreamOrganisationFactory()
    else:
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


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(page, demo, failed_requests, name, lang):
    open_page(page, name, lang)

    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == LANGUAGES[lang][1]
    assert page.locator("main#main").count() == 1
    assert failed_requests == []

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    assert not violations, axe_report(page.url, violations)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_skip_link_is_first_and_moves_focus_to_main(page, demo, name, lang):
    open_page(page, name, lang)
    with translation.override(lang):
        skip_text = translation.gettext("Skip to main content")

    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const el = document.activeElement;
            const box = el.getBoundingClientRect();
            return {tag: el.tagName, href: el.getAttribute('href'), text: el.textContent.trim(),
                    top: box.top, bottom: box.bottom, height: box.height};
        }"""
    )
    assert focused["tag"] == "A" and focused["href"] == "#main", (
        f"the first Tab on {page.url} focused {focused}, not the skip link"
    )
    assert focused["text"] == skip_text
    # Shown when focused: inside the viewport, not parked off-screen.
    assert focused["height"] > 0 and focused["top"] >= 0, f"skip link not visible: {focused}"

    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    main_top = page.evaluate("() => document.getElementById('main').getBoundingClientRect().top")
    viewport_height = page.evaluate("() => window.innerHeight")
    assert 0 <= main_top < viewport_height, f"#main not scrolled into view (top {main_top})"
