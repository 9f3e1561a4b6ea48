"""Support plans, written with the family.

A plan is for one child and one request for help. It holds the family's outcomes in their own
words, each service planned (its type, the law it is given under, who provides it, how much,
how often, from when and what it costs), the direct payment option and the family's choice,
and the date it is next reviewed.

The life of a plan (moves.py declares the moves and their guards):

    draft --share--> shared            (staff share it with the family; it needs an outcome, a
                                        service, the family's choice about direct payments, the
                                        offer of an advocate to the child and their answer,
                                        and a review date)
    shared --agree--> agreed           (the family agrees, in their own words if they wish)
    shared --disagree--> disagreed     (the family says what they disagree with, in their words;
                                        the plan is not agreed and they are shown how to complain)
    shared, agreed or disagreed --reopen--> draft   (staff make changes, then share it again)

Reviews (PlanReview) are recorded by staff at any time after the plan is shared: what changed,
the family's view, and the next review date, which becomes the plan's review date. The family can
ask for a review when things change (PlanReviewRequest); staff see open requests on the plan.

Every record here belongs to one family, and so to one council; all reads go through the
scoping layer (`visible_to`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from supportfirst.councils.models import Council
from supportfirst.families.advocacy import AdvocacyRecord
from supportfirst.families.models import FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.kernel.due import stored_changes, with_stored
from supportfirst.kernel.versioning import Versioned
from supportfirst.rules import shortbreaks, workdays


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft: being written with the family"
    SHARED = "shared", "Shared with the family"
    AGREED = "agreed", "Agreed by the family"
    DISAGREED = "disagreed", "The family disagrees"


# Named groups of statuses.
FAMILY_CAN_READ = frozenset({PlanStatus.SHARED, PlanStatus.AGREED, PlanStatus.DISAGREED})
IN_PLACE = frozenset({PlanStatus.AGREED, PlanStatus.DISAGREED, PlanStatus.SHARED})


class DirectPaymentChoice(models.TextChoices):
    NOT_YET = "", "Not chosen yet"
    DIRECT_PAYMENT = "direct_payment", "Direct payment: the family arranges the support"
    COUNCIL_ARRANGES = "council_arranges", "The council arranges the support"
    MIX = "mix", "A mix: some by direct payment, some arranged by the council"


class Charging(models.TextChoices):
    NO_CHARGE = "no_charge", "No charge: the council pays"
    CHARGED = "charged", "A charge under Children Act 1989, section 29"


class SupportPlan(FamilyRecord, AdvocacyRecord, Versioned):
    """A child's support plan, written with the family. The offer of an independent advocate to
    the child and their answer are recorded before it is shared."""

    family = models.ForeignKey(
        "families.Family", on_delete=models.CASCADE, related_name="support_plans"
    )
    child = models.ForeignKey("families.Child", on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(
        "pathway.SupportRequest", on_delete=models.CASCADE, related_name="support_plans"
    )
    decision = models.ForeignKey(
        "eligibility.EligibilityDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_plans",
        help_text="The confirmed eligibility decision the plan's services come from, if any.",
    )
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    starts_on = models.DateField(help_text="When the plan starts.")
    review_due_on = models.DateField(help_text="When the plan is next reviewed.")
    direct_payment_choice = models.CharField(
        max_length=20, choices=DirectPaymentChoice.choices, blank=True, default=""
    )
    direct_payment_words = models.TextField(
        blank=True, help_text="What the family said about direct payments, in their words."
    )
    charging = models.CharField(max_length=20, choices=Charging.choices, default=Charging.NO_CHARGE)
    charge_amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    charge_period = models.CharField(max_length=10, blank=True)
    charge_reason = models.TextField(
        blank=True,
        help_text="The charging decision under section 29: why, and how it was worked out.",
    )
    charge_decided_on = models.DateField(null=True, blank=True)
    charge_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    shared_at = models.DateTimeField(null=True, blank=True)
    family_response = models.TextField(
        blank=True, help_text="The family's words when they agreed or disagreed."
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the support plan", many="Support plans")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "review_due_on"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        if self.pk is not None and stored_changes(kwargs.get("update_fields"), {"responded_at"}):
            # The family agreeing (or the agreement being undone) starts or stops the clock
            # of each service in the plan.
            for service in PlannedService.objects.filter(plan=self.pk):
                service.plan = self
                service.save(update_fields=["start_due"])

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return f"{self.child.first_name}'s support plan"

    @property
    def advocacy_child_name(self) -> str:
        return str(self.child.first_name)

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def family_can_read(self) -> bool:
        return self.status in FAMILY_CAN_READ

    @property
    def is_agreed(self) -> bool:
        return self.status == PlanStatus.AGREED

    @property
    def is_disagreed(self) -> bool:
        return self.status == PlanStatus.DISAGREED

    @property
    def awaiting_family(self) -> bool:
        return self.status == PlanStatus.SHARED

    @property
    def is_charged(self) -> bool:
        return self.charging == Charging.CHARGED

    @property
    def charge_text(self) -> str:
        if not self.is_charged or self.charge_amount is None:
            return ""
        if self.charge_period == CostPeriod.ONCE:
            return f"£{self.charge_amount:,.2f} once only"
        period = dict(CostPeriod.choices).get(self.charge_period, "")
        return f"£{self.charge_amount:,.2f} {period}".strip()


class PlanOutcome(FamilyRecord):
    """One outcome the family wants, in their own words, attributed."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="outcomes")
    text = models.TextField(help_text="In the family's own words.")
    said_by = models.CharField(max_length=200, help_text='For example "Claire Hughes (Mum)".')
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the plan outcome", many="Plan outcomes")

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class CostPeriod(models.TextChoices):
    WEEK = "week", "a week"
    MONTH = "month", "a month"
    YEAR = "year", "a year"
    ONCE = "once", "once only"


class Arrangement(models.TextChoices):
    COUNCIL = "council", "The council arranges it"
    DIRECT_PAYMENT = "direct_payment", "Paid for by direct payment"


class ShortBreakRoute(models.TextChoices):
    """The legal route of one short break (rules/shortbreaks.py has the law and the words)."""

    NONE = "", "Not a short break"
    HOME = "csdpa_home", "Care or help at home"
    OUTSIDE = "csdpa_outside", "Activities or day-time care outside the home"
    S17 = "s17_overnight", "Overnight stays away from home as a family support service"
    S20 = "s20_overnight", "Overnight stays away from home, accommodated (looked after)"


class DirectPaymentWish(models.TextChoices):
    NOT_ASKED = "", "Not asked yet"
    WANTS = "wants", "Wants a direct payment for this, and consents"
    DECLINED = "declined", "Would rather the council arranges it"


class DirectPaymentConditions(models.TextChoices):
    """Whether the conditions for a direct payment are met for this service (Children Act 1989
    s17A; the Direct Payments Regulations 2009)."""

    NOT_CHECKED = "", "Not checked yet"
    MET = (
        "met",
        (
            "Met: the need can be met this way, and the child's welfare will be safeguarded and "
            "promoted"
        ),
    )
    NOT_MET = "not_met", "Not met (the reason is recorded)"


class PlannedService(FamilyRecord):
    """One service in a plan: what it is, the law it is given under, who provides it, how much,
    how often, when it starts and what it costs."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="services")
    code = models.CharField(
        max_length=60, blank=True, help_text="The service's code in the criteria, if from there."
    )
    name = models.CharField(max_length=200)
    legal_basis = models.TextField(help_text="The law the service is given under.")
    duty_or_power = models.CharField(max_length=10, blank=True)
    provider = models.CharField(max_length=200)
    amount = models.CharField(max_length=120, help_text='For example "6 hours".')
    frequency = models.CharField(max_length=120, help_text='For example "every week".')
    start_on = models.DateField()
    cost = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    cost_period = models.CharField(max_length=10, choices=CostPeriod.choices)
    arrangement = models.CharField(
        max_length=20, choices=Arrangement.choices, default=Arrangement.COUNCIL
    )
    not_met_reason = models.TextField(
        blank=True,
        help_text="The professional reason for adding a service the confirmed decision said is "
        "not met.",
    )
    route = models.CharField(
        max_length=20,
        choices=ShortBreakRoute.choices,
        blank=True,
        default="",
        help_text="For a short break: the legal route it is given under.",
    )
    for_whom = models.CharField(max_length=20, blank=True, default="child")
    dp_wish = models.CharField(
        max_length=10, choices=DirectPaymentWish.choices, blank=True, default=""
    )
    dp_conditions = models.CharField(
        max_length=10, choices=DirectPaymentConditions.choices, blank=True, default=""
    )
    dp_reason = models.TextField(
        blank=True, help_text="Why a direct payment cannot be made for this service."
    )
    dp_amount = models.DecimalField(
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The direct payment, for the same period as the cost.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    started_on = models.DateField(
        null=True, blank=True, help_text="The day the support actually started."
    )
    start_due = models.DateField(
        "should start by",
        null=True,
        blank=True,
        editable=False,
        help_text="Set when the family agrees the plan: the council's working days from then, "
        "or the start date in the plan if later.",
    )
    started_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the planned service", many="Planned services")

    class Meta:
        ordering = ["start_on", "pk"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The clock to the service starting runs from the family agreeing the plan: its due
        # date is stored then (`SupportPlan.save`), when the start date changes, and whenever
        # the council changes its target (`due.py`).
        fields = kwargs.get("update_fields")
        inputs = {"start_on", "plan", "start_due"}
        if stored_changes(fields, inputs):
            self.start_due = service_start_due(self.plan, self.start_on)
            kwargs["update_fields"] = with_stored(fields, when=inputs, stored="start_due")
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.name

    @property
    def cost_text(self) -> str:
        if self.cost_period == CostPeriod.ONCE:
            return f"£{self.cost:,.2f} once only"
        return f"£{self.cost:,.2f} {self.get_cost_period_display()}"

    @property
    def looked_after(self) -> bool:
        """An overnight short break under section 20(4): the child is looked after while away."""
        return self.route == ShortBreakRoute.S20

    @property
    def for_carer(self) -> bool:
        return self.for_whom not in ("", "child")

    @property
    def route_words(self) -> str:
        """What the short break's legal route means for the family, with the child's name."""
        found = shortbreaks.route(self.route)
        return found.family_words(self.plan.child.first_name) if found else ""

    @property
    def overnight_words(self) -> str:
        """For an overnight short break only: whether the child is looked after while away."""
        found = shortbreaks.route(self.route)
        if found is None or not found.overnight:
            return ""
        return found.family_words(self.plan.child.first_name)

    @property
    def direct_payment_amount(self) -> Decimal:
        """The direct payment for this service: as recorded, or what the service costs."""
        return self.dp_amount if self.dp_amount is not None else self.cost

    @property
    def direct_payment_text(self) -> str:
        amount = self.direct_payment_amount
        if self.cost_period == CostPeriod.ONCE:
            return f"£{amount:,.2f} once only"
        return f"£{amount:,.2f} {self.get_cost_period_display()}"

    @property
    def weekly_cost(self) -> Decimal | None:
        """The cost per week, where the service is paid for over time."""
        per_week = {
            CostPeriod.WEEK: Decimal(1),
            CostPeriod.MONTH: Decimal(12) / Decimal(52),
            CostPeriod.YEAR: Decimal(1) / Decimal(52),
        }.get(CostPeriod(self.cost_period))
        if per_week is None:
            return None
        return (self.cost * per_week).quantize(Decimal("0.01"))


class PlanReview(FamilyRecord):
    """A review of a plan, recorded by staff: what changed, the family's view and the next
    review date."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    what_changed = models.TextField()
    family_view = models.TextField(help_text="The family's view, in their words.")
    next_review_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the plan review", many="Plan reviews")

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return f"Review of {self.plan} on {self.reviewed_on:%d %B %Y}"


class PlanReviewRequest(FamilyRecord):
    """The family asks for a review because things have changed. Open until a review is
    recorded."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="review_requests")
    what_changed = models.TextField(help_text="What has changed, in the family's words.")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField()
    answered_by = models.ForeignKey(
        PlanReview, on_delete=models.SET_NULL, null=True, blank=True, related_name="requests"
    )

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(one="the plan review request", many="Plan review requests")

    class Meta:
        ordering = ["-asked_at", "-pk"]

    def __str__(self) -> str:
        return f"Review asked for on {self.asked_at:%d %B %Y}"

    @property
    def is_open(self) -> bool:
        return self.answered_by_id is None


def service_start_due(plan: SupportPlan, start_on: date) -> date | None:
    """When a service should have started: the council's working days from the family agreeing
    the plan, or the start date written in the plan if the family agreed a later one (None
    while the plan is not agreed)."""
    if plan.responded_at is None or start_on is None:
        return None
    days = (
        Council.objects.filter(families=plan.family_id)
        .values_list("service_start_working_days", flat=True)
        .first()
    )
    agreed_on = timezone.localdate(plan.responded_at)
    return max(workdays.add_working_days(agreed_on, days or 0), start_on)
