"""Background work for search, enqueued after commit by ``services``."""

from django_tasks import task


@task()
def search_index_changes(seq: int) -> int:
    """Bring this node's index up to date with the change log (up to ``seq`` at least)."""
    from corridor.search.services import search_catch_up

    return search_catch_up()
