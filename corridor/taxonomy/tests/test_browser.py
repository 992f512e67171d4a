"""The vocabulary pages in Chromium: WCAG 2.1 A/AA with axe-core, English and Arabic, no JavaScript needed.

The ``page``, ``page_without_javascript`` and ``axe`` fixtures are in the root conftest.py.
"""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
@pytest.mark.parametrize("path", ["/vocabulary/", "/vocabulary/objectives/13/"])
def test_vocabulary_pages_meet_wcag(page, axe, transactional_db, prefix, direction, path):
    response = page.goto(f"{prefix}{path}")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    assert not (problems := axe.report(page)), problems


def test_country_lists_open_without_javascript(page_without_javascript, transactional_db):
    page = page_without_javascript
    page.goto("/vocabulary/")
    namibia = page.locator("#country-NA")
    assert not namibia.is_visible()
    page.locator("#region-202 > summary").click()  # Sub-Saharan Africa
    assert namibia.is_visible()
    assert page.locator("#region-018").is_visible()  # Southern Africa, a heading inside
