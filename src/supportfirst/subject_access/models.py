"""A family's download of everything held about them (a subject access request), and the
marks staff put on records or fields that hold another person's information that may not be
shared (a third party's information, UK GDPR and the Data Protection Act 2018, Schedule 2
paragraph 16).

Both are family records, read through the scoping layer. Neither goes into the download
itself: the marks are described in the download's index, and a download cannot hold itself.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from supportfirst.families.models import FamilyRecord


class Withholding(FamilyRecord):
    """A record, or one field of it, kept out of the family's download, with the reason the
    family is given (which says why, never what)."""

    family_visible = False

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

    class Meta:
        ordering = ["marked_at", "pk"]
        indexes = [models.Index(fields=["family", "content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name"], name="one_mark_per_place"
            )
        ]

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

    class Meta:
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["family", "made_at"])]

    def __str__(self) -> str:
        return f"Download of {self.made_at:%d %B %Y}"
