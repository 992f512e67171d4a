from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from corridor.core.models import TimeStampedModel
from corridor.directory.models import Group, Organisation
from corridor.taxonomy.models import Objective, Scope, ThematicArea, Theme


class Workplan(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="workplans")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    issued = models.DateField(_("issued"), null=True, blank=True)
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    source = models.CharField(_("source document"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued", "title"]
        verbose_name = _("workplan")
        verbose_name_plural = _("workplans")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workplans:workplan_detail", args=[self.slug])


class Section(models.Model):
    """A part of a workplan: core / thematic / future priorities; a stream; coordinated vs menu."""

    class Kind(models.TextChoices):
        CORE = "core", _("Core priorities")
        THEMATIC = "thematic", _("Thematic priorities")
        FUTURE = "future", _("Future activities")
        CROSS_CUTTING = "cross_cutting", _("Cross-cutting")
        COORDINATED = "coordinated", _("Coordinated by the group")
        MENU = "menu", _("Menu for members")
        STREAM = "stream", _("Stream")

    workplan = models.ForeignKey(Workplan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["workplan", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title


class Workstream(TimeStampedModel):
    class Kind(models.TextChoices):
        WORKSTREAM = "workstream", _("Workstream")
        EXPECTED_RESULT = "expected_result", _("Expected result")
        ITEM = "item", _("Item coordinated by the group")
        MENU_ITEM = "menu_item", _("Menu item for members")

    class Status(models.TextChoices):
        YET_TO_START = "yet_to_start", _("Yet to start")
        ONGOING = "ongoing", _("Ongoing")
        UNDER_DEVELOPMENT = "under_development", _("Under development")
        COMPLETED = "completed", _("Completed")

    workplan = models.ForeignKey(Workplan, on_delete=models.CASCADE, related_name="workstreams")
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="workstreams", null=True, blank=True
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.WORKSTREAM)
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_('For example "Core workstream 1.1".')
    )
    slug = models.SlugField(_("web address"), max_length=120)
    title = models.CharField(_("title"), max_length=400)
    purpose = models.TextField(_("purpose"), blank=True)
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="workstreams", verbose_name=_("GCM objectives")
    )
    thematic_areas = models.ManyToManyField(
        ThematicArea, blank=True, related_name="workstreams", verbose_name=_("thematic areas")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="workstreams", verbose_name=_("cross-cutting themes")
    )
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.GLOBAL)
    timeline = models.CharField(_("timeline"), max_length=200, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.YET_TO_START,
        db_index=True,
    )
    status_note = models.CharField(_("status note"), max_length=200, blank=True)
    lead_note = models.TextField(
        _("lead (as written)"), blank=True, help_text=_("Leads that are not organisations.")
    )
    participants_note = models.TextField(_("participants (as written)"), blank=True)
    membership_note = models.TextField(_("membership"), blank=True)
    organisations = models.ManyToManyField(
        Organisation, through="WorkstreamOrganisation", related_name="workstreams", blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords(m2m_fields=[objectives, thematic_areas, themes])

    class Meta:
        ordering = ["workplan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["workplan", "slug"], name="unique_workstream_slug")
        ]
        verbose_name = _("workstream")
        verbose_name_plural = _("workstreams")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workplans:workstream_detail", args=[self.workplan.slug, self.slug])


class WorkstreamOrganisation(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTICIPANT = "participant", _("Participating")
        INTEREST = "interest", _("Expression of interest")

    workstream = models.ForeignKey(
        Workstream, on_delete=models.CASCADE, related_name="organisation_roles"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="workstream_roles"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["workstream", "role", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["workstream", "organisation", "role"], name="unique_workstream_role"
            )
        ]
        verbose_name = _("organisation in a workstream")
        verbose_name_plural = _("organisations in workstreams")

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()}"


class Activity(models.Model):
    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="activities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("description"))
    due = models.CharField(_("due"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["workstream", "order", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.description[:80]
