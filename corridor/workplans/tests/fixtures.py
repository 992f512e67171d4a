"""The Migration Action Group's 2019 workplan, in the shape of the seed document: two parts
("Coordinated by the group", "Menu for members"), each with the same four streams."""

import pytest

from corridor.directory.models import Group
from corridor.directory.tests.factories import GroupFactory, OrganisationFactory
from corridor.workplans.models import Section, Workplan, Workstream, WorkstreamOrganisation
from corridor.workplans.tests.factories import (
    ActivityFactory,
    SectionFactory,
    WorkplanFactory,
    WorkstreamFactory,
    WorkstreamOrganisationFactory,
)

STREAMS = [
    "Research and Knowledge",
    "Resource Mobilization",
    "Strategy and Policy Development",
    "Tools and Technical Cooperation",
]
ITEMS = {
    ("coordinated", 0): ["Establish migration-focused research agenda", "Contribute to Delta 8.7 agenda"],
    ("coordinated", 1): ["Seek multi-donor funds to support group functions"],
    ("coordinated", 2): ["Finalize standard set of policy recommendations"],
    ("coordinated", 3): ["Connect relevant parties to requests for expertise"],
    ("menu", 0): ["Announce on-going and completed research"],
    ("menu", 1): ["Mobilize funds independently or in partnership"],
    ("menu", 2): ["Attend Pathfinder Country consultations"],
    ("menu", 3): ["Support the Voluntary National Review process"],
}  # fmt: skip


@pytest.fixture
def mag_workplan(db) -> Workplan:
    alliance = GroupFactory(slug="alliance-87", name="Alliance 8.7", kind=Group.Kind.ALLIANCE)
    mag = GroupFactory(
        slug="mag", name="Migration Action Group", kind=Group.Kind.ACTION_GROUP, parent=alliance
    )
    ilo = OrganisationFactory(slug="ilo", name="International Labour Organization", acronym="ILO")
    iom = OrganisationFactory(slug="iom", name="International Organization for Migration", acronym="IOM")  # fmt: skip
    workplan = WorkplanFactory(
        slug="mag-2019", title="Migration Action Group work plan 2019", group=mag,
        status=Workplan.Status.DRAFT,
    )  # fmt: skip
    parts = {
        "coordinated": SectionFactory(
            workplan=workplan, kind=Section.Kind.COORDINATED, order=1,
            title="Items to be coordinated by the Migration Action Group",
        ),
        "menu": SectionFactory(
            workplan=workplan, kind=Section.Kind.MENU, order=2,
            title="Menu of items for group members to take up",
        ),
    }  # fmt: skip
    number = 0
    for part, section in parts.items():
        for index, stream_title in enumerate(STREAMS):
            stream = SectionFactory(
                workplan=workplan, parent=section, kind=Section.Kind.STREAM, order=index,
                title=stream_title,
            )  # fmt: skip
            for title in ITEMS[(part, index)]:
                number += 1
                workstream = WorkstreamFactory(
                    workplan=workplan, section=stream, title=title, slug=f"item-{number}",
                    order=number,
                    kind=Workstream.Kind.ITEM if part == "coordinated" else Workstream.Kind.MENU_ITEM,
                )  # fmt: skip
                WorkstreamOrganisationFactory(workstream=workstream, organisation=ilo, order=1)
                WorkstreamOrganisationFactory(workstream=workstream, organisation=iom, order=2)
                ActivityFactory(
                    workstream=workstream, order=1, description=f"First step of {title}"
                )
    WorkstreamOrganisation.objects.filter(organisation=iom).update(
        role=WorkstreamOrganisation.Role.PARTICIPANT
    )
    return workplan
