"""The vocabulary API, mounted at /api/v1/vocabulary/.

Names are the stored English; each ``*_localised`` field is the same name in the request's
language: the ``lang`` query parameter if given (ar, zh-hans, en, fr, ru, es), else the
``Accept-Language`` header. (The API's paths carry no language prefix, so Django's LocaleMiddleware
leaves them in the default language; the resolvers below switch language themselves.)
Read-only and public.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from corridor.api.pagination import Pagination
from corridor.taxonomy import selectors
from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    SdgTarget,
    ThematicArea,
    Theme,
)

router = Router()

_LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def request_language(request) -> str:
    """The language a request asks for: ``?lang=``, then the cookie and ``Accept-Language``."""
    cached = getattr(request, "_vocabulary_language", None)
    if cached:
        return cached
    asked = (request.GET.get("lang") or "").strip().lower()
    language = asked if asked in _LANGUAGE_CODES else None
    if language is None:
        language = translation.get_language_from_request(request, check_path=False)
    request._vocabulary_language = language
    return language


def _localised(context: dict | None, name: Callable[[], str]) -> str:
    """``name()`` evaluated in the request's language."""
    request = (context or {}).get("request")
    if request is None:
        return name()
    with translation.override(request_language(request)):
        return name()


# Free text without control characters (PostgreSQL rejects NUL in a query): 4xx, never a 500.
SearchText = Annotated[str, Field(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
M49Code = Annotated[str, Field(pattern=r"^[0-9]{1,3}$")]
Language = Literal["ar", "zh-hans", "en", "fr", "ru", "es"]
LANG_DESCRIPTION = "Language of the *_localised fields; default: the Accept-Language header."


class ObjectiveOut(Schema):
    number: int
    code: str
    short_name: str
    short_name_localised: str
    title: str
    title_localised: str

    @staticmethod
    def resolve_short_name_localised(obj: Objective, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_short_name)

    @staticmethod
    def resolve_title_localised(obj: Objective, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_title)


class ObjectiveDetailOut(ObjectiveOut):
    thematic_areas: list[int]

    @staticmethod
    def resolve_thematic_areas(obj: Objective) -> list[int]:
        return [area.number for area in obj.thematic_areas.all()]


class PrincipleOut(Schema):
    number: int
    name: str
    name_localised: str
    description: str
    description_localised: str

    @staticmethod
    def resolve_name_localised(obj: GuidingPrinciple, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_name)

    @staticmethod
    def resolve_description_localised(obj: GuidingPrinciple, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_description)


class ThematicAreaOut(Schema):
    number: int
    name: str
    name_localised: str
    objectives: list[int] = Field(..., description="Numbers of the GCM objectives the area groups.")

    @staticmethod
    def resolve_name_localised(obj: ThematicArea, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_name)

    @staticmethod
    def resolve_objectives(obj: ThematicArea) -> list[int]:
        return [objective.number for objective in obj.objectives.all()]


class ThemeOut(Schema):
    slug: str
    name: str
    name_localised: str

    @staticmethod
    def resolve_name_localised(obj: Theme, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_name)


class SdgTargetOut(Schema):
    code: str
    title: str
    title_localised: str

    @staticmethod
    def resolve_title_localised(obj: SdgTarget, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_title)


class RegionOut(Schema):
    m49: str
    name: str
    name_localised: str
    level: str
    parent: str | None = Field(None, description="M49 code of the enclosing area.")

    @staticmethod
    def resolve_name_localised(obj: Region, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_name)

    @staticmethod
    def resolve_parent(obj: Region) -> str | None:
        return obj.parent.m49 if obj.parent_id else None


class CountryOut(Schema):
    code: str = Field(..., description="ISO 3166-1 alpha-2.")
    alpha3: str
    numeric: str
    name: str
    name_localised: str
    official_name: str
    region: str | None = Field(None, description="M49 code of the region.")
    subregion: str | None = Field(None, description="M49 code of the sub-region.")
    intermediate_region: str | None = Field(
        None, description="M49 code of the intermediate region."
    )
    is_territory: bool = Field(..., description="Not a UN Member State or observer State.")

    @staticmethod
    def resolve_name_localised(obj: Country, context: Any = None) -> str:
        return _localised(context, lambda: obj.display_name)

    @staticmethod
    def resolve_region(obj: Country) -> str | None:
        return obj.region.m49 if obj.region_id else None

    @staticmethod
    def resolve_subregion(obj: Country) -> str | None:
        return obj.subregion.m49 if obj.subregion_id else None

    @staticmethod
    def resolve_intermediate_region(obj: Country) -> str | None:
        return obj.intermediate_region.m49 if obj.intermediate_region_id else None


class CountryFilters(Schema):
    region: M49Code | None = Field(
        None,
        description="M49 code of a region, sub-region or intermediate region (e.g. 002, 202, 018).",
    )
    q: SearchText | None = Field(
        None, description="Part of a name (English, official, former, or in the request language)."
    )
    is_territory: bool | None = None
    lang: Language | None = Field(None, description=LANG_DESCRIPTION)


def _not_found(request, message) -> HttpError:
    """A 404 with ``message`` (a lazy translation) in the request's language."""
    with translation.override(request_language(request)):
        return HttpError(404, str(message))


@router.get("/objectives", response=list[ObjectiveOut], summary="GCM objectives")
def list_objectives(request, lang: Query[Language | None] = None):
    return selectors.objective_list()


@router.get("/objectives/{number}", response=ObjectiveDetailOut, summary="One GCM objective")
def get_objective(request, number: int, lang: Query[Language | None] = None):
    objective = selectors.objective_get(number=number) if 0 < number < 1000 else None
    if objective is None:
        raise _not_found(request, gettext_lazy("No GCM objective has this number."))
    return objective


@router.get("/principles", response=list[PrincipleOut], summary="GCM guiding principles")
def list_principles(request, lang: Query[Language | None] = None):
    return selectors.principle_list()


@router.get(
    "/thematic-areas",
    response=list[ThematicAreaOut],
    summary="Thematic areas, with their objectives' numbers",
)
def list_thematic_areas(request, lang: Query[Language | None] = None):
    return selectors.thematic_area_list()


@router.get("/themes", response=list[ThemeOut], summary="Cross-cutting themes")
def list_themes(request, lang: Query[Language | None] = None):
    return selectors.theme_list()


@router.get("/sdg-targets", response=list[SdgTargetOut], summary="SDG targets")
def list_sdg_targets(request, lang: Query[Language | None] = None):
    return selectors.sdg_target_list()


@router.get("/regions", response=list[RegionOut], summary="UN M49 regions")
def list_regions(request, lang: Query[Language | None] = None):
    return selectors.region_list()


@router.get("/countries", response=list[CountryOut], summary="Countries and territories")
@paginate(Pagination)
def list_countries(request, filters: Query[CountryFilters]):
    with translation.override(request_language(request)):
        region = None
        if filters.region is not None:
            region = selectors.region_get(m49=filters.region.zfill(3))
            if region is None:
                raise _not_found(request, gettext_lazy("No region has this M49 code."))
        return selectors.country_list(region=region, q=filters.q, is_territory=filters.is_territory)


@router.get("/countries/{code}", response=CountryOut, summary="One country or territory")
def get_country(request, code: str, lang: Query[Language | None] = None):
    country = selectors.country_get(code=code)
    if country is None:
        raise _not_found(
            request, gettext_lazy("No country or territory has this ISO 3166-1 alpha-2 code.")
        )
    return country
