"""What changed between two versions of a resource, field by field, line by line."""

import difflib

from corridor.knowledge.models import Resource

TEXT_FIELDS = ["title", "summary", "body", "source", "withdrawal_reason"]
VALUE_FIELDS = [
    "type",
    "status",
    "language",
    "other_languages",
    "visibility",
    "published_on",
    "scope",
    "audiences",
    "links",
    "licence",
    "last_reviewed_on",
    "research_status",
    "expected_on",
    "plan_status",
    "period_start",
    "period_end",
    "repository",
    "version",
]
# Unchanged lines kept around a change; longer unchanged runs are folded.
CONTEXT = 2


def _label(name: str) -> str:
    return str(Resource._meta.get_field(name).verbose_name)


def _display(record, name: str) -> str:
    value = getattr(record, name)
    getter = getattr(record, f"get_{name}_display", None)
    if getter is not None and value not in (None, ""):
        return str(getter())
    if value in (None, "", []):
        return "—"
    if name == "links":
        return ", ".join(link.get("url", "") for link in value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _lines(old: str, new: str) -> list[tuple[str, str]]:
    """(op, line) with op one of " ", "-", "+", "…" (folded unchanged lines)."""
    rows = [
        (line[0], line[2:])
        for line in difflib.ndiff(old.splitlines(), new.splitlines())
        if not line.startswith("? ")
    ]
    keep = set()
    for index, (op, _text) in enumerate(rows):
        if op != " ":
            keep.update(range(index - CONTEXT, index + CONTEXT + 1))
    folded, skipping = [], False
    for index, row in enumerate(rows):
        if row[0] != " " or index in keep:
            folded.append(row)
            skipping = False
        elif not skipping:
            folded.append(("…", ""))
            skipping = True
    return folded


def record_diff(old, new) -> list[dict]:
    """The differences from historical record ``old`` to ``new`` of the same resource."""
    changes = []
    for name in TEXT_FIELDS:
        before, after = getattr(old, name) or "", getattr(new, name) or ""
        if before != after:
            changes.append({"field": _label(name), "lines": _lines(before, after)})
    for name in VALUE_FIELDS:
        if getattr(old, name) != getattr(new, name):
            changes.append(
                {"field": _label(name), "old": _display(old, name), "new": _display(new, name)}
            )
    return changes
