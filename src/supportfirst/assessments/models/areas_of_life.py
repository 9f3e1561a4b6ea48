"""Inside an assessment: each area of life, the family's account of it in their words
(append-only), the needs found there, and the family's comments on the draft."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.assessments.areas import AREA_HINTS, AreaCode
from supportfirst.assessments.models.assessment import Assessment, family_readable
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import Correctable, FamilyFacing


class AreaStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class ChildViewHow(models.TextChoices):
    SPEECH = "speech", "Speech"
    SIGNS = "signs", "Signs"
    SYMBOLS = "symbols", "Symbols"
    PICTURES = "pictures", "Pictures"
    TRUSTED_ADULT = "trusted_adult", "Through a trusted adult"


class AssessmentArea(FamilyRecord):
    """One area of life in an assessment. The family's account is held in FamilyAccount rows,
    which are never changed once saved; the rest is the practitioner's, editable while the
    assessment is in progress."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=30, choices=AreaCode.choices)
    position = models.PositiveSmallIntegerField()
    child_view = models.TextField(blank=True, help_text="The child's own view, in their words.")
    child_view_how = models.JSONField(default=list, blank=True)
    child_view_through_whom = models.CharField(max_length=200, blank=True)
    practitioner_analysis = models.TextField(blank=True)
    nothing_to_add = models.BooleanField(
        default=False, help_text="The practitioner has nothing to add to what the family said."
    )
    completed = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="part of a needs assessment",
        many="Areas of life in the assessments",
        order=120,
        correction=Correctable(
            kind="area",
            label=lambda a: f"{a.label} in {a.assessment.title}",
            shown_on=lambda a: ("assessment", a.assessment_id),
            related=("assessment", "assessment__child", "assessment__parent_carer"),
            readable=family_readable,
            through="assessment",
        ),
    )

    class Meta:
        ordering = ["assessment", "position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "code"], name="one_area_of_each_kind")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return str(AreaCode(self.code).label)

    def hint_for(self, name: str) -> str:
        return AREA_HINTS.get(self.code, "").format(name=name)

    @property
    def child_view_how_labels(self) -> list[str]:
        return [str(ChildViewHow(h).label) for h in self.child_view_how if h in ChildViewHow]

    @property
    def status(self) -> AreaStatus:
        """Completed when marked so; in progress once anything is written; else not started.
        Uses the prefetched needs and family accounts when they are there."""
        if self.completed:
            return AreaStatus.COMPLETED
        written = (self.child_view, self.practitioner_analysis)
        if (
            any(text.strip() for text in written)
            or self.nothing_to_add
            or self.needs.all()
            or self.family_accounts.all()
        ):
            return AreaStatus.IN_PROGRESS
        return AreaStatus.NOT_STARTED


class FamilyAccount(FamilyRecord):
    """What the family told us about one area, in their words, attributed. Append-only: staff
    can add what they were told, but never change or remove it once saved."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey(
        AssessmentArea, on_delete=models.CASCADE, related_name="family_accounts"
    )
    text = models.TextField()
    said_by = models.CharField(max_length=200, help_text='For example "Claire Hughes (Mum)".')
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="what you told us for an assessment",
        many="What you told us, in your words",
        order=130,
    )

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.said_by}: {self.text[:40]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The family's account is kept as told: it cannot be changed.")
        super().save(*args, **kwargs)


class HowOften(models.TextChoices):
    EVERY_DAY = "every_day", "Every day"
    SEVERAL_TIMES_A_WEEK = "several_times_a_week", "Several times a week"
    EVERY_WEEK = "every_week", "Every week"
    LESS_OFTEN = "less_often", "Less often"


class Need(FamilyRecord):
    """A need found in one area, with what makes it hard to achieve (the eligibility decision
    uses these) and how often help is needed."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey(AssessmentArea, on_delete=models.CASCADE, related_name="needs")
    description = models.TextField()
    cannot_without_help = models.BooleanField(default=False)
    only_with_pain_distress_or_anxiety = models.BooleanField(default=False)
    only_with_danger = models.BooleanField(default=False)
    takes_much_longer = models.BooleanField(default=False)
    how_often = models.CharField(max_length=30, choices=HowOften.choices)
    # The age comparator (a child's need): is this more than other children of the same age
    # need? Empty for a carer's need, and for needs recorded before the question was asked.
    more_than_same_age = models.BooleanField(
        null=True,
        blank=True,
        help_text="Is this more than other children of the same age need? (a child's need)",
    )
    # Needs that fluctuate over the week (seizures, a condition with bad days): the ways it is
    # hard to achieve are then recorded as they are on the hard days, which an average hides.
    fluctuates = models.BooleanField(
        default=False, help_text="Some days are much harder than others"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a need in an assessment",
        many="Needs",
        order=140,
        correction=Correctable(
            kind="need",
            label=lambda n: f"A need in {n.area.label} in {n.area.assessment.title}",
            shown_on=lambda n: ("assessment", n.area.assessment_id),
            related=("area", "area__assessment", "area__assessment__child"),
            readable=family_readable,
            through="area__assessment",
        ),
    )

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.description[:60]

    def unable_to_achieve(self, name: str) -> list[str]:
        """The ways this is hard to achieve, as sentences about the person assessed."""
        found = []
        if self.cannot_without_help:
            found.append(f"{name} cannot do it without help")
        if self.only_with_pain_distress_or_anxiety:
            found.append(f"{name} can only do it with significant pain, distress or anxiety")
        if self.only_with_danger:
            found.append(f"doing it puts {name} or others in danger")
        if self.takes_much_longer:
            found.append(f"it takes {name} much longer than normal")
        if self.more_than_same_age is True:
            found.append("this is more than other children of the same age need")
        elif self.more_than_same_age is False:
            found.append("other children of the same age need this help too")
        return found


class FamilyComment(FamilyRecord):
    """A family member's comment on the draft, about one area or the whole assessment. Kept
    apart from the staff text and shown beside it; never edited by staff."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="family_comments"
    )
    area = models.ForeignKey(
        AssessmentArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="family_comments",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="your comment on an assessment", many="Your comments on assessments", order=150
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.assessment}"
