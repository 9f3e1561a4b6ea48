"""The moves of a support plan, with their guards. Each guard's docstring is the message shown
when it fails. A guard is called with the plan (locked, fresh from the database), the person
making the move and a context."""

from __future__ import annotations

from typing import Any

from supportfirst.kernel.workflow import KEEPS_STATUS, Move, Workflow
from supportfirst.pathway.events import write_pathway_event
from supportfirst.plans.models import FAMILY_CAN_READ, IN_PLACE, PlanStatus, SupportPlan


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


def direct_payment_offered_for_each_service(
    plan: SupportPlan, actor: Any, context: dict[str, Any]
) -> bool:
    """Offer a direct payment for every service in the plan, and record the family's answer
    for each one."""
    return not plan.services.filter(dp_wish="").exists()


def advocacy_answer_is_recorded(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Record whether independent advocacy was offered to the child or young person, and
    their answer (or why it is not appropriate), before the plan is shared."""
    return plan.advocacy_recorded


def review_date_after_start(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """The review date must be after the date the plan starts."""
    return plan.review_due_on > plan.starts_on


def what_changed_is_entered(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Enter what has changed."""
    return bool(str(context.get("what_changed", "")).strip())


def family_view_is_entered(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Enter the family's view, in their words."""
    return bool(str(context.get("family_view", "")).strip())


def next_review_after_this_one(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """The next review date must be after the date of this review."""
    return bool(context["next_review_on"] > context["reviewed_on"])


def family_says_what_changed(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """Tell us what has changed."""
    return bool(str(context.get("what_changed", "")).strip())


def start_is_not_in_the_future(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """The day support started cannot be in the future. Record it on the day it starts, or
    after."""
    started_on, today = context.get("started_on"), context.get("today")
    return started_on is not None and today is not None and started_on <= today


def service_not_started_yet(plan: SupportPlan, actor: Any, context: dict[str, Any]) -> bool:
    """This service's start is already recorded."""
    return not context.get("already_started", False)


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
                direct_payment_offered_for_each_service,
                advocacy_answer_is_recorded,
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
        Move(
            "edit",
            "Change the plan",
            frozenset({PlanStatus.DRAFT}),
            KEEPS_STATUS,
            when_illegal=(
                "You cannot change this plan now: it is “{status}”. "
                "To make changes, choose “Make changes to the plan” on the plan page."
            ),
        ),
        Move(
            "review",
            "Record a review of the plan",
            IN_PLACE,
            KEEPS_STATUS,
            (what_changed_is_entered, family_view_is_entered, next_review_after_this_one),
            when_illegal="A plan is reviewed once it has been shared with the family.",
        ),
        Move(
            "service_started",
            "Record when a service started",
            frozenset({PlanStatus.AGREED}),
            KEEPS_STATUS,
            (start_is_not_in_the_future, service_not_started_yet),
            when_illegal="Record when support started once the family has agreed the plan.",
        ),
        Move(
            "review_asked",
            "Ask for a review",
            FAMILY_CAN_READ,
            KEEPS_STATUS,
            (family_says_what_changed,),
            when_illegal="You can ask for a review once the plan has been shared with you.",
        ),
    ),
)
