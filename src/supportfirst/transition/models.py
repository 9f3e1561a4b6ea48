"""Growing up: a young person's move to adult services, and the link to the child's education,
health and care (EHC) plan.

A `Transition` is one young person's plan for adult life, started once they are 14
(`rules/transition.py`). Its story: it is *started* by a worker; the worker records whether a
transition assessment (Care Act 2014, sections 58 and 59) would be of *significant benefit*,
and the young person's *consent* (asked of the young person; only where they cannot make this
decision does the council decide whether it is in their best interests, s58(3)(b), with why
they cannot decide); the young person's own words
about adult life are kept as they said them; the council *refers* the young person to adult
social care, with the date; and at 18 the record *ends*, either *transferred* to adult services
or *closed* (date and reason). Each step is a `TransitionEvent` on the young person's timeline,
which the family reads.

An `EhcLink` says whether the child has an EHC plan, one is being assessed, or none (with the
dates). An `EhcAdviceRequest` is the education team's request for social care advice for an
EHC needs assessment: its 6-week clock's due date is stored when it is recorded, so that My
work can order it in the database.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.rules import transition as rules


class Benefit(models.TextChoices):
    NOT_DECIDED = "", "Not decided yet"
    YES = "yes", "Yes: a transition assessment would be of significant benefit"
    NO = "no", "No: not now (the reason is recorded)"


class ConsentAsked(models.TextChoices):
    NOT_ASKED = "", "Not asked yet"
    YOUNG_PERSON = rules.YOUNG_PERSON, "The young person was asked, and answered themselves"
    CANNOT_DECIDE = (
        rules.CANNOT_DECIDE,
        "The young person cannot make this decision for themselves (the reason is recorded)",
    )


class ConsentAnswer(models.TextChoices):
    NOT_ASKED = "", "Not asked yet"
    GIVEN = "given", "Agreed to a transition assessment"
    REFUSED = "refused", "Did not agree to a transition assessment"


class Ending(models.TextChoices):
    OPEN = "", "Still planning"
    TRANSFERRED = "transferred", "Transferred to adult services"
    CLOSED = "closed", "Closed"


class Transition(FamilyRecord):
    """One young person's plan for moving to adult services (see the module's story)."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    child = models.OneToOneField(
        "families.Child", on_delete=models.CASCADE, related_name="transition"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField()
    benefit = models.CharField(max_length=5, choices=Benefit.choices, blank=True, default="")
    benefit_reason = models.TextField(blank=True)
    consent_asked = models.CharField(
        max_length=20, choices=ConsentAsked.choices, blank=True, default=""
    )
    capacity_reason = models.TextField(blank=True)
    consent = models.CharField(max_length=10, choices=ConsentAnswer.choices, blank=True, default="")
    consent_on = models.DateField(null=True, blank=True)
    own_words = models.TextField(
        blank=True, help_text="The young person's own words about adult life, as they said them."
    )
    referred_on = models.DateField(null=True, blank=True)
    ending = models.CharField(max_length=12, choices=Ending.choices, blank=True, default="")
    ended_on = models.DateField(null=True, blank=True)
    ending_reason = models.TextField(blank=True)

    family_facing = FamilyFacing(one="a plan for adult life", many="Plans for adult life")

    def __str__(self) -> str:
        return f"{self.child}: moving to adult services"

    @property
    def is_open(self) -> bool:
        return self.ending == Ending.OPEN


class TransitionEvent(FamilyRecord):
    """One step on a young person's timeline for adult life: append-only."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    summary = models.CharField(max_length=300, help_text="What happened, as the family reads it.")

    family_facing = FamilyFacing(
        one="a step in a plan for adult life", many="Steps in plans for adult life"
    )

    class Meta:
        ordering = ["at", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The timeline is append-only: an event cannot be changed.")
        super().save(*args, **kwargs)


class EhcStatus(models.TextChoices):
    NONE = "none", "No EHC plan"
    ASSESSING = "assessing", "An EHC needs assessment is under way"
    HAS_PLAN = "has_plan", "Has an EHC plan"


class EhcLink(FamilyRecord):
    """Whether the child has an education, health and care (EHC) plan, with the dates."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    child = models.OneToOneField("families.Child", on_delete=models.CASCADE, related_name="ehc")
    status = models.CharField(max_length=10, choices=EhcStatus.choices, default=EhcStatus.NONE)
    assessment_started_on = models.DateField(null=True, blank=True)
    plan_issued_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    family_facing = FamilyFacing(
        one="an education, health and care plan's details",
        many="Education, health and care plans",
    )

    def __str__(self) -> str:
        return f"{self.child}: {self.get_status_display()}"


class EhcAdviceRequest(FamilyRecord):
    """The education team's request for social care advice for an EHC needs assessment: due 6
    calendar weeks after the request (stored when recorded), and when it was given."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey(
        "families.Child", on_delete=models.CASCADE, related_name="ehc_advice_requests"
    )
    requested_on = models.DateField()
    due_on = models.DateField(editable=False)
    given_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    family_facing = FamilyFacing(
        one="a request for social care advice for an EHC needs assessment",
        many="Social care advice for EHC needs assessments",
    )

    class Meta:
        ordering = ["-requested_on", "-pk"]
        indexes = [models.Index(fields=["given_on", "due_on"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The clock's due date is stored with the request, so lists order it in the database.
        self.due_on = rules.advice_due(self.requested_on)
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = set(fields) | {"due_on"}
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.child}: social care advice asked for on {self.requested_on}"
