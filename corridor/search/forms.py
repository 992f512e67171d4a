"""The search page's query string: ``q``, ``sort``, ``page`` and one list per facet, read leniently
(nothing a visitor types or edits in the address gives an error) and written back as links."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.http import QueryDict

from corridor.search.engine import FACETS, MAX_QUERY_LENGTH, clean_filters

SORTS = ("relevance", "date")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_query(cls, data: QueryDict) -> SearchParams:
        q = " ".join(data.get("q", "").split())[:MAX_QUERY_LENGTH]
        filters = clean_filters({name: data.getlist(name) for name in FACETS})
        sort = data.get("sort", "")
        try:
            page = int(data.get("page", "1"))
        except ValueError:
            page = 1
        return cls(
            q=q,
            filters=filters,
            sort=sort if sort in SORTS else "relevance",
            page=min(max(page, 1), 1000),
        )

    # -- links -----------------------------------------------------------------------------

    def url(self, **changes) -> str:
        """This search as a query string (``?…``), with ``changes``; back to page 1 unless a
        ``page`` is given."""
        params = replace(self, **{"page": 1, **changes})
        query = QueryDict(mutable=True)
        if params.q:
            query["q"] = params.q
        for name in FACETS:
            if params.filters.get(name):
                query.setlist(name, params.filters[name])
        if params.sort != "relevance":
            query["sort"] = params.sort
        if params.page > 1:
            query["page"] = str(params.page)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def toggled(self, name: str, value: str) -> str:
        values = list(self.filters.get(name, []))
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        return self.url(filters={**self.filters, name: values})

    def with_type(self, value: str | None) -> str:
        filters = {k: v for k, v in self.filters.items() if k != "type"}
        if value:
            filters["type"] = [value]
        return self.url(filters=filters)

    def without_filters(self) -> str:
        return self.url(filters={})

    @property
    def has_filters(self) -> bool:
        return any(self.filters.values())
