from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from corridor.workplans.models import (
    Activity,
    Section,
    Workplan,
    Workstream,
    WorkstreamOrganisation,
)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ("order", "kind", "title", "parent")
    ordering = ("order", "pk")
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "parent":
            workplan_id = request.resolver_match.kwargs.get("object_id")
            field.queryset = field.queryset.filter(workplan_id=workplan_id or 0)
        return field


@admin.register(Workplan)
class WorkplanAdmin(SimpleHistoryAdmin):
    list_display = ("title", "group", "status", "issued", "period_start", "period_end")
    list_filter = ("status", "group")
    search_fields = ("title", "slug", "source")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("group",)
    list_select_related = ("group",)
    date_hierarchy = "issued"
    inlines = (SectionInline,)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("title", "workplan", "kind", "parent", "order")
    list_filter = ("kind", "workplan")
    search_fields = ("title", "workplan__title")
    autocomplete_fields = ("workplan", "parent")
    list_select_related = ("workplan", "parent")


class WorkstreamOrganisationInline(admin.TabularInline):
    model = WorkstreamOrganisation
    extra = 0
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "role", "order")


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    fields = ("order", "description", "due")


@admin.register(Workstream)
class WorkstreamAdmin(SimpleHistoryAdmin):
    list_display = ("title", "reference", "workplan", "kind", "status", "order")
    list_filter = ("status", "kind", "scope", "workplan", "thematic_areas")
    search_fields = ("title", "reference", "slug", "purpose")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("workplan", "section", "objectives", "themes")
    filter_horizontal = ("thematic_areas",)  # five of them; their admin has no search
    list_select_related = ("workplan",)
    fieldsets = (
        (None, {"fields": ("workplan", "section", "kind", "reference", "title", "slug", "order")}),
        (_("Content"), {"fields": ("purpose", "scope", "timeline", "due_date")}),
        (_("Status"), {"fields": ("status", "status_note")}),
        (_("Vocabulary"), {"fields": ("objectives", "thematic_areas", "themes")}),
        (
            _("Organisations as written"),
            {"fields": ("lead_note", "participants_note", "membership_note")},
        ),
    )
    inlines = (WorkstreamOrganisationInline, ActivityInline)


@admin.register(WorkstreamOrganisation)
class WorkstreamOrganisationAdmin(admin.ModelAdmin):
    list_display = ("workstream", "organisation", "role", "order")
    list_filter = ("role",)
    search_fields = (
        "workstream__title",
        "workstream__reference",
        "organisation__name",
        "organisation__acronym",
    )
    autocomplete_fields = ("workstream", "organisation")
    list_select_related = ("workstream", "organisation")


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "workstream", "order", "due")
    search_fields = ("description", "workstream__title", "workstream__reference")
    autocomplete_fields = ("workstream",)
    list_select_related = ("workstream",)
