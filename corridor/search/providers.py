"""How the directory, workplans and community objects are searched (knowledge has its own,
``corridor/knowledge/search.py``). Each provider returns the object's ``DocumentData``, or None when
nobody should find it; ``visible_ids`` re-checks a page of hits with the owning app's rules."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from corridor.community.models import Event, ResearchTopic
from corridor.directory.models import Affiliation, Organisation, User
from corridor.search.registry import DocumentData, Provider, register
from corridor.search.text import join, markdown_text
from corridor.taxonomy.models import Country
from corridor.workplans.models import Activity, Workstream, WorkstreamOrganisation


def place_codes(countries: Iterable) -> dict[str, list[str]]:
    """Country codes, and the M49 region and sub-region of each (so a search by region finds
    what is tagged with one of its countries)."""
    country_codes: list[str] = []
    region_codes: list[str] = []
    for country in countries:
        if country is None:
            continue
        country_codes.append(country.code)
        for region_id, region in (
            (country.region_id, "region"),
            (country.subregion_id, "subregion"),
        ):
            if region_id is not None:
                region_codes.append(getattr(country, region).m49)
    return {"country": country_codes, "region": region_codes}


# --- Directory ------------------------------------------------------------------------------


class OrganisationProvider(Provider):
    """Active member organisations; a former member is not found."""

    type = "organisation"
    label = _("Organisation")
    label_plural = _("Organisations")

    def queryset(self, model):
        return Organisation.objects.select_related(
            "country__region", "country__subregion"
        ).order_by("pk")

    def document(self, organisation: Organisation) -> DocumentData | None:
        if not organisation.is_active:
            return None
        title = organisation.name
        if organisation.acronym and organisation.acronym != organisation.name:
            title = f"{organisation.name} ({organisation.acronym})"
        return DocumentData(
            title=title,
            url=organisation.get_absolute_url(),
            summary=str(organisation.get_type_display()),
            body=markdown_text(organisation.description),
            language="",
            owner_organisation_ids=[organisation.pk],
            codes={
                **place_codes([organisation.country]),
                "organisation": [organisation.slug],
            },
        )

    def visible_ids(self, *, user, ids):
        return set(
            Organisation.objects.filter(is_active=True, pk__in=list(ids))
            .order_by()
            .values_list("pk", flat=True)
        )


class PersonProvider(Provider):
    """People whose profile is public, under their public name only: the pseudonym when they
    chose one. The real name of a pseudonymous person and anyone's email address never reach the
    search table."""

    type = "person"
    label = _("Person")
    label_plural = _("People")

    def queryset(self, model):
        return (
            User.objects.filter(is_active=True, is_profile_public=True)
            .select_related("country__region", "country__subregion")
            .prefetch_related(
                Prefetch(
                    "affiliations",
                    queryset=Affiliation.objects.filter(organisation__is_active=True)
                    .select_related("organisation")
                    .order_by("organisation__name"),
                    to_attr="search_affiliations",
                )
            )
            .order_by("pk")
        )

    def document(self, person: User) -> DocumentData | None:
        if not (person.is_active and person.is_profile_public):
            return None
        affiliations = getattr(person, "search_affiliations", None)
        if affiliations is None:
            affiliations = list(
                person.affiliations.filter(organisation__is_active=True)
                .select_related("organisation")
                .order_by("organisation__name")
            )
        organisations = [a.organisation for a in affiliations]
        return DocumentData(
            title=person.public_name,
            url=person.get_absolute_url(),
            summary=" · ".join(
                filter(None, [person.job_title, ", ".join(o.short_label for o in organisations)])
            ),
            body=markdown_text(person.bio),
            language="",
            codes={
                **place_codes([person.country]),
                "organisation": [o.slug for o in organisations],
            },
        )

    def visible_ids(self, *, user, ids):
        # The public directory's rule (``person_list``): public, active profiles.
        return set(
            User.objects.filter(is_active=True, is_profile_public=True, pk__in=list(ids))
            .order_by()
            .values_list("pk", flat=True)
        )


# --- Workplans ------------------------------------------------------------------------------


class WorkstreamProvider(Provider):
    """Every workstream: workplans are public, drafts included (the pages label them)."""

    type = "workstream"
    label = _("Workstream")
    label_plural = _("Workstreams")

    def queryset(self, model):
        return (
            Workstream.objects.select_related("workplan__group")
            .prefetch_related(
                "objectives",
                "thematic_areas",
                "themes",
                Prefetch("activities", queryset=Activity.objects.order_by("order", "pk")),
                Prefetch(
                    "organisation_roles",
                    queryset=WorkstreamOrganisation.objects.select_related("organisation").order_by(
                        "role", "order", "pk"
                    ),
                ),
            )
            .order_by("pk")
        )

    def document(self, workstream: Workstream) -> DocumentData | None:
        workplan = workstream.workplan
        roles = list(workstream.organisation_roles.all())
        leads = [r.organisation for r in roles if r.role == WorkstreamOrganisation.Role.LEAD]
        date = workstream.due_date or workplan.issued
        return DocumentData(
            title=workstream.title,
            url=workstream.get_absolute_url(),
            summary=markdown_text(workstream.purpose),
            body=join(
                " · ".join(filter(None, [workstream.reference, workplan.title])),
                "\n".join(a.description for a in workstream.activities.all()),
                ", ".join(o.name for o in leads),
                workstream.lead_note,
                workstream.participants_note,
                workstream.membership_note,
                workstream.timeline,
            ),
            language="en",
            codes={
                "objective": [str(o.number) for o in workstream.objectives.all()],
                "area": [str(a.number) for a in workstream.thematic_areas.all()],
                "theme": [t.slug for t in workstream.themes.all()],
                "organisation": list(dict.fromkeys(r.organisation.slug for r in roles)),
            },
            date=date,
        )


# --- Community ------------------------------------------------------------------------------


class EventProvider(Provider):
    type = "event"
    label = _("Event")
    label_plural = _("Events")

    def queryset(self, model):
        return (
            Event.objects.select_related("country__region", "country__subregion")
            .prefetch_related("organisers", "groups", "objectives")
            .order_by("pk")
        )

    def document(self, event: Event) -> DocumentData | None:
        return DocumentData(
            title=event.title,
            url=event.get_absolute_url(),
            summary=markdown_text(event.description),
            body=join(
                event.location,
                ", ".join(o.name for o in event.organisers.all()),
                ", ".join(g.name for g in event.groups.all()),
            ),
            language="en",
            codes={
                **place_codes([event.country]),
                "objective": [str(o.number) for o in event.objectives.all()],
                "organisation": [o.slug for o in event.organisers.all()],
            },
            date=event.start_date,
        )


class ResearchTopicProvider(Provider):
    """The research agenda is public: every topic is found."""

    type = "research_topic"
    label = _("Research topic")
    label_plural = _("Research topics")

    def queryset(self, model):
        return (
            ResearchTopic.objects.select_related("group")
            .prefetch_related(
                "objectives",
                "themes",
                Prefetch(
                    "countries",
                    queryset=Country.objects.select_related("region", "subregion"),
                ),
            )
            .order_by("pk")
        )

    def document(self, topic: ResearchTopic) -> DocumentData | None:
        return DocumentData(
            title=topic.title,
            url=topic.get_absolute_url(),
            summary=markdown_text(topic.description),
            body=join(topic.group.name, topic.source),
            language="en",
            codes={
                **place_codes(topic.countries.all()),
                "objective": [str(o.number) for o in topic.objectives.all()],
                "theme": [t.slug for t in topic.themes.all()],
            },
        )


register(Organisation, OrganisationProvider())
register(User, PersonProvider())
register(Workstream, WorkstreamProvider())
register(Event, EventProvider())
register(ResearchTopic, ResearchTopicProvider())
