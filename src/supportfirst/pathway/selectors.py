"""Reading the support pathway, always through the scoping layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.pathway.models import (
    MoveStatus,
    PathwayEvent,
    RequestStatus,
    SafeguardingMove,
    SupportRequest,
)
from supportfirst.rules import workdays


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
    from supportfirst.wording.models import WordingReason

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


@dataclass(frozen=True)
class DueItem:
    """Something with a statutory clock: what it is, when it is due, and where to act."""

    what: str
    family: str
    due: date
    view_name: str
    record_id: int
    today: date

    @property
    def url(self) -> str:
        """Worked out only for the items a page shows."""
        kwarg = self.view_name.split(":")[-1] + "_id"
        return reverse(self.view_name, kwargs={kwarg: self.record_id})

    @property
    def days_left(self) -> int:
        return workdays.working_days_left(self.due, self.today)

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def clock(self) -> str:
        return workdays.describe_days_left(self.due, self.today)


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


def moves_awaiting_approval(*, scope: Scope) -> QuerySet[SafeguardingMove]:
    return (
        SafeguardingMove.objects.visible_to(scope)
        .filter(status=MoveStatus.PROPOSED)
        .select_related("request", "request__child", "family", "proposed_by")
        .order_by("proposed_at")
    )


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


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Everything with a clock for one worker (or the whole team), overdue first."""
    rows = requests_awaiting_decision(scope=scope, worker_id=worker_id).values_list(
        "pk", "next_step_due", "child__first_name", "family__name"
    )
    items = [
        DueItem(
            what=f"Next-step decision for {first_name}",
            family=family_name,
            due=due,
            view_name="pathway:request",
            record_id=pk,
            today=today,
        )
        for pk, due, first_name, family_name in rows
    ]
    from supportfirst.assessments import selectors as assessment_selectors

    items += assessment_selectors.due_items(scope=scope, worker_id=worker_id, today=today)
    from supportfirst.corrections import selectors as correction_selectors

    items += correction_selectors.due_items(scope=scope, worker_id=worker_id, today=today)
    from supportfirst.complaints import selectors as complaint_selectors

    items += complaint_selectors.due_items(scope=scope, worker_id=worker_id, today=today)
    return sorted(items, key=lambda item: (item.due, item.what))
