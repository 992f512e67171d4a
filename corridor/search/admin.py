"""The search table and its change log, to look at (they are written by services only)."""

from django.contrib import admin

from corridor.search.models import Change, Document


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["key", "title", "type", "visibility", "language", "date", "updated"]
    list_filter = ["type", "visibility", "language"]
    search_fields = ["key", "title"]
    ordering = ["-updated"]


@admin.register(Change)
class ChangeAdmin(ReadOnlyAdmin):
    list_display = ["seq", "key", "op", "created_at"]
    list_filter = ["op"]
    search_fields = ["key"]
    ordering = ["-seq"]
