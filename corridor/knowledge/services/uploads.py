"""Files of a resource: judged before anything is saved, text extracted after commit."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from corridor.core.errors import ApplicationError
from corridor.directory.models import User
from corridor.knowledge import files as documents
from corridor.knowledge.models import Resource, ResourceFile
from corridor.knowledge.services.common import (
    Status,
    _refresh_search,
    _require,
    _save,
)

logger = logging.getLogger(__name__)


def _read_upload(upload) -> tuple[str, bytes]:
    """The name and bytes of an uploaded file (or a ``(name, bytes)`` pair), refusing a huge one
    before reading it."""
    if isinstance(upload, tuple):
        return upload
    name = upload.name.rsplit("/", 1)[-1]
    limit = documents.max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ApplicationError(documents.too_large_message(name, upload.size))
    upload.seek(0)
    return name, upload.read(limit + 1)


def _checked_uploads(uploads: Sequence) -> list[tuple[str, bytes, documents.CheckedFile]]:
    checked = []
    for upload in uploads:
        name, data = _read_upload(upload)
        checked.append((name, data, documents.check_file(data, name=name)))
    return checked


def _attach(
    resource: Resource, name: str, data: bytes, checked: documents.CheckedFile, actor
) -> ResourceFile:
    sha256 = hashlib.sha256(data).hexdigest()
    if resource.files.filter(sha256=sha256).exists():
        raise ApplicationError(_("%(name)s is already attached to this resource.") % {"name": name})
    stem = name.rsplit(".", 1)[0] if "." in name else name
    record = ResourceFile(
        resource=resource,
        original_name=f"{stem}.{checked.kind}"[:255],
        kind=checked.kind,
        size=checked.size,
        sha256=sha256,
        pages=checked.pages,
        uploaded_by=actor,
    )
    record.file = ContentFile(data, name=record.original_name)
    record.full_clean(exclude=["file"])
    record.save()
    from corridor.knowledge.tasks import extract_file_text

    transaction.on_commit(partial(extract_file_text.enqueue, record.pk))
    return record


@transaction.atomic
def resource_add_file(*, resource: Resource, actor: User | None, upload) -> ResourceFile:
    """Attach a PDF or DOCX; its text is extracted in the background after commit."""
    if actor is not None:
        _require(actor.has_perm("knowledge.edit_resource", resource))
    ((name, data, checked),) = _checked_uploads([upload])
    record = _attach(resource, name, data, checked, actor)
    resource._history_user = actor
    resource._change_reason = f"file added: {record.original_name}"[:100]
    resource.save(update_fields=["updated_at"])
    return record


@transaction.atomic
def resource_remove_file(*, file: ResourceFile, actor: User | None) -> None:
    resource = file.resource
    if actor is not None:
        _require(actor.has_perm("knowledge.edit_resource", resource))
    file.delete()  # the stored file stays: history and citations may refer to it
    if resource.status == Status.PUBLISHED:
        _refresh_search(resource)


@transaction.atomic
def file_extract_text(*, file_id: int) -> ResourceFile | None:
    """Extract a file's text and detect its language (the background task's body)."""
    record = (
        ResourceFile.objects.select_for_update().select_related("resource").filter(pk=file_id)
    ).first()
    if record is None:
        return None
    try:
        with record.file.open("rb") as handle:
            data = handle.read()
        text = documents.extract_text(data, record.kind)
    except Exception as error:  # a file that passed the checks may still defeat the extractor
        logger.exception("Text extraction failed for file %s", file_id)
        record.extraction = ResourceFile.Extraction.FAILED
        record.extraction_error = str(error)[:300]
        record.save(update_fields=["extraction", "extraction_error", "updated_at"])
        return record
    record.extracted_text = text
    record.language = documents.detect_language(text)
    record.extraction = ResourceFile.Extraction.DONE if text else ResourceFile.Extraction.EMPTY
    record.extraction_error = ""
    record.save(
        update_fields=["extracted_text", "language", "extraction", "extraction_error", "updated_at"]
    )
    resource = record.resource
    if not resource.language and record.language:
        resource.language = record.language
        _save(resource, actor=None, reason="language detected from its file")
    if resource.status == Status.PUBLISHED:
        _refresh_search(resource)
    return record
