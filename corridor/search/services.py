"""Writes for search: the ``Document`` table and its change log, and this node's index.

For the other apps, two calls, in the same transaction as the write they follow::

    document_refresh(obj)   # after creating or changing a searchable object
    document_remove(obj)    # before deleting one

Each writes the object's ``Document`` row (or removes it) and appends a ``Change``; after the
commit a task (``tasks.search_index_changes``) brings the index up to date. ``search_catch_up()``
applies the change log to this node's index, ``search_rebuild()`` builds a new index from the
table and swaps it in, ``documents_rebuild_from_sources()`` regenerates the table itself.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import threading
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from corridor.search.engine import (
    FACETS,
    SCHEMA_VERSION,
    STATE_FILE,
    IndexDoc,
    TantivyEngine,
    _file_lock,
    current_generation,
    new_generation_path,
    prune_generations,
    swap_generation,
)
from corridor.search.models import Change, Document, Level
from corridor.search.registry import DocumentData, Provider, key_for, provider_for, providers
from corridor.search.text import normalize

logger = logging.getLogger(__name__)

#: A change whose sequence number is still missing after this long is taken to have been rolled
#: back (PostgreSQL hands out sequence numbers before commit, and never reuses them).
GAP_SECONDS = 120
CATCH_UP_BATCH = 1000
REBUILD_HEAP = 256_000_000
CATCH_UP_LOCK = "corridor-catch-up.lock"
BUILD_LOCK = "corridor-build.lock"

# --- The Document table ---------------------------------------------------------------------


def _provider(obj) -> Provider:
    provider = provider_for(obj)
    if provider is None:
        raise ValueError(f"{type(obj).__name__} is not searchable: no provider is registered.")
    return provider


def _values(provider: Provider, data: DocumentData) -> dict:
    """The row's fields, normalised so that an unchanged object gives equal values."""
    codes = {}
    for name, values in (data.codes or {}).items():
        if name not in FACETS or name in ("type", "language"):
            raise ValueError(f"Unknown facet {name!r} in the codes of a {provider.type}.")
        kept = sorted({str(v) for v in values or () if v is not None and str(v) != ""})
        if kept:
            codes[name] = kept
    if data.date and "year" not in codes:
        codes["year"] = [str(data.date.year)]
    if data.visibility not in Level.values:
        raise ValueError(f"Unknown visibility {data.visibility!r}.")
    return {
        "type": provider.type,
        "title": normalize(data.title)[:500],
        "summary": (data.summary or "").strip(),
        "body": (data.body or "").strip(),
        "language": (data.language or "").lower()[:10],
        "url": (data.url or "")[:500],
        "visibility": data.visibility,
        "owner_organisation_ids": sorted({int(pk) for pk in data.owner_organisation_ids or ()}),
        "allowed_person_ids": sorted({int(pk) for pk in data.allowed_person_ids or ()}),
        "codes": codes,
        "date": data.date,
    }


def _differs(row: Document, values: dict) -> bool:
    return any(getattr(row, name) != value for name, value in values.items())


@transaction.atomic
def document_refresh(obj: models.Model) -> Document | None:
    """Write ``obj``'s search document as its provider sees it now; remove it when the provider
    says it must not be found. Returns the row (None when removed). Nothing is written when the
    row is already up to date."""
    provider = _provider(obj)
    data = provider.document(obj)
    if data is None:
        document_remove(obj)
        return None
    values = _values(provider, data)
    content_type = ContentType.objects.get_for_model(provider.model)
    row = Document.objects.filter(content_type=content_type, object_id=obj.pk).first()
    if row is not None and not _differs(row, values):
        return row
    if row is None:
        row = Document(content_type=content_type, object_id=obj.pk, key=key_for(provider, obj.pk))
    for name, value in values.items():
        setattr(row, name, value)
    row.updated = timezone.now()
    row.save()
    _log_changes([(row.key, Change.Op.UPSERT)])
    return row


@transaction.atomic
def document_remove(obj: models.Model, *, pk=None) -> bool:
    """Remove ``obj``'s search document (call it before deleting the object, or pass ``pk``).
    Returns whether there was one."""
    provider = _provider(obj)
    pk = obj.pk if pk is None else pk
    deleted, _ = Document.objects.filter(key=key_for(provider, pk)).delete()
    if deleted:
        _log_changes([(key_for(provider, pk), Change.Op.DELETE)])
    return bool(deleted)


def _log_changes(changes: list[tuple[str, str]]) -> None:
    if not changes:
        return
    now = timezone.now()
    logged = Change.objects.bulk_create(
        [Change(key=key, op=op, created_at=now) for key, op in changes]
    )
    transaction.on_commit(partial(_enqueue_index_task, logged[-1].seq or 0))


def _enqueue_index_task(seq: int) -> None:
    from corridor.search.tasks import search_index_changes

    search_index_changes.enqueue(seq)


def documents_rebuild_from_sources(*, stdout: TextIO | None = None) -> dict[str, dict[str, int]]:
    """Regenerate the whole table from every registered model: add what is missing, change what
    differs, remove what is no longer searchable, with a change logged for each. Returns counts
    per type. Run after bulk loads that bypass the services (``load_demo``), or at any time."""
    counts: dict[str, dict[str, int]] = {}
    registered = set()
    for provider in providers():
        content_type = ContentType.objects.get_for_model(provider.model)
        registered.add(content_type.pk)
        counts[provider.type] = _rebuild_type(provider, content_type)
    with transaction.atomic():
        orphans = list(
            Document.objects.exclude(content_type__in=registered).values_list("key", flat=True)
        )
        if orphans:
            Document.objects.filter(key__in=orphans).delete()
            _log_changes([(key, Change.Op.DELETE) for key in orphans])
    if stdout is not None:
        for type_key, count in counts.items():
            stdout.write(
                f"  {type_key:<16} {count['created']:>6} added {count['updated']:>6} changed "
                f"{count['deleted']:>6} removed {count['unchanged']:>6} unchanged\n"
            )
    return counts


def _rebuild_type(provider: Provider, content_type: ContentType, chunk: int = 500) -> dict:
    count = {"created": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    seen: set[int] = set()
    objects = provider.queryset(provider.model).order_by("pk").iterator(chunk_size=chunk)
    while True:
        batch = [obj for _, obj in zip(range(chunk), objects, strict=False)]
        if not batch:
            break
        with transaction.atomic():
            existing = {
                row.object_id: row
                for row in Document.objects.filter(
                    content_type=content_type, object_id__in=[obj.pk for obj in batch]
                )
            }
            creates, updates, changes = [], [], []
            now = timezone.now()
            for obj in batch:
                data = provider.document(obj)
                if data is None:
                    continue
                seen.add(obj.pk)
                values = _values(provider, data)
                row = existing.get(obj.pk)
                if row is None:
                    row = Document(
                        content_type=content_type,
                        object_id=obj.pk,
                        key=key_for(provider, obj.pk),
                        updated=now,
                        **values,
                    )
                    creates.append(row)
                elif _differs(row, values):
                    for name, value in values.items():
                        setattr(row, name, value)
                    row.updated = now
                    updates.append(row)
                else:
                    count["unchanged"] += 1
                    continue
                changes.append((row.key, Change.Op.UPSERT))
            Document.objects.bulk_create(creates)
            if updates:
                Document.objects.bulk_update(updates, [*_values_fields(), "updated"])
            _log_changes(changes)
            count["created"] += len(creates)
            count["updated"] += len(updates)
    stale = [
        (pk, key)
        for pk, object_id, key in Document.objects.filter(content_type=content_type).values_list(
            "pk", "object_id", "key"
        )
        if object_id not in seen
    ]
    for start in range(0, len(stale), chunk):
        part = stale[start : start + chunk]
        with transaction.atomic():
            Document.objects.filter(pk__in=[pk for pk, _ in part]).delete()
            _log_changes([(key, Change.Op.DELETE) for _, key in part])
        count["deleted"] += len(part)
    return count


def _values_fields() -> list[str]:
    return [
        "type",
        "title",
        "summary",
        "body",
        "language",
        "url",
        "visibility",
        "owner_organisation_ids",
        "allowed_person_ids",
        "codes",
        "date",
    ]


#: The ``Document`` fields the index needs, in ``IndexDoc``'s order.
INDEX_FIELDS = (
    "key",
    "type",
    "title",
    "url",
    "summary",
    "body",
    "language",
    "visibility",
    "owner_organisation_ids",
    "allowed_person_ids",
    "codes",
    "date",
)


def index_doc(row: Document) -> IndexDoc:
    """A ``Document`` row as the engine indexes it."""
    return IndexDoc(
        key=row.key,
        type=row.type,
        title=row.title,
        url=row.url,
        summary=row.summary,
        body=row.body,
        language=row.language,
        visibility=row.visibility,
        owner_organisation_ids=row.owner_organisation_ids or (),
        allowed_person_ids=row.allowed_person_ids or (),
        codes=row.codes or {},
        date=row.date,
    )


# --- This node's index ----------------------------------------------------------------------

_engines: dict[Path, TantivyEngine] = {}
_engines_lock = threading.Lock()


def index_root() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


def _open(path: Path) -> TantivyEngine:
    """The engine of the index in ``path``, opened once per process."""
    with _engines_lock:
        engine = _engines.get(path)
        if engine is None:
            # Let go of other roots' indexes (tests change the setting) and of old generations.
            for old in [p for p in _engines if p.parent != path.parent]:
                del _engines[old]
            engine = TantivyEngine(
                path, field_boosts=getattr(settings, "SEARCH_FIELD_BOOSTS", None)
            )
            _engines[path] = engine
            while len(_engines) > 2:
                del _engines[next(iter(_engines))]
        return engine


def get_engine() -> TantivyEngine:
    """The index in use on this node; built from the ``Document`` table first when there is none
    (or when it was built for another version of the schema)."""
    root = index_root()
    engine = _current_engine(root)
    if engine is not None:
        return engine
    root.mkdir(parents=True, exist_ok=True)
    with _file_lock(root / BUILD_LOCK):
        # Another process may have built it while this one waited.
        engine = _current_engine(root)
        if engine is None:
            logger.info("No search index of version %s in %s: building one.", SCHEMA_VERSION, root)
            search_rebuild(_locked=True)
            engine = _current_engine(root)
    return engine


def _current_engine(root: Path) -> TantivyEngine | None:
    name = current_generation(root)
    if name is None:
        return None
    path = root / name
    with _engines_lock:
        if path in _engines:
            return _engines[path]
    try:
        state = json.loads((path / STATE_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return None
    if state.get("schema") != SCHEMA_VERSION:
        return None
    try:
        return _open(path)
    except ValueError:  # tantivy: "An index exists but the schema does not match."
        logger.warning("The search index in %s has another schema: rebuilding it.", path)
        return None


def search_catch_up(*, blocking: bool = True, limit: int | None = None) -> int:
    """Apply the change log to this node's index; returns how many documents were written.

    ``blocking=False`` returns 0 at once if another process or thread is already at it (so a search
    never waits for one); ``limit`` stops after about that many changes (the rest wait for the
    worker or the next call)."""
    return _catch_up(get_engine(), blocking=blocking, limit=limit)


def _catch_up(engine: TantivyEngine, *, blocking: bool = True, limit: int | None = None) -> int:
    with _file_lock(engine.path / CATCH_UP_LOCK, blocking=blocking) as locked:
        if not locked:
            return 0
        state = engine.read_state()
        watermark = int(state.get("seq", 0))
        top = int(state.get("max", watermark))
        gaps = {int(seq): noticed for seq, noticed in state.get("gaps", {}).items()}
        written = 0
        after = watermark
        while True:
            size = CATCH_UP_BATCH if limit is None else max(1, min(CATCH_UP_BATCH, limit))
            rows = list(
                Change.objects.filter(seq__gt=after)
                .order_by("seq")
                .values_list("seq", "key")[:size]
            )
            if not rows:
                break
            keys: dict[str, None] = {}
            now = time.time()
            known = (top, len(gaps))
            for seq, key in rows:
                if seq > top:
                    gaps.update(dict.fromkeys(range(top + 1, seq), now))
                    top = seq
                    keys[key] = None
                elif seq in gaps:
                    del gaps[seq]
                    keys[key] = None
            after = rows[-1][0]
            # A search (not blocking) does not wait for segment merges; the worker does them.
            written += _apply(engine, list(keys), wait_merges=blocking)
            if keys or known != (top, len(gaps)):
                engine.write_state(_state(top, gaps))
            if len(rows) < size or (limit is not None and (limit := limit - len(rows)) <= 0):
                break
        expired = [seq for seq, noticed in gaps.items() if noticed < time.time() - GAP_SECONDS]
        if expired:
            for seq in expired:
                del gaps[seq]
            engine.write_state(_state(top, gaps))
        return written


def _state(top: int, gaps: dict[int, float]) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "seq": (min(gaps) - 1) if gaps else top,
        "max": top,
        "gaps": {str(seq): noticed for seq, noticed in sorted(gaps.items())},
    }


def _apply(engine: TantivyEngine, keys: list[str], *, wait_merges: bool = True) -> int:
    """Bring these documents of the index in line with the table: rows that exist are written,
    missing ones deleted (the table says what is true now, whatever the log said then)."""
    if not keys:
        return 0
    rows = {
        row[0]: IndexDoc(*row)
        for row in Document.objects.filter(key__in=keys).values_list(*INDEX_FIELDS)
    }
    with engine.writer(wait_merges=wait_merges) as batch:
        for key in keys:
            doc = rows.get(key)
            if doc is None:
                batch.delete(key)
            else:
                batch.upsert(doc)
    return len(keys)


def _initial_state() -> dict:
    """Where a new index built from the table now starts in the log: after the last change, except
    for numbers still missing (a transaction that has not committed yet) among the recent ones."""
    now = time.time()
    horizon = timezone.now() - datetime.timedelta(seconds=GAP_SECONDS)
    top = Change.objects.aggregate(seq=Max("seq"))["seq"] or 0
    settled = Change.objects.filter(created_at__lt=horizon).aggregate(seq=Max("seq"))["seq"] or 0
    gaps: dict[int, float] = {}
    if 0 < top - settled <= 100_000:
        present = set(Change.objects.filter(seq__gt=settled).values_list("seq", flat=True))
        gaps = {seq: now for seq in range(settled + 1, top + 1) if seq not in present}
    return _state(top, gaps)


def search_rebuild(*, stdout: TextIO | None = None, keep: int = 2, _locked: bool = False) -> Path:
    """Build a new index from the ``Document`` table beside the one in use, bring it up to date
    with the log, and swap it in atomically: searches answer from the old index until the swap.
    Returns the new index's directory."""
    root = index_root()
    root.mkdir(parents=True, exist_ok=True)
    lock = contextlib.nullcontext() if _locked else _file_lock(root / BUILD_LOCK)
    with lock:
        started = time.perf_counter()
        state = _initial_state()
        path = new_generation_path(root)
        engine = TantivyEngine(path, field_boosts=getattr(settings, "SEARCH_FIELD_BOOSTS", None))
        count = 0
        rows = Document.objects.order_by("pk").values_list(*INDEX_FIELDS).iterator(chunk_size=5000)
        with engine.writer(heap_size=REBUILD_HEAP, num_threads=0) as batch:
            for row in rows:
                batch.add(IndexDoc(*row))
                count += 1
                if stdout is not None and count % 50_000 == 0:
                    stdout.write(f"  {count} documents…\n")
        engine.write_state(state)
        _catch_up(engine)
        swap_generation(root, path)
        _open(path)
        _catch_up(engine)
        removed = prune_generations(root, keep=keep)
        with _engines_lock:
            for name in removed:
                _engines.pop(root / name, None)
        if stdout is not None:
            stdout.write(
                f"Indexed {count} documents in {time.perf_counter() - started:.1f} s into {path}.\n"
            )
        return path


def documents_for(objs: Iterable[models.Model]) -> list[Document]:
    """The search rows of these objects (for tests and tools)."""
    keys = [key_for(_provider(obj), obj.pk) for obj in objs]
    return list(Document.objects.filter(key__in=keys))
