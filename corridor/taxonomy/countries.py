"""Countries and territories (ISO 3166-1, from pycountry) and the UN M49 regions they belong to.

- The 249 ISO 3166-1 entries come from ``pycountry``; their UN M49 area and UN membership from the
  data file ``country_converter`` ships in its wheel. That file is read with the ``csv`` module,
  joined on the alpha-3 code: every value stays a string, so Namibia's "NA" is never taken for a
  missing value (pandas' default reading of it; ``coco.CountryConverter()`` itself fails on it
  with pandas 3: its ISO2 column comes back with a NaN).
- Regions: the M49 hierarchy (World, 5 regions, their sub-regions and intermediate regions) with
  its official codes and English names, below.
- ``is_territory`` is true for everything that is not a UN Member State or observer State (the
  Holy See and the State of Palestine are observer States).
- ``country_lookup(name_or_code)`` resolves codes, current and former names and common variants.
- ``translated_country_name(code, fallback)`` gives the name in the active language from
  pycountry's own ISO 3166 gettext catalogues.
"""

from __future__ import annotations

import csv
import functools
import gettext
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import get_language, gettext_noop

WORLD = "001"

OBSERVER_STATES = frozenset({"VA", "PS"})
UN_MEMBER_STATES_COUNT = 193


@dataclass(frozen=True)
class RegionData:
    m49: str
    name: str
    level: str  # Region.Level values: world, region, subregion, intermediate
    parent: str | None


@dataclass(frozen=True)
class CountryData:
    code: str
    alpha3: str
    numeric: str
    name: str
    official_name: str
    region: str | None
    subregion: str | None
    intermediate_region: str | None
    is_territory: bool


# The UN M49 standard's geographic regions (https://unstats.un.org/unsd/methodology/m49/).
REGIONS: tuple[RegionData, ...] = (
    RegionData(WORLD, gettext_noop("World"), "world", None),
    RegionData("002", gettext_noop("Africa"), "region", WORLD),
    RegionData("015", gettext_noop("Northern Africa"), "subregion", "002"),
    RegionData("202", gettext_noop("Sub-Saharan Africa"), "subregion", "002"),
    RegionData("014", gettext_noop("Eastern Africa"), "intermediate", "202"),
    RegionData("017", gettext_noop("Middle Africa"), "intermediate", "202"),
    RegionData("018", gettext_noop("Southern Africa"), "intermediate", "202"),
    RegionData("011", gettext_noop("Western Africa"), "intermediate", "202"),
    RegionData("019", gettext_noop("Americas"), "region", WORLD),
    RegionData("419", gettext_noop("Latin America and the Caribbean"), "subregion", "019"),
    RegionData("029", gettext_noop("Caribbean"), "intermediate", "419"),
    RegionData("013", gettext_noop("Central America"), "intermediate", "419"),
    RegionData("005", gettext_noop("South America"), "intermediate", "419"),
    RegionData("021", gettext_noop("Northern America"), "subregion", "019"),
    RegionData("142", gettext_noop("Asia"), "region", WORLD),
    RegionData("143", gettext_noop("Central Asia"), "subregion", "142"),
    RegionData("030", gettext_noop("Eastern Asia"), "subregion", "142"),
    RegionData("035", gettext_noop("South-eastern Asia"), "subregion", "142"),
    RegionData("034", gettext_noop("Southern Asia"), "subregion", "142"),
    RegionData("145", gettext_noop("Western Asia"), "subregion", "142"),
    RegionData("150", gettext_noop("Europe"), "region", WORLD),
    RegionData("151", gettext_noop("Eastern Europe"), "subregion", "150"),
    RegionData("154", gettext_noop("Northern Europe"), "subregion", "150"),
    RegionData("830", gettext_noop("Channel Islands"), "intermediate", "154"),
    RegionData("039", gettext_noop("Southern Europe"), "subregion", "150"),
    RegionData("155", gettext_noop("Western Europe"), "subregion", "150"),
    RegionData("009", gettext_noop("Oceania"), "region", WORLD),
    RegionData("053", gettext_noop("Australia and New Zealand"), "subregion", "009"),
    RegionData("054", gettext_noop("Melanesia"), "subregion", "009"),
    RegionData("057", gettext_noop("Micronesia"), "subregion", "009"),
    RegionData("061", gettext_noop("Polynesia"), "subregion", "009"),
)
REGIONS_BY_M49: dict[str, RegionData] = {r.m49: r for r in REGIONS}

# country_converter's "UNregion" column names the most specific M49 area (an intermediate region
# where there is one, else a sub-region); Antarctica belongs to no M49 region.
_UNREGION_TO_M49: dict[str, str | None] = {
    **{r.name: r.m49 for r in REGIONS if r.level in ("subregion", "intermediate")},
    "Antarctica": None,
}
# M49 places Guernsey and Jersey in the Channel Islands, an intermediate region of Northern Europe.
_AREA_OVERRIDES: dict[str, str] = {"GG": "830", "JE": "830"}

# Former ISO names and common variants people still write. Keys are normalised (see _normalise).
# The former ISO names also serve as msgids for catalogues that predate a rename.
FORMER_NAMES: dict[str, tuple[str, ...]] = {
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia, the former Yugoslav Republic of", "Macedonia, Republic of"),
    "SZ": ("Swaziland",),
    "TR": ("Turkey",),
    "CV": ("Cape Verde",),
    "NL": ("Netherlands",),
}
ALIASES: dict[str, str] = {
    "swaziland": "SZ",
    "kingdom of swaziland": "SZ",
    "turkey": "TR",
    "republic of turkey": "TR",
    "turkiye": "TR",
    "czech republic": "CZ",
    "czechia": "CZ",
    "macedonia": "MK",
    "fyrom": "MK",
    "the former yugoslav republic of macedonia": "MK",
    "north macedonia": "MK",
    "burma": "MM",
    "myanmar burma": "MM",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "north korea": "KP",
    "dprk": "KP",
    "democratic people s republic of korea": "KP",
    "south korea": "KR",
    "republic of korea": "KR",
    "iran": "IR",
    "islamic republic of iran": "IR",
    "iran islamic republic of": "IR",
    "russia": "RU",
    "russian federation": "RU",
    "syria": "SY",
    "laos": "LA",
    "lao pdr": "LA",
    "vietnam": "VN",
    "viet nam": "VN",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "united republic of tanzania": "TZ",
    "moldova": "MD",
    "republic of moldova": "MD",
    "cape verde": "CV",
    "east timor": "TL",
    "timor leste": "TL",
    "holy see": "VA",
    "vatican": "VA",
    "vatican city": "VA",
    "palestine": "PS",
    "state of palestine": "PS",
    "occupied palestinian territory": "PS",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "drc": "CD",
    "congo kinshasa": "CD",
    "republic of the congo": "CG",
    "congo brazzaville": "CG",
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "united kingdom": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "usa": "US",
    "united states": "US",
    "united states of america": "US",
    "uae": "AE",
    "micronesia": "FM",
    "federated states of micronesia": "FM",
    "brunei": "BN",
    "netherlands": "NL",
    "holland": "NL",
    "kingdom of the netherlands": "NL",
    "hong kong": "HK",
    "hong kong sar": "HK",
    "china hong kong special administrative region": "HK",
    "macau": "MO",
    "macao": "MO",
    "china macao special administrative region": "MO",
    "taiwan": "TW",
    "gambia": "GM",
    "bahamas": "BS",
    "eswatini": "SZ",
    "cabo verde": "CV",
    "saint helena": "SH",
    "sao tome": "ST",
    "st kitts and nevis": "KN",
    "st lucia": "LC",
    "st vincent and the grenadines": "VC",
}


def _normalise(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name: "Côte d'Ivoire" -> "cote d ivoire"."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _uninvert(name: str) -> str:
    """ "Korea, Republic of" -> "Republic of Korea"; names without an inverted part unchanged."""
    head, sep, tail = name.partition(", ")
    if not sep:
        return name
    return f"{tail} {head}"


def country_converter_data_file() -> Path:
    """The data file in the country_converter wheel, found without importing the package.

    Importing ``country_converter`` imports pandas (a third of a second and tens of megabytes in
    every web worker); its data is a plain tab-separated file next to its ``__init__.py``.
    """
    spec = importlib.util.find_spec("country_converter")
    if spec is None or spec.origin is None:
        raise LookupError("country_converter is not installed")
    return Path(spec.origin).with_name("country_data.tsv")


@functools.cache
def _country_converter_rows() -> dict[str, dict[str, str]]:
    """country_converter's data file, keyed by ISO alpha-3, every value a string."""
    with country_converter_data_file().open(encoding="utf-8", newline="") as handle:
        return {row["ISO3"]: row for row in csv.DictReader(handle, delimiter="\t")}


@functools.cache
def country_data() -> tuple[CountryData, ...]:
    """Every ISO 3166-1 country and territory with its M49 areas, ordered by alpha-2 code."""
    import pycountry

    coco_rows = _country_converter_rows()
    records: list[CountryData] = []
    for entry in pycountry.countries:
        row = coco_rows.get(entry.alpha_3)
        if row is None:
            raise LookupError(f"country_converter has no row for {entry.alpha_3} ({entry.name})")
        area = _AREA_OVERRIDES.get(entry.alpha_2)
        if area is None:
            unregion = row.get("UNregion", "").strip()
            if unregion not in _UNREGION_TO_M49:
                raise LookupError(f"unknown UN region {unregion!r} for {entry.alpha_2}")
            area = _UNREGION_TO_M49[unregion]
        region, subregion, intermediate = _ancestry(area)
        is_member = bool(row.get("UNmember", "").strip())
        records.append(
            CountryData(
                code=entry.alpha_2,
                alpha3=entry.alpha_3,
                numeric=entry.numeric,
                name=entry.name,
                official_name=getattr(entry, "official_name", ""),
                region=region,
                subregion=subregion,
                intermediate_region=intermediate,
                is_territory=not is_member and entry.alpha_2 not in OBSERVER_STATES,
            )
        )
    records.sort(key=lambda record: record.code)
    members = sum(1 for r in records if not r.is_territory and r.code not in OBSERVER_STATES)
    if members != UN_MEMBER_STATES_COUNT:
        raise LookupError(f"expected {UN_MEMBER_STATES_COUNT} UN Member States, found {members}")
    return tuple(records)


def _ancestry(m49: str | None) -> tuple[str | None, str | None, str | None]:
    """(region, sub-region, intermediate region) M49 codes for an area's most specific code."""
    if m49 is None:
        return None, None, None
    area = REGIONS_BY_M49[m49]
    if area.level == "intermediate":
        subregion = REGIONS_BY_M49[area.parent]
        return subregion.parent, subregion.m49, area.m49
    if area.level == "subregion":
        return area.parent, area.m49, None
    if area.level == "region":
        return area.m49, None, None
    return None, None, None


@functools.cache
def _country_index() -> dict[str, str]:
    """Normalised names and codes -> alpha-2 code."""
    import pycountry

    coco_rows = _country_converter_rows()
    index: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if name:
            index.setdefault(_normalise(name), code)

    for entry in pycountry.countries:
        code = entry.alpha_2
        for name in (
            entry.name,
            getattr(entry, "official_name", None),
            getattr(entry, "common_name", None),
        ):
            add(name, code)
            if name:
                add(_uninvert(name), code)
        row = coco_rows.get(entry.alpha_3, {})
        add(row.get("name_short"), code)
        add(row.get("name_official"), code)
        for former in FORMER_NAMES.get(code, ()):
            add(former, code)
            add(_uninvert(former), code)
    index.update(ALIASES)
    return index


@functools.cache
def _country_regexes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """country_converter's name patterns, for spellings no list above foresees."""
    import pycountry

    patterns = []
    for alpha3, row in _country_converter_rows().items():
        entry = pycountry.countries.get(alpha_3=alpha3)
        if entry is None or not row.get("regex"):
            continue
        patterns.append((re.compile(row["regex"], re.IGNORECASE), entry.alpha_2))
    return tuple(patterns)


@functools.cache
def _codes() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    records = country_data()
    return (
        {r.code: r.code for r in records},
        {r.alpha3: r.code for r in records},
        {r.numeric: r.code for r in records},
    )


def country_lookup(name_or_code: str | int | None) -> str | None:
    """The alpha-2 code for a country's code or name, current or former, or None if unknown.

    Accepts alpha-2 ("NA" is Namibia), alpha-3 and numeric codes, ISO short and official names,
    common names ("Russia", "North Korea"), former names ("Swaziland", "Turkey", "Burma"), and
    accents, case and punctuation as people type them ("Cote d'Ivoire", "ivory coast").
    """
    if name_or_code is None:
        return None
    text = str(name_or_code).strip()
    if not text or len(text) > 200:
        return None
    by_alpha2, by_alpha3, by_numeric = _codes()
    if text.isdigit():
        return by_numeric.get(text.zfill(3)) if len(text) <= 3 else None
    upper = text.upper()
    if len(text) == 2 and upper in by_alpha2:
        return upper
    if len(text) == 3 and upper in by_alpha3:
        return by_alpha3[upper]
    normalised = _normalise(text)
    if not normalised:
        return None
    code = _country_index().get(normalised)
    if code:
        return code
    matches = {code for pattern, code in _country_regexes() if pattern.search(text)}
    if len(matches) == 1:
        return matches.pop()
    return None


# Django language code -> pycountry locale directory.
_PYCOUNTRY_LOCALES: dict[str, str] = {
    "zh-hans": "zh_CN",
    "zh-cn": "zh_CN",
    "zh-sg": "zh_CN",
    "zh-hant": "zh_TW",
    "zh-tw": "zh_TW",
    "zh-hk": "zh_HK",
    "pt-br": "pt_BR",
}
# Names a catalogue lacks (pycountry's Arabic catalogue predates the name "Türkiye").
_SUPPLEMENTS: dict[tuple[str, str], str] = {("ar", "TR"): "تركيا"}


@functools.lru_cache(maxsize=32)
def _catalogue(language: str) -> gettext.NullTranslations | None:
    """pycountry's ISO 3166-1 catalogue for a Django language code, or None (English, unknown)."""
    import pycountry

    language = language.lower()
    if language == "en" or language.startswith("en-"):
        return None
    candidates = [_PYCOUNTRY_LOCALES.get(language)]
    base, _, variant = language.partition("-")
    if variant:
        candidates.append(f"{base}_{variant.upper() if len(variant) == 2 else variant.title()}")
    candidates.append(base)
    for locale in candidates:
        if not locale:
            continue
        try:
            return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
    return None


@functools.cache
def _msgids() -> dict[str, tuple[str, ...]]:
    """alpha-2 -> the catalogue keys for its name: the current ISO name, then former ones."""
    import pycountry

    return {
        entry.alpha_2: (entry.name, *FORMER_NAMES.get(entry.alpha_2, ()))
        for entry in pycountry.countries
    }


def translated_country_name(code: str, fallback: str) -> str:
    """The country's name in the active language, from pycountry's catalogues; else ``fallback``.

    ``fallback`` (the stored English name) is what English readers see, and what anyone sees for
    a code or a language the catalogues do not know.
    """
    language = get_language()
    if not language or not code:
        return fallback
    catalogue = _catalogue(language)
    if catalogue is None:
        return fallback
    code = code.upper()
    for msgid in _msgids().get(code, ()):
        translated = catalogue.gettext(msgid)
        if translated != msgid:
            return translated
    base = language.lower().partition("-")[0]
    return _SUPPLEMENTS.get((base, code), fallback)
