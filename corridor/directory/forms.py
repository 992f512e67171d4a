from django import forms
from django.conf import settings
from django.utils.choices import BaseChoiceIterator, normalize_choices
from django.utils.translation import gettext_lazy as _

from corridor.core.markdown import MARKDOWN_HELP
from corridor.directory import services
from corridor.directory.models import Group, Organisation, User
from corridor.taxonomy.models import Country

SEARCH_MAX_LENGTH = 200
LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}


class QueryChoices(BaseChoiceIterator):
    """Choices from the database, queried at most once per form and only when first needed.

    (A callable's choices are queried again each time they are read, and drawing a select reads
    them twice.)
    """

    def __init__(self, function):
        self.function = function
        self.cache = None

    def __iter__(self):
        if self.cache is None:
            self.cache = normalize_choices(self.function())
        yield from self.cache


class FilterForm(forms.Form):
    """The filters of a list, from its query string: the page and the API validate with the same form.

    ``query_choices`` names the fields whose choices come from the database: each form instance
    gets fresh ``QueryChoices`` for them.
    """

    query_choices: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, function in self.query_choices.items():
            self.fields[name].choices = QueryChoices(function)

    def filters(self) -> dict:
        """The valid filters, each None when not given (an invalid one is dropped)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned.get(name) or None for name in self.fields}


class UpperCaseChoiceField(forms.ChoiceField):
    def to_python(self, value):
        return super().to_python(value).upper()


def _country_choices():
    return [("", "")] + list(Country.objects.order_by("code").values_list("code", "code"))


def _group_choices():
    return [("", "")] + list(Group.objects.order_by("slug").values_list("slug", "slug"))


class OrganisationFilterForm(FilterForm):
    """The organisation directory's filters. The page draws its own selects (with counts); this
    form says which values are valid, querying countries and groups only when they are used."""

    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", "")] + Organisation.Type.choices
    )
    country = UpperCaseChoiceField(label=_("Country"), required=False)
    group = forms.ChoiceField(label=_("Group"), required=False)
    q = forms.CharField(label=_("Name or acronym"), required=False, max_length=SEARCH_MAX_LENGTH)

    query_choices = {"country": _country_choices, "group": _group_choices}


def _organisation_choices():
    return [("", "")] + list(Organisation.objects.order_by("slug").values_list("slug", "slug"))


class PersonFilterForm(FilterForm):
    """The filters of the people API."""

    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    q = forms.CharField(label=_("Name"), required=False, max_length=SEARCH_MAX_LENGTH)

    query_choices = {"organisation": _organisation_choices}


class OrganisationForm(forms.ModelForm):
    """An organisation's profile, as its focal points edit it."""

    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=services.ORGANISATION_DESCRIPTION_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
    )

    class Meta:
        model = Organisation
        fields = ["acronym", "country", "website", "logo", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.order_by("name")
        self.fields["logo"].help_text = _("PNG, JPEG, GIF or WebP, up to 1 MB.")
        self.fields["logo"].widget.attrs["accept"] = "image/png,image/jpeg,image/gif,image/webp"

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "image"):  # a new upload, already opened by Pillow
            if logo.size > LOGO_MAX_BYTES:
                raise forms.ValidationError(_("The logo must be 1 MB or smaller."))
            if (logo.image.format or "").upper() not in LOGO_FORMATS:
                raise forms.ValidationError(_("Upload a PNG, JPEG, GIF or WebP image."))
        return logo

    def changes(self) -> dict:
        """The changed fields and their new values, for ``organisation_update``."""
        return {name: self.cleaned_data[name] for name in self.changed_data}


class OrganisationSecretariatForm(OrganisationForm):
    """The secretariat also keeps the name, the type and the membership date."""

    class Meta(OrganisationForm.Meta):
        fields = ["name", "type", "member_since", *OrganisationForm.Meta.fields]
        widgets = {"member_since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ProfileForm(forms.ModelForm):
    """The signed-in person's own profile."""

    bio = forms.CharField(
        label=_("About"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=services.PERSON_BIO_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        required=False,
        choices=[("", _("No preference"))] + list(settings.LANGUAGES),
    )

    class Meta:
        model = User
        fields = list(services.PERSON_PROFILE_FIELD_ORDER)
        labels = {"country": _("Country")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.order_by("name")
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"

    def changes(self) -> dict:
        """The changed fields and their new values, for ``person_update_profile``."""
        return {name: self.cleaned_data[name] for name in self.changed_data}
