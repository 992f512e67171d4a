"""Fixtures the apps' tests share: the cast of people in each role, and query budgets.

(The browser fixtures and ``axe`` are in the root conftest.py.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from corridor.directory.tests.fixtures import cast  # noqa: F401 — a fixture


@pytest.fixture
def no_staff_mfa(settings):
    """The secretariat must set up TOTP before browsing; tests that are not about that use this."""
    settings.CORRIDOR_REQUIRE_STAFF_MFA = False


@pytest.fixture
def count_queries():
    """``count_queries(client, url)``: how many queries a GET of ``url`` makes (it must be a 200)."""

    def count(client, url: str) -> int:
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(context.captured_queries)

    return count


@pytest.fixture
def assert_flat_query_cost(count_queries, django_assert_max_num_queries):
    """``assert_flat_query_cost(client, url, budget=n, populate=f)``: a GET of ``url`` makes the
    same number of queries, at most ``budget``, for 3 rows as for 30 (``populate(rows, start=)``
    adds them)."""

    def check(client, url: str, *, budget: int, populate) -> None:
        populate(3, start=0)
        with django_assert_max_num_queries(budget):
            few = count_queries(client, url)
        populate(27, start=3)
        with django_assert_max_num_queries(budget):
            many = count_queries(client, url)
        assert few == many

    return check
