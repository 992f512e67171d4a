"""User-written Markdown to safe HTML: markdown-it renders, nh3 removes anything dangerous."""

import nh3
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

# The help text of every form field that takes Markdown.
MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [links](https://example.org), lists.")

_renderer = MarkdownIt(
    "commonmark", {"html": False, "linkify": False, "typographer": False}
).enable("table")
_ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}


def render_markdown(text: str) -> str:
    html = _renderer.render(text or "")
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
