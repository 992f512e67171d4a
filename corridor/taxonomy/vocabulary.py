"""The shared vocabulary as data: GCM objectives and guiding principles, thematic areas, themes, SDGs.

Every English name is wrapped in ``gettext_noop`` so ``makemessages`` puts it in the catalogues;
the database stores the English and the models' ``display_*`` properties call ``gettext`` on it.

Sources:

- Objectives and guiding principles: the Global Compact for Safe, Orderly and Regular Migration
  (A/RES/73/195), para 15 (principles) and para 16 (objectives). Titles are the GCM's own words.
- Thematic areas: the Migration MPTF's five areas as the network workplan names them; the
  objectives each area groups exactly as the draft multi-annual workplan lists them (objective 23,
  international cooperation, is in every area).
- Themes: cross-cutting issues the network's workplans and the Alliance 8.7 action group raise.
- SDG targets: official titles from the 2030 Agenda (A/RES/70/1).

Change the data here, then run ``manage.py load_vocabulary`` (or add a data migration that calls
``load_vocabulary``): loading is idempotent and updates rows in place by their natural keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_noop


@dataclass(frozen=True)
class ObjectiveData:
    number: int
    short_name: str
    title: str


@dataclass(frozen=True)
class PrincipleData:
    number: int
    name: str
    description: str


@dataclass(frozen=True)
class ThematicAreaData:
    number: int
    name: str
    objectives: tuple[int, ...]


@dataclass(frozen=True)
class ThemeData:
    slug: str
    name: str


@dataclass(frozen=True)
class SdgTargetData:
    code: str
    title: str


OBJECTIVES: tuple[ObjectiveData, ...] = (
    ObjectiveData(
        1,
        gettext_noop("Accurate and disaggregated data"),
        gettext_noop(
            "Collect and utilize accurate and disaggregated data as a basis for evidence-based "
            "policies"
        ),
    ),
    ObjectiveData(
        2,
        gettext_noop("Minimizing adverse drivers"),
        gettext_noop(
            "Minimize the adverse drivers and structural factors that compel people to leave "
            "their country of origin"
        ),
    ),
    ObjectiveData(
        3,
        gettext_noop("Information provision"),
        gettext_noop("Provide accurate and timely information at all stages of migration"),
    ),
    ObjectiveData(
        4,
        gettext_noop("Legal identity and documentation"),
        gettext_noop(
            "Ensure that all migrants have proof of legal identity and adequate documentation"
        ),
    ),
    ObjectiveData(
        5,
        gettext_noop("Pathways for regular migration"),
        gettext_noop("Enhance availability and flexibility of pathways for regular migration"),
    ),
    ObjectiveData(
        6,
        gettext_noop("Fair recruitment and decent work"),
        gettext_noop(
            "Facilitate fair and ethical recruitment and safeguard conditions that ensure "
            "decent work"
        ),
    ),
    ObjectiveData(
        7,
        gettext_noop("Reducing vulnerabilities"),
        gettext_noop("Address and reduce vulnerabilities in migration"),
    ),
    ObjectiveData(
        8,
        gettext_noop("Saving lives and missing migrants"),
        gettext_noop(
            "Save lives and establish coordinated international efforts on missing migrants"
        ),
    ),
    ObjectiveData(
        9,
        gettext_noop("Countering smuggling of migrants"),
        gettext_noop("Strengthen the transnational response to smuggling of migrants"),
    ),
    ObjectiveData(
        10,
        gettext_noop("Eradicating trafficking in persons"),
        gettext_noop(
            "Prevent, combat and eradicate trafficking in persons in the context of "
            "international migration"
        ),
    ),
    ObjectiveData(
        11,
        gettext_noop("Border management"),
        gettext_noop("Manage borders in an integrated, secure and coordinated manner"),
    ),
    ObjectiveData(
        12,
        gettext_noop("Screening, assessment and referral"),
        gettext_noop(
            "Strengthen certainty and predictability in migration procedures for appropriate "
            "screening, assessment and referral"
        ),
    ),
    ObjectiveData(
        13,
        gettext_noop("Alternatives to detention"),
        gettext_noop(
            "Use migration detention only as a measure of last resort and work towards alternatives"
        ),
    ),
    ObjectiveData(
        14,
        gettext_noop("Consular protection and assistance"),
        gettext_noop(
            "Enhance consular protection, assistance and cooperation throughout the migration cycle"
        ),
    ),
    ObjectiveData(
        15,
        gettext_noop("Access to basic services"),
        gettext_noop("Provide access to basic services for migrants"),
    ),
    ObjectiveData(
        16,
        gettext_noop("Inclusion and social cohesion"),
        gettext_noop(
            "Empower migrants and societies to realize full inclusion and social cohesion"
        ),
    ),
    ObjectiveData(
        17,
        gettext_noop("Eliminating discrimination"),
        gettext_noop(
            "Eliminate all forms of discrimination and promote evidence-based public discourse "
            "to shape perceptions of migration"
        ),
    ),
    ObjectiveData(
        18,
        gettext_noop("Skills development and recognition"),
        gettext_noop(
            "Invest in skills development and facilitate mutual recognition of skills, "
            "qualifications and competences"
        ),
    ),
    ObjectiveData(
        19,
        gettext_noop("Migrant and diaspora contributions"),
        gettext_noop(
            "Create conditions for migrants and diasporas to fully contribute to sustainable "
            "development in all countries"
        ),
    ),
    ObjectiveData(
        20,
        gettext_noop("Remittances and financial inclusion"),
        gettext_noop(
            "Promote faster, safer and cheaper transfer of remittances and foster financial "
            "inclusion of migrants"
        ),
    ),
    ObjectiveData(
        21,
        gettext_noop("Return, readmission and reintegration"),
        gettext_noop(
            "Cooperate in facilitating safe and dignified return and readmission, as well as "
            "sustainable reintegration"
        ),
    ),
    ObjectiveData(
        22,
        gettext_noop("Portability of social security"),
        gettext_noop(
            "Establish mechanisms for the portability of social security entitlements and "
            "earned benefits"
        ),
    ),
    ObjectiveData(
        23,
        gettext_noop("International cooperation"),
        gettext_noop(
            "Strengthen international cooperation and global partnerships for safe, orderly "
            "and regular migration"
        ),
    ),
)

GUIDING_PRINCIPLES: tuple[PrincipleData, ...] = (
    PrincipleData(
        1,
        gettext_noop("People-centred"),
        gettext_noop(
            "The Global Compact carries a strong human dimension, inherent to the migration "
            "experience itself, and places individuals at its core."
        ),
    ),
    PrincipleData(
        2,
        gettext_noop("International cooperation"),
        gettext_noop(
            "The Global Compact is a non-legally binding cooperative framework that recognizes "
            "that no State can address migration on its own because of the inherently "
            "transnational nature of the phenomenon."
        ),
    ),
    PrincipleData(
        3,
        gettext_noop("National sovereignty"),
        gettext_noop(
            "The Global Compact reaffirms the sovereign right of States to determine their "
            "national migration policy and their prerogative to govern migration within their "
            "jurisdiction, in conformity with international law."
        ),
    ),
    PrincipleData(
        4,
        gettext_noop("Rule of law and due process"),
        gettext_noop(
            "The Global Compact recognizes that respect for the rule of law, due process and "
            "access to justice are fundamental to all aspects of migration governance."
        ),
    ),
    PrincipleData(
        5,
        gettext_noop("Sustainable development"),
        gettext_noop(
            "The Global Compact is rooted in the 2030 Agenda for Sustainable Development and "
            "aims to leverage the potential of migration for the achievement of all Sustainable "
            "Development Goals."
        ),
    ),
    PrincipleData(
        6,
        gettext_noop("Human rights"),
        gettext_noop(
            "The Global Compact is based on international human rights law and upholds the "
            "principles of non-regression and non-discrimination, ensuring effective respect "
            "for, protection and fulfilment of the human rights of all migrants, regardless of "
            "their migration status."
        ),
    ),
    PrincipleData(
        7,
        gettext_noop("Gender-responsive"),
        gettext_noop(
            "The Global Compact ensures that the human rights of women, men, girls and boys are "
            "respected at all stages of migration, mainstreams a gender perspective and "
            "promotes gender equality and the empowerment of all women and girls."
        ),
    ),
    PrincipleData(
        8,
        gettext_noop("Child-sensitive"),
        gettext_noop(
            "The Global Compact upholds the principle of the best interests of the child at all "
            "times, as a primary consideration in all situations concerning children in the "
            "context of international migration, including unaccompanied and separated children."
        ),
    ),
    PrincipleData(
        9,
        gettext_noop("Whole-of-government approach"),
        gettext_noop(
            "The Global Compact considers that migration cannot be addressed by one government "
            "policy sector alone and needs horizontal and vertical policy coherence across all "
            "sectors and levels of government."
        ),
    ),
    PrincipleData(
        10,
        gettext_noop("Whole-of-society approach"),
        gettext_noop(
            "The Global Compact promotes broad multi-stakeholder partnerships that include "
            "migrants, diasporas, local communities, civil society, academia, the private "
            "sector, parliamentarians, trade unions, national human rights institutions, the "
            "media and other relevant stakeholders in migration governance."
        ),
    ),
)

# The five areas of the Migration MPTF, "the same clusters" the network's workplan uses. Objective
# groupings as the draft multi-annual workplan lists them, in its order.
THEMATIC_AREAS: tuple[ThematicAreaData, ...] = (
    ThematicAreaData(
        1,
        gettext_noop(
            "Promoting fact-based and data-driven migration discourse, policy and planning"
        ),
        (1, 3, 17, 23),
    ),
    ThematicAreaData(
        2,
        gettext_noop(
            "Protecting the human rights, safety and wellbeing of migrants, including through "
            "addressing drivers and mitigating situations of vulnerability in migration"
        ),
        (2, 7, 8, 12, 13, 23),
    ),
    ThematicAreaData(
        3,
        gettext_noop(
            "Addressing irregular migration including through managing borders and combatting "
            "transnational crime"
        ),
        (9, 10, 11, 14, 21, 23),
    ),
    ThematicAreaData(
        4,
        gettext_noop(
            "Facilitating regular migration, decent work and enhancing the positive development "
            "effects of human mobility"
        ),
        (5, 6, 18, 19, 20, 23),
    ),
    ThematicAreaData(
        5,
        gettext_noop("Improving the social inclusion and integration of migrants"),
        (4, 16, 15, 22, 23),
    ),
)

# Cross-cutting themes. The slug is the stable code other data refers to; never change one.
THEMES: tuple[ThemeData, ...] = (
    ThemeData("gender", gettext_noop("Gender equality, women and girls")),
    ThemeData("children-youth", gettext_noop("Children and youth")),
    ThemeData("hiv-health", gettext_noop("HIV and health")),
    ThemeData("climate-disasters", gettext_noop("Climate change, disasters and environment")),
    ThemeData("human-rights", gettext_noop("Human rights")),
    ThemeData("disability", gettext_noop("Disability")),
    ThemeData("xenophobia-discrimination", gettext_noop("Xenophobia and discrimination")),
    ThemeData("forced-labour", gettext_noop("Forced labour and modern slavery")),
    ThemeData("child-labour", gettext_noop("Child labour")),
    ThemeData("forced-marriage", gettext_noop("Forced and child marriage")),
    ThemeData("human-trafficking", gettext_noop("Human trafficking")),
    ThemeData("migrant-smuggling", gettext_noop("Smuggling of migrants")),
    ThemeData("labour-migration", gettext_noop("Labour migration and decent work")),
    ThemeData("data", gettext_noop("Migration data and evidence")),
    ThemeData("humanitarian-settings", gettext_noop("Humanitarian settings and crises")),
    ThemeData("mixed-movements", gettext_noop("Mixed movements")),
    ThemeData("cities-local", gettext_noop("Cities and local governance")),
    ThemeData("lgbti", gettext_noop("LGBTI migrants")),
)

# SDG targets the network's documents name (8.7 and 10.7 above all), with the official titles.
SDG_TARGETS: tuple[SdgTargetData, ...] = (
    SdgTargetData(
        "3.8",
        gettext_noop(
            "Achieve universal health coverage, including financial risk protection, access to "
            "quality essential health-care services and access to safe, effective, quality and "
            "affordable essential medicines and vaccines for all"
        ),
    ),
    SdgTargetData(
        "5.2",
        gettext_noop(
            "Eliminate all forms of violence against all women and girls in the public and "
            "private spheres, including trafficking and sexual and other types of exploitation"
        ),
    ),
    SdgTargetData(
        "8.7",
        gettext_noop(
            "Take immediate and effective measures to eradicate forced labour, end modern "
            "slavery and human trafficking and secure the prohibition and elimination of the "
            "worst forms of child labour, including recruitment and use of child soldiers, and "
            "by 2025 end child labour in all its forms"
        ),
    ),
    SdgTargetData(
        "8.8",
        gettext_noop(
            "Protect labour rights and promote safe and secure working environments for all "
            "workers, including migrant workers, in particular women migrants, and those in "
            "precarious employment"
        ),
    ),
    SdgTargetData(
        "10.7",
        gettext_noop(
            "Facilitate orderly, safe, regular and responsible migration and mobility of people, "
            "including through the implementation of planned and well-managed migration policies"
        ),
    ),
    SdgTargetData(
        "10.c",
        gettext_noop(
            "By 2030, reduce to less than 3 per cent the transaction costs of migrant remittances "
            "and eliminate remittance corridors with costs higher than 5 per cent"
        ),
    ),
    SdgTargetData(
        "16.2",
        gettext_noop(
            "End abuse, exploitation, trafficking and all forms of violence against and torture "
            "of children"
        ),
    ),
    SdgTargetData(
        "16.9",
        gettext_noop("By 2030, provide legal identity for all, including birth registration"),
    ),
    SdgTargetData(
        "17.18",
        gettext_noop(
            "By 2020, enhance capacity-building support to developing countries, including for "
            "least developed countries and small island developing States, to increase "
            "significantly the availability of high-quality, timely and reliable data "
            "disaggregated by income, gender, age, race, ethnicity, migratory status, "
            "disability, geographic location and other characteristics relevant in national "
            "contexts"
        ),
    ),
)

# Lookups by natural key.
OBJECTIVES_BY_NUMBER: dict[int, ObjectiveData] = {o.number: o for o in OBJECTIVES}
PRINCIPLES_BY_NUMBER: dict[int, PrincipleData] = {p.number: p for p in GUIDING_PRINCIPLES}
THEMATIC_AREAS_BY_NUMBER: dict[int, ThematicAreaData] = {a.number: a for a in THEMATIC_AREAS}
THEMES_BY_SLUG: dict[str, ThemeData] = {t.slug: t for t in THEMES}
SDG_TARGETS_BY_CODE: dict[str, SdgTargetData] = {t.code: t for t in SDG_TARGETS}

# Every English string the models' display_* properties pass to gettext, mapped to the kind of
# term it names. Handy for checks ("is this stored name one of ours?") and for translators' tools.
MSGIDS: dict[str, str] = {
    **{o.short_name: "objective" for o in OBJECTIVES},
    **{o.title: "objective title" for o in OBJECTIVES},
    **{p.name: "guiding principle" for p in GUIDING_PRINCIPLES},
    **{p.description: "guiding principle description" for p in GUIDING_PRINCIPLES},
    **{a.name: "thematic area" for a in THEMATIC_AREAS},
    **{t.name: "theme" for t in THEMES},
    **{t.title: "SDG target" for t in SDG_TARGETS},
}


def sdg_sort_key(code: str) -> int:
    """An integer that orders SDG targets as the 2030 Agenda does: 8.7 < 10.7 < 10.a < 17.18.

    Numbered targets come before the lettered means of implementation within a goal.
    """
    goal, _, target = code.partition(".")
    try:
        goal_number = int(goal)
    except ValueError:
        return 0
    if target.isdigit():
        position = int(target)
    elif len(target) == 1 and target.isalpha():
        position = 50 + ord(target.lower()) - ord("a")
    else:
        position = 0
    return goal_number * 100 + position


_AREA_NUMBER = re.compile(r"\bthematic\s+area\s*(\d)\b", re.IGNORECASE)
_NORMALISE = re.compile(r"[^a-z0-9]+")
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*[-\u2013]\s*(\d+))?")


def _squash(text: str) -> str:
    return _NORMALISE.sub(" ", text.casefold()).strip()


# Other wordings the network's documents use for an area (the 2019 workplan's introduction, say).
_AREA_VARIANTS: dict[str, int] = {
    _squash(
        "Protecting safety and wellbeing of migrants, including through addressing the drivers "
        "and mitigating situations of vulnerability in migration"
    ): 2,
    _squash(
        "Enhancing pathways for regular migration, decent work and the positive development "
        "effects of human mobility"
    ): 4,
}


def thematic_area_lookup(text: str | None) -> int | None:
    """The number of the thematic area a document names, or None.

    Accepts "Thematic Area 3", "Thematic Area 3 - Addressing irregular migration ...", the bare
    number, an area's name, or a wording the network's documents use for it.
    """
    if not text:
        return None
    text = str(text).strip()
    if text.isdigit():
        number = int(text)
        return number if number in THEMATIC_AREAS_BY_NUMBER else None
    match = _AREA_NUMBER.search(text)
    if match:
        number = int(match.group(1))
        return number if number in THEMATIC_AREAS_BY_NUMBER else None
    squashed = _squash(text)
    for area in THEMATIC_AREAS:
        if _squash(area.name) == squashed:
            return area.number
    if squashed in _AREA_VARIANTS:
        return _AREA_VARIANTS[squashed]
    for area in THEMATIC_AREAS:  # a name cut short or run on: one must start the other
        name = _squash(area.name)
        if len(squashed) >= 20 and (name.startswith(squashed) or squashed.startswith(name)):
            return area.number
    return None


def parse_objective_numbers(text: str | None) -> list[int]:
    """The GCM objective numbers in a phrase such as "21, 7, 10, 12, 15, and 16", in order, unique.

    Ranges are expanded ("GCM Objectives 1-23" gives all 23); numbers outside 1–23 are ignored.
    """
    if not text:
        return []
    numbers: list[int] = []
    for start, end in _NUMBER_OR_RANGE.findall(str(text)):
        first = int(start)
        last = int(end) if end else first
        if end and not (first < last <= len(OBJECTIVES)):
            continue
        for number in range(first, last + 1):
            if number in OBJECTIVES_BY_NUMBER and number not in numbers:
                numbers.append(number)
    return numbers
