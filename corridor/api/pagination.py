from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class Pagination(LimitOffsetPagination):
    """limit/offset for every list endpoint; a limit over ``CORRIDOR_API_MAX_PAGE_SIZE`` is a 422."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=settings.CORRIDOR_API_MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=1_000_000)
