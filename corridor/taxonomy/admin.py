from django.contrib import admin

from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    SdgTarget,
    ThematicArea,
    Theme,
)


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ("number", "short_name", "title")
    search_fields = ("short_name", "title")


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(admin.ModelAdmin):
    list_display = ("number", "name")
    search_fields = ("name",)


@admin.register(ThematicArea)
class ThematicAreaAdmin(admin.ModelAdmin):
    list_display = ("number", "name")
    filter_horizontal = ("objectives",)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")


@admin.register(SdgTarget)
class SdgTargetAdmin(admin.ModelAdmin):
    list_display = ("code", "title")
    search_fields = ("code", "title")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "m49", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name", "m49")


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "alpha3", "region", "subregion", "is_territory")
    list_filter = ("is_territory", "region")
    search_fields = ("name", "official_name", "code", "alpha3")
    list_select_related = ("region", "subregion")
