"""How resources are searched (found at start-up by ``corridor.search``).

A published resource is found by those its visibility allows; a draft, a submission or a withdrawn
resource is not found at all. The text extracted from its files (``extracted_text``) is searched
with its body. Services of this app call ``corridor.search.services.document_refresh(resource)``
after every change (``document_remove`` before a delete).
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from corridor.knowledge.models import Resource
from corridor.knowledge.selectors import resource_visibility_filter
from corridor.search.models import Level
from corridor.search.providers import place_codes
from corridor.search.registry import DocumentData, Provider, register
from corridor.search.text import join, markdown_text
from corridor.taxonomy.models import Country

_LEVELS = {"public": Level.PUBLIC, "members": Level.MEMBERS, "restricted": Level.RESTRICTED}


class ResourceProvider(Provider):
    type = "resource"
    label = _("Resource")
    label_plural = _("Resources")

    def queryset(self, model):
        return (
            Resource.objects.select_related("publisher", "group")
            .prefetch_related(
                "authors",
                "files",
                "regions",
                "objectives",
                "principles",
                "thematic_areas",
                "themes",
                Prefetch(
                    "countries", queryset=Country.objects.select_related("region", "subregion")
                ),
            )
            .order_by("pk")
        )

    def document(self, resource: Resource) -> DocumentData | None:
        if resource.status != Resource.Status.PUBLISHED:
            return None
        organisations = [resource.publisher, *resource.authors.all()]
        places = place_codes(resource.countries.all())
        places["region"] += [region.m49 for region in resource.regions.all()]
        return DocumentData(
            title=resource.title,
            url=resource.get_absolute_url(),
            summary=markdown_text(resource.summary),
            body=join(
                markdown_text(resource.body),
                getattr(resource, "extracted_text", "") or "",
                resource.group.name if resource.group else "",
                resource.source,
            ),
            language=resource.language,
            visibility=_LEVELS.get(resource.visibility, Level.RESTRICTED),
            # Restricted: the people of the publishing and authoring organisations find it.
            owner_organisation_ids=[o.pk for o in organisations if o],
            codes={
                **places,
                "objective": [str(o.number) for o in resource.objectives.all()],
                "principle": [str(p.number) for p in resource.principles.all()],
                "area": [str(a.number) for a in resource.thematic_areas.all()],
                "theme": [t.slug for t in resource.themes.all()],
                "organisation": list(dict.fromkeys(o.slug for o in organisations if o)),
            },
            date=resource.published_on,
        )

    def visible_ids(self, *, user, ids):
        # The knowledge app's own rule, so that the search shows no more than its pages do.
        return set(
            Resource.objects.filter(resource_visibility_filter(user), pk__in=list(ids))
            .order_by()
            .values_list("pk", flat=True)
        )


register(Resource, ResourceProvider())
