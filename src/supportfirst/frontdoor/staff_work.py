"""The practitioner's My work and the team manager's Team page: everything with a statutory
clock, from every app that has one, and the moves to safeguarding waiting for a manager.

Each app says what it has due in its own `due.py`; the hooks used are listed here, by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from supportfirst.assessments import due as assessments_due
from supportfirst.audit.services import log_list_view
from supportfirst.complaints import due as complaints_due
from supportfirst.corrections import due as corrections_due
from supportfirst.councils.access import casework_required, manager_required
from supportfirst.councils.models import MANAGER_ROLES, holding_any
from supportfirst.councils.scoping import Scope
from supportfirst.eligibility import due as eligibility_due
from supportfirst.kernel.due import DueItem, DueRows, soonest_first
from supportfirst.pathway import allocation, danger
from supportfirst.pathway import due as pathway_due
from supportfirst.pathway import selectors as pathway_selectors
from supportfirst.pathway.selectors import MonthlyMoves, MonthlyOutcomes, WaitingMove
from supportfirst.plans import due as plans_due
from supportfirst.transition import due as transition_due
from supportfirst.transition import selectors as transition_selectors

MY_WORK_PAGE_SIZE = 50
GROWING_UP_SHOWN = 20

DueHook = Callable[..., list[DueItem]]

# What each app puts on a worker's list. A new record type with a clock adds its hook here.
DUE_HOOKS: tuple[DueHook, ...] = (
    pathway_due.due_items,
    assessments_due.due_items,
    corrections_due.due_items,
    complaints_due.due_items,
    eligibility_due.due_items,
    plans_due.due_items,
    transition_due.due_items,
)

# The clocks after the assessment: the family is told about these on their pages.
AFTER_ASSESSMENT: tuple[DueHook, ...] = (
    assessments_due.decision_clock,
    eligibility_due.due_items,
    plans_due.due_items,
)


# The same lists as rows the database sorts, pages and counts (`kernel.due.DueRows`), hook for
# hook as above: what My work and the Team page show.
DUE_ROWS: tuple[Callable[..., list[Any]], ...] = (
    pathway_due.due_rows,
    assessments_due.due_rows,
    corrections_due.due_rows,
    complaints_due.due_rows,
    eligibility_due.due_rows,
    plans_due.due_rows,
    transition_due.due_rows,
)


def due_rows(*, scope: Scope, worker_id: int | None, today: date) -> DueRows:
    """Everything with a clock for one worker (or the whole team), for the database to sort
    (overdue first), page and count: the same items, in the same order, as `due_items`."""
    parts: list[Any] = []
    for number, hook in enumerate(DUE_ROWS):
        parts += hook(scope=scope, worker_id=worker_id, source=10 * number)
    return DueRows(parts=parts, today=today)


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Everything with a clock for one worker (or the whole team), overdue first."""
    items: list[DueItem] = []
    for hook in DUE_HOOKS:
        items += hook(scope=scope, worker_id=worker_id, today=today)
    return soonest_first(items)


ALWAYS_COUNTED = (assessments_due.DECISION, eligibility_due.PLAN, plans_due.SERVICE_START)


def next_for_family(*, scope: Scope, today: date) -> list[DueItem]:
    """What happens next and when, for the family's own pages: the clocks after the assessment,
    read through the family's own scope, soonest first."""
    items: list[DueItem] = []
    for hook in AFTER_ASSESSMENT:
        items += hook(scope=scope, worker_id=None, today=today)
    return [item for item in soonest_first(items) if item.for_family]


@dataclass(frozen=True)
class OverdueCount:
    clock: str
    overdue: int


def overdue_per_clock(items: list[DueItem]) -> list[OverdueCount]:
    """How many items are overdue on each clock: the clocks after the assessment always (a
    nought says they are kept), and any other clock with something overdue."""
    counts: dict[str, int] = dict.fromkeys(ALWAYS_COUNTED, 0)
    for item in items:
        if item.overdue:
            key = item.kind or "Other"
            counts[key] = counts.get(key, 0) + 1
    return [OverdueCount(clock, n) for clock, n in sorted(counts.items())]


@dataclass(frozen=True)
class TeamPage:
    """What a team manager or head of service sees: what is overdue across the team, every
    move to safeguarding waiting for a decision (with how long it has waited; their own
    proposals marked as waiting for another manager), the approved moves counted per team and
    month, and the outcomes of enquiries beside them."""

    overdue: list[DueItem]
    per_clock: list[OverdueCount]
    moves: list[WaitingMove]
    monthly: list[MonthlyMoves]
    outcomes: list[MonthlyOutcomes]
    objections: list[pathway_selectors.WaitingObjection] = field(default_factory=list)


def team_read(*, scope: Scope, today: date) -> TeamPage:
    rows = due_rows(scope=scope, worker_id=None, today=today)
    overdue = rows.items(rows.overdue_ordered())
    return TeamPage(
        overdue=overdue,
        per_clock=overdue_per_clock(overdue),
        moves=pathway_selectors.moves_waiting(scope=scope, today=today),
        monthly=pathway_selectors.safeguarding_moves_by_team_and_month(scope=scope),
        outcomes=pathway_selectors.enquiry_outcomes_by_team_and_month(scope=scope),
        objections=pathway_selectors.objections_waiting(scope=scope, today=today),
    )


@casework_required
def my_work(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    rows = due_rows(scope=scope, worker_id=scope.user_id, today=timezone.localdate())
    page, overdue = rows.page(request.GET.get("page"), MY_WORK_PAGE_SIZE)
    log_list_view(request, list_name="my work", page=page.number)
    # Every manager sees, at the top, each child who may be in immediate danger.
    manager = scope.holds_any(MANAGER_ROLES)
    alerts = list(danger.danger_alerts(scope=scope)) if manager else []
    # Families whose worker's account is closed wait for a manager to give them a new one.
    leavers = allocation.closed_accounts_with_families(scope=scope) if manager else []
    # Young people of 14 or older with no plan for adult life yet: a prompt, not a clock.
    to_plan_for = list(
        transition_selectors.to_plan_for(
            scope=scope, worker_id=scope.user_id, today=timezone.localdate()
        )[:GROWING_UP_SHOWN]
    )
    return render(
        request,
        "frontdoor/my_work.html",
        {
            "items": page.object_list,
            "page": page,
            "overdue": overdue,
            "danger_alerts": alerts,
            "leavers": leavers,
            "to_plan_for": to_plan_for,
        },
    )


def people_who_decide(scope: Scope) -> int:
    """How many open accounts of the council can decide what needs a manager (team managers
    and heads of service). With one, that person's own proposals wait for nobody."""
    return (
        get_user_model()
        .objects.filter(
            holding_any(MANAGER_ROLES, via="membership__"),
            is_active=True,
            membership__council_id=scope.council_id,
        )
        .distinct()
        .count()
    )


@manager_required
def team(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    page = team_read(scope=scope, today=timezone.localdate())
    log_list_view(request, list_name="team")
    return render(
        request,
        "frontdoor/team.html",
        {
            "overdue": page.overdue,
            "per_clock": page.per_clock,
            "moves": page.moves,
            "monthly": page.monthly,
            "outcomes": page.outcomes,
            "objections": page.objections,
            "not_assessing": pathway_selectors.not_assessing_waiting(scope=scope),
            "only_decider": people_who_decide(scope) < 2,
        },
    )
