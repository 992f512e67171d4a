from datetime import timedelta

import factory
from django.utils import timezone

from corridor.directory.models import Organisation, Role
from corridor.directory.tests.factories import AffiliationFactory, OrganisationFactory, UserFactory
from corridor.knowledge.models import CallForPractices, Resource, ReviewAssignment, Visibility


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    type = Resource.Type.POLICY_RECOMMENDATION
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A summary."
    status = Resource.Status.PUBLISHED
    visibility = Visibility.PUBLIC


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallForPractices

    title = factory.Sequence(lambda n: f"Call for practices {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    description = "Share what works."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))


def member(organisation=None, **kwargs):
    """A person affiliated with ``organisation`` (a new civil-society one by default)."""
    if organisation is None:
        return AffiliationFactory(**kwargs).person
    return AffiliationFactory(organisation=organisation, **kwargs).person


def reviewer(*, internal: bool):
    """A person on the reviewer roster; internal ones work for a UN entity member."""
    person = UserFactory(roles=[Role.REVIEWER])
    organisation = OrganisationFactory(
        type=Organisation.Type.UN_ENTITY if internal else Organisation.Type.ACADEMIA
    )
    AffiliationFactory(person=person, organisation=organisation)
    return person


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    resource = factory.SubFactory(ResourceFactory, status=Resource.Status.IN_REVIEW)
    reviewer = factory.LazyFunction(lambda: reviewer(internal=False))
    round = 1
    kind = ReviewAssignment.Kind.EXTERNAL
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=21))
