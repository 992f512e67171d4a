"""The loaded demo data matches the seed documents, counted by hand from shared/seeds/."""

import datetime

import pytest

from corridor.community.models import Event, ResearchTopic
from corridor.directory.models import Group, GroupMembership, Organisation
from corridor.knowledge.models import Resource, Visibility
from corridor.workplans.models import (
    Activity,
    Section,
    Workplan,
    Workstream,
    WorkstreamOrganisation,
)

NETWORK_2019 = "un-network-on-migration-workplan-2019"
DRAFT = "un-network-on-migration-multi-annual-workplan-draft"
MAG_2019 = "migration-action-group-workplan-2019"

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_once, db):
    """These tests only read: the data is loaded once for the module (see conftest)."""
    return demo_once


def workstream(plan: str, slug: str) -> Workstream:
    return Workstream.objects.get(workplan__slug=plan, slug=slug)


def organisations(ws: Workstream, role: str) -> list[str]:
    rows = ws.organisation_roles.filter(role=role).order_by("order")
    return [row.organisation.short_label for row in rows]


def numbers(manager) -> set[int]:
    return set(manager.values_list("number", flat=True))


def test_counts_match_the_seeds(demo):
    created = {label: count["created"] for label, count in demo.items()}
    assert created == {
        # 24 organisations the seeds name (UN entities, OECD, World Bank, Walk Free, DFID, two
        # Member States, two civil society bodies).
        "directory.Organisation": 24,
        # Network, its Executive Committee, the MPTF Steering Committee, 6 working groups,
        # Alliance 8.7 and the Migration Action Group.
        "directory.Group": 11,
        # Network 13, Alliance 8.7 6, MAG 5 + 1 person, working groups 11+6+9+3+7+9.
        "directory.GroupMembership": 70,
        # The five role groups exist from `migrate` on (corridor.directory.roles).
        "auth.Group": 0,
        "directory.User": 9,
        "account.EmailAddress": 9,
        "directory.Affiliation": 3,
        "workplans.Workplan": 3,
        # Network 2019: core + 4 sub-sections, thematic, future + cross-cutting (8); draft:
        # cross-cutting + 5 thematic areas (6); MAG: 2 + 2 x 4 streams (10).
        "workplans.Section": 24,
        # 23 + 19 + 31.
        "workplans.Workstream": 73,
        # Network 2019: core 8, thematic 45, annex 16; draft: 2 (IOM, DESA).
        "workplans.WorkstreamOrganisation": 71,
        # Network 2019: 39 core + 21 thematic + 18 annex thematic + 14 annex cross-cutting; draft 38.
        "workplans.Activity": 130,
        "community.ResearchTopic": 14,
        "community.Event": 14,
        # 10 policy recommendations and 2 research reports.
        "knowledge.Resource": 12,
    }
    assert all(count["updated"] == 0 and count["deleted"] == 0 for count in demo.values())


def test_three_workplans_with_their_workstreams(demo):
    assert Workplan.objects.count() == 3
    per_plan = {
        plan.slug: (plan.status, plan.group.slug, plan.workstreams.count())
        for plan in Workplan.objects.all()
    }
    assert per_plan == {
        NETWORK_2019: ("adopted", "un-network-on-migration", 23),
        DRAFT: ("draft", "un-network-on-migration", 19),
        MAG_2019: ("adopted", "migration-action-group", 31),
    }
    network = Workplan.objects.get(slug=NETWORK_2019)
    assert network.title == "United Nations Network on Migration Workplan"
    assert network.issued == datetime.date(2019, 7, 1)


def test_network_workplan_sections_and_workstreams(demo):
    plan = Workplan.objects.get(slug=NETWORK_2019)
    top = plan.sections.filter(parent=None).order_by("order")
    assert [(s.kind, s.title) for s in top] == [
        ("core", "Core priorities"),
        ("thematic", "Thematic priorities"),
        ("future", "Future activities"),
    ]
    core = top[0].children.order_by("order")
    assert [s.title for s in core] == [
        "1. Establishment of a Capacity-Building Mechanism (CBM)",
        "2. Increased capacity of states to implement the GCM",
        "3. Speaking with one voice",
        "4. The Network's support to institutional processes",
    ]
    assert [ws.reference for ws in plan.workstreams.filter(section__parent=top[0])] == [
        "Core workstream 1.1",
        "Core workstream 1.2",
        "Core workstream 2.1",
        "Core workstream 2.2",
        "Core workstream 3",
        "Core workstream 4.1",
        "Core workstream 4.2",
        "Core workstream 4.3",
    ]
    assert plan.workstreams.filter(section=top[1]).count() == 6
    assert plan.workstreams.filter(section=top[2]).count() == 6
    cross_cutting = top[2].children.get()
    assert cross_cutting.kind == Section.Kind.CROSS_CUTTING
    assert plan.workstreams.filter(section=cross_cutting).count() == 3


def test_activities_are_separate_rows_in_order(demo):
    expected = {
        "core-1-1": 7,
        "core-1-2": 4,
        "core-2-1": 7,
        "core-2-2": 6,
        "core-3": 5,
        "core-4-1": 3,
        "core-4-2": 3,
        "core-4-3": 4,
        "thematic-1": 4,
        "thematic-2": 4,
        "thematic-3": 3,
        "thematic-4": 4,
        "thematic-5": 3,
        "thematic-6": 3,
        "future-migration-data-programme": 6,
        "future-adverse-drivers": 2,
        "future-disasters-climate-change": 4,
        "future-migrant-smuggling": 4,
        "future-remittances": 1,
        "future-cities": 1,
        "future-best-interests-of-the-child": 3,
        "future-women-and-girls": 2,
        "future-hiv": 9,
    }
    actual = {
        ws.slug: ws.activities.count()
        for ws in Workstream.objects.filter(workplan__slug=NETWORK_2019)
    }
    assert actual == expected
    draft = {
        ws.slug: ws.activities.count() for ws in Workstream.objects.filter(workplan__slug=DRAFT)
    }
    assert draft["cross-cutting-1"] == 3
    assert draft["cross-cutting-5"] == 2
    assert draft["cross-cutting-9"] == 0
    assert draft["thematic-area-4-result-1"] == 4
    assert sum(draft.values()) == 38
    assert not Activity.objects.filter(workstream__workplan__slug=MAG_2019).exists()


def test_core_workstream_1_1(demo):
    ws = workstream(NETWORK_2019, "core-1-1")
    assert ws.title == "A Migration Multi-Partner Trust Fund (MPTF) is established and functioning"
    assert ws.timeline == "Delivered by May 2020"
    assert ws.due_date == datetime.date(2020, 5, 31)
    assert ws.status == Workstream.Status.ONGOING
    activities = list(ws.activities.order_by("order"))
    assert [a.order for a in activities] == [1, 2, 3, 4, 5, 6, 7]
    assert activities[0].description == (
        "Operationalization of the Trust Fund including through agency agreements with MPTFO by May 2019."
    )
    assert activities[1].due == "8 May 2019"
    assert activities[6].description.startswith("Development and support to pilot capacity")
    # The leads are not organisations: kept as written.
    assert ws.lead_note.startswith("Network Secretariat and Executive Committee, pending")
    assert ws.participants_note == "Network membership"
    assert not ws.organisation_roles.exists()


def test_thematic_workstream_2_alternatives_to_detention(demo):
    ws = workstream(NETWORK_2019, "thematic-2")
    assert ws.title == "Alternatives to detention are promoted and utilized"
    assert ws.reference == "Thematic workstream 2"
    assert organisations(ws, "lead") == ["UNICEF", "UNHCR", "IOM"]
    assert organisations(ws, "participant") == ["OHCHR", "UNODC", "UN-Habitat"]
    assert numbers(ws.objectives) == {13, 7, 10}
    assert numbers(ws.thematic_areas) == {2}
    assert ws.status == Workstream.Status.UNDER_DEVELOPMENT
    assert ws.due_date == datetime.date(2020, 7, 31)


def test_thematic_workstreams_objectives_and_areas(demo):
    expected = {
        "thematic-1": ({1}, {1}, "ongoing"),
        "thematic-2": ({13, 7, 10}, {2}, "under_development"),
        # The seed's "S and 7" is an OCR error for "5 and 7".
        "thematic-3": ({5, 7}, {2}, "under_development"),
        "thematic-4": ({5, 6, 18, 19}, {4}, "under_development"),
        "thematic-5": ({21, 7, 10, 12, 15, 16}, {3}, "under_development"),
        "thematic-6": ({15, 16, 19}, {5}, "under_development"),
    }
    for slug, (objectives, areas, status) in expected.items():
        ws = workstream(NETWORK_2019, slug)
        assert (numbers(ws.objectives), numbers(ws.thematic_areas), ws.status) == (
            objectives,
            areas,
            status,
        ), slug


def test_placeholders_are_kept_verbatim(demo):
    ws = workstream(NETWORK_2019, "thematic-4")
    assert (
        ws.activities.get(order=4).description
        == "Identify XX countries to pilot the guidance framework."
    )
    assert (
        "XX pilot countries"
        in workstream(NETWORK_2019, "thematic-6").activities.get(order=1).description
    )


def test_annex_workstreams(demo):
    smuggling = workstream(NETWORK_2019, "future-migrant-smuggling")
    assert smuggling.status == Workstream.Status.UNDER_DEVELOPMENT
    assert smuggling.status_note == "Under development/ongoing resource mobilization"
    assert organisations(smuggling, "lead") == ["UNODC", "IOM"]
    assert organisations(smuggling, "participant") == ["UNHCR"]
    assert numbers(smuggling.objectives) == {9, 1, 2, 7, 8, 11, 14}

    data = workstream(NETWORK_2019, "future-migration-data-programme")
    assert organisations(data, "interest") == ["IFAD", "UN Women", "UNFPA"]
    assert data.status == Workstream.Status.YET_TO_START
    cities = workstream(NETWORK_2019, "future-cities")
    assert numbers(cities.thematic_areas) == {2, 4, 5}

    themes = {
        slug: set(workstream(NETWORK_2019, slug).themes.values_list("slug", flat=True))
        for slug in ("future-best-interests-of-the-child", "future-women-and-girls", "future-hiv")
    }
    assert themes == {
        "future-best-interests-of-the-child": {"children-youth"},
        "future-women-and-girls": {"gender", "lgbti"},
        "future-hiv": {"hiv-health"},
    }
    child = workstream(NETWORK_2019, "future-best-interests-of-the-child")
    assert organisations(child, "interest") == [
        "Initiative for Child Rights in the Global Compacts"
    ]
    assert organisations(workstream(NETWORK_2019, "future-hiv"), "interest") == ["UNAIDS"]


def test_draft_multi_annual_workplan(demo):
    plan = Workplan.objects.get(slug=DRAFT)
    assert plan.title == "Draft UN Migration Network Multi-Annual Work Plan"
    assert plan.status == Workplan.Status.DRAFT
    sections = list(plan.sections.order_by("order"))
    assert sections[0].title == "Cross-cutting/programming (title tbc)"
    assert [s.title.split(":")[0] for s in sections[1:]] == [
        f"Thematic Area {n}" for n in range(1, 6)
    ]
    per_section = [plan.workstreams.filter(section=s).count() for s in sections]
    assert per_section == [9, 2, 4, 2, 1, 1]
    assert set(plan.workstreams.values_list("kind", flat=True)) == {"expected_result"}
    result = workstream(DRAFT, "cross-cutting-6")
    assert result.membership_note == "IOM, DESA"
    assert result.timeline == "7 months"
    assert organisations(result, "participant") == ["IOM", "DESA"]
    assert numbers(workstream(DRAFT, "thematic-area-2-result-2").thematic_areas) == {2}


def test_migration_action_group_workplan(demo):
    plan = Workplan.objects.get(slug=MAG_2019)
    top = list(plan.sections.filter(parent=None).order_by("order"))
    assert [s.kind for s in top] == ["coordinated", "menu"]
    streams = [
        "Research and Knowledge",
        "Resource Mobilization",
        "Strategy and Policy Development",
        "Tools and Technical Cooperation",
    ]
    for section, kind, per_stream in (
        (top[0], "item", [5, 2, 4, 5]),
        (top[1], "menu_item", [5, 2, 4, 4]),
    ):
        children = list(section.children.order_by("order"))
        assert [c.title for c in children] == streams
        assert {c.kind for c in children} == {"stream"}
        assert [
            plan.workstreams.filter(section=c, kind=kind).count() for c in children
        ] == per_stream
    assert set(plan.workstreams.values_list("status", flat=True)) == {"yet_to_start"}
    assert not plan.workstreams.filter(purpose="").exists()
    item = workstream(MAG_2019, "coordinated-survivor-inclusion")
    assert item.title == "Inclusion of victim/survivor representatives"
    assert item.purpose.startswith("Where appropriate and while safeguarding")


def test_migration_action_group_co_chairs_and_parent(demo):
    mag = Group.objects.get(slug="migration-action-group")
    assert mag.kind == Group.Kind.ACTION_GROUP
    assert mag.parent.slug == "alliance-8-7"
    assert mag.parent.kind == Group.Kind.ALLIANCE
    co_chairs = mag.memberships.filter(role=GroupMembership.Role.CO_CHAIR)
    assert {m.organisation.acronym for m in co_chairs} == {"IOM", "UNICEF"}


def test_network_groups(demo):
    network = Group.objects.get(slug="un-network-on-migration")
    assert network.kind == Group.Kind.NETWORK
    assert network.established.year == 2019
    executive = Group.objects.get(slug="un-network-on-migration-executive-committee")
    assert executive.parent == network
    assert not executive.memberships.exists()  # the seeds name no members
    assert Group.objects.get(slug="migration-mptf-steering-committee").kind == Group.Kind.COMMITTEE

    # Every UN entity the Network workplan names as a lead or participant is a Network member.
    named = set(
        WorkstreamOrganisation.objects.filter(
            workstream__workplan__slug=NETWORK_2019,
            role__in=["lead", "participant"],
            organisation__type=Organisation.Type.UN_ENTITY,
        ).values_list("organisation__slug", flat=True)
    )
    members = set(network.memberships.values_list("organisation__slug", flat=True))
    assert members == named
    assert len(members) == 13


def test_working_groups_mirror_the_thematic_workstreams(demo):
    working_groups = {
        "working-group-migration-data": "thematic-1",
        "working-group-alternatives-to-detention": "thematic-2",
        "working-group-regular-pathways": "thematic-3",
        "working-group-bilateral-labour-migration-agreements": "thematic-4",
        "working-group-return-and-reintegration": "thematic-5",
        "working-group-access-to-services": "thematic-6",
    }
    assert set(
        Group.objects.filter(kind=Group.Kind.WORKING_GROUP).values_list("slug", flat=True)
    ) == set(working_groups)
    for group_slug, ws_slug in working_groups.items():
        group = Group.objects.get(slug=group_slug)
        ws = workstream(NETWORK_2019, ws_slug)
        assert group.parent.slug == "un-network-on-migration"
        co_leads = {m.organisation.short_label for m in group.memberships.filter(role="co_lead")}
        members = {m.organisation.short_label for m in group.memberships.filter(role="member")}
        assert co_leads == set(organisations(ws, "lead")), group_slug
        assert members == set(organisations(ws, "participant")), group_slug


def test_research_agenda(demo):
    topics = list(ResearchTopic.objects.order_by("priority_rank"))
    assert len(topics) == 14
    assert [t.priority_rank for t in topics] == list(range(1, 15))
    assert {t.group.slug for t in topics} == {"migration-action-group"}
    assert topics[0].title == "Estimates of modern slavery: how many migrants are in modern slavery"
    assert topics[0].description == "and how many people in modern slavery are migrants."
    assert topics[13].title == "Impact of migration on children left behind"
    understudied = ResearchTopic.objects.get(slug="mag-understudied-regions")
    assert understudied.priority_rank == 5
    assert set(understudied.countries.values_list("code", flat=True)) == {
        "CN",
        "RU",
        "IR",
        "SO",
        "BI",
        "MR",
    }
    assert "Southern Africa" in understudied.description
    forced_labour = ResearchTopic.objects.get(slug="mag-state-sponsored-forced-labour")
    assert set(forced_labour.countries.values_list("code", flat=True)) == {"ER", "KP"}


def test_events(demo):
    assert Event.objects.count() == 14
    workshop = Event.objects.get(slug="migration-action-group-strategic-planning-workshop-2018")
    assert (workshop.start_date, workshop.end_date, workshop.date_precision) == (
        datetime.date(2018, 11, 29),
        datetime.date(2018, 11, 30),
        "day",
    )
    assert workshop.location == "Geneva"
    assert workshop.country_id == "CH"
    assert {o.acronym for o in workshop.organisers.all()} == {"IOM", "UNICEF", "ILO", "Walk Free"}
    madagascar = Event.objects.get(slug="alliance-8-7-pathfinder-consultation-madagascar-2018")
    assert (madagascar.start_date, madagascar.date_precision, madagascar.country_id) == (
        datetime.date(2018, 10, 1),
        "month",
        "MG",
    )
    launch = Event.objects.get(slug="migration-mptf-launch-2019")
    assert (launch.start_date, launch.location) == (datetime.date(2019, 5, 8), "Geneva")
    assert Event.objects.get(
        slug="migration-mptf-hlpf-side-event-2019"
    ).start_date == datetime.date(2019, 7, 16)
    annual = Event.objects.get(slug="un-network-on-migration-annual-meeting-2020")
    assert (annual.start_date, annual.end_date) == (
        datetime.date(2020, 12, 17),
        datetime.date(2020, 12, 18),
    )
    assert Event.objects.get(slug="ilo-centenary-2019").date_precision == "year"
    forum = Event.objects.get(slug="international-forum-on-migration-statistics-2020")
    assert [o.acronym for o in forum.organisers.all()] == ["OECD"]


def test_policy_recommendations(demo):
    recommendations = Resource.objects.filter(type=Resource.Type.POLICY_RECOMMENDATION)
    assert recommendations.count() == 10
    assert {
        (r.status, r.visibility, r.group.slug, r.publisher.acronym) for r in recommendations
    } == {(Resource.Status.PUBLISHED, Visibility.PUBLIC, "migration-action-group", "UNICEF")}
    assert all(r.objectives.exists() for r in recommendations)
    education = Resource.objects.get(slug="mag-recommendation-inclusive-education")
    assert education.summary.startswith(
        "Accessible, inclusive education and school support for all children"
    )
    research = Resource.objects.filter(type=Resource.Type.RESEARCH)
    assert set(research.values_list("slug", flat=True)) == {
        "walk-free-literature-review-migrant-vulnerability",
        "child-labour-in-the-context-of-migration-desk-review",
    }


def test_organisations(demo):
    iom = Organisation.objects.get(slug="iom")
    assert (iom.acronym, iom.type, iom.country_id, iom.website) == (
        "IOM",
        "un_entity",
        "CH",
        "https://www.iom.int",
    )
    madagascar = Organisation.objects.get(slug="government-of-madagascar")
    assert (madagascar.type, madagascar.country_id) == ("member_state", "MG")
    assert Organisation.objects.get(slug="uk-dfid").type == "donor"
    assert Organisation.objects.filter(type="un_entity").count() == 16
    assert not Organisation.objects.filter(description="").exists()
