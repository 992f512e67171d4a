from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from corridor.knowledge.models import (
    CallForPractices,
    Resource,
    ResourceFile,
    ReviewAssignment,
    ReviewEvent,
)


class ResourceFileInline(admin.TabularInline):
    model = ResourceFile
    extra = 0
    fields = ("original_name", "kind", "size", "pages", "extraction", "language")
    readonly_fields = fields
    can_delete = False
    show_change_link = False


@admin.register(Resource)
class ResourceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "type", "status", "visibility", "publisher", "published_on")
    list_filter = ("type", "status", "visibility", "language")
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = (
        "publisher",
        "authors",
        "countries",
        "lead_organisation",
        "partners",
        "plan_country",
    )
    filter_horizontal = ("objectives", "principles", "thematic_areas", "themes", "regions")
    list_select_related = ("publisher",)
    raw_id_fields = ("submitter", "workstream", "call")
    readonly_fields = ("version", "review_round", "submitted_at", "first_published_at")
    inlines = [ResourceFileInline]


@admin.register(CallForPractices)
class CallForPracticesAdmin(SimpleHistoryAdmin):
    list_display = ("title", "opens_on", "deadline", "is_published")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("themes", "thematic_areas", "objectives")


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ("resource", "reviewer", "round", "kind", "status", "due_on")
    list_filter = ("status", "kind")
    raw_id_fields = ("resource", "reviewer", "assigned_by")


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    list_display = ("resource", "kind", "actor", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("resource", "actor", "assignment")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
