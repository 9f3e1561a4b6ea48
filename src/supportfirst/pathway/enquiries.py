"""Recording the outcome of the section 47 enquiries after a move to safeguarding.

"No further action" returns the request to the support pathway with its clocks (if the next
step had never been decided, it is decided now: the support pathway, and the needs assessments
start) and tells a family who was told about the proposal, in plain words. "Child protection"
keeps the request moved. Both are declared moves of the request (`moves.py`), so they are on the
timeline, and hidden from a family who was never told, like every safeguarding move.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.kernel.workflow import IllegalMove, apply_move
from supportfirst.notifications import family_events
from supportfirst.pathway import hooks, moves
from supportfirst.pathway.models import (
    EnquiryOutcome,
    MoveStatus,
    NextStepDecision,
    Pathway,
    SafeguardingMove,
)
from supportfirst.wording.services import Reasons, keep_reasons

OUTCOME_MOVES = {
    EnquiryOutcome.NO_FURTHER_ACTION: "enquiries_no_further_action",
    EnquiryOutcome.CHILD_PROTECTION: "enquiries_continue",
}
SUMMARIES = {
    EnquiryOutcome.NO_FURTHER_ACTION: "Safeguarding enquiries finished with no further action: "
    "back on the support pathway",
    EnquiryOutcome.CHILD_PROTECTION: "Safeguarding enquiries finished: child protection "
    "procedures continue",
}
NOT_THE_LATEST = (
    "The outcome of enquiries is recorded on the latest approved move to safeguarding for this "
    "request."
)


def can_record_outcome(move: SafeguardingMove) -> bool:
    """Whether this move is the approved one the request's enquiries belong to."""
    if move.status != MoveStatus.APPROVED:
        return False
    latest = (
        SafeguardingMove.objects.filter(request_id=move.request_id, status=MoveStatus.APPROVED)
        .order_by("-decided_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return latest == move.pk


def _back_on_support(actor: Actor, move: SafeguardingMove) -> None:
    request = move.request
    if NextStepDecision.objects.filter(request=request).exists():
        return
    decision = NextStepDecision.objects.create(
        family_id=request.family_id,
        request=request,
        pathway=Pathway.SUPPORT,
        notes="Back from safeguarding enquiries with no further action.",
        decided_by=actor.user,
        decided_at=timezone.now(),
    )
    log_access(actor, family_id=request.family_id, record=decision, action=Action.CREATE)
    hooks.support_is_chosen(actor=actor, request=request)
    if move.family_told is not True:
        family_events.decision_made(decision)


@transaction.atomic
def record_outcome(
    *,
    actor: Actor,
    move: SafeguardingMove,
    outcome: str,
    reason: str,
    reasons: Reasons | None = None,
) -> SafeguardingMove:
    """Record what the enquiries found, and move the request on."""
    if not can_record_outcome(move):
        raise IllegalMove(NOT_THE_LATEST)
    chosen = EnquiryOutcome(outcome)
    event = apply_move(
        moves.REQUEST,
        move.request,
        OUTCOME_MOVES[chosen],
        actor=actor.user,
        reason=reason,
        context={"outcome_reason": reason},
        summary=SUMMARIES[chosen],
    )
    move.outcome = chosen
    move.outcome_reason = reason
    move.outcome_by = actor.user
    move.outcome_at = event.at
    move.save(update_fields=["outcome", "outcome_reason", "outcome_by", "outcome_at"])
    log_access(actor, family_id=move.family_id, record=move, action=Action.CHANGE)
    keep_reasons(reasons, move, actor=actor)
    if chosen == EnquiryOutcome.NO_FURTHER_ACTION:
        _back_on_support(actor, move)
        if move.family_told is True:
            family_events.enquiries_finished(move, today=timezone.localdate())
    return move
