"""Loaded by rules' autodiscovery at start-up so the permissions in ``permissions.py`` are registered."""

from corridor.knowledge import permissions  # noqa: F401
