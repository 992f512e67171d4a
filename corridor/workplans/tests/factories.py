import factory

from corridor.directory.tests.factories import GroupFactory
from corridor.workplans.models import (
    Activity,
    Section,
    Workplan,
    Workstream,
    WorkstreamOrganisation,
)


class WorkplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplan

    title = factory.Sequence(lambda n: f"Workplan {n}")
    slug = factory.Sequence(lambda n: f"workplan-{n}")
    group = factory.SubFactory(GroupFactory)
    status = Workplan.Status.ADOPTED


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    workplan = factory.SubFactory(WorkplanFactory)
    kind = Section.Kind.CORE
    title = factory.Sequence(lambda n: f"Section {n}")


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workstream

    workplan = factory.SubFactory(WorkplanFactory)
    section = factory.SubFactory(SectionFactory, workplan=factory.SelfAttribute("..workplan"))
    title = factory.Sequence(lambda n: f"Workstream {n}")
    slug = factory.Sequence(lambda n: f"workstream-{n}")
    status = Workstream.Status.ONGOING


class WorkstreamOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkstreamOrganisation

    workstream = factory.SubFactory(WorkstreamFactory)
    organisation = factory.SubFactory("corridor.directory.tests.factories.OrganisationFactory")
    role = WorkstreamOrganisation.Role.LEAD


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    workstream = factory.SubFactory(WorkstreamFactory)
    description = factory.Sequence(lambda n: f"Activity {n}")
