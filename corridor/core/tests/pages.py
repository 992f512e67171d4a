"""Checks on rendered pages that the apps' view tests share."""

import re


def heading_levels(html: str) -> list[int]:
    """The levels of the page's headings, in order: ``<h2>`` is 2."""
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def assert_headings_in_order(html: str) -> None:
    """One ``<h1>``, first; and no level skipped on the way down (an h2 then an h4 is not)."""
    levels = heading_levels(html)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
