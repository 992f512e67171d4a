import factory

from corridor.knowledge.models import Resource, Visibility


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    type = Resource.Type.POLICY_RECOMMENDATION
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A summary."
    status = Resource.Status.PUBLISHED
    visibility = Visibility.PUBLIC
