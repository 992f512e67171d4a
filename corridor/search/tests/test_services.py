"""The search table and its change log, written by the services; this node's index fed from it."""

import datetime
import json
import time

import pytest
import tantivy
from django.contrib.auth.models import AnonymousUser

from corridor.community.models import Event
from corridor.directory.tests.factories import OrganisationFactory
from corridor.knowledge.models import Resource, Visibility
from corridor.knowledge.tests.factories import ResourceFactory
from corridor.search import services
from corridor.search.engine import (
    SCHEMA_VERSION,
    STATE_FILE,
    current_generation,
    swap_generation,
)
from corridor.search.models import Change, Document
from corridor.search.selectors import search
from corridor.search.services import (
    document_refresh,
    document_remove,
    documents_rebuild_from_sources,
    get_engine,
    search_catch_up,
    search_rebuild,
)
from corridor.taxonomy.models import Country, Objective

pytestmark = pytest.mark.django_db


def changes():
    return list(Change.objects.order_by("seq").values_list("key", "op"))


def titles(page):
    return [item.title for item in page.items]


def test_refresh_writes_the_row_and_logs_one_change(on_commit):
    organisation = OrganisationFactory(name="Labour Alliance", slug="labour")
    resource = ResourceFactory(
        title="Fair recruitment",
        summary="*Fair*",
        body="Fees are **never** charged.",
        language="fr",
        publisher=organisation,
        published_on=datetime.date(2021, 3, 1),
    )
    resource.objectives.set(Objective.objects.filter(number__in=[6, 13]))
    resource.countries.set(Country.objects.filter(code="ES"))
    with on_commit():
        row = document_refresh(resource)
    assert row.key == f"resource:{resource.pk}"
    assert (row.type, row.title, row.summary, row.language) == (
        "resource", "Fair recruitment", "Fair", "fr",
    )  # fmt: skip
    assert row.body.startswith("Fees are never charged.")
    assert row.url == resource.get_absolute_url()
    assert row.visibility == "public"
    assert row.owner_organisation_ids == [organisation.pk]
    assert row.date == datetime.date(2021, 3, 1)
    assert row.codes == {
        "objective": ["13", "6"],
        "country": ["ES"],
        "region": ["039", "150"],
        "organisation": ["labour"],
        "year": ["2021"],
    }
    assert changes() == [(row.key, "upsert")]
    # After the commit, the task brought the index up to date.
    assert titles(search(user=AnonymousUser(), q="recruitment")) == ["Fair recruitment"]

    # Nothing changed: nothing written, nothing logged.
    with on_commit():
        assert document_refresh(resource).pk == row.pk
    assert len(changes()) == 1

    resource.title = "Fair recruitment of workers"
    resource.save()
    with on_commit():
        document_refresh(resource)
    assert Document.objects.get().title == "Fair recruitment of workers"
    assert changes() == [(row.key, "upsert"), (row.key, "upsert")]
    assert titles(search(user=AnonymousUser(), q="workers")) == ["Fair recruitment of workers"]


def test_what_may_not_be_found_is_removed(on_commit):
    resource = ResourceFactory(title="Detention guide")
    with on_commit():
        document_refresh(resource)
    assert titles(search(user=AnonymousUser(), q="detention")) == ["Detention guide"]

    resource.status = Resource.Status.WITHDRAWN
    resource.save()
    with on_commit():
        assert document_refresh(resource) is None
    assert not Document.objects.exists()
    assert changes()[-1] == (f"resource:{resource.pk}", "delete")
    assert search(user=AnonymousUser(), q="detention").total == 0

    # Removing what is not there logs nothing.
    with on_commit():
        assert document_remove(resource) is False
    assert len(changes()) == 2


def test_remove_before_delete(on_commit):
    organisation = OrganisationFactory(name="Gone Org")
    with on_commit():
        document_refresh(organisation)
        assert document_remove(organisation) is True
        organisation.delete()
    assert not Document.objects.exists()
    assert search(user=AnonymousUser(), q="gone").total == 0


def test_an_unregistered_model_is_refused():
    with pytest.raises(ValueError, match="not searchable"):
        document_refresh(Country.objects.first())


def test_rebuild_from_sources_adds_changes_and_removes():
    OrganisationFactory(name="Active Org", slug="active")
    OrganisationFactory(name="Former Org", slug="former", is_active=False)
    event = Event.objects.create(
        title="Annual meeting", slug="annual", kind="meeting", start_date=datetime.date(2019, 1, 2)
    )
    counts = documents_rebuild_from_sources()
    assert counts["organisation"] == {"created": 1, "updated": 0, "deleted": 0, "unchanged": 0}
    assert counts["event"] == {"created": 1, "updated": 0, "deleted": 0, "unchanged": 0}
    assert counts["person"]["created"] == 0
    assert Document.objects.get(type="event").codes == {"year": ["2019"]}

    assert all(c["created"] == c["updated"] == c["deleted"] == 0 for c in documents_rebuild_from_sources().values())  # fmt: skip

    Event.objects.filter(pk=event.pk).delete()
    OrganisationFactory(name="New Org", slug="new")
    logged = len(changes())
    counts = documents_rebuild_from_sources()
    assert counts["event"]["deleted"] == 1
    assert counts["organisation"]["created"] == 1
    assert len(changes()) == logged + 2
    assert sorted(Document.objects.values_list("title", flat=True)) == ["Active Org", "New Org"]


def test_catch_up_applies_the_log_once():
    organisation = OrganisationFactory(name="Catch Org")
    document_refresh(organisation)  # no commit here: the task has not run
    engine = get_engine()  # built from the table as it is now
    assert engine.num_docs == 1
    organisation.name = "Caught Org"
    organisation.save()
    document_refresh(organisation)
    assert search_catch_up() == 1
    assert search_catch_up() == 0
    assert [h.title for h in engine.search("caught").hits] == ["Caught Org"]
    state = json.loads((engine.path / STATE_FILE).read_text())
    assert state["max"] == Change.objects.latest("seq").seq
    # (On PostgreSQL, numbers used by earlier, rolled-back tests may still be awaited a while.)
    first = Change.objects.earliest("seq").seq
    assert all(int(seq) < first for seq in state["gaps"])


def test_catch_up_waits_for_a_missing_change_then_gives_up_on_it(monkeypatch):
    engine = get_engine()
    first = OrganisationFactory(name="First Org")
    second = OrganisationFactory(name="Second Org")
    document_refresh(first)
    document_refresh(second)
    top = Change.objects.latest("seq").seq
    search_catch_up()
    # Start from a settled log (on PostgreSQL, earlier tests leave holes in the sequence).
    engine.write_state({**engine.read_state(), "seq": top, "max": top, "gaps": {}})
    # A later change is visible while one before it is not yet committed (seq top + 1).
    Document.objects.filter(object_id=first.pk).update(title="First Org renamed")
    Change.objects.create(seq=top + 2, key=f"organisation:{first.pk}", op="upsert")
    search_catch_up()
    state = engine.read_state()
    assert state["max"] == top + 2
    assert state["seq"] == top  # the watermark stays before the gap
    assert list(state["gaps"]) == [str(top + 1)]
    # The missing change commits: it is applied, although older than the last one applied.
    Document.objects.filter(object_id=second.pk).update(title="Second Org renamed")
    Change.objects.create(seq=top + 1, key=f"organisation:{second.pk}", op="upsert")
    assert search_catch_up() == 1
    assert [h.title for h in engine.search("second").hits] == ["Second Org renamed"]
    assert engine.read_state()["seq"] == top + 2
    # A gap that never fills (a rolled-back transaction) is given up after a while.
    Change.objects.create(seq=top + 4, key=f"organisation:{first.pk}", op="upsert")
    search_catch_up()
    assert engine.read_state()["seq"] == top + 2
    monkeypatch.setattr(services.time, "time", lambda: time.monotonic() + 10**10)
    search_catch_up()
    assert engine.read_state()["seq"] == top + 4


def test_rebuild_swaps_in_a_new_generation(search_index):
    organisation = OrganisationFactory(name="Rebuilt Org")
    document_refresh(organisation)
    first = search_rebuild()
    assert current_generation(search_index) == first.name
    assert get_engine().num_docs == 1
    second = search_rebuild()
    third = search_rebuild()
    assert current_generation(search_index) == third.name
    assert get_engine().path == third
    # Two generations are kept: the one in use and the one before.
    assert not first.exists() and second.exists() and third.exists()
    assert [h.title for h in get_engine().search("rebuilt").hits] == ["Rebuilt Org"]


def test_an_index_of_another_schema_is_rebuilt(search_index):
    OrganisationFactory(name="Schema Org")
    documents_rebuild_from_sources()
    engine = get_engine()
    engine.write_state({**engine.read_state(), "schema": 0})
    services._engines.clear()  # as after a restart with a new version
    assert get_engine().path != engine.path
    assert get_engine().num_docs == 1


def test_an_index_made_by_an_older_version_is_rebuilt(search_index):
    OrganisationFactory(name="Older Org")
    documents_rebuild_from_sources()
    # A generation whose files hold another schema, though its state claims the current one.
    old = search_index / "g00000000T000000.000000000-old"
    old.mkdir(parents=True)
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("something_else", stored=True)
    tantivy.Index(builder.build(), path=str(old))
    (old / STATE_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION, "seq": 0, "max": 0}))
    swap_generation(search_index, old)
    services._engines.clear()  # as after a restart with a new version
    engine = get_engine()
    assert engine.path != old
    assert [h.title for h in engine.search("older").hits] == ["Older Org"]
    assert search_catch_up() == 0


def test_members_only_and_restricted_levels_reach_the_row():
    organisation = OrganisationFactory()
    members = ResourceFactory(visibility=Visibility.MEMBERS)
    restricted = ResourceFactory(visibility=Visibility.RESTRICTED, publisher=organisation)
    restricted.authors.add(OrganisationFactory())
    assert document_refresh(members).visibility == "members"
    row = document_refresh(restricted)
    assert row.visibility == "restricted"
    assert len(row.owner_organisation_ids) == 2 and organisation.pk in row.owner_organisation_ids
