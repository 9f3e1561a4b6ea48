"""Reading the support pathway, always through the scoping layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.pathway.models import (
    EnquiryOutcome,
    MoveStatus,
    PathwayEvent,
    RequestStatus,
    SafeguardingMove,
    SupportRequest,
)
from supportfirst.rules import workdays
from supportfirst.wording.models import WordingReason


def request_read(*, actor: Actor, request_id: int) -> SupportRequest:
    """One request for help with what the request page shows; logged as a view."""
    queryset = SupportRequest.objects.select_related(
        "family", "family__allocated_worker", "child", "next_step_decision"
    ).prefetch_related("contacts__intrusion_record", "safeguarding_moves")
    request = get_visible_or_404(queryset, actor.scope, pk=request_id)
    log_access(actor, family_id=request.family_id, record=request)
    return request


def requests_for_family(*, scope: Scope, family_id: int) -> QuerySet[SupportRequest]:
    return (
        SupportRequest.objects.visible_to(scope).filter(family_id=family_id).select_related("child")
    )


def move_read(*, actor: Actor, move_id: int) -> SafeguardingMove:
    queryset = SafeguardingMove.objects.select_related(
        "request", "request__child", "family", "proposed_by", "decided_by"
    )
    move = get_visible_or_404(queryset, actor.scope, pk=move_id)
    log_access(actor, family_id=move.family_id, record=move)
    move.reasons = list(
        WordingReason.objects.visible_to(actor.scope).filter(
            record_type="pathway.safeguardingmove", record_id=move.pk
        )
    )
    return move


def timeline(*, actor: Actor, request_id: int) -> tuple[SupportRequest, list[PathwayEvent]]:
    request = request_read(actor=actor, request_id=request_id)
    events = list(request.events.select_related("actor").order_by("at", "pk"))
    return request, events


def requests_awaiting_decision(
    *, scope: Scope, worker_id: int | None = None
) -> QuerySet[SupportRequest]:
    rows = (
        SupportRequest.objects.visible_to(scope)
        .filter(status=RequestStatus.AWAITING_DECISION)
        .select_related("family", "child")
        .order_by("next_step_due", "received_at")
    )
    if worker_id is not None:
        # A family with no worker yet (a request sent online, say) is on everyone's list.
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return rows


WAITING_FOR_A_WORKER = (RequestStatus.AWAITING_DECISION, RequestStatus.SUPPORT_PATHWAY)
"""A request in one of these statuses whose family has no named worker is waiting for one."""


def requests_without_a_worker(*, scope: Scope) -> QuerySet[SupportRequest]:
    """Requests whose family has no named worker yet, oldest first (a list: not logged)."""
    return (
        SupportRequest.objects.visible_to(scope)
        .filter(status__in=WAITING_FOR_A_WORKER, family__allocated_worker__isnull=True)
        .order_by("received_at", "pk")
    )


def moves_awaiting_approval(*, scope: Scope) -> QuerySet[SafeguardingMove]:
    return (
        SafeguardingMove.objects.visible_to(scope)
        .filter(status=MoveStatus.PROPOSED)
        .select_related("request", "request__child", "family", "proposed_by")
        .order_by("proposed_at")
    )


@dataclass(frozen=True)
class WaitingMove:
    """A proposal waiting for a decision, as a manager's Team page shows it."""

    move: SafeguardingMove
    working_days_waited: int
    own: bool
    """The manager reading proposed it: another manager (or the head of service) decides."""

    @property
    def waited(self) -> str:
        days = self.working_days_waited
        return f"{days} working day{'' if days == 1 else 's'}"


def moves_waiting(*, scope: Scope, today: date) -> list[WaitingMove]:
    """Every proposal waiting for a decision, oldest first, with how long it has waited in
    working days: one a manager proposed is shown to them too, as waiting for another manager,
    so no proposal is invisible to everyone."""
    return [
        WaitingMove(
            move,
            max(0, workdays.working_days_between(timezone.localdate(move.proposed_at), today)),
            move.proposed_by_id == scope.user_id,
        )
        for move in moves_awaiting_approval(scope=scope)
    ]


@dataclass(frozen=True)
class MonthlyMoves:
    team: str
    month: date
    moves: int


def safeguarding_moves_by_team_and_month(*, scope: Scope) -> list[MonthlyMoves]:
    """Every approved move to safeguarding, counted per team and month, for reports."""
    rows = (
        SafeguardingMove.objects.visible_to(scope)
        .filter(status=MoveStatus.APPROVED, decided_at__isnull=False)
        .annotate(month=TruncMonth("decided_at"))
        .values("team__name", "month")
        .annotate(moves=Count("pk"))
        .order_by("-month", "team__name")
    )
    return [
        MonthlyMoves(
            r["team__name"] or "No team recorded",
            r["month"].date() if hasattr(r["month"], "date") else r["month"],
            r["moves"],
        )
        for r in rows
    ]


@dataclass(frozen=True)
class MonthlyOutcomes:
    team: str
    month: date
    returned: int
    """No further action: the request went back to the support pathway."""
    child_protection: int


def _month(value: Any) -> date:
    return value.date() if hasattr(value, "date") else value


def enquiry_outcomes_by_team_and_month(*, scope: Scope) -> list[MonthlyOutcomes]:
    """The outcomes of enquiries after a move to safeguarding, per team and month: how many
    returned to the support pathway, and how many went on under child protection."""
    rows = (
        SafeguardingMove.objects.visible_to(scope)
        .filter(outcome_at__isnull=False)
        .exclude(outcome="")
        .annotate(month=TruncMonth("outcome_at"))
        .values("team__name", "month")
        .annotate(
            returned=Count("pk", filter=Q(outcome=EnquiryOutcome.NO_FURTHER_ACTION)),
            child_protection=Count("pk", filter=Q(outcome=EnquiryOutcome.CHILD_PROTECTION)),
        )
        .order_by("-month", "team__name")
    )
    return [
        MonthlyOutcomes(
            r["team__name"] or "No team recorded",
            _month(r["month"]),
            r["returned"],
            r["child_protection"],
        )
        for r in rows
    ]
