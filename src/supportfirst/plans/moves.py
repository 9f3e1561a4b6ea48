"""The moves of a support plan, with their guards. Each guard's docstring is the message shown
when it fails. A guard is called with the plan (locked, fresh from the database), the person
making the move and a context."""

from __future__ import annotations

from typing import Any

from supportfirst.kernel.workflow import Move, Workflow
from supportfirst.pathway.events import write_pathway_event
from supportfirst.plans.models import PlanStatus, SupportPlan


def has_an_outcome(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Add at least one outcome the family wants, in their own words."""
    return plan.outcomes.exists()


def has_a_service(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Add at least one service: what it is, who provides it, how much, how often, from when
    and what it costs."""
    return plan.services.exists()


def direct_payment_choice_recorded(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Record the family's choice about direct payments, after explaining the option to them."""
    return bool(plan.direct_payment_choice)


def review_date_after_start(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """The review date must be after the date the plan starts."""
    return plan.review_due_on > plan.starts_on


PLAN = Workflow(
    event_writer=write_pathway_event,
    record_type="support plan",
    moves=(
        Move(
            "share",
            "Share the plan with the family",
            frozenset({PlanStatus.DRAFT}),
            PlanStatus.SHARED,
            (
                has_an_outcome,
                has_a_service,
                direct_payment_choice_recorded,
                review_date_after_start,
            ),
        ),
        Move("agree", "Agree with the plan", frozenset({PlanStatus.SHARED}), PlanStatus.AGREED),
        Move(
            "disagree",
            "Disagree with the plan",
            frozenset({PlanStatus.SHARED}),
            PlanStatus.DISAGREED,
        ),
        Move(
            "reopen",
            "Make changes to the plan",
            frozenset({PlanStatus.SHARED, PlanStatus.AGREED, PlanStatus.DISAGREED}),
            PlanStatus.DRAFT,
        ),
    ),
)
