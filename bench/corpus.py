"""A realistic synthetic corpus for the search benchmarks, of any size, deterministic by seed.

    python bench/corpus.py --size 100000 --seed 1 --out bench/out/corpus-100000.jsonl
    python bench/corpus.py --size 10000 --stats          # document frequencies, no file

or from another script::

    from corpus import generate, write_jsonl
    for item in generate(1_000_000, seed=1): ...

Each item is one `search.Document`-like row (one JSON object a line): kind, type, title, summary,
body, language, the facets (objectives, thematic areas, guiding principles, themes, regions,
countries, organisations, year, date) and visibility (level, owning organisation, allowed people).

Where the text comes from:

- the platform's vocabulary, imported from ``corridor.taxonomy`` (the 23 GCM objectives, the 10
  guiding principles, the 5 thematic areas, themes, SDG targets, ISO countries and M49 regions);
- a phrase bank built at generation time from the seed documents (``/work/shared/seeds/*.txt`` or
  ``--seeds DIR``): the network's own sentences on migration, labour, children, data, detention...;
- templated sentences in French, Spanish, Arabic, Russian and Chinese for the non-English items;
- a long Zipf-distributed tail of generated proper names (partners, projects, places), so that rare
  words are rare, as in a real collection.

As in real collections on migration, "migration", "migrants" and "labour" are in most items
(``--stats`` measures it). Item *i* depends only on the seed and on *i*'s predecessors, never on the
size asked for: the corpus of 10,000 items is the first 10,000 lines of the corpus of 1,000,000.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS_DIR = Path(os.environ.get("CORRIDOR_SEEDS_DIR", "/work/shared/seeds"))


def _vocabulary():
    """The taxonomy modules call gettext_noop at import, which needs some settings."""
    from django.conf import settings

    if not settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ:
        settings.configure(USE_I18N=False)
    from corridor.taxonomy import countries, vocabulary

    return vocabulary, countries


# ---------------------------------------------------------------------------------------------
# Distributions. Proportions are guesses at a mature knowledge platform on migration.

LANGUAGES = (("en", 70), ("fr", 8), ("es", 8), ("ar", 5), ("ru", 5), ("zh", 4))

KINDS = (("resource", 88), ("organisation", 4), ("person", 4), ("workstream", 2), ("event", 2))

RESOURCE_TYPES = (
    ("practice", 22),
    ("research", 14),
    ("report", 18),
    ("guidance", 10),
    ("policy_recommendation", 8),
    ("blog_post", 12),
    ("statement", 7),
    ("national_plan", 5),
    ("checklist", 4),
)

VISIBILITY = (("public", 80), ("members", 15), ("restricted", 5))

# Demo organisations (corridor/demo/data/organisations.yaml), the head of the distribution.
CORE_ORGANISATIONS = (
    ("iom", "IOM", "International Organization for Migration"),
    ("ilo", "ILO", "International Labour Organization"),
    ("unicef", "UNICEF", "United Nations Children's Fund"),
    ("unhcr", "UNHCR", "Office of the United Nations High Commissioner for Refugees"),
    ("un-desa", "DESA", "United Nations Department of Economic and Social Affairs"),
    ("undp", "UNDP", "United Nations Development Programme"),
    ("ohchr", "OHCHR", "Office of the High Commissioner for Human Rights"),
    ("unodc", "UNODC", "United Nations Office on Drugs and Crime"),
    ("ifad", "IFAD", "International Fund for Agricultural Development"),
    ("un-women", "UN Women", "UN Women"),
    ("unfpa", "UNFPA", "United Nations Population Fund"),
    ("un-habitat", "UN-Habitat", "United Nations Human Settlements Programme"),
    ("who", "WHO", "World Health Organization"),
    ("wfp", "WFP", "World Food Programme"),
    ("unaids", "UNAIDS", "Joint United Nations Programme on HIV/AIDS"),
    ("mptf-office", "MPTF Office", "Multi-Partner Trust Fund Office"),
    ("oecd", "OECD", "Organisation for Economic Co-operation and Development"),
    ("world-bank", "World Bank", "World Bank"),
    ("walk-free", "Walk Free", "Walk Free"),
    ("un-mgcy", "UN MGCY", "UN Major Group for Children and Youth"),
)
NATIONAL_ORGANISATION_KINDS = (
    ("ministry-of-labour", "Ministry of Labour"),
    ("ministry-of-interior", "Ministry of the Interior"),
    ("migrant-workers-association", "Migrant Workers Association"),
    ("trade-union-confederation", "Trade Union Confederation"),
    ("national-statistics-office", "National Statistics Office"),
    ("human-rights-commission", "National Human Rights Commission"),
)

# English framing sentences, the main source of the ubiquitous words. {topic} is an objective's
# short name, {area} a thematic area, {country} a country, {org} an organisation.
EN_FRAMES = (
    "This {kind} examines {topic_l} in the context of international migration.",
    "It documents how governments and partners address {topic_l} for migrants and their families.",
    "The work responds to the Global Compact for Safe, Orderly and Regular Migration.",
    "Migrants in {country} were consulted throughout, including migrant workers in informal labour.",
    "It draws lessons on labour migration governance from {country}.",
    "The {kind} was prepared by {org} with the support of the United Nations Network on Migration.",
    "Findings cover {area}.",
    "Recommendations concern migrants' access to decent work, fair recruitment and labour rights.",
    "Labour market information and migration data were analysed for {country}.",
    "Particular attention is paid to migrants in vulnerable situations and to child labour.",
)
EN_TITLES = (
    "{topic} in {country}: {a} {kind}",
    "{Topic}: lessons from {country}",
    "Labour migration and {topic_l} in {region}",
    "Migrants and {topic_l}: {a} {kind} from {country}",
    "{Topic} for migrant workers in {region}",
    "Migration governance and {topic_l}: {org} {kind}",
    "{Topic} — a review of practice in {country}",
    "Towards {topic_l}: migration, labour and {theme_l}",
)
KIND_WORDS = {
    "practice": "practice",
    "research": "study",
    "report": "report",
    "guidance": "guidance note",
    "policy_recommendation": "policy recommendation",
    "blog_post": "blog post",
    "statement": "statement",
    "national_plan": "national implementation plan",
    "checklist": "checklist",
}

# Simple templated sentences for the other UN languages. {topic} is a topic in that language,
# {country} a country name (English for simplicity; real items mix both), {name} a proper name.
I18N = {
    "fr": {
        "topics": (
            "le recrutement équitable",
            "la traite des personnes",
            "les alternatives à la détention",
            "le travail décent",
            "les envois de fonds",
            "la protection consulaire",
            "l'accès aux services de base",
            "la réintégration durable",
            "les données sur les migrations",
            "le travail des enfants",
            "la gestion des frontières",
            "l'inclusion sociale",
        ),
        "titles": (
            "Migrations et {topic} : le cas de {country}",
            "Les travailleurs migrants et {topic} en {country}",
            "Guide pratique sur {topic}",
            "{Topic} : bonnes pratiques et enseignements",
        ),
        "sentences": (
            "Ce document examine {topic} dans le contexte des migrations internationales.",
            "Les travailleurs migrants en {country} ont été consultés à chaque étape.",
            "Le Pacte mondial pour des migrations sûres, ordonnées et régulières guide ce travail.",
            "Les recommandations portent sur les droits des migrants et le travail décent.",
            "Le projet a été mené avec le partenaire {name} et les autorités de {country}.",
            "Les migrations de main-d'œuvre exigent une coopération entre les États.",
            "Une attention particulière est accordée aux enfants migrants et au travail des enfants.",
            "Les données ventilées permettent des politiques fondées sur des éléments factuels.",
        ),
    },
    "es": {
        "topics": (
            "la contratación equitativa",
            "la trata de personas",
            "las alternativas a la detención",
            "el trabajo decente",
            "las remesas",
            "la protección consular",
            "el acceso a servicios básicos",
            "la reintegración sostenible",
            "los datos sobre migración",
            "el trabajo infantil",
            "la gestión de fronteras",
            "la inclusión social",
        ),
        "titles": (
            "Migración y {topic}: el caso de {country}",
            "Los trabajadores migrantes y {topic} en {country}",
            "Guía práctica sobre {topic}",
            "{Topic}: buenas prácticas y lecciones aprendidas",
        ),
        "sentences": (
            "Este documento examina {topic} en el contexto de la migración internacional.",
            "Los trabajadores migrantes en {country} fueron consultados en cada etapa.",
            "El Pacto Mundial para una Migración Segura, Ordenada y Regular orienta este trabajo.",
            "Las recomendaciones se refieren a los derechos de los migrantes y al trabajo decente.",
            "El proyecto se realizó con el socio {name} y las autoridades de {country}.",
            "La migración laboral requiere la cooperación entre los Estados.",
            "Se presta especial atención a los niños migrantes y al trabajo infantil.",
            "Los datos desglosados permiten políticas basadas en evidencia.",
        ),
    },
    "ar": {
        "topics": (
            "التوظيف العادل",
            "الاتجار بالأشخاص",
            "بدائل الاحتجاز",
            "العمل اللائق",
            "التحويلات المالية",
            "الحماية القنصلية",
            "الحصول على الخدمات الأساسية",
            "إعادة الإدماج المستدام",
            "بيانات الهجرة",
            "عمل الأطفال",
            "إدارة الحدود",
            "الإدماج الاجتماعي",
        ),
        "titles": (
            "الهجرة و{topic}: حالة {country}",
            "العمال المهاجرون و{topic} في {country}",
            "دليل عملي بشأن {topic}",
            "{Topic}: الممارسات الجيدة والدروس المستفادة",
        ),
        "sentences": (
            "تتناول هذه الوثيقة {topic} في سياق الهجرة الدولية.",
            "تمت استشارة العمال المهاجرين في {country} في كل مرحلة.",
            "يسترشد هذا العمل بالاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية.",
            "تتعلق التوصيات بحقوق المهاجرين والعمل اللائق.",
            "نُفذ المشروع مع الشريك {name} وسلطات {country}.",
            "تتطلب هجرة اليد العاملة التعاون بين الدول.",
            "يولى اهتمام خاص للأطفال المهاجرين وعمل الأطفال.",
            "تتيح البيانات المصنفة وضع سياسات قائمة على الأدلة.",
        ),
    },
    "ru": {
        "topics": (
            "справедливый наём",
            "торговля людьми",
            "альтернативы содержанию под стражей",
            "достойный труд",
            "денежные переводы",
            "консульская защита",
            "доступ к базовым услугам",
            "устойчивая реинтеграция",
            "данные о миграции",
            "детский труд",
            "управление границами",
            "социальная интеграция",
        ),
        "titles": (
            "Миграция и {topic}: опыт страны {country}",
            "Трудящиеся-мигранты и {topic}",
            "Практическое руководство: {topic}",
            "{Topic}: передовой опыт и извлечённые уроки",
        ),
        "sentences": (
            "В документе рассматривается {topic} в контексте международной миграции.",
            "На каждом этапе проводились консультации с трудящимися-мигрантами в стране {country}.",
            "Работа опирается на Глобальный договор о безопасной, упорядоченной и легальной миграции.",
            "Рекомендации касаются прав мигрантов и достойного труда.",
            "Проект осуществлялся с партнёром {name} и властями страны {country}.",
            "Трудовая миграция требует сотрудничества между государствами.",
            "Особое внимание уделяется детям-мигрантам и детскому труду.",
            "Дезагрегированные данные позволяют проводить политику на основе фактов.",
        ),
    },
    "zh": {
        "topics": (
            "公平招聘",
            "贩运人口",
            "拘留替代办法",
            "体面劳动",
            "汇款",
            "领事保护",
            "获得基本服务",
            "可持续重返社会",
            "移民数据",
            "童工",
            "边境管理",
            "社会融合",
        ),
        "titles": (
            "移民与{topic}：{country}的经验",
            "移民工人与{topic}",
            "关于{topic}的实用指南",
            "{Topic}：良好做法和经验教训",
        ),
        "sentences": (
            "本文件在国际移民背景下审查{topic}。",
            "在每个阶段都征求了{country}移民工人的意见。",
            "这项工作以《安全、有序和正常移民全球契约》为指导。",
            "建议涉及移民的权利和体面劳动。",
            "该项目与合作伙伴{name}和{country}当局共同实施。",
            "劳务移民需要各国之间的合作。",
            "特别关注移民儿童和童工问题。",
            "分类数据有助于制定循证政策。",
        ),
    },
}

# Syllables for the long tail of proper names (partners, projects, towns).
_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "kh")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
NAME_TAIL = 200_000  # distinct generated names; drawn with a Zipf(1.1)-like law


def _name(rank: int) -> str:
    """The rank-th generated proper name, a pronounceable 2-4 syllable word (deterministic)."""
    rng = random.Random(rank * 7919 + 17)
    syllables = 2 + rank % 3
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
    return word[0].upper() + word[1:]


def tail_name(rank: int) -> str:
    """Public alias: the benchmark picks rare words from the tail by rank."""
    return _name(rank)


# ---------------------------------------------------------------------------------------------


def phrase_bank(seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """Sentences of the seed documents, cleaned of Markdown, 8 to 45 words long."""
    sentences: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
        text = re.sub(r"<[^>]*>?", " ", text)  # stray HTML
        text = re.sub(r"[*_#`>|➤]+", " ", text)
        for raw in re.split(r"(?<=[.!?;])\s+|\n+", text):
            sentence = re.sub(r"^(?:[\s\-–•\d.)(:]|\b[ivx]+\))+", "", raw).strip()
            sentence = re.sub(r"\s+", " ", sentence).rstrip(";:, ")
            if 8 <= len(sentence.split()) <= 45 and not sentence.lower().startswith("http"):
                if sentence[-1] not in ".!?":
                    sentence += "."
                sentences.append(sentence[0].upper() + sentence[1:])
    if not sentences:
        raise SystemExit(f"no seed sentences found in {seeds_dir}")
    return sentences


def _cumulative(weighted):
    values = [value for value, _ in weighted]
    cumulative = list(itertools.accumulate(weight for _, weight in weighted))
    return values, cumulative


class _Picker:
    """Weighted choice by bisect on cumulative weights: faster than random.choices per call."""

    def __init__(self, weighted):
        self.values, self.cumulative = _cumulative(weighted)
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


def _zipf_weights(n: int, s: float = 1.1):
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


class CorpusGenerator:
    def __init__(self, seed: int = 1, seeds_dir: Path = SEEDS_DIR):
        vocabulary, countries = _vocabulary()
        self.seed = seed
        self.bank = phrase_bank(seeds_dir)
        self.objectives = {o.number: o for o in vocabulary.OBJECTIVES}
        self.principles = [p.number for p in vocabulary.GUIDING_PRINCIPLES]
        self.principle_text = [p.description for p in vocabulary.GUIDING_PRINCIPLES]
        self.areas = vocabulary.THEMATIC_AREAS
        self.area_of_objective: dict[int, list[int]] = {}
        for area in self.areas:
            for number in area.objectives:
                self.area_of_objective.setdefault(number, []).append(area.number)
        self.themes = [(t.slug, t.name) for t in vocabulary.THEMES]
        self.sdg_titles = [t.title for t in vocabulary.SDG_TARGETS]
        self.vocab_sentences = (
            [o.title + "." for o in vocabulary.OBJECTIVES]
            + [p.description for p in vocabulary.GUIDING_PRINCIPLES]
            + [a.name + "." for a in vocabulary.THEMATIC_AREAS]
            + [t + "." for t in self.sdg_titles]
        )
        self.regions = {r.m49: r.name for r in countries.REGIONS}
        rng = random.Random(seed)
        # Countries in a seeded order, Zipf-weighted: some countries are written about far more.
        self.countries = [c for c in countries.country_data() if c.region]
        rng.shuffle(self.countries)
        self.pick_country = _Picker(
            list(zip(self.countries, _zipf_weights(len(self.countries), 0.9), strict=True))
        )
        # Organisations: the demo's international ones first, then national ones per country.
        organisations = [(slug, acronym) for slug, acronym, _ in CORE_ORGANISATIONS]
        for country in self.countries[:120]:
            for kind_slug, kind_name in NATIONAL_ORGANISATION_KINDS:
                organisations.append(
                    (f"{kind_slug}-{country.code.lower()}", f"{kind_name} of {country.name}")
                )
        self.organisations = organisations
        self.pick_org = _Picker(
            list(zip(organisations, _zipf_weights(len(organisations), 1.0), strict=True))
        )
        self.pick_language = _Picker(LANGUAGES)
        self.pick_kind = _Picker(KINDS)
        self.pick_type = _Picker(RESOURCE_TYPES)
        self.pick_visibility = _Picker(VISIBILITY)
        self.pick_objective = _Picker(
            [(n, w) for n, w in zip(sorted(self.objectives), _zipf_weights(23, 0.6), strict=True)]
        )
        self.pick_name_rank = _Picker(
            list(zip(range(1, NAME_TAIL + 1), _zipf_weights(NAME_TAIL), strict=True))
        )
        self.pick_year = _Picker([(y, (y - 1998) ** 1.5) for y in range(2000, 2026)])
        self._names: dict[int, str] = {}

    def name(self, rng: random.Random) -> str:
        rank = self.pick_name_rank(rng)
        name = self._names.get(rank)
        if name is None:
            name = self._names[rank] = _name(rank)
        return name

    def items(self) -> Iterator[dict]:
        rng = random.Random(self.seed * 1_000_003 + 1)
        for number in itertools.count(1):
            yield self.item(number, rng)

    def item(self, number: int, rng: random.Random) -> dict:
        kind = self.pick_kind(rng)
        type_ = self.pick_type(rng) if kind == "resource" else kind
        language = self.pick_language(rng)
        objectives = sorted({self.pick_objective(rng) for _ in range(rng.randint(1, 3))})
        areas = sorted({rng.choice(self.area_of_objective[objectives[0]])})
        if rng.random() < 0.15:
            areas = sorted(set(areas) | {rng.randint(1, 5)})
        principles = sorted(rng.sample(self.principles, rng.choice((0, 1, 1, 2, 2, 3))))
        themes = sorted({rng.choice(self.themes)[0] for _ in range(rng.randint(0, 2))})
        scope = rng.random()
        if scope < 0.2:  # global
            chosen = []
        else:
            chosen = list(
                {
                    c.code: c
                    for c in (
                        self.pick_country(rng)
                        for _ in range(1 if scope < 0.75 else rng.randint(2, 4))
                    )
                }.values()
            )
        regions = sorted({code for c in chosen for code in (c.region, c.subregion) if code})
        orgs = list(dict.fromkeys(self.pick_org(rng) for _ in range(rng.choice((1, 1, 1, 2, 3)))))
        year = self.pick_year(rng)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        visibility = self.pick_visibility(rng)
        owner = orgs[0][0]
        allowed = (
            sorted(rng.sample(range(1, 5001), rng.randint(0, 4)))
            if visibility == "restricted"
            else []
        )

        country_name = chosen[0].name if chosen else "several countries"
        region_name = self.regions[chosen[0].region] if chosen else "the world"
        topic = self.objectives[objectives[0]].short_name
        theme_name = (
            self.themes[[s for s, _ in self.themes].index(themes[0])][1]
            if themes
            else "human rights"
        )
        kind_word = KIND_WORDS.get(type_, type_)
        slots = {
            "topic": topic,
            "Topic": topic,
            "topic_l": topic[0].lower() + topic[1:],
            "theme_l": theme_name[0].lower() + theme_name[1:],
            "country": country_name,
            "region": region_name,
            "org": orgs[0][1],
            "kind": kind_word,
            "a": "an" if kind_word[0] in "aeiou" else "a",
            "area": self.areas[areas[0] - 1].name[0].lower() + self.areas[areas[0] - 1].name[1:],
        }

        if kind == "organisation":
            title = f"{orgs[0][1]}"
            summary = (
                f"{orgs[0][1]} works on {slots['topic_l']} and labour migration in {country_name}."
            )
            body = " ".join(rng.sample(self.bank, rng.randint(1, 3)))
        elif kind == "person":
            title = f"{self.name(rng)} {self.name(rng)}"
            summary = f"Expert on {slots['topic_l']} and migration at {orgs[0][1]}."
            body = f"Works with migrants and on labour migration in {country_name}. " + rng.choice(
                self.bank
            )
        elif language == "en":
            title = rng.choice(EN_TITLES).format(**slots)
            summary = " ".join(
                [rng.choice(EN_FRAMES).format(**slots), rng.choice(self.bank)]
                + ([rng.choice(EN_FRAMES).format(**slots)] if rng.random() < 0.6 else [])
            )
            sentences = [rng.choice(self.bank) for _ in range(rng.randint(3, 10))]
            sentences += [rng.choice(EN_FRAMES).format(**slots) for _ in range(rng.randint(0, 2))]
            sentences.append(rng.choice(self.vocab_sentences))
            sentences.append(
                f"Partners included the {self.name(rng)} Foundation and the {self.name(rng)} "
                f"centre in {country_name}."
            )
            if principles:
                sentences.append(self.principle_text[principles[0] - 1])
            rng.shuffle(sentences)
            body = " ".join(sentences)
        else:
            bank = I18N[language]
            local_topic = rng.choice(bank["topics"])
            local = {
                "topic": local_topic,
                "Topic": local_topic[0].upper() + local_topic[1:],
                "country": country_name,
                "name": self.name(rng),
            }
            title = rng.choice(bank["titles"]).format(**local)
            summary = " ".join(s.format(**local) for s in rng.sample(bank["sentences"], 2))
            sentences = [
                s.format(**{**local, "topic": rng.choice(bank["topics"]), "name": self.name(rng)})
                for s in rng.sample(bank["sentences"], rng.randint(3, 7))
            ]
            if rng.random() < 0.3:  # an English abstract, as many translated items carry
                sentences.append(rng.choice(self.bank))
            body = " ".join(sentences) if language != "zh" else "".join(sentences)

        return {
            "id": number,
            "kind": kind,
            "type": type_,
            "title": title,
            "summary": summary,
            "body": body,
            "language": language,
            "objectives": objectives,
            "thematic_areas": areas,
            "principles": principles,
            "themes": themes,
            "regions": regions,
            "countries": sorted(c.code for c in chosen),
            "organisations": [slug for slug, _ in orgs],
            "year": year,
            "date": date,
            "visibility": visibility,
            "owner_organisation": owner,
            "allowed_people": allowed,
        }


def generate(size: int, seed: int = 1, seeds_dir: Path = SEEDS_DIR) -> Iterator[dict]:
    """The first `size` items of the corpus for `seed`."""
    return itertools.islice(CorpusGenerator(seed, seeds_dir).items(), size)


def write_jsonl(path: Path, size: int, seed: int = 1, seeds_dir: Path = SEEDS_DIR) -> Path:
    """Writes the corpus to `path` (via a temporary file, so a half-written file never exists)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".partial")
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with partial.open("w", encoding="utf-8") as handle:
        batch: list[str] = []
        for item in generate(size, seed, seeds_dir):
            batch.append(dumps(item))
            if len(batch) == 10_000:
                handle.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            handle.write("\n".join(batch) + "\n")
    partial.replace(path)
    return path


def read_jsonl(path: Path, size: int | None = None) -> Iterator[dict]:
    """Items of a JSONL corpus file, the first `size` of them if given."""
    with Path(path).open(encoding="utf-8") as handle:
        for line in itertools.islice(handle, size):
            yield json.loads(line)


def corpus_file(size: int, seed: int = 1, directory: Path = ROOT / "bench" / "out") -> Path:
    """A cached corpus file of at least `size` items for `seed`, generated if missing.

    Any cached file at least as large serves (the corpus of N is a prefix of any larger one)."""
    directory = Path(directory)
    candidates = []
    for existing in directory.glob(f"corpus-s{seed}-*.jsonl"):
        match = re.fullmatch(rf"corpus-s{seed}-(\d+)\.jsonl", existing.name)
        if match and int(match.group(1)) >= size:
            candidates.append((int(match.group(1)), existing))
    if candidates:
        return min(candidates)[1]
    return write_jsonl(directory / f"corpus-s{seed}-{size}.jsonl", size, seed)


_WORD = re.compile(r"\w+", re.UNICODE)


def document_frequencies(items, words=("migration", "migrants", "labour")) -> tuple[int, Counter]:
    """How many items contain each word (case-insensitive, whole word, any field of text)."""
    wanted = set(words)
    counts: Counter = Counter()
    total = 0
    for item in items:
        total += 1
        text = f"{item['title']} {item['summary']} {item['body']}".lower()
        counts.update(wanted.intersection(_WORD.findall(text)))
    return total, counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="JSONL file to write")
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="seed documents folder")
    parser.add_argument("--stats", action="store_true", help="print document frequencies")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.out:
        write_jsonl(args.out, args.size, args.seed, args.seeds)
        elapsed = time.perf_counter() - started
        size_mb = args.out.stat().st_size / 1e6
        print(f"{args.size:,} items -> {args.out} ({size_mb:,.0f} MB) in {elapsed:.1f} s")
    if args.stats or not args.out:
        items = read_jsonl(args.out) if args.out else generate(args.size, args.seed, args.seeds)
        words = ("migration", "migrants", "labour", "detention", "remittances", "children")
        total, counts = document_frequencies(items, words)
        print(f"document frequency over {total:,} items (title + summary + body):")
        for word in words:
            print(f"  {word:<12} {counts[word] / total:6.1%}")


if __name__ == "__main__":
    main()
