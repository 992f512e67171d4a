"""The search table: one row per searchable object, and the ordered log of changes to it.

The database is the source of truth; every search index (one directory per node) is derived from
these two tables and can be rebuilt from them at any time (see ``engine.py`` and ``services.py``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Who may find a document: everyone, members of the network, or named people only."""

    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members of the network")
    RESTRICTED = "restricted", _("Restricted")


class Document(models.Model):
    """What the search index knows about one object, written by services with the object itself.

    ``codes`` holds the vocabulary the object is tagged with, by facet name: ``objective`` (GCM
    objective numbers), ``principle``, ``area`` (thematic areas), ``theme`` (slugs), ``region``
    (M49 codes), ``country`` (ISO alpha-2), ``organisation`` (slugs), ``year``; each a list of
    strings. A restricted document is found by the secretariat, by the people of its owning
    organisations (``owner_organisation_ids``) and by the people it names (``allowed_person_ids``).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("object id"))
    key = models.CharField(_("key"), max_length=80, unique=True, help_text=_('"type:id"'))
    type = models.CharField(_("type"), max_length=24, db_index=True)
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    url = models.CharField(_("address"), max_length=500)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Level.choices, default=Level.PUBLIC
    )
    owner_organisation_ids = models.JSONField(_("owning organisations"), default=list, blank=True)
    allowed_person_ids = models.JSONField(_("allowed people"), default=list, blank=True)
    codes = models.JSONField(_("vocabulary codes"), default=dict, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    updated = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_search_document_object"
            )
        ]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.key


class Change(models.Model):
    """One change to the search table, in order. Every index replays the log after its last ``seq``."""

    class Op(models.TextChoices):
        UPSERT = "upsert", _("Added or changed")
        DELETE = "delete", _("Removed")

    seq = models.BigAutoField(primary_key=True)
    key = models.CharField(_("key"), max_length=80)
    op = models.CharField(_("operation"), max_length=6, choices=Op.choices)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("search change")
        verbose_name_plural = _("search changes")

    def __str__(self):
        return f"{self.seq} {self.op} {self.key}"
