from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from corridor.core.models import TimeStampedModel
from corridor.directory.models import Group, Organisation
from corridor.taxonomy.models import Country, Objective, Theme


class ResearchTopic(TimeStampedModel):
    """A topic on a group's living research agenda."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="research_topics")
    title = models.CharField(_("topic"), max_length=300)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    priority_rank = models.PositiveSmallIntegerField(
        _("priority rank"), null=True, blank=True, help_text=_("1 is the highest priority.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    objectives = models.ManyToManyField(Objective, blank=True, related_name="research_topics")
    themes = models.ManyToManyField(Theme, blank=True, related_name="research_topics")
    countries = models.ManyToManyField(Country, blank=True, related_name="research_topics")

    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "priority_rank", "title"]
        verbose_name = _("research topic")
        verbose_name_plural = _("research topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:research_agenda") + f"#{self.slug}"


class Event(TimeStampedModel):
    class DatePrecision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        CONSULTATION = "consultation", _("Consultation")
        CONFERENCE = "conference", _("Conference or forum")
        MILESTONE = "milestone", _("Milestone")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("starts"))
    end_date = models.DateField(_("ends"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    organisers = models.ManyToManyField(Organisation, blank=True, related_name="events")
    groups = models.ManyToManyField(Group, blank=True, related_name="events")
    objectives = models.ManyToManyField(Objective, blank=True, related_name="events")
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["start_date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:event_list") + f"#{self.slug}"
