"""Forms of the knowledge platform. Each works without JavaScript; services do the writing."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from corridor.directory.models import Organisation
from corridor.knowledge import files as documents
from corridor.knowledge import selectors, services
from corridor.knowledge.models import Audience, CallForPractices, Resource, ReviewAssignment
from corridor.taxonomy.models import Country, Region
from corridor.workplans.models import Workstream

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [links](https://example.org), lists.")
DATE_WIDGET = {"type": "date"}

# Languages a resource may be written in: the six UN languages first, then others people use.
CONTENT_LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("tr", _("Turkish")),
    ("sw", _("Swahili")),
    ("hi", _("Hindi")),
    ("bn", _("Bengali")),
    ("id", _("Indonesian")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("fa", _("Persian")),
    ("ur", _("Urdu")),
    ("uk", _("Ukrainian")),
    ("tl", _("Tagalog")),
]


def _date(field: forms.Field) -> None:
    field.widget = forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d")


class LinksField(forms.CharField):
    """Links as text, one per line: the address, then optionally a space and a title."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(
                f"{link['url']} {link.get('title', '')}".strip() for link in value if link
            )
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        links = []
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            url, _sep, title = line.partition(" ")
            links.append({"url": url, "title": title.strip()})
        return links

    def has_changed(self, initial, data):
        return self.to_python(data) != (initial or [])


class ResourceForm(forms.ModelForm):
    """A resource's content, as a member writes it. Per-type fields say which type they are for."""

    language = forms.ChoiceField(label=_("Language"), choices=CONTENT_LANGUAGES, initial="en")
    other_languages = forms.MultipleChoiceField(
        label=_("Also available in"),
        choices=CONTENT_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = forms.MultipleChoiceField(
        label=_("Target audience"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    links = LinksField(
        label=_("Links"),
        required=False,
        help_text=_(
            "One per line: the address (https://...), then, if you like, a space and a title."
        ),
    )
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=services.SUMMARY_MAX_LENGTH,
        help_text=_("Two or three sentences: what it is and who it helps."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=services.BODY_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
    )

    class Meta:
        model = Resource
        fields = [
            "type",
            "title",
            "summary",
            "body",
            "language",
            "other_languages",
            "published_on",
            "publisher",
            "authors",
            "audiences",
            "workstream",
            "scope",
            "countries",
            "regions",
            "objectives",
            "principles",
            "thematic_areas",
            "themes",
            "links",
            "licence",
            "visibility",
            "call",
            "repository",
            "research_status",
            "lead_organisation",
            "partners",
            "expected_on",
            "plan_country",
            "plan_status",
            "period_start",
            "period_end",
            "source",
        ]
        labels = {
            "published_on": _("Date of the document"),
            "countries": _("Countries"),
            "regions": _("Regions"),
            "objectives": _("GCM objectives"),
            "principles": _("Guiding principles"),
            "thematic_areas": _("Thematic areas"),
            "themes": _("Cross-cutting themes"),
        }
        help_texts = {
            "visibility": _(
                "Public: everyone. Members: people of the network's member organisations. "
                "Restricted: the publishing and authoring organisations and the secretariat."
            ),
            "repository": _("For practices: the thematic repository it belongs to."),
            "research_status": _("For research."),
            "lead_organisation": _("For research: who leads it."),
            "partners": _("For research: partner organisations."),
            "expected_on": _("For on-going research: when results are expected."),
            "plan_country": _("For national implementation plans."),
            "plan_status": _("For national implementation plans."),
            "period_start": _("For national implementation plans: the period it covers."),
            "call": _("If this answers a call for practices."),
            "objectives": _("For national implementation plans, the objectives it implements."),
        }

    def __init__(self, *args, call: CallForPractices | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(is_active=True).order_by("name")
        for name in ("publisher", "authors", "lead_organisation", "partners"):
            self.fields[name].queryset = organisations
        self.fields["countries"].queryset = Country.objects.order_by("name")
        self.fields["plan_country"].queryset = Country.objects.order_by("name")
        self.fields["regions"].queryset = Region.objects.order_by("name")
        self.fields["workstream"].queryset = Workstream.objects.select_related("workplan").order_by(
            "workplan__title", "reference", "title"
        )
        calls = CallForPractices.objects.filter(pk__in=selectors.call_open_list().values("pk"))
        if self.instance.call_id:
            calls = calls | CallForPractices.objects.filter(pk=self.instance.call_id)
        self.fields["call"].queryset = calls.order_by("deadline")
        for name in ("published_on", "expected_on", "period_start", "period_end"):
            _date(self.fields[name])
        self.fields["type"].initial = Resource.Type.PRACTICE
        if call is not None and not self.is_bound:
            self.initial.setdefault("call", call.pk)
            self.initial.setdefault("type", call.resource_type)
            self.initial.setdefault(
                "objectives", list(call.objectives.values_list("pk", flat=True))
            )
            self.initial.setdefault("themes", list(call.themes.values_list("pk", flat=True)))

    def _post_clean(self):
        # The service validates the model (and owns which fields it may set); the form only parses.
        pass

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data if name != "file"}

    def data_for_create(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ResourceCreateForm(ResourceForm):
    file = forms.FileField(
        label=_("File (PDF or Word .docx)"),
        required=False,
        allow_empty_file=True,
        help_text=_("Optional. You can add more files after saving the draft."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf,.docx,application/pdf"


class ResourceSecretariatForm(ResourceForm):
    class Meta(ResourceForm.Meta):
        fields = [*ResourceForm.Meta.fields, "last_reviewed_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _date(self.fields["last_reviewed_on"])


class FileUploadForm(forms.Form):
    # Empty files reach the service, which says why they are refused.
    file = forms.FileField(label=_("File (PDF or Word .docx)"), allow_empty_file=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf,.docx,application/pdf"
        self.fields["file"].help_text = _("Up to %(limit)s. Scanned documents have no text.") % {
            "limit": filesizeformat(documents.max_upload_bytes())
        }


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown on the page that replaces it."),
    )


class ScreenForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept for peer review")),
            ("publish", _("Publish without peer review")),
            ("reject", _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Required when you decline."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("publish", _("Publish")),
            ("revise", _("Ask the submitter to revise")),
            ("reject", _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class RosterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        kind = _("internal") if obj.is_internal else _("external")
        return _("%(name)s (%(kind)s; %(open)s open reviews)") % {
            "name": obj.full_name or obj.email,
            "kind": kind,
            "open": obj.open_reviews,
        }


class AssignReviewersForm(forms.Form):
    reviewers = RosterChoiceField(
        label=_("Reviewers from the roster"),
        queryset=selectors.reviewer_roster(),
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = forms.DateField(label=_("Review due"), widget=forms.DateInput(attrs=DATE_WIDGET))
    allow_incomplete_panel = forms.BooleanField(
        label=_("Assign anyway, even if the panel lacks internal or external reviewers"),
        required=False,
    )

    def __init__(self, *args, resource: Resource, **kwargs):
        super().__init__(*args, **kwargs)
        taken = resource.reviews.filter(round=resource.review_round).values("reviewer")
        self.fields["reviewers"].queryset = (
            selectors.reviewer_roster().exclude(pk__in=taken).exclude(pk=resource.submitter_id or 0)
        )
        self.fields["due_on"].initial = timezone.localdate() + timedelta(
            days=services.review_days()
        )
        minimum = services.panel_minimum()
        self.fields["reviewers"].help_text = _(
            "A panel needs at least %(internal)s internal reviewer(s) (of a UN entity) and "
            "%(external)s external one(s)."
        ) % {"internal": minimum[0], "external": minimum[1]}


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this submission?"),
        choices=[
            ("no", _("No: I have no financial, professional or personal interest in it")),
            ("yes", _("Yes: I have a conflict of interest")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=_(
            "For example: you or your organisation wrote it, fund it, compete with it, or you "
            "work closely with its authors."
        ),
    )
    conflict_note = forms.CharField(
        label=_("If yes, what is it?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Only the secretariat sees this."),
    )


class ReviewForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=ReviewAssignment.Recommendation.choices,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Comments for the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20_000,
        help_text=_(
            "The submitter and the secretariat see these, without your name. Required unless you "
            "recommend accepting."
        ),
    )
    confidential_comments = forms.CharField(
        label=_("Comments for the secretariat only"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
    )


class ResourceFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Resource.Type.choices]
    )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's validation errors on the form: by field where it has one, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


LANGUAGE_NAMES = dict(CONTENT_LANGUAGES) | dict(settings.LANGUAGES)


class CallForm(forms.ModelForm):
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
        help_text=MARKDOWN_HELP,
    )

    class Meta:
        model = CallForPractices
        fields = [
            "title",
            "description",
            "resource_type",
            "themes",
            "thematic_areas",
            "objectives",
            "opens_on",
            "deadline",
            "is_published",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _date(self.fields["opens_on"])
        _date(self.fields["deadline"])

    def _post_clean(self):
        pass

    def service_arguments(self) -> dict:
        data = {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name not in {"themes", "thematic_areas", "objectives"}
        }
        return {
            "data": data,
            "themes": self.cleaned_data["themes"],
            "thematic_areas": self.cleaned_data["thematic_areas"],
            "objectives": self.cleaned_data["objectives"],
        }
