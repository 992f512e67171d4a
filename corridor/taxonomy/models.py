"""The shared vocabulary every object in Corridor is tagged with.

Names are stored in English, the language of the GCM's authoritative text. They are also listed
with gettext_noop in ``vocabulary.py`` so the catalogues translate them; ``display_*`` properties
return the reader's language. Country names come from pycountry's own ISO 3166 translations.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    GLOBAL = "global", _("Global")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    LOCAL = "local", _("Local")


class Objective(models.Model):
    """One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    short_name = models.CharField(_("short name"), max_length=120)
    title = models.CharField(_("full title"), max_length=300)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")

    def __str__(self):
        return f"{self.number}. {self.display_short_name}"

    def get_absolute_url(self) -> str:
        return reverse("taxonomy:objective_detail", args=[self.number])

    @property
    def display_short_name(self) -> str:
        return gettext(self.short_name)

    @property
    def display_title(self) -> str:
        return gettext(self.title)

    @property
    def code(self) -> str:
        return f"gcm-{self.number}"


class GuidingPrinciple(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return gettext(self.name)

    @property
    def display_description(self) -> str:
        return gettext(self.description) if self.description else ""


class ThematicArea(models.Model):
    """One of the five thematic areas of the Migration MPTF (the Start-up Fund), grouping objectives."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    objectives = models.ManyToManyField(Objective, related_name="thematic_areas", blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")

    def __str__(self):
        return f"{self.number}. {self.display_name}"

    def get_absolute_url(self) -> str:
        return f"{reverse('taxonomy:index')}#area-{self.number}"

    @property
    def display_name(self) -> str:
        return gettext(self.name)


class Theme(models.Model):
    """A cross-cutting theme: gender, children, HIV, climate and disasters, ..."""

    slug = models.SlugField(_("code"), unique=True, max_length=60)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cross-cutting theme")
        verbose_name_plural = _("cross-cutting themes")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return gettext(self.name)


class SdgTarget(models.Model):
    code = models.CharField(_("target"), max_length=10, unique=True)
    title = models.CharField(_("title"), max_length=500)
    sort_key = models.PositiveIntegerField(
        _("sort key"),
        default=0,
        editable=False,
        help_text=_("Orders targets as the 2030 Agenda does (8.7 before 10.7); set from the code."),
    )

    class Meta:
        ordering = ["sort_key", "code"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self):
        return f"SDG {self.code}"

    def clean(self):
        from corridor.taxonomy.vocabulary import sdg_sort_key

        super().clean()
        self.sort_key = sdg_sort_key(self.code)

    @property
    def display_title(self) -> str:
        return gettext(self.title)


class Region(models.Model):
    """A UN M49 region, sub-region or intermediate region, identified by its M49 code."""

    class Level(models.TextChoices):
        WORLD = "world", _("World")
        REGION = "region", _("Region")
        SUBREGION = "subregion", _("Sub-region")
        INTERMEDIATE = "intermediate", _("Intermediate region")

    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return gettext(self.name)


class Country(models.Model):
    """An ISO 3166-1 country or territory. ``code`` is alpha-2: "NA" is Namibia, never a missing value."""

    code = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="countries_in_region"
    )
    subregion = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries_in_subregion",
    )
    intermediate_region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries_in_intermediate_region",
    )
    is_territory = models.BooleanField(
        _("territory"), default=False, help_text=_("Not a UN Member State or observer State.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        from corridor.taxonomy.countries import translated_country_name

        return translated_country_name(self.code, self.name)
