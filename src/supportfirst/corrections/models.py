"""A family's requests to correct what is written about them (the right to rectification).

The life of a correction request (services.py makes the moves, with their guards):

    received --correct-------> corrected      (a practitioner or team manager changes the record
                                               and writes what they changed)
    received --not_correct---> not_corrected  (they give the reason; the family's view stays
                                               with the record as a note, shown wherever the
                                               record is shown, and the family is told how to
                                               complain)

An answered request cannot be answered again (409). The family is told when it is answered.
Each request points at one record the family can see (`record_kind` from the allow-list in
records.py and `record_id`) and remembers the page that record is shown on (`shown_on`,
`shown_on_id`), so that page can show, in one query, that a correction was asked for and its
outcome. The answer is due one calendar month after the request arrived (clock.py).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing


class RecordKind(models.TextChoices):
    """The kinds of record a family may ask to correct: the allow-list."""

    REQUEST = "request", "Your request for help"
    DECISION = "decision", "The next-step decision"
    CONTACT = "contact", "A record of a contact with you"
    INTRUSION = "intrusion", "Why we needed a visit or contact"
    CARER_DECISIONS = "carer_decisions", "The decisions in a parent carer's assessment"
    ASSESSMENT = "assessment", "An assessment"
    AREA = "area", "Part of an assessment"
    NEED = "need", "A need in an assessment"
    FAMILY = "family", "Your family's details"
    CHILD = "child", "A child's details"
    PARENT_CARER = "parent_carer", "A parent carer's details"
    SIBLING = "sibling", "A brother's or sister's details"


class ShownOn(models.TextChoices):
    """The page each record is shown on, to staff and to the family."""

    REQUEST = "request", "Request for help"
    ASSESSMENT = "assessment", "Assessment"
    FAMILY = "family", "Family record"
    CHILD = "child", "Child's record"


class CorrectionStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    CORRECTED = "corrected", "Corrected"
    NOT_CORRECTED = "not_corrected", "Not corrected"


ANSWERED = frozenset({CorrectionStatus.CORRECTED, CorrectionStatus.NOT_CORRECTED})


class CorrectionRequest(FamilyRecord):
    """What the family says is wrong in one record, what it should say, and our answer."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="correction_requests"
    )
    record_kind = models.CharField(max_length=20, choices=RecordKind.choices)
    record_id = models.BigIntegerField()
    record_label = models.CharField(
        max_length=300, help_text="The record, named as it was when the family asked."
    )
    shown_on = models.CharField(max_length=12, choices=ShownOn.choices)
    shown_on_id = models.BigIntegerField()
    what_is_wrong = models.TextField()
    what_it_should_say = models.TextField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField()
    due_on = models.DateField()
    status = models.CharField(
        max_length=15, choices=CorrectionStatus.choices, default=CorrectionStatus.RECEIVED
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    what_we_changed = models.TextField(blank=True)
    reason_not_corrected = models.TextField(blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="a request to correct your record", many="Correction requests")

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["family", "shown_on", "shown_on_id"]),
        ]

    def __str__(self) -> str:
        return f"Correction to {self.record_label}"

    @property
    def is_open(self) -> bool:
        return self.status == CorrectionStatus.RECEIVED

    @property
    def status_colour(self) -> str:
        return {"received": "yellow", "corrected": "green"}.get(self.status, "grey")
