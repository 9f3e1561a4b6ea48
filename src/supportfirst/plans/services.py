"""Writing support plans: start one from an authorised assessment, write it with the family
(outcomes in their words, services, the direct payment choice, the review date), share it, the
family's answer, reviews and the family's request for a review.

Every function here is the one way to make its change. Each writes the access log; each move
goes through the workflow (moves.py), which writes a PathwayEvent on the request's timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus, Kind
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.families.advocacy import (
    AdvocacyAnswer,
    AdvocacyInput,
    advocacy_problems,
    advocacy_values,
)
from supportfirst.families.moves import move_family
from supportfirst.kernel.workflow import (
    MoveRefused,
    apply_move,
    check_move,
    record_event,
)
from supportfirst.notifications.services import NOT_TOLD, PLAN_READY, Told
from supportfirst.notifications.services import tell_family as tell
from supportfirst.pathway.models import SupportRequest
from supportfirst.plans import catalogue, moves
from supportfirst.plans.models import (
    Arrangement,
    Charging,
    CostPeriod,
    DirectPaymentConditions,
    DirectPaymentWish,
    PlannedService,
    PlanOutcome,
    PlanReview,
    PlanReviewRequest,
    PlanStatus,
    SupportPlan,
)
from supportfirst.rules import shortbreaks
from supportfirst.rules.workdays import add_months
from supportfirst.wording.services import Reasons, keep_reasons

# How a plan names itself on the reasons kept for its flagged words.
RECORD_TYPE = "plans.supportplan"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def default_review_date(*, starts_on: date, months: int) -> date:
    return add_months(starts_on, months)


def _event(*, actor: Actor, plan: SupportPlan, move: str, summary: str) -> None:
    record_event(
        moves.PLAN,
        plan,
        move=move,
        to_status=plan.status,
        actor=actor.user,
        summary=summary,
    )


def _lock_draft(plan: SupportPlan) -> SupportPlan:
    """The plan, locked, while it is a draft that staff can change."""
    locked: SupportPlan = check_move(moves.PLAN, plan, "edit", actor=None)
    return locked


def confirmed_decision(request: SupportRequest) -> EligibilityDecision | None:
    """The confirmed eligibility decision on the request's child's assessment, if any."""
    return (
        EligibilityDecision.objects.filter(
            assessment__request=request,
            assessment__kind=Kind.CHILD,
            status=DecisionStatus.CONFIRMED,
        )
        .select_related("criteria")
        .order_by("-confirmed_at", "-pk")
        .first()
    )


def child_assessment_authorised(request: SupportRequest) -> Assessment | None:
    return (
        Assessment.objects.filter(
            request=request, kind=Kind.CHILD, status=AssessmentStatus.AUTHORISED
        )
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def plan_start(*, actor: Actor, request: SupportRequest, today: date | None = None) -> SupportPlan:
    """Start the support plan for a request once the child's needs assessment is authorised.
    A request has one plan: asking again returns it."""
    existing = SupportPlan.objects.filter(request=request).order_by("pk").first()
    if existing is not None:
        return existing
    if child_assessment_authorised(request) is None:
        raise MoveRefused(
            [
                f"{request.child.first_name}'s needs assessment must be authorised before "
                "the support plan is written."
            ]
        )
    today = today or timezone.localdate()
    council = request.family.council
    plan = SupportPlan.objects.create(
        family_id=request.family_id,
        child=request.child,
        request=request,
        decision=confirmed_decision(request),
        starts_on=today,
        review_due_on=default_review_date(starts_on=today, months=council.plan_review_months),
        created_by=actor.user,
        created_at=timezone.now(),
    )
    _event(actor=actor, plan=plan, move="start", summary=f"{plan.title} started")
    log_access(actor, family_id=plan.family_id, record=plan, action=Action.CREATE)
    return plan


@dataclass(frozen=True)
class DetailsInput:
    starts_on: date
    review_due_on: date
    direct_payment_choice: str
    direct_payment_words: str = ""
    charging: str = Charging.NO_CHARGE
    charge_amount: Decimal | None = None
    charge_period: str = ""
    charge_reason: str = ""


def charging_problems(given: DetailsInput) -> list[str]:
    """A charge is a recorded decision under section 29: how much, for what period and why."""
    if given.charging != Charging.CHARGED:
        return []
    problems = []
    if given.charge_amount is None or given.charge_amount <= 0:
        problems.append("Enter the charge in pounds, more than £0.")
    if given.charge_period not in CostPeriod.values:
        problems.append("Select what period the charge is for.")
    if not given.charge_reason.strip():
        problems.append(
            "Write the charging decision: why the family is charged and how it was worked out."
        )
    return problems


@transaction.atomic
def plan_details_save(*, actor: Actor, plan: SupportPlan, given: DetailsInput) -> SupportPlan:
    locked = _lock_draft(plan)
    if given.review_due_on <= given.starts_on:
        raise MoveRefused(["The review date must be after the date the plan starts."])
    problems = charging_problems(given)
    if problems:
        raise MoveRefused(problems)
    locked.starts_on = given.starts_on
    locked.review_due_on = given.review_due_on
    locked.direct_payment_choice = given.direct_payment_choice
    locked.direct_payment_words = given.direct_payment_words.strip()
    charged = given.charging == Charging.CHARGED
    locked.charging = Charging.CHARGED if charged else Charging.NO_CHARGE
    locked.charge_amount = given.charge_amount if charged else None
    locked.charge_period = given.charge_period if charged else ""
    locked.charge_reason = given.charge_reason.strip() if charged else ""
    locked.charge_decided_on = timezone.localdate() if charged else None
    locked.charge_decided_by = actor.user if charged else None
    locked.save()
    log_access(actor, family_id=plan.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def outcome_add(*, actor: Actor, plan: SupportPlan, text: str, said_by: str) -> PlanOutcome:
    _lock_draft(plan)
    problems = []
    if not text.strip():
        problems.append("Enter the outcome in the family's own words.")
    if not said_by.strip():
        problems.append("Enter who said it, for example “Claire Hughes (Mum)”.")
    if problems:
        raise MoveRefused(problems)
    outcome = PlanOutcome.objects.create(
        family_id=plan.family_id,
        plan=plan,
        text=text.strip(),
        said_by=said_by.strip(),
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
    log_access(actor, family_id=plan.family_id, record=outcome, action=Action.CREATE)
    return outcome


@transaction.atomic
def outcome_remove(*, actor: Actor, plan: SupportPlan, outcome_id: int) -> None:
    _lock_draft(plan)
    outcome = PlanOutcome.objects.filter(plan=plan, pk=outcome_id).first()
    if outcome is None:
        raise MoveRefused(["That outcome is not part of this plan."])
    log_access(actor, family_id=plan.family_id, record=outcome, action=Action.DELETE)
    outcome.delete()


@dataclass(frozen=True)
class ServiceInput:
    code: str
    provider: str
    amount: str
    frequency: str
    start_on: date
    cost: Decimal
    cost_period: str
    arrangement: str = Arrangement.COUNCIL
    other_name: str = ""
    other_legal_basis: str = ""
    not_met_reason: str = ""
    route: str = ""
    dp_wish: str = ""
    dp_conditions: str = ""
    dp_reason: str = ""
    dp_amount: Decimal | None = None


def route_problems(given: ServiceInput, choice: catalogue.ServiceChoice) -> list[str]:
    """A short break for the child names its legal route; the route must be one we know."""
    if given.route and shortbreaks.route(given.route) is None:
        return ["Choose the legal route from the list."]
    if not given.route and shortbreaks.needs_route(choice.legal_basis, for_carer=choice.for_carer):
        return [
            f"“{choice.name}” is a short break: choose its legal route (help at home, "
            "activities outside the home, or an overnight stay under section 17(6) or "
            "section 20(4))."
        ]
    return []


def direct_payment_problems(given: ServiceInput) -> list[str]:
    """A direct payment is offered for every service (Children Act 1989 s17A; Direct Payments
    Regulations 2009). It is made only with consent, when the council is satisfied the need can
    be met this way and the child's welfare will be safeguarded and promoted; a refusal has a
    reason."""
    problems = []
    if given.route == shortbreaks.S20 and (
        given.arrangement == Arrangement.DIRECT_PAYMENT
        or given.dp_conditions == DirectPaymentConditions.MET
    ):
        # s17A(2)(b): a direct payment is for a service under section 17; an overnight stay
        # with the child accommodated under section 20(4) is not one.
        problems.append(
            "An overnight stay under section 20(4) cannot be paid by direct payment: direct "
            "payments are only for services under section 17 (Children Act 1989, section 17A)."
        )
    if given.dp_wish == DirectPaymentWish.WANTS and given.dp_conditions not in (
        DirectPaymentConditions.MET,
        DirectPaymentConditions.NOT_MET,
    ):
        problems.append("The family wants a direct payment: record whether the conditions are met.")
    if given.dp_conditions == DirectPaymentConditions.NOT_MET and not given.dp_reason.strip():
        problems.append("Write why a direct payment cannot be made: the family will read it.")
    direct = given.arrangement == Arrangement.DIRECT_PAYMENT
    if direct and not (
        given.dp_wish == DirectPaymentWish.WANTS
        and given.dp_conditions == DirectPaymentConditions.MET
    ):
        problems.append(
            "A service is paid by direct payment only when the family wants one and the "
            "conditions are met."
        )
    if (
        given.dp_wish == DirectPaymentWish.WANTS
        and given.dp_conditions == DirectPaymentConditions.MET
        and not direct
    ):
        problems.append(
            "The family wants a direct payment and the conditions are met: choose “Paid for by "
            "direct payment”."
        )
    if given.dp_amount is not None and given.dp_amount < 0:
        problems.append("The direct payment cannot be less than £0.")
    return problems


NOT_MET_REASON_NEEDED = (
    "The decision said “{name}” is not met. Enter your professional reason for adding it."
)


def decision_of(plan: SupportPlan) -> EligibilityDecision | None:
    """The plan's decision; a decision confirmed after the plan was started is taken up."""
    if plan.decision is None or plan.decision.status != DecisionStatus.CONFIRMED:
        found = confirmed_decision(plan.request)
        if found is not None and plan.status == PlanStatus.DRAFT:
            SupportPlan.objects.filter(pk=plan.pk).update(decision=found)
            plan.decision = found
        return found
    return plan.decision


def service_choices(plan: SupportPlan, today: date | None = None) -> list[catalogue.ServiceChoice]:
    return catalogue.choices_for(
        decision=decision_of(plan),
        council=plan.family.council,
        today=today or timezone.localdate(),
    )


def service_not_met(plan: SupportPlan) -> catalogue.NotMet:
    """The service types the plan's confirmed decision said are not met."""
    return catalogue.not_met_in(decision_of(plan))


@transaction.atomic
def service_add(*, actor: Actor, plan: SupportPlan, given: ServiceInput) -> PlannedService:
    """A service in the plan. Its name and legal basis come from the decision or the criteria;
    another service needs both written in."""
    _lock_draft(plan)
    if given.code == catalogue.OTHER:
        if not (given.other_name.strip() and given.other_legal_basis.strip()):
            raise MoveRefused(["Enter the name of the service and the law it is given under."])
        choice = catalogue.ServiceChoice(
            code="", name=given.other_name.strip(), legal_basis=given.other_legal_basis.strip()
        )
    else:
        found = [c for c in service_choices(plan) if c.code == given.code]
        if not found:
            raise MoveRefused(["Choose a type of service from the list."])
        choice = found[0]
    if given.cost < 0:
        raise MoveRefused(["The cost cannot be less than £0."])
    problems = route_problems(given, choice) + direct_payment_problems(given)
    if problems:
        raise MoveRefused(problems)
    legal_basis, duty_or_power = choice.legal_basis, choice.duty_or_power
    chosen_route = shortbreaks.route(given.route)
    if chosen_route is not None:
        legal_basis, duty_or_power = chosen_route.legal_basis, chosen_route.duty_or_power
    wants = given.dp_wish == DirectPaymentWish.WANTS
    not_met_reason = ""
    if catalogue.not_met_in(decision_of(plan)).covers(code=choice.code, name=choice.name):
        not_met_reason = given.not_met_reason.strip()
        if not not_met_reason:
            raise MoveRefused([NOT_MET_REASON_NEEDED.format(name=choice.name)])
    service = PlannedService.objects.create(
        family_id=plan.family_id,
        plan=plan,
        code=choice.code,
        name=choice.name,
        legal_basis=legal_basis,
        duty_or_power=duty_or_power,
        route=given.route,
        for_whom=choice.for_whom,
        dp_wish=given.dp_wish,
        dp_conditions=given.dp_conditions if wants else "",
        dp_reason=given.dp_reason.strip()
        if wants and given.dp_conditions == DirectPaymentConditions.NOT_MET
        else "",
        dp_amount=given.dp_amount if wants else None,
        provider=given.provider.strip(),
        amount=given.amount.strip(),
        frequency=given.frequency.strip(),
        start_on=given.start_on,
        cost=given.cost,
        cost_period=given.cost_period,
        arrangement=given.arrangement,
        not_met_reason=not_met_reason,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
    log_access(actor, family_id=plan.family_id, record=service, action=Action.CREATE)
    return service


@transaction.atomic
def service_remove(*, actor: Actor, plan: SupportPlan, service_id: int) -> None:
    _lock_draft(plan)
    service = PlannedService.objects.filter(plan=plan, pk=service_id).first()
    if service is None:
        raise MoveRefused(["That service is not part of this plan."])
    log_access(actor, family_id=plan.family_id, record=service, action=Action.DELETE)
    service.delete()


@transaction.atomic
def advocacy_save(*, actor: Actor, plan: SupportPlan, given: AdvocacyInput) -> SupportPlan:
    """The offer of an independent advocate to the child or young person, and their answer,
    recorded while the plan is a draft."""
    locked = _lock_draft(plan)
    problems = advocacy_problems(given, today=timezone.localdate())
    if problems:
        raise MoveRefused(problems)
    values = advocacy_values(given, user=actor.user)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*values])
    _event(
        actor=actor,
        plan=locked,
        move="record_advocacy",
        summary=f"Advocacy for {locked.child.first_name}: "
        f"{AdvocacyAnswer(given.answer).label.split(':')[0].lower()}",
    )
    log_access(actor, family_id=plan.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def plan_share(
    *,
    actor: Actor,
    plan: SupportPlan,
    tell_family: bool = True,
    reasons: Reasons | None = None,
) -> tuple[SupportPlan, Told]:
    """Share the plan with the family, who are told it is ready to read and agree, with the
    reasons given for keeping flagged words; returns the plan and what they were told (the
    demo loader alone passes tell_family=False, so that loading sends no email)."""
    apply_move(
        moves.PLAN,
        plan,
        "share",
        actor=actor.user,
        summary=f"{plan.title} shared with the family",
    )
    plan.shared_by = actor.user
    plan.shared_at = timezone.now()
    plan.save(update_fields=["shared_by", "shared_at"])
    log_access(actor, family_id=plan.family_id, record=plan, action=Action.CHANGE)
    keep_reasons(reasons, plan, actor=actor)
    if not tell_family:
        return plan, NOT_TOLD
    name = plan.child.first_name
    told = tell(
        plan.family,
        PLAN_READY,
        subject=f"{name}'s support plan is ready to read",
        body=(
            f"{name}'s support plan is ready. Please sign in to read it. You can tell us "
            "that you agree with it, or tell us in your own words what you disagree with."
        ),
    )
    return plan, told


@transaction.atomic
def plan_respond(*, actor: Actor, plan: SupportPlan, agree: bool, words: str) -> SupportPlan:
    """The family agrees, or says in their own words what they disagree with. A plan the family
    disagrees with is not marked agreed."""
    scope = actor.scope
    if not scope.is_family or scope.family_id != plan.family_id:
        raise PermissionDenied("Only the family can agree or disagree with their plan.")
    words = words.strip()
    if not agree and not words:
        raise MoveRefused(["Tell us what you disagree with, in your own words."])
    name = "agree" if agree else "disagree"
    summary = "The family agreed with the plan" if agree else "The family disagreed with the plan"
    apply_move(moves.PLAN, plan, name, actor=actor.user, reason=words, summary=summary)
    plan.family_response = words
    plan.responded_by = actor.user
    plan.responded_at = timezone.now()
    plan.save(update_fields=["family_response", "responded_by", "responded_at"])
    if agree:
        move_family(plan.family_id, "support_in_place")
    log_access(actor, family_id=plan.family_id, record=plan, action=Action.CHANGE)
    return plan


@transaction.atomic
def plan_reopen(*, actor: Actor, plan: SupportPlan) -> SupportPlan:
    """Back to a draft so staff can make changes with the family; then share it again."""
    apply_move(
        moves.PLAN,
        plan,
        "reopen",
        actor=actor.user,
        summary=f"{plan.title} is being changed",
    )
    plan.family_response = ""
    plan.responded_by = None
    plan.responded_at = None
    plan.save(update_fields=["family_response", "responded_by", "responded_at"])
    log_access(actor, family_id=plan.family_id, record=plan, action=Action.CHANGE)
    return plan


@transaction.atomic
def service_started(
    *, actor: Actor, plan: SupportPlan, service_id: int, started_on: date
) -> PlannedService:
    """Record the day a service in an agreed plan started: its clock stops, and the family's
    page no longer lists it under what happens next."""
    service = PlannedService.objects.select_for_update().filter(plan=plan, pk=service_id).first()
    if service is None:
        raise MoveRefused(["Choose a service from this plan."])
    apply_move(
        moves.PLAN,
        plan,
        "service_started",
        actor=actor.user,
        summary=f"{service.name} started on {started_on.day} {started_on:%B %Y}",
        context={
            "started_on": started_on,
            "today": timezone.localdate(),
            "already_started": service.started_on is not None,
        },
    )
    service.started_on = started_on
    service.started_recorded_by = actor.user
    service.save(update_fields=["started_on", "started_recorded_by"])
    log_access(actor, family_id=plan.family_id, record=service, action=Action.CHANGE)
    return service


@dataclass(frozen=True)
class ReviewInput:
    reviewed_on: date
    what_changed: str
    family_view: str
    next_review_on: date


@transaction.atomic
def review_record(
    *, actor: Actor, plan: SupportPlan, given: ReviewInput, reasons: Reasons | None = None
) -> PlanReview:
    """A review of a plan that has been shared. The next review date becomes the plan's review
    date, and the family's open requests for a review are answered by it."""
    locked: SupportPlan = check_move(
        moves.PLAN,
        plan,
        "review",
        actor=actor.user,
        context={
            "what_changed": given.what_changed,
            "family_view": given.family_view,
            "reviewed_on": given.reviewed_on,
            "next_review_on": given.next_review_on,
        },
    )
    review = PlanReview.objects.create(
        family_id=plan.family_id,
        plan=locked,
        reviewed_on=given.reviewed_on,
        what_changed=given.what_changed.strip(),
        family_view=given.family_view.strip(),
        next_review_on=given.next_review_on,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
    locked.review_due_on = given.next_review_on
    locked.save(update_fields=["review_due_on"])
    plan.review_due_on = given.next_review_on
    PlanReviewRequest.objects.filter(plan=locked, answered_by__isnull=True).update(
        answered_by=review
    )
    _event(
        actor=actor,
        plan=locked,
        move="review",
        summary=f"{plan.title} reviewed; next review by {long_date(given.next_review_on)}",
    )
    log_access(actor, family_id=plan.family_id, record=review, action=Action.CREATE)
    # Kept with the plan, so they are read on the plan's page with its other reasons.
    keep_reasons(reasons, plan, actor=actor)
    return review


@transaction.atomic
def review_ask(*, actor: Actor, plan: SupportPlan, what_changed: str) -> PlanReviewRequest:
    """The family asks for a review because things have changed."""
    scope = actor.scope
    if not scope.is_family or scope.family_id != plan.family_id:
        raise PermissionDenied("Only the family can ask for a review of their plan.")
    locked: SupportPlan = check_move(
        moves.PLAN, plan, "review_asked", actor=actor.user, context={"what_changed": what_changed}
    )
    asked = PlanReviewRequest.objects.create(
        family_id=plan.family_id,
        plan=locked,
        what_changed=what_changed.strip(),
        asked_by=actor.user,
        asked_at=timezone.now(),
    )
    _event(actor=actor, plan=locked, move="review_asked", summary="The family asked for a review")
    log_access(actor, family_id=plan.family_id, record=asked, action=Action.CREATE)
    return asked
