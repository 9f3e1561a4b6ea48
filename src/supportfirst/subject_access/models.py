"""A family's download of everything held about them (a subject access request), and the
marks staff put on records or fields that hold another person's information that may not be
shared (a third party's information, UK GDPR and the Data Protection Act 2018, Schedule 2
paragraph 16).

Both are family records, read through the scoping layer. Neither goes into the download
itself: the marks are described in the download's index, and a download cannot hold itself.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing


class Withholding(FamilyRecord):
    """A record, or one field of it, kept out of the family's download, with the reason the
    family is given (which says why, never what)."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field_name = models.CharField(
        max_length=100, blank=True, help_text="Empty when the whole record is withheld."
    )
    reason = models.TextField(help_text="Shown to the family: why, never what.")
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="what is held back from a download",
        many="Withholdings",
        visible=False,
        downloaded=False,
    )

    class Meta:
        ordering = ["marked_at", "pk"]
        indexes = [models.Index(fields=["family", "content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name"], name="one_mark_per_place"
            )
        ]

    @property
    def what(self) -> str:
        """What is held back, in words staff read: the kind of record, its id and the part."""
        model = self.content_type.model_class()
        kind = str(model._meta.verbose_name) if model else self.content_type.model
        where = f"{kind[:1].upper()}{kind[1:]} {self.object_id}"
        if not self.field_name:
            return f"{where}: the whole record"
        try:
            found: Any = model._meta.get_field(self.field_name) if model else None
            part = str(getattr(found, "verbose_name", ""))
        except FieldDoesNotExist:
            part = self.field_name
        return f"{where}: {part or self.field_name}"

    def __str__(self) -> str:
        where = f"{self.content_type.model} {self.object_id}"
        return f"{where} ({self.field_name})" if self.field_name else where


class Download(FamilyRecord):
    """One download made by a family member: who, when, and what it held."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField()
    records = models.PositiveIntegerField(default=0)
    files = models.PositiveIntegerField(default=0)
    withheld_records = models.PositiveIntegerField(default=0)
    withheld_parts = models.PositiveIntegerField(default=0)
    size_bytes = models.PositiveBigIntegerField(default=0)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a copy of everything we hold", many="Downloads", downloaded=False
    )

    class Meta:
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["family", "made_at"])]

    def __str__(self) -> str:
        return f"Download of {self.made_at:%d %B %Y}"
