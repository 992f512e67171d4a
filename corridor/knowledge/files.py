"""Files in, text out: recognise a PDF or DOCX by its content, open it, extract its text, and tell
its language. Pure functions on bytes; the services and the task call them.

A file is judged by what it is, never by its name: the first bytes say which format it claims to
be (``%PDF-``, or a ZIP holding ``word/document.xml``), and then the file is actually opened with
the library that will extract it, so a damaged or password-protected file is refused while the
submitter is still on the page.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from corridor.core.errors import ApplicationError

PDF = "pdf"
DOCX = "docx"

# Word-processing documents are ZIP files with these two parts (ECMA-376 Open Packaging).
_DOCX_PARTS = {"[Content_Types].xml", "word/document.xml"}
_DOCX_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, or an encrypted Office file
_ZIP_MAGIC = b"PK\x03\x04"
# Most PDF readers accept the header anywhere in the first kilobyte.
_PDF_HEADER_WINDOW = 1024
# Uncompressed size above which a DOCX is refused (guards against ZIP bombs).
_DOCX_MAX_UNCOMPRESSED = 200 * 1024 * 1024


def max_upload_bytes() -> int:
    """``KNOWLEDGE_MAX_FILE_BYTES`` in settings; 25 MB unless set."""
    return getattr(settings, "KNOWLEDGE_MAX_FILE_BYTES", 25 * 1024 * 1024)


def too_large_message(name: str, size: int) -> str:
    return _("%(name)s is %(size)s; files can be at most %(limit)s.") % {
        "name": name,
        "size": filesizeformat(size),
        "limit": filesizeformat(max_upload_bytes()),
    }


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # PDF or DOCX
    size: int
    pages: int | None


def check_file(data: bytes, *, name: str = "") -> CheckedFile:
    """Say what ``data`` is, or raise ``ApplicationError`` with a message for the person uploading.

    Refuses: an empty file, one over the size limit, anything that is not a PDF or a DOCX by
    content (whatever its name), a damaged file, and a password-protected one.
    """
    label = name or _("The file")
    size = len(data)
    if size == 0:
        raise ApplicationError(
            _("%(name)s is empty (0 bytes). Choose the file again, or export it anew.")
            % {"name": label}
        )
    if size > max_upload_bytes():
        raise ApplicationError(too_large_message(label, size))
    head = data[:_PDF_HEADER_WINDOW]
    if b"%PDF-" in head:
        return CheckedFile(kind=PDF, size=size, pages=_check_pdf(data, label))
    if data.startswith(_ZIP_MAGIC):
        _check_docx(data, label)
        return CheckedFile(kind=DOCX, size=size, pages=None)
    if data.startswith(_OLE_MAGIC):
        raise ApplicationError(
            _(
                "%(name)s is an old-format Word file (.doc) or a password-protected Office file. "
                "Save it as .docx without a password, or as PDF, and upload it again."
            )
            % {"name": label}
        )
    raise ApplicationError(_describe_unknown(head, label))


def _describe_unknown(head: bytes, label: str) -> str:
    lowered = head.lstrip()[:200].lower()
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF"):
        what = _("a program")
    elif lowered.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        what = _("a web page or XML file")
    elif head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        what = _("an image")
    else:
        what = ""
    if what:
        return _(
            "%(name)s is %(what)s, not a PDF or Word document, whatever its name says. "
            "Upload a PDF or a .docx file."
        ) % {"name": label, "what": what}
    return _("%(name)s is not a PDF or a Word (.docx) document. Upload a PDF or a .docx file.") % {
        "name": label
    }


def _check_pdf(data: bytes, label: str) -> int:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ApplicationError(
                _(
                    "%(name)s is protected by a password. Save a copy without the password and "
                    "upload that."
                )
                % {"name": label}
            ) from error
        raise ApplicationError(
            _("%(name)s is damaged and cannot be opened as a PDF. Export it again and retry.")
            % {"name": label}
        ) from error
    try:
        pages = len(document)
    finally:
        document.close()
    if pages == 0:
        raise ApplicationError(_("%(name)s is a PDF with no pages.") % {"name": label})
    return pages


def _check_docx(data: bytes, label: str) -> None:
    not_word = _(
        "%(name)s is a ZIP archive, not a Word document, whatever its name says. "
        "Upload a PDF or a .docx file."
    ) % {"name": label}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if not names >= _DOCX_PARTS:
                raise ApplicationError(not_word)
            if sum(info.file_size for info in archive.infolist()) > _DOCX_MAX_UNCOMPRESSED:
                raise ApplicationError(
                    _("%(name)s expands to more than we can read.") % {"name": label}
                )
            if _DOCX_MAIN_TYPE not in archive.read("[Content_Types].xml"):
                raise ApplicationError(not_word)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError) as error:
        raise ApplicationError(
            _("%(name)s is damaged and cannot be opened. Save it again and retry.")
            % {"name": label}
        ) from error
    try:
        _open_docx(data)
    except Exception as error:  # python-docx raises many kinds on malformed XML
        raise ApplicationError(
            _("%(name)s is damaged and cannot be opened as a Word document.") % {"name": label}
        ) from error


def _open_docx(data: bytes):
    import docx

    return docx.Document(io.BytesIO(data))


# -- extraction ----------------------------------------------------------------------------------


def extract_text(data: bytes, kind: str) -> str:
    """The text of a checked file, as plain text with paragraphs separated by blank lines."""
    if kind == PDF:
        text = _pdf_text(data)
    elif kind == DOCX:
        text = _docx_text(data)
    else:
        raise ValueError(f"Unknown file kind {kind!r}")
    return normalise_text(text)


def _pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        parts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                parts.append(textpage.get_text_bounded())
            finally:
                textpage.close()
                page.close()
        return "\n\n".join(parts)
    finally:
        document.close()


def _docx_text(data: bytes) -> str:
    document = _open_docx(data)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n\n".join(parts)


_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def document_title(data: bytes, kind: str) -> str:
    """The title a document gives itself in its metadata, or ""."""
    try:
        if kind == PDF:
            import pypdfium2 as pdfium

            document = pdfium.PdfDocument(data)
            try:
                return (document.get_metadata_dict().get("Title") or "").strip()
            finally:
                document.close()
        if kind == DOCX:
            return (_open_docx(data).core_properties.title or "").strip()
    except Exception:  # metadata is a nicety: never fail an import for it
        return ""
    return ""


# -- language ------------------------------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_LETTER = re.compile(r"\w")
# Enough text to judge; detection slows with length and gains nothing past this.
_SAMPLE = 20_000


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or "" when it cannot tell.

    Chinese is told by its script (langdetect confuses short Chinese with Korean); everything else
    by langdetect's profiles, which ship inside the package (no download), seeded so the same text
    always gets the same answer.
    """
    sample = (text or "")[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters < 20:
        return ""
    han = len(_HAN.findall(sample))
    if han / letters > 0.3 and not _KANA_HANGUL.search(sample):
        return "zh"
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return ""
    if best.prob < 0.5:
        return ""
    return best.lang.split("-")[0]
