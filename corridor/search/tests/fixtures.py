"""A small world to search, every expected answer computed by hand from it.

Eight items anyone may find:

=====  ==============  ===========================================  =====  =====  ====  =======
key    type            title                                        obj.   ctry   year  orgs
=====  ==============  ===========================================  =====  =====  ====  =======
O1     organisation    International Organization for Migration      -     CH     -     iom
O3     organisation    Labour Alliance                                -     FR     -     labour
P1     person          Amira Haddad (labour migration specialist)     -     -      -     iom
P2     person          "Sunrise" (pseudonym; real name never shown)   -     -      -     -
W1     workstream      Alternatives to detention                     13     -      2019  iom
R1     resource        Fair recruitment of migrant workers            6     FR     2021  labour
E1     event           Regional consultation on labour migration      6     ES     2019  labour
T1     research_topic  Impact of detention on children               13     MX     -     -
=====  ==============  ===========================================  =====  =====  ====  =======

And some that only some may find, or nobody: R2 (members only, in French, objective 13, IOM),
R3 (restricted to its publisher, Labour Alliance; objective 13), R4 (a draft), O2 (an inactive
organisation), P3 (a private profile). Regions: CH and FR are in Europe (150) and Western Europe
(155), ES in Europe and Southern Europe (039), MX in the Americas (019) and Latin America and the
Caribbean (419).
"""

import datetime
from dataclasses import dataclass

import pytest

from corridor.community.models import Event, ResearchTopic
from corridor.directory.models import Organisation, Role, User
from corridor.directory.tests.factories import (
    AffiliationFactory,
    OrganisationFactory,
    UserFactory,
)
from corridor.knowledge.models import Resource, Visibility
from corridor.knowledge.tests.factories import ResourceFactory
from corridor.search.services import documents_rebuild_from_sources, search_catch_up
from corridor.taxonomy.models import Country, Objective
from corridor.workplans.models import Workstream, WorkstreamOrganisation
from corridor.workplans.tests.factories import WorkplanFactory, WorkstreamFactory


@dataclass
class World:
    iom: Organisation
    inactive: Organisation
    labour: Organisation
    amira: User
    sunrise: User
    hidden: User
    workstream: Workstream
    recruitment: Resource
    members_guide: Resource
    restricted: Resource
    draft: Resource
    event: Event
    topic: ResearchTopic
    member: User  # of IOM
    other_member: User  # of Labour Alliance
    outsider: User  # signed in, of no organisation
    secretariat: User


def build_world() -> World:
    objective = {n: Objective.objects.get(number=n) for n in (6, 13)}
    country = {c.code: c for c in Country.objects.filter(code__in=["CH", "FR", "ES", "MX"])}

    iom = OrganisationFactory(
        name="International Organization for Migration",
        acronym="IOM",
        slug="iom",
        country=country["CH"],
        description="The UN migration agency.",
    )
    inactive = OrganisationFactory(
        name="Migrant Rights Network", slug="mrn", country=country["MX"], is_active=False
    )
    labour = OrganisationFactory(
        name="Labour Alliance", slug="labour", country=country["FR"], description="Trade unions."
    )

    amira = UserFactory(
        email="amira@example.org",
        full_name="Amira Haddad",
        job_title="Labour migration specialist",
        is_profile_public=True,
    )
    AffiliationFactory(person=amira, organisation=iom)
    sunrise = UserFactory(
        email="secret.person@example.org",
        full_name="Secretname Realperson",
        pseudonym="Sunrise",
        bio="Survivor and advocate against forced labour.",
        is_profile_public=True,
    )
    hidden = UserFactory(
        email="hidden@example.org", full_name="Hidden Person", bio="labour", is_profile_public=False
    )

    workplan = WorkplanFactory(title="Network workplan", issued=datetime.date(2019, 7, 1))
    workstream = WorkstreamFactory(
        workplan=workplan,
        title="Alternatives to detention",
        purpose="Promote community-based alternatives to immigration detention.",
    )
    workstream.objectives.set([objective[13]])
    WorkstreamOrganisation.objects.create(
        workstream=workstream, organisation=iom, role=WorkstreamOrganisation.Role.LEAD
    )

    recruitment = ResourceFactory(
        title="Fair recruitment of migrant workers",
        summary="How to recruit migrant workers fairly.",
        body="Recruitment fees must never be charged to **workers**.",
        language="en",
        publisher=labour,
        published_on=datetime.date(2021, 3, 1),
    )
    recruitment.objectives.set([objective[6]])
    recruitment.countries.set([country["FR"]])
    members_guide = ResourceFactory(
        title="Guide de surveillance de la détention",
        summary="Un guide pour les membres.",
        language="fr",
        visibility=Visibility.MEMBERS,
        publisher=iom,
        published_on=datetime.date(2020, 5, 1),
    )
    members_guide.objectives.set([objective[13]])
    restricted = ResourceFactory(
        title="Confidential detention review",
        summary="Restricted to the people of its publisher.",
        visibility=Visibility.RESTRICTED,
        publisher=labour,
        published_on=datetime.date(2022, 1, 1),
    )
    restricted.objectives.set([objective[13]])
    draft = ResourceFactory(
        title="Draft detention paper", status=Resource.Status.DRAFT, publisher=iom
    )

    event = Event.objects.create(
        title="Regional consultation on labour migration",
        slug="regional-consultation",
        kind=Event.Kind.CONSULTATION,
        description="Consultation of the region's States.",
        start_date=datetime.date(2019, 5, 10),
        country=country["ES"],
    )
    event.objectives.set([objective[6]])
    event.organisers.set([labour])
    topic = ResearchTopic.objects.create(
        group=workplan.group,
        title="Impact of detention on children",
        slug="detention-children",
        description="What detention does to children.",
    )
    topic.objectives.set([objective[13]])
    topic.countries.set([country["MX"]])

    member = UserFactory(email="member@example.org", full_name="Mara Member")
    AffiliationFactory(person=member, organisation=iom)
    other_member = UserFactory(email="other@example.org", full_name="Otto Other")
    AffiliationFactory(person=other_member, organisation=labour)
    outsider = UserFactory(email="outsider@example.org", full_name="Olga Outsider")
    secretariat = UserFactory(
        email="secretariat@example.org", full_name="Sam Secretariat", roles=[Role.SECRETARIAT]
    )
    return World(
        iom, inactive, labour, amira, sunrise, hidden, workstream, recruitment, members_guide,
        restricted, draft, event, topic, member, other_member, outsider, secretariat,
    )  # fmt: skip


@pytest.fixture
def world(db) -> World:
    """The world, in the search table and in this test's index."""
    built = build_world()
    documents_rebuild_from_sources()
    search_catch_up()
    return built
