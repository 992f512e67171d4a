"""Reads for search: one question to the index for a user, then the page of hits checked again
against the database, so that an index that lags behind can never show what the user may not see.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from corridor.core.permissions import is_member, is_secretariat, is_signed_in
from corridor.directory.models import Affiliation, Organisation
from corridor.search.engine import FACETS, MAX_OFFSET, Audience, EngineResult, Hit, clean_filters
from corridor.search.models import Document
from corridor.search.registry import key_for, provider_for, provider_for_type, providers
from corridor.search.services import get_engine, search_catch_up
from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    ThematicArea,
    Theme,
)

FACET_LABELS = {
    "type": _("Type"),
    "objective": _("GCM objective"),
    "principle": _("Guiding principle"),
    "area": _("Thematic area"),
    "theme": _("Cross-cutting theme"),
    "region": _("Region"),
    "country": _("Country"),
    "language": _("Language"),
    "organisation": _("Organisation"),
    "year": _("Year"),
}
SORTS = {"relevance": _("Relevance"), "date": _("Newest first")}
#: Facets whose values read best in their own order (numbers), not by count.
NUMBERED = {"objective", "principle", "area"}
#: The type tabs, in this order (types registered later follow).
TYPE_ORDER = ("resource", "workstream", "organisation", "person", "event", "research_topic")
#: A search applies at most this many new changes before it answers (the worker does the rest).
CATCH_UP_ON_SEARCH_LIMIT = 200


def audience_for(user) -> Audience:
    """What ``user`` may find: the public everything public; members also members-only documents;
    restricted ones the secretariat, the people of their owning organisations and those they name."""
    if is_secretariat(user):
        return Audience.all()
    if not is_signed_in(user):
        return Audience.public()
    organisations = Affiliation.objects.filter(
        person=user, organisation__is_active=True
    ).values_list("organisation_id", flat=True)
    if is_member(user):
        return Audience.member(user.pk, organisations)
    return Audience(person_id=user.pk, organisation_ids=frozenset(organisations))


@dataclass
class ResultItem:
    key: str
    type: str
    type_label: str
    title: str
    url: str
    summary: str
    snippet: SafeString
    date: object = None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    #: The page's address with this value taken out of the filters, or put in (set by the view).
    url: str = ""


#: How many values of a facet show before "More".
FACET_SHOWN = 8


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]

    @property
    def shown(self) -> list[FacetOption]:
        return self.options[:FACET_SHOWN]

    @property
    def more(self) -> list[FacetOption]:
        return self.options[FACET_SHOWN:]

    @property
    def more_selected(self) -> bool:
        return any(option.selected for option in self.more)


@dataclass
class SearchPage:
    """What the search page shows: hits for the page, every facet with counts, the type tabs."""

    query: str
    filters: dict[str, list[str]]
    sort: str
    number: int
    per_page: int
    total: int
    items: list[ResultItem]
    facets: list[Facet]
    types: list[FacetOption]
    suggestion: str | None
    took_ms: float

    # The attributes the shared pagination template reads.
    @property
    def num_pages(self) -> int:
        pages = math.ceil(self.total / self.per_page) if self.total else 1
        return min(pages, MAX_OFFSET // self.per_page + 1)

    @property
    def paginator(self):
        return self

    @property
    def count(self) -> int:
        return self.total

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1

    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1

    @property
    def type_total(self) -> int:
        return sum(option.count for option in self.types)


def search(
    *,
    user,
    q: str = "",
    filters: Mapping[str, Sequence[str]] | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int | None = None,
) -> SearchPage:
    """Search everything ``user`` may see. ``filters`` maps facet names (``FACETS``) to codes."""
    started = time.perf_counter()
    if getattr(settings, "SEARCH_CATCH_UP_ON_SEARCH", False):
        search_catch_up(blocking=False, limit=CATCH_UP_ON_SEARCH_LIMIT)
    filters = clean_filters(filters)
    sort = sort if sort in SORTS else "relevance"
    per_page = per_page or getattr(settings, "SEARCH_PAGE_SIZE", 20)
    audience = audience_for(user)
    result = get_engine().search(
        q, filters=filters, sort=sort, page=page, per_page=per_page, visibility=audience
    )
    items = _recheck(user, audience, result.hits)
    facets = _facets(result, filters)
    types = next((f.options for f in facets if f.name == "type"), [])
    return SearchPage(
        query=q,
        filters=filters,
        sort=sort,
        number=result.page,
        per_page=result.per_page,
        total=result.total,
        items=items,
        facets=[f for f in facets if f.name != "type"],
        types=types,
        suggestion=result.suggestion,
        took_ms=(time.perf_counter() - started) * 1000,
    )


def similar(*, user, obj, types: Sequence[str] | None = None, limit: int = 5) -> list[ResultItem]:
    """What is most like ``obj`` (a searchable object) among what ``user`` may see: its related
    resources, or research like a new topic. ``types`` limits the kinds ("resource", ...)."""
    provider = provider_for(obj)
    if provider is None or obj.pk is None:
        return []
    audience = audience_for(user)
    hits = get_engine().similar(
        key_for(provider, obj.pk), visibility=audience, types=types, limit=limit
    )
    return _recheck(user, audience, hits)


def _recheck(user, audience: Audience, hits: list[Hit]) -> list[ResultItem]:
    """The hits ``user`` may see according to the database now: the row must still exist with a
    visibility that lets them see it, and the owning app's rules must agree. What is shown (title,
    address, summary) comes from the row, not from the index."""
    if not hits:
        return []
    rows = {
        row.key: row
        for row in Document.objects.filter(key__in=[hit.key for hit in hits]).only(
            "key", "type", "object_id", "title", "url", "summary", "visibility",
            "allowed_person_ids", "owner_organisation_ids", "date",
        )
    }  # fmt: skip
    candidates = [
        rows[hit.key]
        for hit in hits
        if hit.key in rows and _allows(audience, rows[hit.key])
    ]  # fmt: skip
    by_type: dict[str, list[int]] = defaultdict(list)
    for row in candidates:
        by_type[row.type].append(row.object_id)
    visible: set[tuple[str, int]] = set()
    for type_key, ids in by_type.items():
        provider = provider_for_type(type_key)
        if provider is None:
            continue
        visible.update((type_key, pk) for pk in provider.visible_ids(user=user, ids=ids))
    snippets = {hit.key: hit.snippet for hit in hits}
    items = []
    for row in candidates:
        if (row.type, row.object_id) not in visible:
            continue
        provider = provider_for_type(row.type)
        items.append(
            ResultItem(
                key=row.key,
                type=row.type,
                type_label=str(getattr(provider, "label", row.type)),
                title=row.title,
                url=row.url,
                summary=row.summary,
                snippet=mark_safe(snippets.get(row.key, "")),  # noqa: S308 — escaped by the engine
                date=row.date,
            )
        )
    return items


def _allows(audience: Audience, row: Document) -> bool:
    return audience.allows(row.visibility, row.allowed_person_ids, row.owner_organisation_ids)


# --- Facets with labels ---------------------------------------------------------------------

_label_cache: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}
LABEL_CACHE_SECONDS = 300
LABEL_RETRY_SECONDS = 10


def _facets(result: EngineResult, filters: dict[str, list[str]]) -> list[Facet]:
    facets = []
    for name in FACETS:
        counts = {fc.value: fc.count for fc in result.facets.get(name, [])}
        for value in filters.get(name, []):
            counts.setdefault(value, 0)
        labels = _labels(name, list(counts))
        selected = set(filters.get(name, []))
        # A value the vocabulary no longer knows is shown only while it is a filter (to remove it).
        options = [
            FacetOption(value, labels.get(value, value), count, value in selected)
            for value, count in counts.items()
            if value in labels or value in selected
        ]
        if name in NUMBERED:
            options.sort(key=lambda o: int(o.value) if o.value.isdigit() else 0)
        elif name == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        elif name == "type":
            order = [*TYPE_ORDER, *(p.type for p in providers())]
            options.sort(key=lambda o: order.index(o.value) if o.value in order else len(order))
        else:
            options.sort(key=lambda o: (-o.count, o.label))
        facets.append(Facet(name=name, label=str(FACET_LABELS[name]), options=options))
    return facets


def _labels(name: str, values: list[str]) -> dict[str, str]:
    """Readable names, in the reader's language, for a facet's values. The vocabulary is read once
    every few minutes (and again when a value is missing); organisations for the values asked."""
    if not values:
        return {}
    if name == "type":
        return {
            value: str(provider.label_plural)
            for value in values
            if (provider := provider_for_type(value)) is not None
        }
    if name == "year":
        return {value: value for value in values}
    if name == "language":
        return {value: _language_name(value) for value in values}
    if name == "organisation":
        return dict(Organisation.objects.filter(slug__in=values).values_list("slug", "name"))
    key = (name, get_language() or "")
    cached = _label_cache.get(key)
    now = time.time()
    if (
        cached is None
        or cached[0] < now - LABEL_CACHE_SECONDS
        # A value added since: read again (but not at every search, for a value nobody knows).
        or (cached[0] < now - LABEL_RETRY_SECONDS and set(values) - set(cached[1]))
    ):
        cached = (now, _vocabulary(name))
        _label_cache[key] = cached
    return {value: cached[1][value] for value in values if value in cached[1]}


def _vocabulary(name: str) -> dict[str, str]:
    if name == "objective":
        return {str(o.number): str(o) for o in Objective.objects.all()}
    if name == "principle":
        return {str(p.number): p.display_name for p in GuidingPrinciple.objects.all()}
    if name == "area":
        return {str(a.number): str(a) for a in ThematicArea.objects.all()}
    if name == "theme":
        return {t.slug: t.display_name for t in Theme.objects.all()}
    if name == "region":
        return {r.m49: r.display_name for r in Region.objects.all()}
    if name == "country":
        return {c.code: c.display_name for c in Country.objects.all()}
    return {}


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        try:
            return str(get_language_info(code.split("-")[0])["name_translated"])
        except KeyError:
            return code
