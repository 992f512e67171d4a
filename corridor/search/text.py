"""Text as the index sees it: the same clean-up for what is indexed and for what people type."""

import html
import re
import unicodedata

from django.utils.html import strip_tags

from corridor.core.markdown import render_markdown

# Control characters (NUL included) are dropped; Arabic short vowels, other diacritics and the
# tatweel are dropped too, as most Arabic text is written without them and a query typed with
# them should still find it.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def normalize(text: str | None) -> str:
    """NFKC, without control characters or Arabic diacritics, runs of blanks collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = _CONTROL.sub(" ", text)
    text = _ARABIC_MARKS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def markdown_text(text: str | None) -> str:
    """The words of a Markdown text, without its markup (rendered, then stripped of tags)."""
    if not text:
        return ""
    return html.unescape(strip_tags(render_markdown(text))).strip()


def join(*parts: str | None) -> str:
    """Non-empty parts, one per paragraph."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())
