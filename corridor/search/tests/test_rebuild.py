"""A rebuild builds beside the index in use and swaps it in: searches never stop answering."""

import threading

import pytest
from django.db import connection

from corridor.search.engine import current_generation
from corridor.search.models import Document
from corridor.search.services import get_engine, index_doc, search_rebuild


def add_documents(count: int) -> None:
    from django.contrib.contenttypes.models import ContentType

    from corridor.community.models import Event

    content_type = ContentType.objects.get_for_model(Event)
    Document.objects.bulk_create(
        Document(
            content_type=content_type,
            object_id=n,
            key=f"event:{n}",
            type="event",
            title=f"Consultation number {n}",
            body="migration " * 200 + f"detention{n % 10}",
            url=f"/community/events/#{n}",
            codes={"objective": [str(n % 23 + 1)], "year": [str(2000 + n % 20)]},
        )
        for n in range(1, count + 1)
    )


@pytest.mark.django_db(transaction=True)
def test_search_answers_while_a_rebuild_runs(search_index):
    add_documents(3000)
    first = search_rebuild()
    assert get_engine().search("consultation", per_page=5).total == 3000

    errors: list[BaseException] = []
    built: list = []

    def rebuild():
        try:
            built.append(search_rebuild())
        except BaseException as error:  # noqa: BLE001 — reported by the test
            errors.append(error)
        finally:
            connection.close()

    expected = sum(1 for n in range(1, 3001) if n % 23 + 1 == 5)
    thread = threading.Thread(target=rebuild)
    thread.start()
    during = 0
    generations = set()
    while thread.is_alive():
        engine = get_engine()
        generations.add(engine.path.name)
        result = engine.search("consultation", filters={"objective": ["5"]}, per_page=5)
        assert result.total == expected
        assert len(result.hits) == 5
        during += 1
    thread.join()
    assert not errors, errors
    assert during > 0  # searches were answered while the new index was being built
    new = built[0]
    assert current_generation(search_index) == new.name != first.name
    assert first.name in generations
    engine = get_engine()
    assert engine.path == new
    assert engine.search("consultation", filters={"objective": ["5"]}).total == expected
    assert engine.search("consultation").total == 3000


@pytest.mark.django_db
def test_the_new_index_holds_exactly_the_table(search_index):
    add_documents(50)
    search_rebuild()
    engine = get_engine()
    assert engine.num_docs == 50
    row = Document.objects.get(key="event:7")
    assert index_doc(row).codes == {"objective": ["8"], "year": ["2007"]}
    assert {hit.key for hit in engine.search("detention7").hits} == {
        f"event:{n}" for n in range(7, 51, 10)
    }
