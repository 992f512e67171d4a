"""The interface in the five other UN languages (issue 5, point 1).

Three checks:

- every main page, rendered with the demo data in Arabic, Chinese, French, Russian and Spanish, has
  ``<html lang dir>`` right (``rtl`` only for Arabic), shows the prominent interface strings in the
  reader's language, and shows no English source string of the catalogue as a whole text;
- ``makemessages``, run on a copy of the project, finds no string that is new, changed (fuzzy) or
  untranslated in any catalogue: adding a ``{% translate %}`` without translating it fails here;
- the catalogues themselves keep every placeholder and have the plural forms their header declares.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

# Language code in URLs and <html lang> -> the catalogue's directory under corridor/locale/.
LANGUAGES = {"ar": "ar", "zh-hans": "zh_Hans", "fr": "fr", "ru": "ru", "es": "es"}
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
PROJECT_ROOT = Path(settings.BASE_DIR)

# On every page: the skip link, the header, the main navigation and the footer.
EVERY_PAGE = [
    "Skip to main content",
    "Search everything",
    "Search",
    "Site search",
    "Language",
    "Main",
    "Workplans",
    "Organisations",
    "Groups",
    "Research agenda",
    "Events",
    "Knowledge",
    "Vocabulary",
    "Sign in",
    "Open API",
]

# Text of the demo data (content, not interface) that happens to be a msgid too: the section titles
# of the network's 2019 workplan, as its source document writes them. Content in other languages
# is issue 5's point 2, not the interface catalogue's.
CONTENT_EQUAL_TO_A_MSGID = {"Core priorities", "Thematic priorities", "Future activities"}

# ---------------------------------------------------------------------------------------------
# The catalogues
# ---------------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values()) and "fuzzy" not in self.flags

    @property
    def placeholders(self) -> set[str]:
        return set(re.findall(r"%\(\w+\)s", self.msgid + self.msgid_plural))


def read_catalogue(path: Path) -> tuple[dict[str, str], list[Entry]]:
    """A .po file's header fields and entries (obsolete ``#~`` entries left out)."""
    entries: list[Entry] = []
    entry, key = Entry(), None
    started = False

    def flush():
        nonlocal entry, key, started
        if started:
            entries.append(entry)
        entry, key, started = Entry(), None, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            if started:  # a comment after a msgstr begins the next entry
                flush()
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#:"):
            if started:
                flush()
            entry.references.extend(line[2:].split())
        elif line.startswith("#"):
            if started:
                flush()
        elif line.startswith('"'):
            value = _unquote(line)
            if key == "msgid":
                entry.msgid += value
            elif key == "msgid_plural":
                entry.msgid_plural += value
            elif key == "msgctxt":
                entry.msgctxt = (entry.msgctxt or "") + value
            else:
                entry.msgstr[key] += value
        else:
            name, _, value = line.partition(" ")
            if name == "msgctxt" and started:
                flush()
            started = True
            if name in ("msgid", "msgid_plural", "msgctxt"):
                key = name
                setattr(entry, name, _unquote(value))
            elif name == "msgstr":
                key = 0
                entry.msgstr[0] = _unquote(value)
            elif name.startswith("msgstr["):
                key = int(name[7:-1])
                entry.msgstr[key] = _unquote(value)
    flush()
    header = {}
    if entries and entries[0].msgid == "":
        for header_line in entries.pop(0).msgstr.get(0, "").splitlines():
            name, _, value = header_line.partition(":")
            header[name.strip()] = value.strip()
    return header, entries


def catalogue_path(root: Path, directory: str) -> Path:
    return root / directory / "LC_MESSAGES" / "django.po"


# ---------------------------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
_LABELS = ("aria-label", "title", "placeholder", "alt")


class PageText(HTMLParser):
    """The ``<html>`` attributes, and every text the reader sees or hears, whitespace collapsed.

    Text inside an element whose ``lang`` differs from the page's (the language switcher names
    each language in itself) is left out: it is not in the reader's language on purpose.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict[str, str] = {}
        self.texts: list[str] = []
        self._stack: list[tuple[str, str | None]] = []
        self._page_lang: str | None = None

    def _foreign(self) -> bool:
        for _tag, lang in reversed(self._stack):
            if lang is not None:
                return lang != self._page_lang
        return False

    def _in(self, *tags: str) -> bool:
        return any(tag in tags for tag, _lang in self._stack)

    def _add(self, text: str | None) -> None:
        text = " ".join((text or "").split())
        if text and not self._foreign():
            self.texts.append(text)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_attrs = attrs
            self._page_lang = attrs.get("lang")
        if tag not in _VOID:
            self._stack.append((tag, attrs.get("lang")))
        for name in _LABELS:
            if attrs.get(name):
                self._add(attrs[name])
        if tag == "meta" and attrs.get("name") == "description":
            self._add(attrs.get("content"))
        if tag == "input" and attrs.get("type") in ("submit", "button"):
            self._add(attrs.get("value"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._stack and self._stack[-1][0] == tag:
            self._stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if not self._in("script", "style"):
            self._add(data)


def _pages() -> list[tuple[str, str, list[str]]]:
    """(name, URL in the active language, msgids the page must show translated) for each page."""
    from corridor.directory.models import Group, Organisation
    from corridor.knowledge.models import Resource
    from corridor.workplans.models import Workplan, Workstream

    organisation = Organisation.objects.order_by("slug").first()
    group = Group.objects.filter(subgroups__isnull=False).distinct().order_by("slug").first()
    workplan = Workplan.objects.order_by("slug").first()
    workstream = Workstream.objects.filter(workplan=workplan).order_by("pk").first()
    resource = Resource.objects.filter(status=Resource.Status.PUBLISHED).order_by("slug").first()
    pages = [
        ("home", reverse("core:home"), ["What the platform holds", "Latest changes"]),
        (
            "organisations",
            reverse("directory:organisation_list"),
            ["Member organisations", "Apply filters", "All countries"],
        ),
        ("an organisation", organisation.get_absolute_url(), ["Workstreams", "People"]),
        ("groups", reverse("directory:group_list"), ["Groups within it"]),
        ("a group", group.get_absolute_url(), ["Kind", "Groups within it"]),
        ("workplans", reverse("workplans:workplan_list"), ["Browse and filter all workstreams"]),
        ("a workplan", workplan.get_absolute_url(), ["Introduction", "Workstreams"]),
        (
            "workstreams",
            reverse("workplans:workstream_list"),
            ["Filter workstreams", "All objectives", "Any status"],
        ),
        (
            "a workstream",
            workstream.get_absolute_url(),
            ["Objectives and themes", "Who does it", "Change history"],
        ),
        ("research agenda", reverse("community:research_agenda"), []),
        ("events", reverse("community:event_list"), ["Events and milestones"]),
        ("knowledge", reverse("knowledge:resource_list"), ["Calls for practices", "Filter"]),
        ("a resource", resource.get_absolute_url(), ["About this resource", "Type"]),
        ("calls for practices", reverse("knowledge:call_list"), ["Calls for practices"]),
        (
            "vocabulary",
            reverse("taxonomy:index"),
            [
                "On this page",
                "Objectives of the Global Compact for Migration",
                "Guiding principles",
                "Sustainable Development Goal targets",
                "Regions and countries",
                # The vocabulary itself: an objective, a principle, a theme, a region.
                "Accurate and disaggregated data",
                "People-centred",
                "Human trafficking",
                "Eastern Africa",
            ],
        ),
        (
            "an objective",
            reverse("taxonomy:objective_detail", args=[13]),
            [
                "Global Compact for Safe, Orderly and Regular Migration",
                "Use migration detention only as a measure of last resort and work towards "
                "alternatives",
            ],
        ),
        ("sign-in", reverse("account_login"), []),
        ("search", reverse("search:search"), ["Filter the results", "Search for"]),
        ("a search", reverse("search:search") + "?q=migration", ["Filter the results"]),
    ]
    return pages


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module's read-only page tests and rolled back after."""
    from corridor.demo.loader import load_demo
    from corridor.taxonomy.models import Objective

    with django_db_blocker.unblock(), transaction.atomic():
        if not Objective.objects.exists():
            from corridor.taxonomy.services import load_vocabulary

            load_vocabulary()
        load_demo()
        yield
        transaction.set_rollback(True)


def _compiled_catalogues_are_fresh() -> list[str]:
    stale = []
    for directory in LANGUAGES.values():
        po = catalogue_path(LOCALE_DIR, directory)
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(str(mo.relative_to(PROJECT_ROOT)))
    return stale


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_main_pages_are_entirely_in_the_readers_language(language, demo_data, db, client):
    stale = _compiled_catalogues_are_fresh()
    if stale:
        pytest.fail(
            f"Compiled catalogues missing or older than their .po: {', '.join(stale)}. "
            "Compile them: `make messages`.",
            pytrace=False,
        )
    _header, entries = read_catalogue(catalogue_path(LOCALE_DIR, LANGUAGES[language]))
    # The English of every msgid the reader should never see as such: a whole text of the page
    # equal to one of them is a string left in English (or never translated).
    english = {
        entry.msgid
        for entry in entries
        if not entry.msgid_plural
        and not entry.placeholders
        and entry.msgid.strip() == entry.msgid
        and (not entry.translated or entry.msgstr[0] != entry.msgid)
    } - CONTENT_EQUAL_TO_A_MSGID
    catalogue = {entry.msgid for entry in entries if entry.translated and not entry.msgctxt}

    problems = []
    with translation.override(language):
        pages = _pages()
        for name, url, expected in pages:
            response = client.get(url)
            if response.status_code != 200:
                problems.append(f"{name} ({url}): status {response.status_code}")
                continue
            page = PageText()
            page.feed(response.content.decode())
            texts = set(page.texts)
            want_dir = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
            got = (page.html_attrs.get("lang"), page.html_attrs.get("dir"))
            if got != (language, want_dir):
                problems.append(
                    f"{name} ({url}): <html lang dir> is {got}, not {(language, want_dir)}"
                )
            left_in_english = sorted(texts & english)
            if left_in_english:
                problems.append(f"{name} ({url}): in English: {left_in_english}")
            for msgid in EVERY_PAGE + expected:
                if msgid not in catalogue:
                    problems.append(f"{msgid!r} is not translated in the catalogue")
                    continue
                translated = translation.gettext(msgid)
                if translated not in texts:
                    problems.append(f"{name} ({url}): {msgid!r} is not shown as {translated!r}")
                elif translated != msgid and msgid in texts:
                    problems.append(f"{name} ({url}): {msgid!r} is shown in English too")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------------
# Nothing left to translate
# ---------------------------------------------------------------------------------------------

# What `makemessages` leaves alone in the project (the same as in the Makefile's and CI's runs).
_NOT_COPIED = shutil.ignore_patterns(
    ".venv",
    "var",
    "bench",
    ".git",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "*.mo",
    "*.sqlite3",
)


def test_makemessages_finds_nothing_new_or_untranslated(tmp_path):
    """Extract the strings of a copy of the project into copies of the catalogues: every msgid of
    the code must be there, translated and not fuzzy, in each of the five languages."""
    missing_tools = [tool for tool in ("xgettext", "msgmerge", "msguniq") if not shutil.which(tool)]
    if missing_tools:
        pytest.fail(
            f"GNU gettext's {', '.join(missing_tools)} not found: `make test` installs gettext "
            "(scripts/compile-messages.sh), or `apt-get install -y gettext`.",
            pytrace=False,
        )
    copy = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT, copy, ignore=_NOT_COPIED, symlinks=True)
    locales = [arg for directory in LANGUAGES.values() for arg in ("-l", directory)]
    command = [sys.executable, "manage.py", "makemessages", *locales]
    command += ["--ignore=.venv", "--ignore=var", "--ignore=bench", "--no-obsolete", "-v0"]
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr

    copy_locale = copy / LOCALE_DIR.relative_to(PROJECT_ROOT)
    report = []
    for directory in LANGUAGES.values():
        _header, entries = read_catalogue(catalogue_path(copy_locale, directory))
        for entry in entries:
            if not entry.translated:
                state = "fuzzy (its msgid changed)" if "fuzzy" in entry.flags else "untranslated"
                where = entry.references[0] if entry.references else "?"
                report.append(f"{directory}: {entry.msgid!r} is {state} ({where})")
    assert not report, (
        f"{len(report)} string(s) to translate in corridor/locale/ (run `manage.py makemessages "
        "-l ar -l zh_Hans -l fr -l ru -l es --ignore=.venv --ignore=var --ignore=bench "
        "--no-obsolete`, translate, then `make messages`):\n" + "\n".join(report)
    )


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_catalogue_keeps_placeholders_and_plural_forms(language):
    header, entries = read_catalogue(catalogue_path(LOCALE_DIR, LANGUAGES[language]))
    assert header.get("Language") == LANGUAGES[language]
    plurals = int(re.search(r"nplurals=(\d+)", header["Plural-Forms"]).group(1))
    problems = []
    for entry in entries:
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        for index, text in entry.msgstr.items():
            found = set(re.findall(r"%\(\w+\)s", text))
            if entry.msgid_plural:
                # A plural form may leave the count out ("one page"), but may add nothing.
                if found - entry.placeholders:
                    problems.append(f"{entry.msgid!r}[{index}] has {sorted(found)}")
            elif text and found != entry.placeholders:
                problems.append(
                    f"{entry.msgid!r} has {sorted(found)}, not {sorted(entry.placeholders)}"
                )
        if entry.msgid_plural and len(entry.msgstr) != plurals:
            problems.append(f"{entry.msgid!r} has {len(entry.msgstr)} plural forms, not {plurals}")
    assert not problems, "\n".join(problems)
