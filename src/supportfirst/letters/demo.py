"""The letters part of the demo story: each demo family's request has its acknowledgement
letter, and every shared plan, confirmed eligibility decision and recorded review has its
letter sent, through the same services the pages use (one in large print, one in easy read,
and one draft left for the practitioner to finish)."""

from __future__ import annotations

from typing import Any

from supportfirst.audit.services import Actor
from supportfirst.councils.scoping import scope_for
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.letters import services
from supportfirst.letters.models import Letter, Variant
from supportfirst.pathway.models import SupportRequest
from supportfirst.plans.models import FAMILY_CAN_READ, PlanReview, SupportPlan

DEMO_ORDER = 30


def _actor(user: object) -> Actor:
    return Actor(user, scope_for(user), "demo-loader")  # type: ignore[arg-type]


def _write(kind: str, source: Any, worker: object, variant: str, send: bool) -> None:
    family = source.family
    if Letter.objects.filter(source_id=str(source.pk), kind=kind, family=family).exists():
        return
    actor = _actor(worker)
    letter = services.letter_prepare(
        actor=actor, family=family, kind=kind, source=source, variant=variant
    )
    if send:
        services.letter_send(actor=actor, letter=letter, tell_family=False)


def load_demo() -> None:
    requests = SupportRequest.objects.filter(
        family__council__is_demo=True, family__allocated_worker__isnull=False
    ).select_related("family", "family__allocated_worker", "child")
    for request in requests.order_by("pk")[:4]:
        _write(
            "request_acknowledgement",
            request,
            request.family.allocated_worker,
            Variant.STANDARD,
            send=True,
        )
    decisions = EligibilityDecision.objects.filter(
        family__council__is_demo=True, status=DecisionStatus.CONFIRMED
    ).select_related("family", "assessment__child", "criteria")
    for number, decision in enumerate(decisions.order_by("pk")):
        worker = decision.family.allocated_worker or decision.made_by
        variant = Variant.EASY_READ if number == 1 else Variant.STANDARD
        _write("eligibility_decision", decision, worker, variant, send=True)
    plans = SupportPlan.objects.filter(
        family__council__is_demo=True, status__in=FAMILY_CAN_READ
    ).select_related("family", "child", "created_by")
    for number, plan in enumerate(plans.order_by("pk")):
        worker = plan.family.allocated_worker or plan.created_by
        variant = Variant.LARGE_PRINT if number == 0 else Variant.STANDARD
        _write("support_plan", plan, worker, variant, send=number != 1)
    reviews = PlanReview.objects.filter(family__council__is_demo=True).select_related(
        "family", "plan", "recorded_by"
    )
    for review in reviews.order_by("pk"):
        _write("plan_review", review, review.recorded_by, Variant.STANDARD, send=True)
