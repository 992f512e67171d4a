from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "corridor.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Each app says how its objects are searched in ``<app>/search.py`` (``register(...)``);
        # this app's own providers cover the apps that have no such module yet.
        from corridor.search import providers  # noqa: F401

        autodiscover_modules("search")
