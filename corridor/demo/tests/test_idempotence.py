"""A second run creates nothing, changes nothing and writes no history; edits are put back."""

import pytest

from corridor.demo.loader import load_demo
from corridor.demo.tests.conftest import history_row_count
from corridor.directory.models import Group, GroupMembership, Organisation
from corridor.taxonomy.models import Country
from corridor.workplans.models import Activity, Workstream, WorkstreamOrganisation

pytestmark = pytest.mark.django_db


def test_second_run_creates_and_changes_nothing(demo):
    history = history_row_count()
    assert history > 0
    stamps = dict(Workstream.objects.values_list("pk", "updated_at"))

    counts = load_demo()

    assert {label: count["created"] for label, count in counts.items() if count["created"]} == {}
    assert {label: count["updated"] for label, count in counts.items() if count["updated"]} == {}
    assert {label: count["deleted"] for label, count in counts.items() if count["deleted"]} == {}
    assert history_row_count() == history
    assert dict(Workstream.objects.values_list("pk", "updated_at")) == stamps


def test_a_changed_object_is_put_back(demo):
    ws = Workstream.objects.get(slug="thematic-2")
    ws.title = "Edited"
    ws.save()
    ws.objectives.clear()
    Activity.objects.filter(workstream=ws, order=4).delete()
    WorkstreamOrganisation.objects.filter(workstream=ws, role="lead").delete()
    history = history_row_count()

    counts = load_demo()

    ws.refresh_from_db()
    assert ws.title == "Alternatives to detention are promoted and utilized"
    assert set(ws.objectives.values_list("number", flat=True)) == {13, 7, 10}
    assert ws.activities.count() == 4
    assert ws.organisation_roles.filter(role="lead").count() == 3
    assert counts["workplans.Workstream"] == {"created": 0, "updated": 1, "deleted": 0}
    assert counts["workplans.Activity"] == {"created": 1, "updated": 0, "deleted": 0}
    assert counts["workplans.WorkstreamOrganisation"]["created"] == 3
    assert history_row_count() > history
    assert load_demo()["workplans.Workstream"] == {"created": 0, "updated": 0, "deleted": 0}


def test_rows_the_data_no_longer_has_are_removed_from_demo_workstreams(demo):
    ws = Workstream.objects.get(slug="core-1-2")
    Activity.objects.create(workstream=ws, order=9, description="Not in the seeds")
    WorkstreamOrganisation.objects.create(
        workstream=ws, organisation=Organisation.objects.get(slug="who"), role="participant"
    )

    counts = load_demo()

    assert ws.activities.count() == 4
    assert ws.organisation_roles.count() == 1
    assert counts["workplans.Activity"]["deleted"] == 1
    assert counts["workplans.WorkstreamOrganisation"]["deleted"] == 1


def test_memberships_added_by_people_are_kept(demo):
    network = Group.objects.get(slug="un-network-on-migration")
    wfp = Organisation.objects.get(slug="wfp")
    GroupMembership.objects.create(group=network, organisation=wfp)
    load_demo()
    assert network.memberships.filter(organisation=wfp).exists()


def test_namibia_is_unaffected(vocabulary):
    """'NA' is Namibia's code, never a missing value; loading the demo leaves the country alone."""
    before = Country.objects.filter(code="NA").values().get()
    load_demo()
    assert Country.objects.filter(code="NA").values().get() == before
    assert before["name"] == "Namibia"
    assert not Country.objects.filter(code="").exists()
