import pytest

from corridor.search import selectors
from corridor.search.tests.fixtures import world  # noqa: F401 — a fixture


@pytest.fixture(autouse=True)
def search_index(settings, tmp_path):
    """Every search test has an index directory of its own, and on-search catch-up."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.SEARCH_CATCH_UP_ON_SEARCH = True
    selectors._label_cache.clear()
    return settings.SEARCH_INDEX_DIR


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit callbacks (the index task) of what is done inside, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
