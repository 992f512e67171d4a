from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from corridor.directory.models import Affiliation, Group, GroupMembership, Organisation, User
from corridor.directory.services import PERSON_PROFILE_FIELD_ORDER

URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


def _clean_email(form):
    email = User.objects.normalize_email(form.cleaned_data.get("email") or "").lower()
    duplicate = User.objects.filter(email__iexact=email).exclude(pk=form.instance.pk)
    if email and duplicate.exists():
        form.add_error("email", _("Someone already has an account with this email address."))
    return email


class UserCreationForm(AdminUserCreationForm):
    """Create an account from an email address (the model has no username)."""

    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self):
        return _clean_email(self)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        return _clean_email(self)


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ("person", "organisation")
    fields = ("person", "organisation", "role", "title")


class PersonGroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    fk_name = "person"
    extra = 0
    autocomplete_fields = ("group",)
    fields = ("group", "role", "since")
    verbose_name = _("group membership")
    verbose_name_plural = _("group memberships (in a personal capacity)")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": PERSON_PROFILE_FIELD_ORDER}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    list_display = ("email", "full_name", "pseudonym", "is_profile_public", "is_staff", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", "is_profile_public", "groups")
    search_fields = ("email", "full_name", "pseudonym", "job_title")
    ordering = ("email",)
    autocomplete_fields = ("country",)
    inlines = (AffiliationInline, PersonGroupMembershipInline)

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else ()  # the add page asks for the address only


class OrganisationGroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ("group",)
    fields = ("group", "role", "since")


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "acronym", "type", "country", "member_since", "is_active")
    list_filter = ("type", "is_active", ("country", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)
    list_select_related = ("country",)
    date_hierarchy = "member_since"
    formfield_overrides = URL_FIELD_OVERRIDES
    inlines = (AffiliationInline, OrganisationGroupMembershipInline)


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ("person", "organisation", "role", "title")
    list_filter = ("role", ("organisation", admin.RelatedOnlyFieldListFilter))
    search_fields = (
        "person__email",
        "person__full_name",
        "person__pseudonym",
        "organisation__name",
        "organisation__acronym",
    )
    autocomplete_fields = ("person", "organisation")
    list_select_related = ("person", "organisation")


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    fk_name = "group"
    extra = 0
    autocomplete_fields = ("organisation", "person")
    fields = ("organisation", "person", "role", "since")


class SubgroupInline(admin.TabularInline):
    model = Group
    fk_name = "parent"
    extra = 0
    fields = ("name", "acronym", "kind")
    show_change_link = True
    verbose_name = _("subgroup")
    verbose_name_plural = _("subgroups")

    def has_add_permission(self, request, obj=None):
        return False  # subgroups need a slug and more: add them as groups


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = ("name", "acronym", "kind", "parent", "established")
    list_filter = ("kind",)
    search_fields = ("name", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    inlines = (GroupMembershipInline, SubgroupInline)


@admin.register(GroupMembership)
class GroupMembershipAdmin(admin.ModelAdmin):
    list_display = ("group", "organisation", "person", "role", "since")
    list_filter = ("role", "group")
    search_fields = (
        "group__name",
        "organisation__name",
        "organisation__acronym",
        "person__full_name",
        "person__pseudonym",
        "person__email",
    )
    autocomplete_fields = ("group", "organisation", "person")
    list_select_related = ("group", "organisation", "person")
