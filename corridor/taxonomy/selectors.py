"""Reads for the vocabulary. It is public, so these take no user; each is a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from corridor.taxonomy.countries import country_data, country_lookup, translated_country_name
from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    SdgTarget,
    ThematicArea,
    Theme,
)


def objective_list() -> QuerySet[Objective]:
    return Objective.objects.order_by("number")


def objective_get(*, number: int) -> Objective | None:
    """One objective with its thematic areas (two queries)."""
    return (
        Objective.objects.filter(number=number)
        .prefetch_related(
            Prefetch("thematic_areas", queryset=ThematicArea.objects.order_by("number"))
        )
        .first()
    )


def objective_neighbours(*, objective: Objective) -> dict[str, Objective | None]:
    """The objectives before and after this one, for "previous" and "next" links (one query)."""
    before = after = None
    for other in Objective.objects.filter(number__in=[objective.number - 1, objective.number + 1]):
        if other.number < objective.number:
            before = other
        else:
            after = other
    return {"previous": before, "next": after}


def objective_workstreams(*, objective: Objective) -> QuerySet:
    """The workstreams tagged with an objective, with their workplans (one query).

    Workplans are public, drafts included (see ``corridor.workplans.selectors``).
    """
    return objective.workstreams.select_related("workplan").order_by(
        "-workplan__issued", "workplan__title", "workplan_id", "order", "pk"
    )


def principle_list() -> QuerySet[GuidingPrinciple]:
    return GuidingPrinciple.objects.order_by("number")


def thematic_area_list() -> QuerySet[ThematicArea]:
    """The five areas with their objectives prefetched in number order (two queries)."""
    return ThematicArea.objects.order_by("number").prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("number"))
    )


def theme_list() -> QuerySet[Theme]:
    return Theme.objects.order_by("name", "slug")


def sdg_target_list() -> QuerySet[SdgTarget]:
    return SdgTarget.objects.order_by("sort_key", "code")


def region_list() -> QuerySet[Region]:
    """Every M49 area, parents' codes available without a query (``parent__m49``)."""
    return Region.objects.select_related("parent").order_by("m49")


def region_get(*, m49: str) -> Region | None:
    return Region.objects.filter(m49=m49).first()


@dataclass
class RegionNode:
    """An M49 area with its sub-areas and the countries placed directly in it."""

    region: Region
    children: list[RegionNode] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)

    @property
    def country_count(self) -> int:
        """Countries and territories in this area and every area below it."""
        return len(self.countries) + sum(child.country_count for child in self.children)

    def all_countries(self) -> list[Country]:
        found = list(self.countries)
        for child in self.children:
            found.extend(child.all_countries())
        return found


def region_tree() -> list[RegionNode]:
    """The M49 hierarchy from World down, each country under its most specific area (two queries).

    Areas are ordered by their names in the reader's language, countries likewise. Countries with
    no region (Antarctica) sit directly under World. Returns the root nodes (normally just World).
    """
    regions = list(Region.objects.all())
    nodes = {region.pk: RegionNode(region) for region in regions}
    roots: list[RegionNode] = []
    for region in regions:
        node = nodes[region.pk]
        if region.parent_id and region.parent_id in nodes:
            nodes[region.parent_id].children.append(node)
        else:
            roots.append(node)
    world = next((node for node in roots if node.region.level == Region.Level.WORLD), None)
    for country in Country.objects.all():
        area_id = country.intermediate_region_id or country.subregion_id or country.region_id
        if area_id in nodes:
            nodes[area_id].countries.append(country)
        elif world is not None:
            world.countries.append(country)
    for node in nodes.values():
        node.children.sort(key=lambda child: child.region.display_name)
        node.countries.sort(key=lambda country: country.display_name)
    roots.sort(key=lambda node: (node.region.level != Region.Level.WORLD, node.region.display_name))
    return roots


def country_list(
    *,
    region: Region | str | None = None,
    q: str | None = None,
    is_territory: bool | None = None,
) -> QuerySet[Country]:
    """Countries and territories, filtered, ordered by English name then code (one query).

    ``region`` (a Region or an M49 code) matches the country's region, sub-region or intermediate
    region. ``q`` matches the English or official name, a code, a former or common name
    ("Swaziland", "Russia"), or the name in the active language ("ناميبيا" in Arabic).
    """
    qs = Country.objects.select_related("region", "subregion", "intermediate_region")
    if region is not None:
        m49 = region.m49 if isinstance(region, Region) else str(region)
        qs = qs.filter(Q(region__m49=m49) | Q(subregion__m49=m49) | Q(intermediate_region__m49=m49))
    if is_territory is not None:
        qs = qs.filter(is_territory=is_territory)
    q = (q or "").strip()
    if q:
        condition = (
            Q(name__icontains=q)
            | Q(official_name__icontains=q)
            | Q(code__iexact=q)
            | Q(alpha3__iexact=q)
        )
        codes = _codes_named(q)
        if codes:
            condition |= Q(code__in=codes)
        qs = qs.filter(condition)
    return qs.order_by("name", "code")


def _codes_named(q: str) -> set[str]:
    """Codes whose name in the active language contains ``q``, plus the one ``q`` names outright."""
    needle = q.casefold()
    codes = {
        record.code
        for record in country_data()
        if needle in translated_country_name(record.code, record.name).casefold()
    }
    found = country_lookup(q)
    if found:
        codes.add(found)
    return codes


def country_get(*, code: str) -> Country | None:
    """One country or territory by alpha-2 code, any case (one query)."""
    code = (code or "").strip().upper()
    if len(code) != 2:
        return None
    return (
        Country.objects.select_related("region", "subregion", "intermediate_region")
        .filter(code=code)
        .first()
    )
