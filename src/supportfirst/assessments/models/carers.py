"""For the carers: the assessment offered to a parent carer (s17ZD) or a young carer (s17ZA)
and their answer, and the four decisions that end a parent carer's assessment."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models.assessment import Assessment, family_readable
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import Correctable, FamilyFacing


class OfferKind(models.TextChoices):
    PARENT_CARER = "parent_carer", "Parent carer's needs assessment"
    YOUNG_CARER = "young_carer", "Young carer's needs assessment"


class OfferAnswer(models.TextChoices):
    NOT_ANSWERED = "not_answered", "Not answered yet"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    COMBINED = "combined", "Accepted, combined with the child's assessment"
    REQUESTED = "requested", "Requested: they asked for it, so it must be done"


OFFER_ACCEPTED = frozenset({OfferAnswer.ACCEPTED, OfferAnswer.COMBINED, OfferAnswer.REQUESTED})


class AssessmentOffer(FamilyRecord):
    """An assessment offered to a parent carer (s17ZD) or a brother or sister who helps to care
    (s17ZA), and their answer."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    request = models.ForeignKey(
        "pathway.SupportRequest", on_delete=models.CASCADE, related_name="assessment_offers"
    )
    kind = models.CharField(max_length=20, choices=OfferKind.choices)
    parent_carer = models.ForeignKey(
        "families.ParentCarer", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sibling = models.ForeignKey(
        "families.Sibling", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer = models.CharField(
        max_length=20, choices=OfferAnswer.choices, default=OfferAnswer.NOT_ANSWERED
    )
    offered_at = models.DateTimeField()
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessment = models.OneToOneField(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="offer"
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="an offer of an assessment", many="Assessments offered", order=100
    )

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="parent_carer", parent_carer__isnull=False, sibling__isnull=True)
                    | models.Q(kind="young_carer", parent_carer__isnull=True, sibling__isnull=False)
                ),
                name="offer_person_fits_kind",
            ),
            models.UniqueConstraint(
                fields=["request", "parent_carer"],
                condition=models.Q(kind="parent_carer"),
                name="one_carer_offer_per_request",
            ),
            models.UniqueConstraint(
                fields=["request", "sibling"],
                condition=models.Q(kind="young_carer"),
                name="one_young_carer_offer_per_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} offered to {self.person_name}"

    @property
    def person_name(self) -> str:
        if self.parent_carer is not None:
            return self.parent_carer.full_name
        return self.sibling.first_name if self.sibling is not None else ""

    @property
    def assessment_kind(self) -> str:
        return Kind.PARENT_CARER if self.kind == OfferKind.PARENT_CARER else Kind.YOUNG_CARER


class CarerDecisions(FamilyRecord):
    """The four decisions that end a parent carer's assessment (Children Act 1989 s17ZF), each
    with its reason."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    assessment = models.OneToOneField(
        Assessment, on_delete=models.CASCADE, related_name="carer_decisions"
    )
    carer_has_needs = models.BooleanField()
    carer_has_needs_reason = models.TextField()
    child_has_needs = models.BooleanField()
    child_has_needs_reason = models.TextField()
    services_could_meet = models.BooleanField()
    services_could_meet_reason = models.TextField()
    council_will_provide = models.BooleanField()
    council_will_provide_reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    QUESTIONS = (
        "carer_has_needs",
        "child_has_needs",
        "services_could_meet",
        "council_will_provide",
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="the decisions in a parent carer's assessment",
        many="Decisions in parent carers' assessments",
        order=160,
        correction=Correctable(
            kind="carer_decisions",
            label=lambda d: f"The decisions in {d.assessment.title}",
            shown_on=lambda d: ("request", d.assessment.request_id),
            related=("assessment", "assessment__parent_carer"),
            readable=family_readable,
            through="assessment",
        ),
    )

    class Meta:
        verbose_name_plural = "carer decisions"

    def __str__(self) -> str:
        return f"Decisions for {self.assessment}"

    @property
    def complete(self) -> bool:
        return all(
            getattr(self, q) is not None and getattr(self, f"{q}_reason").strip()
            for q in self.QUESTIONS
        )
