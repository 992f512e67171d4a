from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from corridor.core.models import TimeStampedModel
from corridor.directory.models import Group, Organisation
from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    Scope,
    ThematicArea,
    Theme,
)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members of the network")
    RESTRICTED = "restricted", _("Restricted")


class Resource(TimeStampedModel):
    """An item of the knowledge platform. The foundation loads the seeds' policy recommendations."""

    class Type(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        RESEARCH = "research", _("Research")
        NATIONAL_PLAN = "national_plan", _("National implementation plan")
        POLICY_RECOMMENDATION = "policy_recommendation", _("Policy recommendation")
        GUIDANCE = "guidance", _("Guidance or tool")
        CHECKLIST = "checklist", _("Checklist")
        STATEMENT = "statement", _("Statement or talking points")
        BLOG_POST = "blog_post", _("Blog post")
        REPORT = "report", _("Report or publication")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    type = models.CharField(_("type"), max_length=24, choices=Type.choices, db_index=True)
    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    language = models.CharField(_("language"), max_length=10, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    published_on = models.DateField(_("date"), null=True, blank=True)
    publisher = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_resources",
    )
    authors = models.ManyToManyField(Organisation, blank=True, related_name="authored_resources")
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="resources"
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.GLOBAL)
    countries = models.ManyToManyField(Country, blank=True, related_name="resources")
    regions = models.ManyToManyField(Region, blank=True, related_name="resources")
    objectives = models.ManyToManyField(Objective, blank=True, related_name="resources")
    principles = models.ManyToManyField(GuidingPrinciple, blank=True, related_name="resources")
    thematic_areas = models.ManyToManyField(ThematicArea, blank=True, related_name="resources")
    themes = models.ManyToManyField(Theme, blank=True, related_name="resources")
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:resource_detail", args=[self.slug])
