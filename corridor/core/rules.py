"""Loaded by rules' autodiscovery at start-up so the permissions in ``permissions.py`` are registered."""

from corridor.core import permissions  # noqa: F401
