"""The assessment itself: its statuses, the named groups of them, the rule for what a family may
read, and the Assessment record (see the package docstring for its life)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.assessments.areas import Kind
from supportfirst.councils.models import Council, Role
from supportfirst.councils.scoping import Scope
from supportfirst.families.advocacy import AdvocacyRecord
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import Correctable, FamilyFacing
from supportfirst.kernel.due import clock_due, stored_changes, with_stored
from supportfirst.kernel.versioning import Versioned


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    READY_FOR_FAMILY = "ready_for_family", "Ready for the family to read"
    AUTHORISED = "authorised", "Authorised"


# Named groups of statuses.
FAMILY_CAN_READ = frozenset({AssessmentStatus.READY_FOR_FAMILY, AssessmentStatus.AUTHORISED})
CLOCK_RUNNING = frozenset({AssessmentStatus.IN_PROGRESS, AssessmentStatus.READY_FOR_FAMILY})


def family_readable(scope: Scope) -> models.QuerySet[Assessment]:
    """What a family may read: drafts ready for them and authorised assessments; a young person
    reads only their own."""
    rows = Assessment.objects.visible_to(scope).filter(status__in=FAMILY_CAN_READ)
    if scope.role == Role.YOUNG_PERSON:
        rows = rows.filter(kind=Kind.CHILD, child_id=scope.child_id)
    return rows


class Assessment(FamilyRecord, AdvocacyRecord, Versioned):
    """One person's needs assessment, made for one request for help. When the person assessed
    is a child or young person (a child's or a young carer's assessment), the offer of an
    independent advocate and their answer are recorded before it is authorised."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="assessments"
    )
    request = models.ForeignKey(
        "pathway.SupportRequest", on_delete=models.CASCADE, related_name="assessments"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    child = models.ForeignKey(
        "families.Child",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The disabled child the request is for (the person assessed, for a child's).",
    )
    parent_carer = models.ForeignKey(
        "families.ParentCarer", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sibling = models.ForeignKey(
        "families.Sibling", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    combined_with = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="combined_assessments",
        help_text="The child's assessment, when the family wants this one done together with it.",
    )
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS
    )
    started_on = models.DateField()
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    authorised_at = models.DateTimeField(null=True, blank=True)
    decision_due = models.DateField(
        "eligibility decision due by",
        null=True,
        blank=True,
        editable=False,
        help_text="The council's working days from authorising; set when the clock starts.",
    )
    late_reason = models.TextField(blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a needs assessment",
        many="Needs assessments",
        order=110,
        correction=Correctable(
            kind="assessment",
            label=lambda a: a.title,
            shown_on=lambda a: ("assessment", a.pk),
            related=("child", "parent_carer", "sibling", "request"),
            readable=family_readable,
        ),
    )

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "family"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="child", parent_carer__isnull=True, sibling__isnull=True)
                    | models.Q(
                        kind="parent_carer", parent_carer__isnull=False, sibling__isnull=True
                    )
                    | models.Q(kind="young_carer", parent_carer__isnull=True, sibling__isnull=False)
                ),
                name="assessment_subject_fits_kind",
            ),
            models.UniqueConstraint(
                fields=["request"],
                condition=models.Q(kind="child"),
                name="one_child_assessment_per_request",
            ),
            models.UniqueConstraint(
                fields=["request", "parent_carer"],
                condition=models.Q(kind="parent_carer"),
                name="one_carer_assessment_per_request",
            ),
            models.UniqueConstraint(
                fields=["request", "sibling"],
                condition=models.Q(kind="young_carer"),
                name="one_young_carer_assessment_per_request",
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The eligibility decision's clock starts when the assessment is authorised: its due
        # date is stored then (and whenever the council changes its target, `due.py`).
        fields = kwargs.get("update_fields")
        if stored_changes(fields, {"authorised_at"}):
            days = (
                Council.objects.filter(families=self.family_id)
                .values_list("decision_working_days", flat=True)
                .first()
            )
            self.decision_due = clock_due(self.authorised_at, days or 0)
            kwargs["update_fields"] = with_stored(
                fields, when={"authorised_at"}, stored="decision_due"
            )
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.title

    @property
    def due(self) -> date:
        """Due 45 working days after the request was received."""
        due: date = self.request.assessment_due
        return due

    @property
    def subject_name(self) -> str:
        """The person assessed, as the family would name them."""
        if self.kind == Kind.PARENT_CARER and self.parent_carer is not None:
            return self.parent_carer.full_name
        if self.kind == Kind.YOUNG_CARER and self.sibling is not None:
            return self.sibling.first_name
        return self.child.first_name

    @property
    def title(self) -> str:
        if self.kind == Kind.PARENT_CARER:
            return f"{self.subject_name}'s assessment as a parent carer"
        if self.kind == Kind.YOUNG_CARER:
            return f"{self.subject_name}'s assessment as a young carer"
        return f"{self.subject_name}'s needs assessment"

    @property
    def advocacy_applies(self) -> bool:
        """The person assessed is a child or young person, who is offered an advocate."""
        return self.kind in (Kind.CHILD, Kind.YOUNG_CARER)

    @property
    def advocacy_child_name(self) -> str:
        return self.subject_name

    @property
    def is_child(self) -> bool:
        return self.kind == Kind.CHILD

    @property
    def is_in_progress(self) -> bool:
        return self.status == AssessmentStatus.IN_PROGRESS

    @property
    def family_can_read(self) -> bool:
        return self.status in FAMILY_CAN_READ
