"""The open API: one NinjaAPI under /api/v1/; each app contributes a router from its ``api.py``."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from corridor.core.errors import ApplicationError

api = NinjaAPI(
    title="Corridor API",
    version="1.0.0",
    description=str(
        _(
            "Open, read-only access to the network's vocabulary, organisations, groups and workplans."
        )
    ),
    urls_namespace="api",
)


@api.exception_handler(ApplicationError)
def application_error(request, exc: ApplicationError):
    return api.create_response(request, {"detail": exc.message}, status=400)


def _mount_routers():
    from corridor.directory.api import router as directory_router
    from corridor.taxonomy.api import router as taxonomy_router
    from corridor.workplans.api import router as workplans_router

    api.add_router("/vocabulary/", taxonomy_router, tags=["vocabulary"])
    api.add_router("/directory/", directory_router, tags=["directory"])
    api.add_router("/workplans/", workplans_router, tags=["workplans"])


_mount_routers()
