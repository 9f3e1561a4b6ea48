"""Reading the support pathway, always through the scoping layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import MANAGER_ROLES, Role, holding_any
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.selectors import SMALLEST_FIGURE_SHOWN, Figure
from supportfirst.pathway.evidence import evidence_findings
from supportfirst.pathway.models import (
    Contact,
    ContactStatus,
    EnquiryOutcome,
    FamilyView,
    IntrusionRecord,
    MoveStatus,
    PathwayEvent,
    RequestStatus,
    SafeguardingMove,
    SupportRequest,
)
from supportfirst.pathway.moves import CONTACT
from supportfirst.rules import workdays
from supportfirst.wording.models import WordingReason
from supportfirst.wording.services import FieldFinding


def request_read(*, actor: Actor, request_id: int) -> SupportRequest:
    """One request for help with what the request page shows; logged as a view."""
    queryset = SupportRequest.objects.select_related(
        "family", "family__allocated_worker", "child", "next_step_decision"
    ).prefetch_related("contacts__intrusion_record", "safeguarding_moves")
    request = get_visible_or_404(queryset, actor.scope, pk=request_id)
    log_access(actor, family_id=request.family_id, record=request)
    return request


def contact_read(*, actor: Actor, contact_id: int) -> Contact:
    """One contact (planned, done or cancelled) with its intrusion record; logged as a view."""
    queryset = Contact.objects.select_related(
        "request",
        "request__child",
        "family",
        "intrusion_record",
        "planned_by",
        "approved_by",
        "recorded_by",
    )
    contact = get_visible_or_404(queryset, actor.scope, pk=contact_id)
    log_access(actor, family_id=contact.family_id, record=contact)
    return contact


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


def unexplained_evidence(move: SafeguardingMove) -> list[FieldFinding]:
    """The flagged words in a proposal's evidence that no reason has been kept for yet: a
    concern recorded through the immediate danger route is saved whatever its words, and the
    reasons are asked when the record is completed. Needs `move.reasons` (`move_read`)."""
    kept = [reason.words.casefold() for reason in getattr(move, "reasons", [])]
    return [
        item
        for item in evidence_findings(move.what_happened, council_id=move.family.council_id)
        if not any(item.finding.text.casefold() in words for words in kept)
    ]


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


def not_assessing_waiting(*, scope: Scope) -> QuerySet[SupportRequest]:
    """Decisions not to assess waiting for a team manager to confirm, oldest first."""
    return (
        SupportRequest.objects.visible_to(scope)
        .filter(status=RequestStatus.NOT_ASSESSING_PROPOSED)
        .select_related("family", "child")
        .order_by("received_at")
    )


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
class WaitingObjection:
    """A planned contact the family said no to, waiting for a manager, as the Team page shows
    it: since when (the family's answer, or the plan when it was planned with their no)."""

    contact: Contact
    since: datetime
    working_days_waited: int

    @property
    def waited(self) -> str:
        days = self.working_days_waited
        return f"{days} working day{'' if days == 1 else 's'}"


def objections_waiting(*, scope: Scope, today: date | None = None) -> list[WaitingObjection]:
    """Planned contacts the family objected to with no manager's decision yet, soonest first,
    with how long each has waited in working days since the family said no: they cannot go
    ahead until a team manager approves (or they are cancelled)."""
    today = today or timezone.localdate()
    answered = (
        PathwayEvent.objects.filter(
            record_type=CONTACT.record_type,
            record_id=OuterRef("pk"),
            move="record_family_view",
        )
        .order_by("-at", "-pk")
        .values("at")[:1]
    )
    rows = (
        Contact.objects.visible_to(scope)
        .filter(
            status=ContactStatus.PLANNED,
            intrusion_record__family_view=FamilyView.OBJECT,
            approved_by__isnull=True,
        )
        .annotate(objected_at=Subquery(answered))
        .select_related("request__child", "family", "planned_by")
        .order_by("happened_at", "pk")
    )
    waiting = []
    for contact in rows:
        since = contact.objected_at or contact.planned_at or contact.recorded_at
        days = workdays.working_days_between(timezone.localdate(since), today)
        waiting.append(WaitingObjection(contact, since, max(0, days)))
    return waiting


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
    return _outcomes(SafeguardingMove.objects.visible_to(scope))


def _outcomes(moves: QuerySet[SafeguardingMove]) -> list[MonthlyOutcomes]:
    rows = (
        moves.filter(outcome_at__isnull=False)
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


@dataclass(frozen=True)
class ForumSafeguardingMonth:
    """One team's month, for the parent carer forum: every figure under the smallest shown is
    hidden (`Figure.shown` reads "fewer than 5"), so no family can be recognised."""

    team: str
    month: date
    moved: Figure
    not_approved: Figure
    returned: Figure
    child_protection: Figure


def _figure(label: str, count: int) -> Figure:
    return Figure(label, count if count >= SMALLEST_FIGURE_SHOWN else None)


def _newest_first(item: tuple[tuple[str, date], dict[str, int]]) -> tuple[int, str]:
    (team, month), _counts = item
    return (-month.toordinal(), team)


def safeguarding_figures_for_the_forum(*, scope: Scope) -> list[ForumSafeguardingMonth]:
    """Moves to safeguarding, proposals sent back to the support route, and the outcomes of
    enquiries (no further action: back to the support pathway; child protection), counted per
    team and month, newest first. Moves and proposals sent back count in the month decided;
    outcomes in the month recorded. Only counts leave here: forum members never read a
    family's record, so the rows are counted for the scope's council without `visible_to`
    (as `families.selectors.families_by_stage` does)."""
    moves = SafeguardingMove.objects.filter(family__council_id=scope.council_id)
    decided = (
        moves.filter(decided_at__isnull=False)
        .annotate(month=TruncMonth("decided_at"))
        .values("team__name", "month")
        .annotate(
            moved=Count("pk", filter=Q(status=MoveStatus.APPROVED)),
            not_approved=Count("pk", filter=Q(status=MoveStatus.DECLINED)),
        )
        .order_by()
    )
    rows: dict[tuple[str, date], dict[str, int]] = {}
    for r in decided:
        key = (r["team__name"] or "No team recorded", _month(r["month"]))
        rows.setdefault(key, {}).update(moved=r["moved"], not_approved=r["not_approved"])
    for outcome in _outcomes(moves):
        rows.setdefault((outcome.team, outcome.month), {}).update(
            returned=outcome.returned, child_protection=outcome.child_protection
        )
    return [
        ForumSafeguardingMonth(
            team,
            month,
            _figure("Moved to safeguarding", counts.get("moved", 0)),
            _figure("Not approved: back to the support route", counts.get("not_approved", 0)),
            _figure("No further action: back to the support pathway", counts.get("returned", 0)),
            _figure("Child protection", counts.get("child_protection", 0)),
        )
        for (team, month), counts in sorted(
            rows.items(), key=lambda i: (-i[0][1].toordinal(), i[0][0])
        )
    ]


def who_decides_a_proposal(*, actor: Actor) -> str:
    """What the person who proposed a move to safeguarding is told about who decides it: a
    team manager, or, when they are the council's only team manager, its head of service (or,
    if it has none, that the council must name one)."""
    others = (
        get_user_model()
        .objects.filter(
            holding_any(MANAGER_ROLES, via="membership__"),
            is_active=True,
            membership__council_id=actor.scope.council_id,
        )
        .exclude(pk=actor.user.pk)
    )
    if not actor.user.membership.holds_any(MANAGER_ROLES):
        return "The proposal has gone to a team manager to decide."
    heads = others.filter(holding_any({Role.HEAD_OF_SERVICE}, via="membership__"))
    if not others.exists():
        return (
            "The proposal is saved, but you are the only person who can decide it, and you "
            "proposed it. The council must name a head of service to decide it: ask your "
            "council administrator to give someone that role now, and phone 999 or the "
            "council's child protection team if a child may be in danger."
        )
    if others.exclude(pk__in=heads).exists():
        return "The proposal has gone to another team manager, or the head of service, to decide."
    return "The proposal has gone to the head of service to decide."


def family_view_saved(contact: Contact) -> dict[str, Any]:
    """The family's view of a planned contact as saved now (for the page shown when someone
    else saved it first), under the names of the form's fields."""
    record = IntrusionRecord.objects.filter(contact_id=contact.pk).first()
    if record is None:
        return {}
    return {"family_view": record.family_view, "family_words": record.family_words}
