"""Needs assessments: the child's, the parent carer's (Children Act 1989 s17ZD) and a young
carer's (s17ZA), each a task list of areas of life.

The life of an assessment (see moves.py for the moves and their guards):

    in_progress --mark_ready--> ready_for_family   (every area complete; for a parent carer's
                                                    assessment, the four decisions recorded)
    ready_for_family --reopen--> in_progress        (the practitioner makes more changes)
    ready_for_family --authorise--> authorised      (a team manager; a reason when it is later
                                                    than 45 working days after the request)

When a request goes on the support pathway the child's needs assessment starts at once, and an
assessment is offered to each parent carer and to each brother or sister who helps to care. The
life of an offer:

    not_answered --accept / combine / decline--> accepted / combined / declined
    declined --accept / combine--> accepted / combined (people may change their mind)

Accepting makes the person's own assessment; combining makes it too, done together with the
child's (`combined_with`). Each area holds the family's account in their own words (append-only,
attributed), the child's own view and how it was gathered, the practitioner's analysis, and the
needs identified. The family reads the draft once it is ready for them, and their comments are
kept apart from the staff text. There is no "parenting capacity" area anywhere.

Every record here belongs to one family, and so to one council; all reads go through the scoping
layer (`visible_to`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.assessments.areas import AREA_HINTS, AreaCode, Kind
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import Correctable, FamilyFacing


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


class Assessment(FamilyRecord):
    """One person's needs assessment, made for one request for help."""

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
    def is_child(self) -> bool:
        return self.kind == Kind.CHILD

    @property
    def is_in_progress(self) -> bool:
        return self.status == AssessmentStatus.IN_PROGRESS

    @property
    def family_can_read(self) -> bool:
        return self.status in FAMILY_CAN_READ


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


class OfferKind(models.TextChoices):
    PARENT_CARER = "parent_carer", "Parent carer's needs assessment"
    YOUNG_CARER = "young_carer", "Young carer's needs assessment"


class OfferAnswer(models.TextChoices):
    NOT_ANSWERED = "not_answered", "Not answered yet"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    COMBINED = "combined", "Accepted, combined with the child's assessment"


OFFER_ACCEPTED = frozenset({OfferAnswer.ACCEPTED, OfferAnswer.COMBINED})


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
    """The four decisions that end a parent carer's assessment (Children Act 1989 s17ZD), each
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
