"""Reading support plans, always through the scoping layer. Every read of one family's record is
written to the access log."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.pathway.beside import BesideItem
from supportfirst.pathway.models import PathwayEvent, SupportRequest
from supportfirst.plans.models import (
    FAMILY_CAN_READ,
    PlannedService,
    PlanOutcome,
    PlanReview,
    PlanReviewRequest,
    SupportPlan,
)
from supportfirst.plans.moves import PLAN


def _in_full(queryset: QuerySet[SupportPlan]) -> QuerySet[SupportPlan]:
    return queryset.select_related(
        "family",
        "family__council",
        "child",
        "request",
        "created_by",
        "shared_by",
        "decision",
        "decision__criteria",
    ).prefetch_related(
        Prefetch("outcomes", queryset=PlanOutcome.objects.order_by("recorded_at", "pk")),
        Prefetch("services", queryset=PlannedService.objects.order_by("start_on", "pk")),
        Prefetch(
            "reviews",
            queryset=PlanReview.objects.select_related("recorded_by").order_by(
                "-reviewed_on", "-pk"
            ),
        ),
        Prefetch(
            "review_requests",
            queryset=PlanReviewRequest.objects.select_related("asked_by").order_by(
                "-asked_at", "-pk"
            ),
        ),
    )


def family_visible(scope: Scope) -> QuerySet[SupportPlan]:
    """Plans a family may read: once shared; a young person reads only their own."""
    rows = SupportPlan.objects.visible_to(scope).filter(status__in=FAMILY_CAN_READ)
    if scope.role == Role.YOUNG_PERSON:
        rows = rows.filter(child_id=scope.child_id)
    return rows


def plan_read(*, actor: Actor, plan_id: int) -> SupportPlan:
    """One plan in full, for staff; logged as a view."""
    plan = get_visible_or_404(_in_full(SupportPlan.objects.all()), actor.scope, pk=plan_id)
    log_access(actor, family_id=plan.family_id, record=plan)
    return plan


def family_plan_read(*, actor: Actor, plan_id: int) -> SupportPlan:
    """One plan for its family: 404 until it is shared with them."""
    plan = get_visible_or_404(_in_full(family_visible(actor.scope)), actor.scope, pk=plan_id)
    log_access(actor, family_id=plan.family_id, record=plan)
    return plan


def review_read(*, actor: Actor, review_id: int) -> PlanReview:
    queryset = PlanReview.objects.select_related(
        "plan", "plan__child", "plan__family", "plan__request", "recorded_by"
    )
    review = get_visible_or_404(queryset, actor.scope, pk=review_id)
    log_access(actor, family_id=review.family_id, record=review)
    return review


def request_plans(*, actor: Actor, request_id: int) -> tuple[SupportRequest, list[SupportPlan]]:
    """A request and its plans, for staff."""
    queryset = SupportRequest.objects.select_related("family", "child")
    request = get_visible_or_404(queryset, actor.scope, pk=request_id)
    log_access(actor, family_id=request.family_id, record=request)
    plans = list(
        SupportPlan.objects.visible_to(actor.scope)
        .filter(request=request)
        .select_related("child")
        .order_by("pk")
    )
    return request, plans


def council_plans(*, scope: Scope) -> QuerySet[SupportPlan]:
    """The council's plans, the soonest review first, for the staff list."""
    return (
        SupportPlan.objects.visible_to(scope)
        .select_related("family", "child")
        .order_by("review_due_on", "pk")
    )


def open_review_requests(*, scope: Scope) -> QuerySet[PlanReviewRequest]:
    return (
        PlanReviewRequest.objects.visible_to(scope)
        .filter(answered_by__isnull=True)
        .select_related("plan", "plan__child", "family")
        .order_by("asked_at", "pk")
    )


def family_plans(*, scope: Scope) -> QuerySet[SupportPlan]:
    return family_visible(scope).select_related("child").order_by("-shared_at", "-pk")


def staff_text_of(plan: SupportPlan) -> dict[str, str]:
    """The practitioner's own words in a plan that the family will read, named by where they
    are: each service (its name, who provides it, how much and how often, the law when staff
    wrote it, why it was added, why it cannot be a direct payment), the reason for any charge,
    why offering an advocate is not appropriate, and each review. The family's outcomes and
    their words are theirs and not included."""
    texts: dict[str, str] = {}
    for service in plan.services.all():
        texts[f"the service “{service.name}”"] = (
            f"{service.name}. {service.provider}. {service.amount}, {service.frequency}."
        )
        if not service.code:
            texts[law_field(service.name)] = service.legal_basis
        if service.not_met_reason:
            texts[f"why “{service.name}” is in the plan"] = service.not_met_reason
        if service.dp_reason:
            texts[f"why “{service.name}” cannot be a direct payment"] = service.dp_reason
    if plan.charge_reason:
        texts["the reason for the charge"] = plan.charge_reason
    if plan.advocacy_reason:
        texts["why an advocate is not appropriate"] = plan.advocacy_reason
    for review in plan.reviews.all():
        texts[f"the review on {review.reviewed_on:%d %B %Y}"] = review.what_changed
    return texts


def law_field(name: str) -> str:
    """Where staff wrote the law a service is given under (section numbers are meant there)."""
    return f"the law for “{name}”"


def law_fields_of(plan: SupportPlan) -> set[str]:
    return {law_field(service.name) for service in plan.services.all() if not service.code}


def beside_a_proposal(*, scope: Scope, family_id: int, since: date) -> list[BesideItem]:
    """The family's disagreements with a support plan since `since` (from the timeline, so a
    plan changed since still shows that they disagreed), for the manager deciding a proposed
    move to safeguarding (`pathway.beside`)."""
    events = (
        PathwayEvent.objects.visible_to(scope)
        .filter(
            family_id=family_id,
            record_type=PLAN.record_type,
            move="disagree",
            at__date__gte=since,
        )
        .order_by("-at")
    )
    plans = SupportPlan.objects.visible_to(scope).in_bulk({e.record_id for e in events})
    items = []
    for event in events:
        plan = plans.get(event.record_id)
        if plan is None:
            continue
        items.append(
            BesideItem(
                "Disagreement with a plan",
                f"{plan.title}: {event.reason or plan.family_response or 'no words given'}",
                timezone.localdate(event.at),
                str(plan.get_status_display()),
            )
        )
    return items
