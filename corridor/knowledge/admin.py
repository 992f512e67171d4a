from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from corridor.knowledge.models import Resource


@admin.register(Resource)
class ResourceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "type", "status", "visibility", "publisher", "published_on")
    list_filter = ("type", "status", "visibility", "language")
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("publisher", "authors", "countries")
    filter_horizontal = ("objectives", "principles", "thematic_areas", "themes", "regions")
    list_select_related = ("publisher",)
