import pytest
from django.contrib.auth.models import AnonymousUser

from corridor.directory.tests.factories import OrganisationFactory, UserFactory
from corridor.directory.tests.fixtures import ROLES
from corridor.taxonomy.models import Objective, ThematicArea
from corridor.workplans import selectors
from corridor.workplans.models import Workplan, Workstream, WorkstreamOrganisation
from corridor.workplans.tests.factories import (
    SectionFactory,
    WorkplanFactory,
    WorkstreamFactory,
    WorkstreamOrganisationFactory,
)
from corridor.workplans.tests.fixtures import STREAMS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_public(cast, role):
    draft = WorkplanFactory(status=Workplan.Status.DRAFT)
    archived = WorkplanFactory(status=Workplan.Status.ARCHIVED)
    user = cast.user_or_anonymous(role)
    assert {draft, archived} <= set(selectors.workplan_list(user=user))
    assert selectors.workplan_get(user=user, slug=draft.slug) == draft


def test_workplan_list_counts_workstreams(mag_workplan):
    WorkplanFactory(slug="empty")
    counts = {w.slug: w.workstream_count for w in selectors.workplan_list(user=None)}
    assert counts == {"mag-2019": 9, "empty": 0}


def test_outline_nests_sections_in_order(mag_workplan):
    outline = selectors.workplan_outline(user=None, workplan=mag_workplan)
    assert [node.section.kind for node in outline] == ["coordinated", "menu"]
    for node in outline:
        assert [child.section.title for child in node.children] == STREAMS
        assert node.workstreams == []
    research = outline[0].children[0]
    assert [w.title for w in research.workstreams] == [
        "Establish migration-focused research agenda",
        "Contribute to Delta 8.7 agenda",
    ]
    assert [role.organisation.slug for role in research.workstreams[0].lead_roles] == ["ilo"]


def test_outline_puts_workstreams_without_a_section_last(db):
    workplan = WorkplanFactory()
    SectionFactory(workplan=workplan, title="Only section")
    loose = WorkstreamFactory(workplan=workplan, section=None)
    outline = selectors.workplan_outline(user=None, workplan=workplan)
    assert outline[-1].section is None
    assert outline[-1].workstreams == [loose]


def test_outline_respects_section_order_not_creation_order(db):
    workplan = WorkplanFactory()
    second = SectionFactory(workplan=workplan, order=2, title="Second")
    first = SectionFactory(workplan=workplan, order=1, title="First")
    assert [n.section for n in selectors.workplan_outline(user=None, workplan=workplan)] == [
        first,
        second,
    ]


@pytest.fixture
def tagged(db):
    plan_a = WorkplanFactory(slug="network-2019")
    plan_b = WorkplanFactory(slug="mag-2019")
    lead = OrganisationFactory(slug="iom")
    participant = OrganisationFactory(slug="unicef")
    interested = OrganisationFactory(slug="keen")
    core = WorkstreamFactory(
        workplan=plan_a, slug="core-1-1", title="Start-up fund", reference="Core workstream 1.1",
        purpose="Pooled funding for joint programmes.",
    )  # fmt: skip
    returns = WorkstreamFactory(
        workplan=plan_a, slug="returns", title="Return and reintegration",
        status=Workstream.Status.UNDER_DEVELOPMENT,
    )  # fmt: skip
    research = WorkstreamFactory(workplan=plan_b, slug="research", title="Research agenda")
    core.objectives.add(Objective.objects.get(number=23))
    returns.objectives.add(Objective.objects.get(number=21), Objective.objects.get(number=23))
    returns.thematic_areas.add(ThematicArea.objects.get(number=4))
    WorkstreamOrganisationFactory(workstream=core, organisation=lead)
    WorkstreamOrganisationFactory(workstream=returns, organisation=lead)
    WorkstreamOrganisationFactory(
        workstream=returns, organisation=lead, role=WorkstreamOrganisation.Role.PARTICIPANT
    )  # the same organisation twice: still one result
    WorkstreamOrganisationFactory(
        workstream=research, organisation=participant, role=WorkstreamOrganisation.Role.PARTICIPANT
    )
    WorkstreamOrganisationFactory(
        workstream=research, organisation=interested, role=WorkstreamOrganisation.Role.INTEREST
    )
    return {"core": core, "returns": returns, "research": research}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["core-1-1", "returns", "research"]),
        ({"objective": 23}, ["core-1-1", "returns"]),
        ({"objective": 21}, ["returns"]),
        ({"objective": 1}, []),
        ({"organisation": "iom"}, ["core-1-1", "returns"]),
        ({"organisation": "unicef"}, ["research"]),
        ({"organisation": "keen"}, []),  # an expression of interest is not taking part
        ({"status": "under_development"}, ["returns"]),
        ({"workplan": "mag-2019"}, ["research"]),
        ({"thematic_area": 4}, ["returns"]),
        ({"q": "core workstream"}, ["core-1-1"]),  # the reference
        ({"q": "pooled"}, ["core-1-1"]),  # the purpose
        ({"q": "AGENDA"}, ["research"]),
        ({"objective": 23, "organisation": "iom", "status": "ongoing"}, ["core-1-1"]),
    ],
)
def test_workstream_filters(tagged, filters, expected):
    found = selectors.workstream_list(user=None, **filters)
    assert sorted(w.slug for w in found) == sorted(expected)
    assert len(found) == len(expected)


def test_workstream_get(tagged):
    workstream = selectors.workstream_get(user=None, workplan_slug="network-2019", slug="returns")
    assert workstream == tagged["returns"]
    grouped = selectors.workstream_organisations(workstream)
    assert [o.slug for o in grouped["lead"]] == ["iom"]
    assert [o.slug for o in grouped["participant"]] == ["iom"]
    assert selectors.workstream_get(user=None, workplan_slug="mag-2019", slug="returns") is None


def test_history_newest_first_with_changed_fields_and_tags(cast):
    editor = UserFactory(full_name="Real Editor", pseudonym="Quill", is_profile_public=True)
    workstream = WorkstreamFactory(title="First title")
    workstream._history_user = editor
    workstream.title = "Second title"
    workstream.status = Workstream.Status.COMPLETED
    workstream.save()
    workstream.objectives.add(Objective.objects.get(number=3))

    entries = selectors.workstream_history(user=AnonymousUser(), workstream=workstream)
    assert [e.action for e in entries] == ["Changed", "Changed", "Created"]
    assert entries[0].changed == ["GCM objectives"]
    assert entries[1].changed == ["Title", "Status"]
    assert entries[1].who == "Quill" and entries[1].who_note == ""
    assert entries[2].changed == [] and entries[2].who is None
    assert entries[0].date >= entries[1].date >= entries[2].date

    as_secretariat = selectors.workstream_history(user=cast.secretariat, workstream=workstream)
    assert as_secretariat[1].who == "Real Editor"
    assert "Quill" in as_secretariat[1].who_note


def test_history_is_limited(db):
    workstream = WorkstreamFactory()
    for n in range(5):
        workstream.timeline = f"Step {n}"
        workstream.save()
    entries = selectors.workstream_history(user=None, workstream=workstream, limit=3)
    assert len(entries) == 3
    assert all(entry.changed == ["Timeline"] for entry in entries)
