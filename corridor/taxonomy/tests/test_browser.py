"""The vocabulary pages in Chromium: WCAG 2.1 A/AA with axe-core, English and Arabic, no JavaScript needed."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations_on(page) -> list[dict]:
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']}: {v['help']} -> {[node['target'] for node in v['nodes']][:5]}"
        for v in violations
    )


@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
@pytest.mark.parametrize("path", ["/vocabulary/", "/vocabulary/objectives/13/"])
def test_vocabulary_pages_meet_wcag(page, transactional_db, prefix, direction, path):
    response = page.goto(f"{prefix}{path}")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    violations = violations_on(page)
    assert not violations, describe(violations)


def test_country_lists_open_without_javascript(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/vocabulary/")
        namibia = page.locator("#country-NA")
        assert not namibia.is_visible()
        page.locator("#region-202 > summary").click()  # Sub-Saharan Africa
        assert namibia.is_visible()
        assert page.locator("#region-018").is_visible()  # Southern Africa, a heading inside
    finally:
        context.close()
