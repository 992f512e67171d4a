"""The knowledge platform: resources of every type, their files, peer review and calls for practices.

A resource goes draft -> submitted -> in_review (<-> revising) -> published -> withdrawn; the
secretariat may also reject a submission. Services in ``services.py`` make every transition and
record it as a ``ReviewEvent``; ``django-simple-history`` keeps every version of the resource.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
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


class Audience(models.TextChoices):
    POLICYMAKERS = "policymakers", _("Policymakers and governments")
    LOCAL_AUTHORITIES = "local_authorities", _("Local authorities")
    UN_SYSTEM = "un_system", _("UN system and country teams")
    PRACTITIONERS = "practitioners", _("Practitioners and service providers")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    SOCIAL_PARTNERS = "social_partners", _("Trade unions and employers")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    RESEARCHERS = "researchers", _("Researchers")
    MIGRANTS = "migrants", _("Migrants and their communities")
    GENERAL_PUBLIC = "general_public", _("General public")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0")
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0")
    CC_BY_ND = "cc-by-nd-4.0", _("Creative Commons Attribution-NoDerivatives 4.0")
    CC0 = "cc0-1.0", _("Public domain (CC0)")
    UN_TERMS = "un-terms", _("United Nations terms of use")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    OTHER = "other", _("Other (see the text)")


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
        IN_REVIEW = "in_review", _("In peer review")
        REVISING = "revising", _("Revision requested")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class ResearchStatus(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("On-going")
        COMPLETED = "completed", _("Completed")

    class PlanStatus(models.TextChoices):
        IN_PREPARATION = "in_preparation", _("In preparation")
        ADOPTED = "adopted", _("Adopted")
        IMPLEMENTING = "implementing", _("Being implemented")
        COMPLETED = "completed", _("Completed")
        UNDER_REVIEW = "under_review", _("Under review")

    class Repository(models.TextChoices):
        ALTERNATIVES_TO_DETENTION = "alternatives_to_detention", _("Alternatives to detention")
        LABOUR_MIGRATION = "labour_migration", _("Bilateral labour migration agreements")
        RETURN_REINTEGRATION = "return_reintegration", _("Return and reintegration")
        ACCESS_TO_SERVICES = "access_to_services", _("Access to services")
        ADMISSION_STAY = "admission_stay", _("Admission and stay")
        OTHER = "other", _("Other practices")

    # -- what it is ------------------------------------------------------------------------------
    type = models.CharField(_("type"), max_length=24, choices=Type.choices, db_index=True)
    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    language = models.CharField(_("language"), max_length=10, default="en", blank=True)
    other_languages = models.JSONField(
        _("also available in"), default=list, blank=True, help_text=_("Language codes.")
    )
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
        verbose_name=_("publisher"),
    )
    authors = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="authored_resources",
        verbose_name=_("authoring organisations"),
    )
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="resources"
    )
    workstream = models.ForeignKey(
        "workplans.Workstream",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        verbose_name=_("produced by the workstream"),
    )
    audiences = models.JSONField(_("target audience"), default=list, blank=True)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.GLOBAL)
    countries = models.ManyToManyField(Country, blank=True, related_name="resources")
    regions = models.ManyToManyField(Region, blank=True, related_name="resources")
    objectives = models.ManyToManyField(Objective, blank=True, related_name="resources")
    principles = models.ManyToManyField(GuidingPrinciple, blank=True, related_name="resources")
    thematic_areas = models.ManyToManyField(ThematicArea, blank=True, related_name="resources")
    themes = models.ManyToManyField(Theme, blank=True, related_name="resources")
    source = models.CharField(_("source"), max_length=300, blank=True)
    links = models.JSONField(
        _("links"), default=list, blank=True, help_text=_('A list of {"url", "title"}.')
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, blank=True)
    last_reviewed_on = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the content was last checked to be current."),
    )

    # -- per type --------------------------------------------------------------------------------
    research_status = models.CharField(
        _("research status"), max_length=12, choices=ResearchStatus.choices, blank=True
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_resources",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_resources", verbose_name=_("partners")
    )
    expected_on = models.DateField(_("expected completion"), null=True, blank=True)
    plan_country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="national_plans",
        verbose_name=_("country of the plan"),
    )
    plan_status = models.CharField(
        _("plan status"), max_length=16, choices=PlanStatus.choices, blank=True
    )
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    repository = models.CharField(
        _("thematic repository"), max_length=32, choices=Repository.choices, blank=True
    )

    # -- submission, review, publication ---------------------------------------------------------
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_resources",
        verbose_name=_("submitted by"),
    )
    call = models.ForeignKey(
        "CallForPractices",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name=_("in answer to the call"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_round = models.PositiveSmallIntegerField(_("review round"), default=0)
    version = models.PositiveIntegerField(
        _("published version"),
        default=0,
        help_text=_("How many times it has been published; each is citable as /v/<number>/."),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="resource_period_in_order",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:resource_detail", args=[self.slug])

    @property
    def extracted_text(self) -> str:
        """The text of its files, for search (uses ``files`` prefetched when it is)."""
        return "\n\n".join(
            file.extracted_text for file in self.files.all() if file.extracted_text
        ).strip()

    @property
    def was_published(self) -> bool:
        return self.version > 0

    @property
    def is_editable_by_submitter(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.REVISING}

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels.get(code, code)) for code in self.audiences]


def resource_file_path(instance: "ResourceFile", filename: str) -> str:
    now = timezone.now()
    return f"knowledge/files/{now:%Y/%m}/{instance.sha256[:16]}{instance.extension}"


class ResourceFile(TimeStampedModel):
    """A PDF or DOCX attached to a resource; its text is extracted in the background."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", _("Word document (DOCX)")

    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting for text extraction")
        DONE = "done", _("Text extracted")
        EMPTY = "empty", _("No text found (a scanned document?)")
        FAILED = "failed", _("Text extraction failed")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=resource_file_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extraction = models.CharField(
        _("text extraction"), max_length=8, choices=Extraction.choices, default=Extraction.PENDING
    )
    extraction_error = models.CharField(_("extraction error"), max_length=300, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    language = models.CharField(_("detected language"), max_length=10, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["resource", "created_at", "pk"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.original_name

    @property
    def extension(self) -> str:
        return f".{self.kind}"

    def get_absolute_url(self):
        return reverse("knowledge:file_download", args=[self.resource.slug, self.pk])


class CallForPractices(TimeStampedModel):
    """The secretariat asks for practices on a theme; members answer by submitting resources."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("web address"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="calls", verbose_name=_("cross-cutting themes")
    )
    thematic_areas = models.ManyToManyField(
        ThematicArea, blank=True, related_name="calls", verbose_name=_("thematic areas")
    )
    objectives = models.ManyToManyField(
        Objective, blank=True, related_name="calls", verbose_name=_("GCM objectives")
    )
    resource_type = models.CharField(
        _("type of resource asked for"),
        max_length=24,
        choices=Resource.Type.choices,
        default=Resource.Type.PRACTICE,
    )
    opens_on = models.DateField(_("opens"), default=timezone.localdate)
    deadline = models.DateField(_("deadline"))
    is_published = models.BooleanField(_("published"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-deadline", "title"]
        verbose_name = _("call for practices")
        verbose_name_plural = _("calls for practices")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")), name="call_deadline_after_opening"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:call_detail", args=[self.slug])

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_published and self.opens_on <= today <= self.deadline


class ReviewAssignment(TimeStampedModel):
    """One reviewer's part in one review round of a resource."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited: conflict of interest to declare")
        ACCEPTED = "accepted", _("Reviewing")
        SUBMITTED = "submitted", _("Review submitted")
        CONFLICT = "conflict", _("Withdrew: conflict of interest")
        CANCELLED = "cancelled", _("Removed by the secretariat")

    class Kind(models.TextChoices):
        INTERNAL = "internal", _("Internal (UN entity)")
        EXTERNAL = "external", _("External")

    class Recommendation(models.TextChoices):
        ACCEPT = "accept", _("Accept")
        REVISE = "revise", _("Revise")
        REJECT = "reject", _("Reject")

    OPEN_STATUSES = (Status.INVITED, Status.ACCEPTED)
    ACTIVE_STATUSES = (Status.INVITED, Status.ACCEPTED, Status.SUBMITTED)

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED, db_index=True
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_further_reviewer = models.BooleanField(
        _("further reviewer after a split decision"), default=False
    )
    due_on = models.DateField(_("review due"))
    conflict_declared_at = models.DateTimeField(
        _("conflict of interest declared"), null=True, blank=True
    )
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=8, choices=Recommendation.choices, blank=True
    )
    comments = models.TextField(
        _("comments for the submitter"),
        blank=True,
        help_text=_("Seen by the submitter and the secretariat."),
    )
    confidential_comments = models.TextField(_("comments for the secretariat only"), blank=True)
    submitted_at = models.DateTimeField(_("review submitted"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["resource", "round", "created_at", "pk"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "reviewer", "round"], name="one_assignment_per_reviewer_round"
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted") | ~Q(recommendation=""),
                name="submitted_review_has_recommendation",
            ),
        ]

    def __str__(self):
        return f"{self.reviewer} — {self.resource} (round {self.round})"

    def get_absolute_url(self):
        return reverse("knowledge:review_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class ReviewEvent(models.Model):
    """One step of a resource's way from draft to publication, for the record and the submitter.

    ``note`` may be shown to the submitter; ``private_note`` (which may name reviewers) only to the
    secretariat.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("Draft created")
        SUBMITTED = "submitted", _("Submitted")
        SCREENED_IN = "screened_in", _("Accepted for peer review")
        REVIEWER_ASSIGNED = "reviewer_assigned", _("Reviewer assigned")
        REVIEWER_REMOVED = "reviewer_removed", _("Reviewer removed")
        CONFLICT_DECLARED = "conflict_declared", _("Reviewer declared a conflict of interest")
        REVIEW_STARTED = "review_started", _("Reviewer declared no conflict and began")
        REVIEW_SUBMITTED = "review_submitted", _("Review submitted")
        SPLIT_DECISION = "split_decision", _("Split decision: a further reviewer is needed")
        REMINDER_SENT = "reminder_sent", _("Reminder sent to a reviewer")
        REVISION_REQUESTED = "revision_requested", _("Revision requested")
        RESUBMITTED = "resubmitted", _("Revised version submitted")
        PUBLISHED = "published", _("Published")
        UPDATED = "updated", _("Published version updated")
        REJECTED = "rejected", _("Not accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Steps the submitter sees in "My submissions" (the others concern reviewers by name).
    SUBMITTER_KINDS = frozenset(
        {
            Kind.CREATED,
            Kind.SUBMITTED,
            Kind.SCREENED_IN,
            Kind.REVIEW_SUBMITTED,
            Kind.REVISION_REQUESTED,
            Kind.RESUBMITTED,
            Kind.PUBLISHED,
            Kind.UPDATED,
            Kind.REJECTED,
            Kind.WITHDRAWN,
        }
    )

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assignment = models.ForeignKey(
        ReviewAssignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    round = models.PositiveSmallIntegerField(_("review round"), default=0)
    note = models.TextField(_("note"), blank=True)
    private_note = models.TextField(_("note for the secretariat"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["resource", "created_at", "pk"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")

    def __str__(self):
        return f"{self.resource}: {self.get_kind_display()}"
