"""The main pages in a real browser: keyboard access, WCAG 2.1 A/AA (axe-core), English and Arabic.

Debian's Chromium through Playwright against pytest-django's live server, with the demo data
loaded into its database. The ``browser``, ``page`` and ``axe`` fixtures are in the root conftest.py.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from corridor.demo.loader import load_demo

pytestmark = pytest.mark.browser

LANGUAGES = {"en": ("", "ltr"), "ar": ("/ar", "rtl")}
# The main pages by address; a workstream's page is reached by a click from the list.
PATHS = {
    "home": "/",
    "organisations": "/directory/organisations/",
    "workplans": "/workplans/",
    "workstreams": "/workplans/workstreams/",
    "groups": "/directory/groups/",
    "research-agenda": "/community/research-agenda/",
    "events": "/community/events/",
    "knowledge": "/knowledge/",
    "vocabulary": "/vocabulary/",
    "sign-in": "/accounts/login/",
}
# Each has a test of its own per language; the rest of PATHS share one test (one data load).
PAGES = ["home", "organisations", "workstream"]
OTHER_PAGES = [name for name in PATHS if name not in PAGES]

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
    if name in PATHS:
        response = page.goto(f"{prefix}{PATHS[name]}")
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
    # Sub-pixel layout can leave the top a fraction of a pixel above the viewport.
    if not -1 < main_top < page.evaluate("() => window.innerHeight"):
        problems.append(f"#main is not scrolled into view after the skip link (top {main_top})")
    return problems


def page_problems(page, axe, name: str, lang: str, failed_requests: list[str]) -> list[str]:
    """Open a page and return everything wrong with it; every check runs, so one report shows all."""
    failed_requests.clear()
    open_page(page, name, lang)
    problems = []
    html = page.locator("html")
    expected = {"lang": lang, "dir": LANGUAGES[lang][1]}
    actual = {"lang": html.get_attribute("lang"), "dir": html.get_attribute("dir")}
    if actual != expected:
        problems.append(f"<html> on {page.url} has {actual}, expected {expected}")
    if page.locator("main#main").count() != 1:
        problems.append(f'{page.url} has no single <main id="main">')
    if failed_requests:
        problems.append(f"{page.url} received errors: {failed_requests}")
    wcag = axe.report(page)
    if wcag:
        problems.append(wcag)
    keyboard = skip_link_problems(page, lang)
    if keyboard:
        problems.append(f"keyboard on {page.url}:\n" + "\n".join(f"- {p}" for p in keyboard))
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_meets_wcag_and_works_by_keyboard(page, axe, demo, failed_requests, name, lang):
    problems = page_problems(page, axe, name, lang, failed_requests)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_main_pages_meet_wcag_and_work_by_keyboard(page, axe, demo, failed_requests, lang):
    problems = []
    for name in OTHER_PAGES:
        problems += page_problems(page, axe, name, lang, failed_requests)
    assert not problems, "\n\n".join(problems)
