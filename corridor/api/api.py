"""The open API: one NinjaAPI under /api/v1/; each app contributes a router from its ``api.py``."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from corridor.core.errors import ApplicationError

api = NinjaAPI(
    title="Corridor API",
    version="1.0.0",
    description=str(
        _("Open, read-only access to the network's vocabulary, organisations, groups and workplans.")
    ),
    urls_namespace="api",
)


@api.exception_handler(ApplicationError)
def application_error(request, exc: ApplicationError):
    return api.create_response(request, {"detail": exc.message}, status=400)
