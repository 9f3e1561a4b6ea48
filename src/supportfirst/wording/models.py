"""Reasons staff give for keeping words the language checker flagged.

Authorising an assessment or proposing a move to safeguarding with flagged words needs a short
reason per finding ("quoting the parent's words"). Each reason is kept, with who gave it and
when, so a reviewer can see why the words stayed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing


class WordingReason(FamilyRecord):
    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    record_type = models.CharField(max_length=60)
    record_id = models.BigIntegerField()
    field = models.CharField(max_length=120, help_text="Which text, in plain words.")
    rule = models.CharField(max_length=80)
    words = models.CharField(max_length=300)
    reason = models.TextField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    given_at = models.DateTimeField(auto_now_add=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="the wording reason",
        many="Reasons staff gave for keeping flagged words",
        order=170,
    )

    class Meta:
        ordering = ["given_at", "pk"]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"“{self.words}” kept: {self.reason}"
