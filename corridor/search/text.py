"""Text as the index sees it: the same clean-up for what is indexed and for what people type."""

import html
import unicodedata

from django.utils.html import strip_tags

from corridor.core.markdown import render_markdown

# Control characters (NUL included) become spaces; Arabic short vowels, other diacritics and the
# tatweel are dropped, as most Arabic text is written without them and a query typed with them
# should still find it. (str.translate: this runs on every text indexed, it must be fast.)
_CLEAN = {code: " " for code in [*range(0x00, 0x20), 0x7F]}
_CLEAN.update(
    dict.fromkeys(
        [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]
    )
)


def normalize(text: str | None) -> str:
    """NFKC, without control characters or Arabic diacritics, runs of blanks collapsed."""
    if not text:
        return ""
    text = str(text)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.translate(_CLEAN).split())


def markdown_text(text: str | None) -> str:
    """The words of a Markdown text, without its markup (rendered, then stripped of tags)."""
    if not text:
        return ""
    return html.unescape(strip_tags(render_markdown(text))).strip()


def join(*parts: str | None) -> str:
    """Non-empty parts, one per paragraph."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())
