"""The search page: the query string drives everything, it works without JavaScript, it is
accessible, light on queries, and answers whatever it is sent."""

import datetime
import re

from django.urls import reverse

from corridor.community.models import Event
from corridor.directory.tests.fixtures import sign_in
from corridor.search.services import document_refresh, search_catch_up
from corridor.search.tests.test_engine import HOSTILE

URL = "/search/"


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_is_at_search(db):
    assert reverse("search:search") == URL


def test_a_search_with_facets_in_the_query_string(client, world):
    page = html(client.get(URL, {"q": "detention", "objective": "13"}))
    assert page.count("<h1") == 1
    assert "2 results for “detention”" in page
    # Results: a list, each a heading with a link, snippets highlighted.
    hits = re.findall(r'<li>\s*<h3><a href="([^"]+)">([^<]+)</a></h3>', page)
    assert {title for _, title in hits} == {
        "Alternatives to detention",
        "Impact of detention on children",
    }
    assert "<mark>detention</mark>" in page
    # Facets: labelled checkboxes in fieldsets, checked when in the query string.
    assert "<legend>GCM objective</legend>" in page
    assert re.search(
        r'<input type="checkbox" name="objective" value="13" id="facet-objective-13" checked>', page
    )
    assert (
        '<label for="facet-objective-13">13. Alternatives to detention <span class="count">(2)</span></label>'
        in page
    )
    # The active filter can be removed with a link.
    assert 'href="?q=detention"' in page
    # The tabs count every type and link to each.
    assert 'href="?q=detention&amp;type=workstream&amp;objective=13"' in page
    assert 'Workstreams <span class="count">(1)</span>' in page
    # Sorting is a link too.
    assert 'href="?q=detention&amp;objective=13&amp;sort=date"' in page


def test_tabs_and_sorting(client, world):
    page = html(client.get(URL, {"type": "person"}))
    assert re.search(r'<a href="\?type=person" aria-current="page">People', page)
    assert "2 items" in page
    page = html(client.get(URL, {"sort": "date"}))
    assert '<strong aria-current="true">Newest first</strong>' in page
    titles = re.findall(r"<h3><a href=\"[^\"]+\">([^<]+)</a></h3>", page)
    assert titles[:3] == [
        "Fair recruitment of migrant workers",
        "Alternatives to detention",
        "Regional consultation on labour migration",
    ]


def test_pages(client, world, settings):
    settings.SEARCH_PAGE_SIZE = 3
    page = html(client.get(URL, {"page": "2"}))
    assert '<ol class="list search-hits" start="4">' in page
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert "Page 2 of 3" in page
    page = html(client.get(URL, {"page": "99"}))
    assert "There is nothing more to show on this page." in page


def test_nothing_found_helps(client, world):
    page = html(client.get(URL, {"q": "detentoin", "country": "MX"}))
    assert "Nothing matches this search." in page
    assert "Did you mean:" in page
    assert 'href="?q=detention&amp;country=MX">detention</a>' in page
    assert "search without any filter" in page


def test_the_page_in_arabic(client, world):
    page = html(client.get("/ar/search/", {"q": "detention"}))
    assert '<html lang="ar" dir="rtl">' in page
    assert page.count("<h1") == 1
    assert "Alternatives to detention" in page


def test_visibility_on_the_page(client, world, no_staff_mfa):
    assert "Confidential detention review" not in html(client.get(URL, {"q": "detention"}))
    sign_in(client, world.other_member)
    assert "Confidential detention review" in html(client.get(URL, {"q": "detention"}))


def test_hostile_queries_get_a_page(client, world):
    for query in HOSTILE:
        for sort in ("relevance", "date"):
            response = client.get(
                URL, {"q": query, "objective": ["13", "<x>"], "page": "-3", "sort": sort}
            )
            assert response.status_code == 200, query
            assert "<x>" not in response.content.decode().split("<main", 1)[1], query


def test_hostile_parameters_get_a_page(client, world):
    for params in (
        "?page=abc&sort=%00",
        "?q=%00%00&type=person&type=person",
        "?year=" + "9" * 5000,
        "?q=" + "%22" * 3000,
        "?country=FR&country=FR&country=%22&region=%3Cscript%3E",
    ):
        assert client.get(URL + params).status_code == 200, params


def test_only_get_and_head(client, db):
    assert client.post(URL).status_code == 405
    assert client.head(URL).status_code == 200


def test_query_budget(client, world, django_assert_max_num_queries, no_staff_mfa):
    """At most: the change log, the page's rows, one check per type shown, organisations' names
    (and, signed in, the session, the person, their roles and their organisations)."""
    url = f"{URL}?q=detention&objective=13&country=MX"
    client.get(url)  # the vocabulary's labels are read once for a while
    with django_assert_max_num_queries(4):
        html(client.get(url))
    with django_assert_max_num_queries(9):
        html(client.get(URL))
    sign_in(client, world.member)
    with django_assert_max_num_queries(15):
        html(client.get(URL))


def test_query_cost_does_not_grow_with_the_hits(client, world, assert_flat_query_cost, settings):
    settings.SEARCH_CATCH_UP_ON_SEARCH = False
    client.get(URL)  # the vocabulary's labels are read once for a while

    def populate(rows, start):
        for n in range(start, start + rows):
            event = Event.objects.create(
                title=f"Consultation {n}", slug=f"consultation-{n}", kind="meeting",
                start_date=datetime.date(2020, 1, 1),
            )  # fmt: skip
            document_refresh(event)
        search_catch_up()

    assert_flat_query_cost(client, f"{URL}?q=consultation", budget=5, populate=populate)


def test_every_page_has_the_search_box(client, db):
    page = html(client.get("/"))
    # A search landmark of its own (not a form[role=search], which other pages' filters are).
    assert (
        '<search class="site-search" aria-label="Site search"><form method="get" action="/search/">'
        in page
    )
    assert '<label for="site-search-q" class="visually-hidden">Search everything</label>' in page
    assert '<input type="search" id="site-search-q" name="q"' in page
