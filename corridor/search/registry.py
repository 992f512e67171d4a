"""Which models are searchable, and how: one ``Provider`` per model, registered by its app.

An app makes its objects searchable in ``<app>/search.py`` (found at start-up)::

    from corridor.search.registry import DocumentData, Provider, register

    class ThingProvider(Provider):
        type = "thing"

        def document(self, obj):
            if not obj.is_published:
                return None  # not searchable: the document is removed
            return DocumentData(title=obj.title, url=obj.get_absolute_url(), ...)

    register(Thing, ThingProvider())

Its services then call ``corridor.search.services.document_refresh(obj)`` in the same transaction
as every write (``document_remove(obj)`` before a delete).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import models

from corridor.search.models import Level


@dataclass
class DocumentData:
    """The searchable face of one object: what ``search.Document`` stores for it."""

    title: str
    url: str
    summary: str = ""
    body: str = ""
    language: str = ""
    visibility: str = Level.PUBLIC
    owner_organisation_ids: Sequence[int] = ()
    allowed_person_ids: Sequence[int] = ()
    codes: Mapping[str, Iterable] = field(default_factory=dict)
    date: datetime.date | None = None


class Provider:
    """Maps objects of one model to ``DocumentData``; subclasses set ``type`` and ``document``."""

    #: The document type: the key of the type tab and facet, e.g. "resource".
    type: str = ""

    def document(self, obj: models.Model) -> DocumentData | None:
        """The object's document, or None when it must not be found (private, inactive, draft)."""
        raise NotImplementedError

    def queryset(self, model: type[models.Model]) -> models.QuerySet:
        """Every object to consider when the table is regenerated, with what ``document`` reads."""
        return model._default_manager.all()

    def visible_ids(self, *, user, ids: Iterable[int]) -> set[int]:
        """Of ``ids``, those ``user`` may see now, asked of the owning app (its selectors).

        The default suits objects everyone may see: those that still exist.
        """
        return set(
            self.model._default_manager.filter(pk__in=list(ids))
            .order_by()
            .values_list("pk", flat=True)
        )

    model: type[models.Model]


_by_model: dict[type[models.Model], Provider] = {}
_by_type: dict[str, Provider] = {}


def register(model: type[models.Model], provider: Provider) -> None:
    """Make ``model`` searchable through ``provider``; registering a model again replaces it."""
    if not provider.type:
        raise ValueError(f"{type(provider).__name__} has no type.")
    previous = _by_model.pop(model, None)
    if previous is not None:
        _by_type.pop(previous.type, None)
    existing = _by_type.get(provider.type)
    if existing is not None and existing.model is not model:
        raise ValueError(
            f"The type {provider.type!r} is already used by {existing.model.__name__}."
        )
    provider.model = model
    _by_model[model] = provider
    _by_type[provider.type] = provider


def provider_for(obj_or_model) -> Provider | None:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    model = model._meta.concrete_model
    return _by_model.get(model)


def provider_for_type(type_key: str) -> Provider | None:
    return _by_type.get(type_key)


def providers() -> list[Provider]:
    """Every registered provider, in registration order."""
    return list(_by_model.values())


def key_for(provider: Provider, pk) -> str:
    return f"{provider.type}:{pk}"
