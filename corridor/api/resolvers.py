"""Helpers for the schemas' ``resolve_*`` methods, which get the request in their ``context``."""

from typing import Any


def absolute_url(context: Any, path: str) -> str:
    """``path`` as a full address on the requesting host; as it is when there is no request."""
    request = (context or {}).get("request")
    return request.build_absolute_uri(path) if request is not None else path
