"""The search page in Chromium on the demo data: WCAG 2.1 A/AA (axe-core) in English and Arabic,
and searching, filtering and paging without JavaScript."""

import pytest

from corridor.demo.loader import load_demo
from corridor.search.services import documents_rebuild_from_sources, search_rebuild

pytestmark = pytest.mark.browser

PATHS = [
    "/search/",
    "/search/?q=detention",
    "/search/?q=migration&objective=13&type=workstream&sort=date",
    "/search/?q=detentoin",  # nothing found: did you mean, help
    "/search/?q=labour&page=2",
]


@pytest.fixture
def demo(transactional_db, no_staff_mfa):
    load_demo()
    documents_rebuild_from_sources()
    search_rebuild()


@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
def test_the_search_page_meets_wcag(page, axe, demo, prefix, direction):
    problems = []
    for path in PATHS:
        response = page.goto(f"{prefix}{path}")
        assert response is not None and response.status == 200, path
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("h1").count() == 1, path
        if wcag := axe.report(page):
            problems.append(wcag)
    assert not problems, "\n\n".join(problems)


def test_searching_without_javascript(page_without_javascript, demo):
    page = page_without_javascript
    page.goto("/")
    page.fill("#site-search-q", "detention")
    page.click(".site-search button[type=submit]")
    assert "/search/?q=detention" in page.url
    assert page.locator("ol.search-hits > li").count() > 0
    # A filter: tick a box, apply.
    page.check("#facet-objective-13")
    page.click(".search-filters button[type=submit]")
    assert "objective=13" in page.url and "q=detention" in page.url
    assert page.locator("#facet-objective-13").is_checked()
    # A tab keeps the words and the filter.
    page.click(".search-tabs a[href*='type=workstream']")
    assert "type=workstream" in page.url and "objective=13" in page.url
    assert page.locator(".search-tabs a[aria-current=page]").inner_text().startswith("Workstreams")
    # A new search from the page's own box keeps the filters.
    page.fill("#search-q", "alternatives")
    page.click(".search-box button[type=submit]")
    assert "q=alternatives" in page.url and "objective=13" in page.url
    assert "Alternatives to detention are promoted and utilized" in page.content()
