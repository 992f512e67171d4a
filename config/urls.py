from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from corridor.api.api import api

admin.site.site_header = settings.CORRIDOR_SITE_NAME
admin.site.site_title = settings.CORRIDOR_SITE_NAME

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("", include("corridor.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("directory/", include("corridor.directory.urls")),
    path("workplans/", include("corridor.workplans.urls")),
    path("knowledge/", include("corridor.knowledge.urls")),
    path("community/", include("corridor.community.urls")),
    path("vocabulary/", include("corridor.taxonomy.urls")),
    path("search/", include("corridor.search.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
