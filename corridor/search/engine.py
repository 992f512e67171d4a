"""The search engine, behind a small interface: ``index(docs)``, ``delete(keys)``, ``search(...)``.

``TantivyEngine`` keeps an embedded tantivy index in one directory. This module knows nothing of
Django models: the ``services`` module feeds it from the ``search.Document`` table and its change
log, the ``selectors`` module asks it questions for a user. Another engine (OpenSearch, say) would
implement the same three methods.

On disk, under the index root (``settings.SEARCH_INDEX_DIR``)::

    current             the name of the generation in use, replaced atomically by a rebuild
    <generation>/       one complete tantivy index, plus ``corridor-state.json`` (the last change
                        applied from the log) and ``corridor.lock`` (one writer at a time)

Text analysis: titles and summaries are read by one analyzer for every language (words of
letters and digits, lower-cased, accents folded; Arabic diacritics are dropped beforehand, see
``text.normalize``), so that the words typed are found as they are, with the most weight. The
whole text of a document in English, French, Spanish, Russian or Arabic is indexed once more
through that language's Snowball stemmer in a field of its own (its body is indexed only there:
each body once, which halves the index and the work of a query); the body of a document in
another language is read by the first analyzer. Text with Chinese or Japanese characters also goes
to a field where each of those characters is a token, so that a Chinese word is found as a phrase
of its characters. Queries go through ``parse_query_lenient``: no input makes a query fail.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import fcntl
import html
import json
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import tantivy
from tantivy import Filter, Occur, Order, Query, TextAnalyzerBuilder, Tokenizer

from corridor.search.text import normalize

#: Bumped whenever the schema or the analysis changes: an index of another version is rebuilt.
SCHEMA_VERSION = 3

#: The facets, in the order pages show them; each is a fast field of the same name.
FACETS = (
    "type",
    "objective",
    "principle",
    "area",
    "theme",
    "region",
    "country",
    "language",
    "organisation",
    "year",
)
#: How many values of each facet are counted (the most frequent first).
FACET_SIZES = {"type": 20, "objective": 23, "principle": 10, "area": 10, "year": 60}
DEFAULT_FACET_SIZE = 40
TOTAL = "__total"
ALL_FILTERS = "__all_filters"

TEXT_FIELDS = ("title", "summary", "body")
#: Languages with a stemmer, by the codes documents use.
STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
STEM_FIELDS = tuple(f"stem_{code}" for code in STEMMERS)
CJK_FIELD = "cjk"

DEFAULT_FIELD_BOOSTS = {"title": 3.0, "summary": 1.5, "body": 1.0, "stemmed": 1.0, "cjk": 1.0}
#: The stored body (snippets are cut from it), not indexed: it is indexed in "body" or a stem field.
BODY_STORE = "text"
LEVELS = ("public", "members", "restricted")

MAX_QUERY_LENGTH = 500
MAX_OFFSET = 10_000
SNIPPET_CHARS = 240

STATE_FILE = "corridor-state.json"
LOCK_FILE = "corridor.lock"
CURRENT_FILE = "current"

# One token per Chinese or Japanese character (other words are in the other fields).
_CJK_PATTERN = r"[\p{Han}\p{Hiragana}\p{Katakana}]"
_HAS_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
)
_SAFE_CODE = re.compile(r"^[\w.-]{1,80}$")
_WORDY = re.compile(r"\w")


def _analyzer(stemmer: str | None = None, *, cjk: bool = False) -> tantivy.TextAnalyzer:
    # The simple tokenizer (runs of letters and digits) is more than twice as fast as a pattern.
    tokenizer = Tokenizer.regex(_CJK_PATTERN) if cjk else Tokenizer.simple()
    builder = (
        TextAnalyzerBuilder(tokenizer)
        .filter(Filter.remove_long(40))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
    )
    if stemmer:
        builder = builder.filter(Filter.stemmer(stemmer))
    return builder.build()


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name="corridor")
    builder.add_text_field("summary", stored=True, tokenizer_name="corridor")
    builder.add_text_field("body", tokenizer_name="corridor")
    builder.add_bytes_field(BODY_STORE, stored=True)
    for code in STEMMERS:
        builder.add_text_field(f"stem_{code}", tokenizer_name=f"corridor_{code}")
    builder.add_text_field(CJK_FIELD, tokenizer_name="corridor_cjk")
    builder.add_text_field("url", stored=True, tokenizer_name="raw", index_option="basic")
    for name in FACETS:
        builder.add_text_field(
            name, stored=name in ("type", "language"), tokenizer_name="raw", fast=True
        )
    builder.add_text_field("visibility", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("allowed", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("owner", tokenizer_name="raw", index_option="basic")
    builder.add_date_field("date", stored=True, indexed=True, fast=True)
    return builder.build()


# --- What goes in, what comes out -----------------------------------------------------------


@dataclass
class IndexDoc:
    """One document as the engine indexes it. ``codes`` maps facet names to their values."""

    key: str
    type: str
    title: str
    url: str = ""
    summary: str = ""
    body: str = ""
    language: str = ""
    visibility: str = "public"
    owner_organisation_ids: Sequence[int] = ()
    allowed_person_ids: Sequence[int] = ()
    codes: Mapping[str, Iterable] = field(default_factory=dict)
    date: datetime.date | None = None


@dataclass(frozen=True)
class Audience:
    """Who is asking, as the index understands it: the visibility levels they may see, the person
    they are and their organisations (for restricted documents that name them or are owned by one
    of them). ``everything``: the secretariat."""

    levels: frozenset = frozenset({"public"})
    person_id: int | None = None
    organisation_ids: frozenset = frozenset()
    everything: bool = False

    @classmethod
    def public(cls) -> Audience:
        return cls()

    @classmethod
    def member(cls, person_id: int | None = None, organisation_ids: Iterable[int] = ()) -> Audience:
        return cls(
            levels=frozenset({"public", "members"}),
            person_id=person_id,
            organisation_ids=frozenset(organisation_ids),
        )

    @classmethod
    def all(cls) -> Audience:
        return cls(levels=frozenset(LEVELS), everything=True)

    def allows(
        self,
        visibility: str,
        allowed_person_ids: Iterable[int] = (),
        owner_organisation_ids: Iterable[int] = (),
    ) -> bool:
        if self.everything or visibility in self.levels:
            return True
        if self.person_id is not None and self.person_id in set(allowed_person_ids or ()):
            return True
        return bool(self.organisation_ids & set(owner_organisation_ids or ()))


@dataclass
class Hit:
    key: str
    type: str
    title: str
    url: str
    summary: str
    score: float
    date: datetime.date | None = None
    language: str = ""
    #: HTML: the text around the words found, escaped, the words in ``<mark>``; "" if none.
    snippet: str = ""

    @property
    def object_id(self) -> str:
        return self.key.partition(":")[2]


@dataclass
class FacetCount:
    value: str
    count: int


@dataclass
class EngineResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    page: int
    per_page: int
    suggestion: str | None = None
    took_ms: float = 0.0


class SearchEngine(Protocol):
    def index(self, docs: Iterable[IndexDoc]) -> int: ...

    def delete(self, keys: Iterable[str]) -> int: ...

    def search(
        self,
        query: str = "",
        *,
        filters: Mapping[str, Sequence[str]] | None = None,
        facets: Sequence[str] = FACETS,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 20,
        visibility: Audience | None = None,
        snippets: bool = True,
        suggest: bool = True,
    ) -> EngineResult: ...


# --- The tantivy engine ---------------------------------------------------------------------


class TantivyEngine:
    """An index in ``path``, created when missing. Searching is safe from many threads; writes
    take a lock (a file lock too, so that processes of one machine take turns)."""

    def __init__(self, path: Path | str, *, field_boosts: Mapping[str, float] | None = None):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = _schema()
        self.index_ = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        self._analyzer = _analyzer()
        self.index_.register_tokenizer("corridor", self._analyzer)
        self._stemmers = {code: _analyzer(language) for code, language in STEMMERS.items()}
        for code, analyzer in self._stemmers.items():
            self.index_.register_tokenizer(f"corridor_{code}", analyzer)
        self.index_.register_tokenizer("corridor_cjk", _analyzer(cjk=True))
        self.index_.config_reader(reload_policy="manual")
        boosts = {**DEFAULT_FIELD_BOOSTS, **(field_boosts or {})}
        self.default_fields = [*TEXT_FIELDS, *STEM_FIELDS, CJK_FIELD]
        self.field_boosts = {name: float(boosts.get(name, 1.0)) for name in TEXT_FIELDS}
        self.field_boosts.update({name: float(boosts["stemmed"]) for name in STEM_FIELDS})
        self.field_boosts[CJK_FIELD] = float(boosts["cjk"])
        self._lock = threading.Lock()
        self._meta_mtime = self._meta_stamp()
        self.index_.reload()

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def writer(
        self, *, heap_size: int = 64_000_000, num_threads: int = 1, wait_merges: bool = True
    ) -> Iterator[_Batch]:
        """A batch of additions and deletions, committed together at the end (or not at all).

        ``wait_merges``: after the commit, let the segment merges it started finish (keeps the
        index in few segments; may take a while on a big index). Without it, they are dropped
        with the writer, and the next writer that waits does them."""
        with self._lock, _file_lock(self.path / LOCK_FILE):
            writer = self.index_.writer(heap_size=heap_size, num_threads=num_threads)
            batch = _Batch(self, writer)
            try:
                yield batch
            except BaseException:
                writer.rollback()
                raise
            else:
                writer.commit()
                if wait_merges:
                    writer.wait_merging_threads()
            finally:
                # The index's own writer lock is released when the writer is dropped.
                batch.writer = None
                del writer
        self.refresh(force=True)

    def index(self, docs: Iterable[IndexDoc]) -> int:
        """Add or replace documents (by key); returns how many."""
        with self.writer() as batch:
            for doc in docs:
                batch.upsert(doc)
        return batch.added

    def delete(self, keys: Iterable[str]) -> int:
        with self.writer() as batch:
            for key in keys:
                batch.delete(key)
        return batch.deleted

    def to_tantivy(self, doc: IndexDoc) -> tantivy.Document:
        texts = [normalize(doc.title), normalize(doc.summary), normalize(doc.body)]
        fields: dict = {
            "key": doc.key,
            "type": doc.type,
            "url": doc.url or "",
            "title": texts[0],
            "summary": texts[1],
            BODY_STORE: texts[2].encode(),
            "visibility": doc.visibility,
        }
        language = (doc.language or "").lower()
        if language:
            fields["language"] = language
        stem_code = language.split("-")[0]
        if stem_code in STEMMERS:
            fields[f"stem_{stem_code}"] = "\n".join(texts)
        else:
            fields["body"] = texts[2]
        if any(not text.isascii() and _HAS_CJK.search(text) for text in texts):
            fields[CJK_FIELD] = "\n".join(texts)
        if doc.allowed_person_ids:
            fields["allowed"] = [str(pk) for pk in doc.allowed_person_ids]
        if doc.owner_organisation_ids:
            fields["owner"] = [str(pk) for pk in doc.owner_organisation_ids]
        for name, values in (doc.codes or {}).items():
            if name in FACETS and name not in ("type", "language") and values:
                fields[name] = [v for v in dict.fromkeys(str(v) for v in values) if v]
        if doc.date:
            fields["date"] = datetime.datetime.combine(doc.date, datetime.time(), datetime.UTC)
        return tantivy.Document.from_dict(fields, self.schema)

    # -- state kept next to the index ------------------------------------------------------

    def read_state(self) -> dict:
        try:
            return json.loads((self.path / STATE_FILE).read_text())
        except (FileNotFoundError, ValueError):
            return {}

    def write_state(self, state: dict) -> None:
        _write_atomically(self.path / STATE_FILE, json.dumps(state, sort_keys=True))

    @property
    def num_docs(self) -> int:
        self.refresh()
        return self.index_.searcher().num_docs

    def refresh(self, *, force: bool = False) -> None:
        """See what other processes committed (cheap: one stat when nothing changed)."""
        stamp = self._meta_stamp()
        if force or stamp != self._meta_mtime:
            self._meta_mtime = stamp
            self.index_.reload()

    def _meta_stamp(self) -> int:
        try:
            return (self.path / "meta.json").stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    # -- searching -------------------------------------------------------------------------

    def text_query(self, query: str) -> tantivy.Query | None:
        """The parsed query, or None when there is nothing to look for (browse everything)."""
        text = normalize(query)[:MAX_QUERY_LENGTH].strip()
        if not text or text == "*":
            return None
        parsed, _errors = self.index_.parse_query_lenient(
            text,
            default_field_names=self.default_fields,
            field_boosts=self.field_boosts,
            conjunction_by_default=True,
        )
        return parsed

    def visibility_clauses(self, audience: Audience) -> list[tuple[Occur, tantivy.Query]]:
        """What ``audience`` may not see, as a clause that excludes it: documents of the levels it
        is not given, except those that name the person or belong to one of their organisations.
        (Most documents are public: excluding the few is cheaper than requiring the many.)"""
        hidden_levels = [level for level in LEVELS if level not in audience.levels]
        if audience.everything or not hidden_levels:
            return []
        hidden = Query.term_set_query(self.schema, "visibility", hidden_levels)
        exceptions = []
        if audience.person_id is not None:
            exceptions.append(Query.term_query(self.schema, "allowed", str(audience.person_id)))
        if audience.organisation_ids:
            owners = [str(pk) for pk in sorted(audience.organisation_ids)]
            exceptions.append(Query.term_set_query(self.schema, "owner", owners))
        if exceptions:
            hidden = Query.boolean_query(
                [(Occur.Must, hidden), *((Occur.MustNot, query) for query in exceptions)]
            )
        return [(Occur.MustNot, hidden)]

    def filter_query(self, name: str, values: Sequence[str]) -> tantivy.Query:
        return Query.const_score_query(Query.term_set_query(self.schema, name, list(values)), 0.0)

    def search(
        self,
        query: str = "",
        *,
        filters: Mapping[str, Sequence[str]] | None = None,
        facets: Sequence[str] = FACETS,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 20,
        visibility: Audience | None = None,
        snippets: bool = True,
        suggest: bool = True,
    ) -> EngineResult:
        """One page of hits that ``visibility`` (an ``Audience``; the public when None) may see, and the counts of every facet, in one call.

        ``filters`` maps facet names to the values wanted: a document matches a facet when it
        has any of them, and every filtered facet. Each facet's counts apply the *other*
        filters, so that the values one could add are counted. ``sort``: "relevance" or "date"
        (newest first; the relevance order when there is no query).
        """
        started = time.perf_counter()
        self.refresh()
        filters = clean_filters(filters)
        page = max(1, int(page))
        per_page = max(1, min(int(per_page), 100))
        offset = min((page - 1) * per_page, MAX_OFFSET)
        searcher = self.index_.searcher()

        text = self.text_query(query)
        visible = self.visibility_clauses(visibility or Audience.public())
        base_clauses = [(Occur.Must, text or Query.all_query()), *visible]
        filter_clauses = {
            name: (Occur.Must, self.filter_query(name, values)) for name, values in filters.items()
        }
        full = Query.boolean_query(base_clauses + list(filter_clauses.values()))

        # The total comes with the facet counts (one pass over the matches), so that the page of
        # hits need not count them all.
        if sort == "date" or text is None:
            result = searcher.search(
                full, per_page, count=False, order_by_field="date", offset=offset, order=Order.Desc
            )
        else:
            result = searcher.search(full, per_page, count=False, offset=offset)
        hits = [self._hit(searcher, score, address) for score, address in result.hits]
        if snippets and text is not None and hits:
            self._add_snippets(searcher, text, hits, result.hits)

        total, counts = self._facet_counts(searcher, base_clauses, filter_clauses, filters, facets)
        suggestion = None
        if suggest and total == 0 and text is not None:
            suggestion = self._suggestion(searcher, query, base_clauses, filter_clauses)
        return EngineResult(
            total=total,
            hits=hits,
            facets=counts,
            page=page,
            per_page=per_page,
            suggestion=suggestion,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    def similar(
        self,
        key: str,
        *,
        visibility: Audience | None = None,
        types: Sequence[str] | None = None,
        limit: int = 5,
    ) -> list[Hit]:
        """Documents like the one with ``key`` (its most telling words, "more like this"), that
        ``visibility`` may see; of ``types`` only, if given. [] when ``key`` is not indexed."""
        self.refresh()
        searcher = self.index_.searcher()
        found = searcher.search(Query.term_query(self.schema, "key", key), 1).hits
        if not found:
            return []
        doc = searcher.doc(found[0][1])
        stored = doc.get_first(BODY_STORE)
        body = bytes(stored).decode(errors="ignore") if stored else ""
        language = (doc.get_first("language") or "").split("-")[0]
        fields = {
            "title": [doc.get_first("title") or ""],
            "summary": [doc.get_first("summary") or ""],
            f"stem_{language}" if language in STEMMERS else "body": [body[:20_000]],
        }
        like = Query.more_like_this_document_fields_query(
            self.schema,
            fields,
            min_doc_frequency=1,
            # Words in most documents ("migration") say nothing about this one.
            max_doc_frequency=max(1000, searcher.num_docs // 4),
            min_term_frequency=1,
            max_query_terms=25,
            min_word_length=3,
        )
        clauses = [
            (Occur.Must, like),
            (Occur.MustNot, Query.term_query(self.schema, "key", key)),
            *self.visibility_clauses(visibility or Audience.public()),
        ]
        if types:
            clauses.append((Occur.Must, self.filter_query("type", list(types))))
        result = searcher.search(Query.boolean_query(clauses), max(1, min(limit, 50)))
        return [self._hit(searcher, score, address) for score, address in result.hits]

    def _hit(self, searcher, score, address) -> Hit:
        doc = searcher.doc(address)
        date = doc.get_first("date")
        return Hit(
            key=doc.get_first("key"),
            type=doc.get_first("type") or "",
            title=doc.get_first("title") or "",
            url=doc.get_first("url") or "",
            summary=doc.get_first("summary") or "",
            score=float(score) if isinstance(score, float) else 0.0,
            date=date.date() if isinstance(date, datetime.datetime) else None,
            language=doc.get_first("language") or "",
        )

    def _add_snippets(self, searcher, text_query, hits: list[Hit], addresses) -> None:
        """The best passage of each hit: from its body read as it was indexed (by its language's
        stemmer, or the first analyzer; by characters for Chinese), else from its summary."""
        generators: dict[str, tantivy.SnippetGenerator] = {}

        def generator(name):
            if name not in generators:
                generators[name] = tantivy.SnippetGenerator.create(
                    searcher, text_query, self.schema, name
                )
                generators[name].set_max_num_chars(SNIPPET_CHARS)
            return generators[name]

        for hit, (_score, address) in zip(hits, addresses, strict=True):
            stored = searcher.doc(address).get_first(BODY_STORE)
            body = bytes(stored).decode(errors="ignore") if stored else ""
            stem_code = hit.language.split("-")[0]
            names = [f"stem_{stem_code}" if stem_code in STEMMERS else "body", CJK_FIELD]
            hit.snippet = self._stand_in_snippet(generator, names, (body,))
            if not hit.snippet:
                hit.snippet = self._stand_in_snippet(generator, ["summary"], (hit.summary,))

    @staticmethod
    def _stand_in_snippet(generator, names, sources) -> str:
        for name in names:
            for source in sources:
                if not source or (name == CJK_FIELD and not _HAS_CJK.search(source)):
                    continue
                stand_in = tantivy.Document()
                stand_in.add_text(name, source)
                snippet = generator(name).snippet_from_doc(stand_in)
                if snippet.highlighted():
                    return _snippet_html(snippet, source)
        return ""

    def _facet_counts(self, searcher, base_clauses, filter_clauses, filters, facets):
        """The total and every facet's counts, in one aggregation: one pass over the documents
        that match the words and all the filters but one at most. Facets without a filter of their
        own are counted under all the filters (with the total); each facet with a filter under the
        *other* filters only, so that the values one could add are counted ("filter"
        sub-aggregations, checked document by document on that small set)."""
        facets = [name for name in facets if name in FACETS]
        clauses = [query for _occur, query in filter_clauses.values()]
        query_clauses = list(base_clauses)
        if len(clauses) >= 2:
            at_least = Query.boolean_query(
                [(Occur.Should, clause) for clause in clauses],
                minimum_number_should_match=len(clauses) - 1,
            )
            query_clauses.append((Occur.Must, at_least))
        plain = {name: _terms(name) for name in facets if name not in filters}
        aggs: dict = {}
        if filters:
            aggs[ALL_FILTERS] = {"filter": _filter_string(filters), "aggs": plain}
        else:
            aggs.update(plain)
            aggs[TOTAL] = {"value_count": {"field": "type"}}
        for name in facets:
            if name in filters:
                others = {other: values for other, values in filters.items() if other != name}
                if others:
                    aggs[f"only_{name}"] = {
                        "filter": _filter_string(others),
                        "aggs": {name: _terms(name)},
                    }
                else:
                    aggs[name] = _terms(name)
        raw = searcher.aggregate(Query.boolean_query(query_clauses), aggs)
        if filters:
            total = int(raw[ALL_FILTERS]["doc_count"])
            found = dict(raw[ALL_FILTERS])
        else:
            total = int(raw[TOTAL]["value"])
            found = dict(raw)
        for name in facets:
            if f"only_{name}" in raw:
                found[name] = raw[f"only_{name}"][name]
            elif name in filters and name in raw:
                found[name] = raw[name]
        return total, {
            name: [
                FacetCount(str(bucket["key"]), int(bucket["doc_count"]))
                for bucket in found.get(name, {}).get("buckets", [])
            ]
            for name in facets
        }

    def _known(self, searcher, word: str) -> bool:
        """Whether some document has ``word``: as it is, or (in a body) as one stemmer reads it."""
        if any(searcher.doc_freq(name, word) for name in TEXT_FIELDS):
            return True
        for code, analyzer in self._stemmers.items():
            stems = analyzer.analyze(word)
            if stems and searcher.doc_freq(f"stem_{code}", stems[0]):
                return True
        return False

    def _suggestion(self, searcher, query, base_clauses, filter_clauses) -> str | None:
        """A spelling that finds something, for a query that found nothing: each word that is in
        no title, summary or unstemmed body replaced by the closest such word of the documents
        the reader may see."""
        words = self._analyzer.analyze(normalize(query)[:MAX_QUERY_LENGTH])
        visible = Query.boolean_query([(Occur.Must, Query.all_query()), *base_clauses[1:]])
        if not words or len(words) > 8:
            return None
        changed = False
        suggestion = []
        for word in words:
            if len(word) < 4 or self._known(searcher, word):
                suggestion.append(word)
                continue
            prefix = word[:3] if len(word) >= 6 else word[:2]
            candidates: dict[str, int] = {}
            for name in TEXT_FIELDS:
                for term, count in searcher.terms_with_prefix(
                    name, prefix, filter_query=visible, limit=2000
                ):
                    candidates[term] = candidates.get(term, 0) + count
            close = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.75)
            if not close:
                suggestion.append(word)
                continue
            suggestion.append(max(close, key=lambda term: candidates[term]))
            changed = True
        if not changed:
            return None
        text = " ".join(suggestion)
        check = self.text_query(text)
        if check is None:
            return None
        clauses = [(Occur.Must, check), *base_clauses[1:], *filter_clauses.values()]
        if searcher.search(Query.boolean_query(clauses), 1, count=True).count == 0:
            return None
        return text


class _Batch:
    def __init__(self, engine: TantivyEngine, writer):
        self.engine = engine
        self.writer = writer
        self.added = 0
        self.deleted = 0

    def add(self, doc: IndexDoc) -> None:
        """Add without looking for an older version (a new, empty index)."""
        self.writer.add_document(self.engine.to_tantivy(doc))
        self.added += 1

    def upsert(self, doc: IndexDoc) -> None:
        self.writer.delete_documents_by_term("key", doc.key)
        self.add(doc)

    def delete(self, key: str) -> None:
        self.writer.delete_documents_by_term("key", key)
        self.deleted += 1


# --- Helpers --------------------------------------------------------------------------------


def clean_filters(filters: Mapping[str, Sequence[str]] | None) -> dict[str, list[str]]:
    """Known facets only, each with its distinct, well-formed values (codes, never free text)."""
    out: dict[str, list[str]] = {}
    for name, values in (filters or {}).items():
        if name not in FACETS:
            continue
        if isinstance(values, str):
            values = [values]
        kept = [str(v) for v in dict.fromkeys(values or ()) if _SAFE_CODE.match(str(v))]
        if kept:
            out[name] = kept[:50]
    return out


def _filter_string(filters: Mapping[str, Sequence[str]]) -> str:
    """Filters in tantivy's query language, for "filter" aggregations. The values are codes
    (letters, digits, "_", ".", "-"; see ``clean_filters``): quoted, they cannot break it."""
    return " AND ".join(
        f"{name}:IN [{' '.join(f'{chr(34)}{value}{chr(34)}' for value in values)}]"
        for name, values in filters.items()
    )


def _terms(name: str) -> dict:
    return {"terms": {"field": name, "size": FACET_SIZES.get(name, DEFAULT_FACET_SIZE)}}


def _snippet_html(snippet: tantivy.Snippet, source: str) -> str:
    """The passage, escaped, with the words found in ``<mark>`` (tantivy's ranges are in bytes)."""
    fragment = snippet.fragment().encode()
    ranges = sorted((r.start, r.end) for r in snippet.highlighted())
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts = []
    position = 0
    for start, end in merged:
        parts.append(html.escape(fragment[position:start].decode(errors="ignore")))
        parts.append(f"<mark>{html.escape(fragment[start:end].decode(errors='ignore'))}</mark>")
        position = end
    parts.append(html.escape(fragment[position:].decode(errors="ignore")))
    text = "".join(parts).strip()
    span = snippet.fragment_range()
    encoded = source.encode()
    if _WORDY.search(encoded[: span.start].decode(errors="ignore")):
        text = "… " + text
    if _WORDY.search(encoded[span.end :].decode(errors="ignore")):
        text += " …"
    return text


@contextlib.contextmanager
def _file_lock(path: Path, *, blocking: bool = True) -> Iterator[bool]:
    with open(path, "a+") as handle:
        flags = fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    temporary.write_text(text)
    os.replace(temporary, path)


# --- Generations: build a new index beside the one in use, then swap ------------------------


def current_generation(root: Path) -> str | None:
    try:
        name = (Path(root) / CURRENT_FILE).read_text().strip()
    except FileNotFoundError:
        return None
    return name if name and (Path(root) / name).is_dir() else None


def new_generation_path(root: Path) -> Path:
    """A fresh directory for a new generation (not yet in use)."""
    now = time.time_ns()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9))
    path = Path(root) / f"g{stamp}.{now % 10**9:09d}-{secrets.token_hex(3)}"
    path.mkdir(parents=True)
    return path


def swap_generation(root: Path, path: Path) -> None:
    """Make ``path`` the generation in use, atomically: a search opens either the old or the new."""
    _write_atomically(Path(root) / CURRENT_FILE, Path(path).name + "\n")


def prune_generations(root: Path, *, keep: int = 2) -> list[str]:
    """Delete all but the ``keep`` newest generations (never the one in use); returns their names."""
    root = Path(root)
    current = current_generation(root)
    generations = sorted(
        (p for p in root.iterdir() if p.is_dir() and p.name.startswith("g")),
        key=lambda p: p.name,
        reverse=True,
    )
    removed = []
    for path in generations[keep:]:
        if path.name != current:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed
