"""Complaints on the statutory children's social care stages.

The story of a complaint (the moves are in `moves.py`, the clocks in `clock.py`):

1. The family makes a complaint, in their own words. It opens at stage 1 (local resolution),
   status "open": the council responds within 10 working days (extendable to 20 with a
   recorded reason). Staff acknowledge it and offer an advocate.
2. Staff record the response and the outcome (upheld, partly upheld, not upheld): status
   "responded". If the family is not satisfied, they ask for the next stage: stage 2 opens
   ("open" again), with an investigating officer and an independent person, 25 working days
   (extendable up to 65).
3. After the stage 2 response the family may ask for stage 3: a review panel of three
   independent people meets within 30 working days ("panel met"), reports within 5 working days
   ("panel reported"), and the council responds within 15 working days ("responded").
4. After stage 3, or when the council does not respond in time, the family is shown the Local
   Government and Social Care Ombudsman.

Each stage is a `ComplaintStage`; every move writes a `ComplaintEvent`.

Who sees a complaint: the council's complaints manager and managers run it; practitioners can
read it; the worker the complaint is about (`about_worker`) never sees it, not even that it
exists (ComplaintQuerySet: a 404, as for another council's record).

The time limit: a complaint is normally made within one year of the thing complained about
(Children Act 1989 Representations Procedure (England) Regulations 2006). When the family says it
happened longer ago, the complaints manager decides before acknowledging it whether to consider it
anyway, with a reason (the regulations let a council do so when it would not have been reasonable
to complain in time and it can still be considered effectively and fairly).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from supportfirst.complaints import clock
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope, ScopedQuerySet
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.kernel.versioning import Versioned

TIME_LIMIT_DAYS = 365


class ComplaintQuerySet(ScopedQuerySet):
    """Complaints as the scoping layer gives them, with two additions: the complaints manager
    reads their council's complaints, and the worker a complaint is about never does."""

    complaint_lookup = ""

    def visible_to(self, scope: Scope) -> ComplaintQuerySet:
        if scope.holds_any({Role.COMPLAINTS_MANAGER}):
            rows = self.filter(**{self.model.council_lookup: scope.council_id})
        else:
            rows = super().visible_to(scope)
        if scope.is_family:
            return rows
        prefix = self.model.complaint_lookup
        return rows.exclude(**{f"{prefix}about_worker_id": scope.user_id})


class TimeLimitDecision(models.TextChoices):
    IN_TIME = "", "Made within a year"
    ACCEPTED = "accepted", "Made after a year: considered anyway"
    NOT_CONSIDERED = "not_considered", "Made after a year: not considered"


class Stage(models.IntegerChoices):
    LOCAL_RESOLUTION = 1, "Stage 1: local resolution"
    INVESTIGATION = 2, "Stage 2: investigation"
    REVIEW_PANEL = 3, "Stage 3: review panel"


# What each stage is, in plain words for the family; the name in the regulations follows.
FAMILY_STAGE_NAMES: dict[int, str] = {
    Stage.LOCAL_RESOLUTION: "Stage 1: we look into it and answer you",
    Stage.INVESTIGATION: "Stage 2: an investigation with an independent person",
    Stage.REVIEW_PANEL: "Stage 3: a review panel of three independent people",
}


def family_stage_name(stage: int) -> str:
    return FAMILY_STAGE_NAMES.get(stage, f"Stage {stage}")


class Status(models.TextChoices):
    OPEN = "open", "Being looked at"
    PANEL_MET = "panel_met", "Review panel has met"
    PANEL_REPORTED = "panel_reported", "Review panel has reported"
    RESPONDED = "responded", "Council has responded"


# The council still has something to do, so a deadline is running.
CLOCK_RUNNING = (Status.OPEN, Status.PANEL_MET, Status.PANEL_REPORTED)


class Outcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"


class AdvocacyAnswer(models.TextChoices):
    NOT_ANSWERED = "not_answered", "Not answered yet"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Complaint(FamilyRecord, Versioned):
    """A family's complaint. `respond_by` is always the next date the council must meet."""

    complaint_lookup = ""
    objects = ComplaintQuerySet.as_manager()  # type: ignore[misc]  # a narrower scoping rule

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="complaints"
    )
    reference = models.CharField(max_length=20, unique=True)
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.LOCAL_RESOLUTION)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    received_on = models.DateField()
    respond_by = models.DateField(help_text="The next date the council must meet.")
    summary = models.TextField(help_text="What went wrong, in the family's words.")
    put_right = models.TextField(blank=True, help_text="What would put it right, in their words.")
    about_type = models.CharField(max_length=60, blank=True)
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    about_description = models.CharField(max_length=300, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at = models.DateTimeField()
    acknowledged_on = models.DateField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    advocacy_offered_on = models.DateField(null=True, blank=True)
    advocacy_answer = models.CharField(
        max_length=20, choices=AdvocacyAnswer.choices, default=AdvocacyAnswer.NOT_ANSWERED
    )
    advocate_organisation = models.CharField(max_length=200, blank=True)
    about_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The worker the complaint is about, if it is about one: they never see it.",
    )
    happened_on = models.DateField(
        null=True, blank=True, help_text="When the thing complained about happened, if known."
    )
    time_limit_decision = models.CharField(
        max_length=20, choices=TimeLimitDecision.choices, blank=True, default=""
    )
    time_limit_reason = models.TextField(
        blank=True, help_text="Why a complaint made after a year is, or is not, considered."
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the complaint", many="Complaints")

    @property
    def made_late(self) -> bool:
        """Made more than a year after the thing complained about happened."""
        return bool(
            self.happened_on and (self.received_on - self.happened_on).days > TIME_LIMIT_DAYS
        )

    @property
    def time_limit_open(self) -> bool:
        """Made late, and nobody has yet decided whether to consider it."""
        return self.made_late and not self.time_limit_decision

    @property
    def by_young_person(self) -> bool:
        """Made by the child or young person themselves (their own account)."""
        membership = getattr(self.made_by, "membership", None) if self.made_by else None
        return bool(membership and membership.role == Role.YOUNG_PERSON)

    class Meta:
        ordering = ["respond_by", "pk"]
        indexes = [models.Index(fields=["status", "respond_by"])]

    @property
    def family_stage_name(self) -> str:
        """The stage in plain words, for the family's pages."""
        return family_stage_name(self.stage)

    def __str__(self) -> str:
        return f"Complaint {self.reference}"

    @property
    def clock_running(self) -> bool:
        return self.status in CLOCK_RUNNING

    @property
    def finished(self) -> bool:
        """Stage 3 has its response: the next place to go is the Ombudsman."""
        return self.stage == Stage.REVIEW_PANEL and self.status == Status.RESPONDED

    @property
    def what_it_is_about(self) -> str:
        return self.about_description or "Something else"


class ComplaintStage(FamilyRecord, Versioned):
    """One stage of a complaint, with its clock, the people looking into it and the response.

    Stage 2 starts with a statement of complaint agreed with the person complaining; its 25
    working days (65 at most) run from the day it was agreed."""

    complaint_lookup = "complaint__"
    objects = ComplaintQuerySet.as_manager()  # type: ignore[misc]  # a narrower scoping rule

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    stage = models.PositiveSmallIntegerField(choices=Stage.choices)
    opened_on = models.DateField(help_text="When the complaint arrived or the family asked.")
    due_on = models.DateField(help_text="The statutory date for the first step of the stage.")
    extended_to = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    asked_late = models.BooleanField(
        default=False, help_text="Asked after the 20 working day guide (noted, never refused)."
    )
    investigating_officer = models.CharField(max_length=200, blank=True)
    independent_person = models.CharField(max_length=200, blank=True)
    panel_members = models.JSONField(default=list, blank=True)
    meeting_on = models.DateField(null=True, blank=True)
    report_on = models.DateField(null=True, blank=True)
    response_on = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    statement = models.TextField(
        blank=True, help_text="Stage 2: the statement of complaint, agreed with the complainant."
    )
    statement_agreed_on = models.DateField(null=True, blank=True)
    remedy = models.TextField(
        blank=True, help_text="What the council will do to put it right (upheld complaints)."
    )
    learning = models.TextField(
        blank=True, help_text="What the council has learned and will change (upheld complaints)."
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the complaint stage", many="Complaint stages")

    class Meta:
        ordering = ["complaint", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "stage"], name="one_row_per_stage")
        ]

    @property
    def family_stage_name(self) -> str:
        """The stage in plain words, for the family's pages."""
        return family_stage_name(self.stage)

    def __str__(self) -> str:
        return f"{self.complaint.reference} {self.get_stage_display()}"

    @property
    def response_due(self) -> date:
        return self.extended_to or self.due_on

    @property
    def clock_from(self) -> date:
        """The day the stage's time limits run from: at stage 2, the day the statement of
        complaint was agreed; otherwise the day the stage opened."""
        if self.stage == Stage.INVESTIGATION and self.statement_agreed_on:
            return self.statement_agreed_on
        return self.opened_on

    @property
    def upheld(self) -> bool:
        return self.outcome in (Outcome.UPHELD, Outcome.PARTLY_UPHELD)

    @property
    def longest_working_days(self) -> int | None:
        """How long the response may take at most, if it is put back: 20 working days at
        stage 1, 65 at stage 2; stage 3 cannot be put back (None)."""
        return clock.LONGEST.get(self.stage)

    @property
    def longest_due(self) -> date | None:
        """The latest the response may be put back to, for the family to know."""
        if self.longest_working_days is None:
            return None
        return clock.latest_extension(self.stage, self.clock_from)

    @property
    def panel_appointed(self) -> bool:
        return len([m for m in self.panel_members if str(m).strip()]) == 3


class ComplaintEvent(FamilyRecord):
    """Append-only: who made which move on a complaint, when, and why."""

    complaint_lookup = "complaint__"
    objects = ComplaintQuerySet.as_manager()  # type: ignore[misc]  # a narrower scoping rule

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    stage = models.PositiveSmallIntegerField(choices=Stage.choices)
    move = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField()
    summary = models.CharField(max_length=300)
    reason = models.TextField(blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the complaint event", many="Complaint events")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.summary
