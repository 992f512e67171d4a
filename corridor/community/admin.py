from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from corridor.community.models import Event, ResearchTopic


@admin.register(ResearchTopic)
class ResearchTopicAdmin(SimpleHistoryAdmin):
    list_display = ("title", "group", "priority_rank")
    list_filter = ("group",)
    search_fields = ("title", "description")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("objectives", "themes")
    autocomplete_fields = ("countries",)


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "start_date", "date_precision", "location")
    list_filter = ("kind", "date_precision")
    search_fields = ("title", "description", "location")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("organisers", "groups", "country")
    filter_horizontal = ("objectives",)
    date_hierarchy = "start_date"
