"""Letters to families, as web pages and accessible PDFs.

A letter is about one record (its source): a request for help, a next-step decision, an
eligibility decision, a support plan, a plan review or a complaint. Staff prepare it from the
source record's page; the letter's words come from the template for its kind and variant
(standard, large print or easy read), filled in from the source when it is prepared. Staff may
add a personal paragraph, see how easy it is to read and the words to check, then send it.

    draft --send--> sent    (moves.py; the HTML is frozen as it was sent; the family is told)

The family reads only sent letters, as a web page or a PDF (tagged, PDF/UA-1). A sent letter
never changes: a new letter is prepared instead.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.kernel.versioning import Versioned
from supportfirst.letters.rendering import pdf_from_html, render_letter
from supportfirst.letters.variants import Variant


class LetterKind(models.TextChoices):
    REQUEST_ACKNOWLEDGEMENT = "request_acknowledgement", "We have your request for help"
    NEXT_STEP_DECISION = "next_step_decision", "What happens next with your request"
    ELIGIBILITY_DECISION = "eligibility_decision", "The assessment and our decision"
    SUPPORT_PLAN = "support_plan", "Your support plan"
    PLAN_REVIEW = "plan_review", "The review of your support plan"
    COMPLAINT_ACKNOWLEDGEMENT = "complaint_acknowledgement", "We have your complaint"
    COMPLAINT_RESPONSE = "complaint_response", "Our answer to your complaint"


# Letters that tell the family a decision: each says how to ask for a review and how to complain.
DECISION_KINDS = frozenset(
    {
        LetterKind.NEXT_STEP_DECISION,
        LetterKind.ELIGIBILITY_DECISION,
        LetterKind.SUPPORT_PLAN,
        LetterKind.PLAN_REVIEW,
        LetterKind.COMPLAINT_RESPONSE,
    }
)


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"


class Letter(FamilyRecord, Versioned):
    """One letter to a family about one record."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="letters")
    child = models.ForeignKey(
        "families.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=40, choices=LetterKind.choices)
    variant = models.CharField(max_length=20, choices=Variant.choices, default=Variant.STANDARD)
    subject = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=LetterStatus.choices, default=LetterStatus.DRAFT
    )
    source_type = models.CharField(
        max_length=60, help_text='The record the letter is about, e.g. "plans.supportplan".'
    )
    source_id = models.CharField(max_length=40)
    addressed_to = models.CharField(max_length=300)
    addressed_to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=(
            "Written to this one family member only (a letter about a young person's own "
            "complaint, kept from their parents by their choice); empty: to the family."
        ),
    )
    body_html = models.TextField(help_text="The letter's words for its kind, from the record.")
    personal_paragraph = models.TextField(blank=True)
    reading_ease = models.FloatField(null=True, blank=True)
    html = models.TextField(blank=True, help_text="The whole letter, frozen when it was sent.")
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    prepared_at = models.DateTimeField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the letter", many="Letters")

    class Meta:
        ordering = ["-prepared_at", "-pk"]
        indexes = [
            models.Index(fields=["family", "status"]),
            models.Index(fields=["source_type", "source_id"]),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_sent(self) -> bool:
        return self.status == LetterStatus.SENT

    @property
    def is_decision(self) -> bool:
        return self.kind in DECISION_KINDS

    @property
    def filename(self) -> str:
        day = (self.sent_at or self.prepared_at).date().isoformat()
        return f"letter-{day}-{self.kind.replace('_', '-')}-{self.pk}.pdf"

    def render_html(self) -> str:
        """The whole letter: as it was sent, or as it stands for a draft."""
        if self.is_sent and self.html:
            return self.html
        return render_letter(self)

    def pdf_bytes(self) -> bytes:
        """The letter as a tagged, accessible PDF (PDF/UA-1)."""
        return pdf_from_html(self.render_html(), title=self.subject)

    def sar_files(self) -> list[tuple[str, bytes]]:
        """A sent letter's PDF, for the family's download of everything."""
        if not self.is_sent:
            return []
        return [(self.filename, self.pdf_bytes())]

    @classmethod
    def source_key(cls, source: Any, default_label: str = "") -> tuple[str, str]:
        """How a letter names its source: the model's label and its id. A source that is not a
        model (a stand-in with the same fields, in tests) takes the kind's label."""
        meta = getattr(source, "_meta", None)
        label = meta.label_lower if meta is not None else default_label
        return label, str(source.pk)
