"""The engine alone: analysis in six languages, hostile queries, snippets, facets, visibility."""

import datetime

import pytest

from corridor.search.engine import Audience, IndexDoc, TantivyEngine

HOSTILE = [
    '"unbalanced quote',
    "'single",
    "AND",
    "OR NOT AND",
    "+ - : ^ ~ * ? \\ / ( ) [ ] { } < > = ! & |",
    "title:",
    ":detention",
    "detention^",
    "detention~~~",
    "a^999999999999",
    "body:[a TO",
    "((((((((((",
    "))))",
    '"""',
    "*",
    "*detention*",
    "detention" * 1000,
    "x " * 2500,
    "word\x00with\x00nul",
    "\x00",
    "😀🙂 emoji 🇺🇳",
    "الهجرة والاحتجاز",
    "\u202eRTL override\u202c",
    "‏ مرحبا ‎",
    "移民 AND",
    "visibility:restricted",
    "allowed:1 OR owner:1",
    "key:resource\\:1",
    "type:resource AND type:event",
    "   ",
    "",
    "NOT detention",
    "-detention",
    "detention AND NOT detention",
]


@pytest.fixture
def engine(tmp_path):
    return TantivyEngine(tmp_path / "index")


def doc(key, title, *, body="", summary="", language="en", type="resource", **kwargs):
    return IndexDoc(
        key=key, type=type, title=title, body=body, summary=summary, language=language, **kwargs
    )


def keys(result):
    return [hit.key for hit in result.hits]


def test_a_hostile_query_is_answered_never_an_error(engine):
    engine.index(
        [
            doc("resource:1", "Alternatives to detention", body="Detention as a last resort."),
            doc("resource:2", "Secret", body="detention", visibility="restricted"),
        ]
    )
    for query in HOSTILE:
        for sort in ("relevance", "date"):
            result = engine.search(query, sort=sort, filters={"objective": ["13", '"']})
            assert result.total >= 0, query
            # Nothing restricted comes out, whatever the query says about fields.
            assert "resource:2" not in keys(result), query
    assert keys(engine.search("detention" * 1000)) == []
    assert keys(engine.search("word\x00with\x00nul")) == []


def test_words_in_the_six_languages(engine):
    engine.index(
        [
            doc("resource:1", "Détention administrative", body="La détention des migrantes.", language="fr"),
            doc("resource:2", "Мигранты и труд", body="Права мигрантов.", language="ru"),
            doc("resource:3", "الهجرة", body="حقوق المُهاجرين في العمل", language="ar"),
            doc("resource:4", "移民问题研究", body="关于移民的研究", language="zh-hans"),
            doc("resource:5", "Trabajadores migrantes", body="Migraciones laborales", language="es"),
            doc("resource:6", "Recruiting workers", body="Fair recruitment.", language="en"),
        ]
    )  # fmt: skip
    # Accents folded; French stemming (plural).
    assert keys(engine.search("detention")) == ["resource:1"]
    assert keys(engine.search("détentions")) == ["resource:1"]
    # Russian stemming: another case of the same word.
    assert keys(engine.search("мигрант")) == ["resource:2"]
    # Arabic: the short vowels of the text are ignored; the stemmer finds the singular.
    assert keys(engine.search("المهاجرين")) == ["resource:3"]
    assert keys(engine.search("مهاجر")) == ["resource:3"]
    assert keys(engine.search("المُهَاجِرِين")) == ["resource:3"]
    # Chinese: a word is a phrase of characters, in order.
    assert keys(engine.search("移民")) == ["resource:4"]
    assert keys(engine.search("民移")) == []
    assert keys(engine.search("研究 移民")) == ["resource:4"]
    # Spanish and English stemming.
    assert keys(engine.search("migración laboral")) == ["resource:5"]
    assert keys(engine.search("recruit")) == ["resource:6"]
    # Every word must be found (in any field); a word found nowhere finds nothing.
    assert keys(engine.search("recruiting workers")) == ["resource:6"]
    assert keys(engine.search("recruiting giraffes")) == []


def test_title_and_summary_count_more_than_the_body(engine):
    engine.index(
        [
            doc("resource:1", "Labour", summary="About work.", body="A text about detention."),
            doc("resource:2", "Detention", summary="About work.", body="A text about labour."),
            doc("resource:3", "Other", summary="About detention.", body="A text about labour."),
        ]
    )
    assert keys(engine.search("detention")) == ["resource:2", "resource:3", "resource:1"]


def test_snippets_are_escaped_except_the_marks(engine):
    engine.index(
        [
            doc(
                "resource:1",
                "A title",
                body="Before <script>alert('x')</script> & the word detention in a <b>body</b>.",
            ),
            doc("resource:2", "Detention only in the title", summary="<i>No word</i>"),
            doc("resource:3", "Other", body="Many detentions of migrants.", language="en"),
            doc("resource:4", "移民", body="关于移民的研究", language="zh-hans"),
        ]
    )
    hits = {hit.key: hit for hit in engine.search("detention").hits}
    snippet = hits["resource:1"].snippet
    assert "<mark>detention</mark>" in snippet
    assert "<script" not in snippet and "&lt;script&gt;" in snippet and "&amp;" in snippet
    assert "<b>" not in snippet
    assert hits["resource:2"].snippet == ""
    # Found through the stemmer: the stemmed word is marked.
    assert "<mark>detentions</mark>" in hits["resource:3"].snippet
    # Multi-byte text: the mark is on the right characters.
    assert engine.search("移民").hits[0].snippet == "关于<mark>移民</mark>的研究"


def test_sort_by_date_and_pages(engine):
    engine.index(
        [
            doc(f"resource:{n}", f"Report {n}", date=datetime.date(2000 + n, 1, 1))
            for n in range(1, 8)
        ]
        + [doc("resource:99", "Report undated")]
    )
    result = engine.search("report", sort="date", per_page=3)
    assert result.total == 8
    assert keys(result) == ["resource:7", "resource:6", "resource:5"]
    assert keys(engine.search("report", sort="date", per_page=3, page=3)) == [
        "resource:1",
        "resource:99",
    ]
    assert keys(engine.search("report", sort="date", per_page=3, page=9)) == []
    # With no words, the newest come first.
    assert keys(engine.search("", per_page=2)) == ["resource:7", "resource:6"]
    assert engine.search("report").hits[0].date is not None


def test_facets_count_the_values_one_could_add(engine):
    engine.index(
        [
            doc("resource:1", "A", codes={"objective": ["13"], "country": ["FR"]}),
            doc("resource:2", "B", codes={"objective": ["13", "6"], "country": ["ES"]}),
            doc("event:1", "C", type="event", codes={"objective": ["6"], "country": ["FR"]}),
            doc("event:2", "D", type="event", codes={"country": ["MX"]}, visibility="members"),
        ]
    )
    result = engine.search("")
    assert result.total == 3
    counts = {name: {f.value: f.count for f in values} for name, values in result.facets.items()}
    assert counts["type"] == {"resource": 2, "event": 1}
    assert counts["objective"] == {"13": 2, "6": 2}
    assert counts["country"] == {"FR": 2, "ES": 1}
    assert counts["language"] == {"en": 3}

    result = engine.search("", filters={"objective": ["13"], "country": ["FR"]})
    assert keys(result) == ["resource:1"]
    counts = {name: {f.value: f.count for f in values} for name, values in result.facets.items()}
    # Objectives under country=FR only: resource:1 (13), event:1 (6).
    assert counts["objective"] == {"13": 1, "6": 1}
    # Countries under objective=13 only: resource:1 (FR), resource:2 (ES).
    assert counts["country"] == {"FR": 1, "ES": 1}
    # Other facets under both filters.
    assert counts["type"] == {"resource": 1}

    # Values of one facet are alternatives; facets are all required.
    assert engine.search("", filters={"country": ["FR", "ES"]}).total == 3
    assert engine.search("", filters={"country": ["FR"], "type": ["event"]}).total == 1
    # Unknown facets and malformed values are ignored.
    assert engine.search("", filters={"nope": ["1"], "country": ['FR" OR "x']}).total == 3


def test_visibility_is_part_of_the_query(engine):
    engine.index(
        [
            doc("resource:1", "Detention public"),
            doc("resource:2", "Detention members", visibility="members"),
            doc("resource:3", "Detention named", visibility="restricted", allowed_person_ids=[7]),
            doc("resource:4", "Detention owned", visibility="restricted", owner_organisation_ids=[3]),
        ]
    )  # fmt: skip

    def found(audience):
        return sorted(keys(engine.search("detention", visibility=audience)))

    assert found(Audience.public()) == ["resource:1"]
    assert found(None) == ["resource:1"]
    assert found(Audience.member(5, [9])) == ["resource:1", "resource:2"]
    assert found(Audience.member(7)) == ["resource:1", "resource:2", "resource:3"]
    assert found(Audience.member(5, [3])) == ["resource:1", "resource:2", "resource:4"]
    assert found(Audience(person_id=7)) == ["resource:1", "resource:3"]
    assert found(Audience.all()) == ["resource:1", "resource:2", "resource:3", "resource:4"]
    # Facet counts see only what the reader sees.
    counts = engine.search("detention", visibility=Audience.public()).facets["type"]
    assert [(f.value, f.count) for f in counts] == [("resource", 1)]


def test_did_you_mean_offers_only_words_the_reader_may_see(engine):
    engine.index(
        [
            doc("resource:1", "Alternatives to detention"),
            doc("resource:2", "Xylophone orchestra", visibility="restricted"),
        ]
    )
    result = engine.search("detentoin")
    assert result.total == 0
    assert result.suggestion == "detention"
    assert engine.search("alternatives detentoin").suggestion == "alternatives detention"
    assert engine.search("xylofone").suggestion is None
    assert engine.search("xylofone", visibility=Audience.all()).suggestion == "xylophone"
    assert engine.search("detention").suggestion is None
    assert engine.search("qqqqqqq").suggestion is None
    # A word of a body (indexed through its language's stemmer) is not "corrected".
    engine.index([doc("resource:3", "Other", body="The quokkas of Perth.")])
    assert engine.search("quokkas detentoin").suggestion is None
    assert engine.search("quokkas alternatives").total == 0


def test_replace_and_delete_by_key(engine):
    engine.index([doc("resource:1", "Old title")])
    engine.index([doc("resource:1", "New title")])
    assert engine.num_docs == 1
    assert keys(engine.search("old")) == []
    assert keys(engine.search("new")) == ["resource:1"]
    assert engine.delete(["resource:1", "resource:404"]) == 2
    assert engine.num_docs == 0


def test_another_process_commits_are_seen(engine, tmp_path):
    other = TantivyEngine(tmp_path / "index")
    other.index([doc("resource:1", "Written elsewhere")])
    assert keys(engine.search("elsewhere")) == ["resource:1"]


def test_similar_documents(engine):
    engine.index(
        [
            doc("resource:1", "Alternatives to immigration detention", body="Community case management instead of detention for migrants and asylum seekers."),
            doc("resource:2", "Case management as an alternative to detention", body="Community-based case management for migrants, not detention."),
            doc("resource:3", "Remittances and financial inclusion", body="Lowering the cost of sending money home."),
            doc("research_topic:1", "Detention of children", type="research_topic", body="Alternatives to the detention of migrant children; case management."),
            doc("resource:4", "Confidential: detention case management", visibility="restricted", body="Detention, case management, migrants, community alternatives."),
        ]
    )  # fmt: skip
    similar = [hit.key for hit in engine.similar("resource:1")]
    assert similar[0] == "resource:2"
    assert "resource:1" not in similar and "resource:4" not in similar
    assert "resource:4" in [
        hit.key for hit in engine.similar("resource:1", visibility=Audience.all())
    ]
    assert [hit.key for hit in engine.similar("resource:1", types=["research_topic"])] == [
        "research_topic:1"
    ]
    assert engine.similar("resource:404") == []
