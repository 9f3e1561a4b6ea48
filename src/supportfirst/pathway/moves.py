"""The moves of a request for help and of a proposed move to safeguarding, with their guards.

Each guard's docstring is the message shown when it fails.
"""

from __future__ import annotations

from typing import Any

from supportfirst.councils.guards import is_a_team_manager, not_the_person_who, team_manager_only
from supportfirst.councils.models import CASEWORK_ROLES
from supportfirst.kernel.workflow import KEEPS_STATUS, Guard, Move, Workflow, guard_message
from supportfirst.pathway.events import write_pathway_event
from supportfirst.pathway.models import MoveStatus, RequestStatus, SafeguardingMove
from supportfirst.rules import evidence


def evidence_is_written_down(move: SafeguardingMove, actor: Any, context: dict[str, Any]) -> bool:
    """Write the evidence as facts: what was seen or said, by whom, and when."""
    return all(
        part.strip() for part in (move.what_happened, move.seen_or_said_by, move.when_it_happened)
    )


def unexplained_opinions(move: SafeguardingMove, context: dict[str, Any]) -> list[str]:
    """The opinion words in the evidence that have no reason given for keeping them."""
    explained = [str(w).lower() for w in context.get("explained_words", ())]
    return [
        word
        for word in evidence.opinion_words(move.what_happened)
        if not any(word in kept for kept in explained)
    ]


def opinions_have_reasons(move: SafeguardingMove, actor: Any, context: dict[str, Any]) -> bool:
    """The evidence uses words that are opinions. Give a reason for keeping each one, or say
    what was seen or heard instead (words inside quotation marks, reporting what someone said,
    are fine)."""
    return not unexplained_opinions(move, context)


def refusals(
    guards: tuple[Guard, ...], move: SafeguardingMove, actor: Any, context: dict[str, Any]
) -> list[str]:
    """The messages of the guards that fail; the opinion guard's names the words that caused
    it, so the writer knows exactly what to explain or change."""
    messages = []
    for guard in guards:
        if guard(move, actor, context):
            continue
        message = guard_message(guard)
        if guard is opinions_have_reasons:
            words = ", ".join(f"“{w}”" for w in unexplained_opinions(move, context))
            message = f"{message} The words: {words}."
        messages.append(message)
    return messages


def family_notice_is_decided(move: SafeguardingMove, actor: Any, context: dict[str, Any]) -> bool:
    """Record when the family was told, or the reason that telling them would put the child
    at risk."""
    if move.family_told:
        return move.family_told_at is not None
    return move.family_told is False and bool(move.reason_not_told.strip())


approver_is_a_team_manager = team_manager_only(
    "approver_is_a_team_manager",
    "Only a team manager or a head of service can approve a move to safeguarding.",
)
approver_did_not_propose = not_the_person_who(
    "proposed_by",
    "approver_did_not_propose",
    "A different team manager, or the head of service, must approve: the person who proposed "
    "the move cannot.",
)


def manager_gives_a_reason(move: SafeguardingMove, actor: Any, context: dict[str, Any]) -> bool:
    """Write the reason for your decision."""
    return bool(context.get("reason", "").strip())


def outcome_reason_is_written(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Write what the enquiries found and why this is the outcome."""
    return bool(str(context.get("outcome_reason", "")).strip())


def information_is_written(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Write what information and advice was given to the family."""
    return bool(str(context.get("information_given", "")).strip())


REQUEST = Workflow(
    event_writer=write_pathway_event,
    record_type="request for help",
    moves=(
        Move(
            "decide_support",
            "Put on the support pathway",
            frozenset({RequestStatus.AWAITING_DECISION}),
            RequestStatus.SUPPORT_PATHWAY,
        ),
        Move(
            "decide_information",
            "Give information and advice",
            frozenset({RequestStatus.AWAITING_DECISION}),
            RequestStatus.INFORMATION_GIVEN,
            (information_is_written,),
        ),
        Move(
            "propose_safeguarding",
            "Propose a move to safeguarding",
            frozenset({RequestStatus.AWAITING_DECISION, RequestStatus.SUPPORT_PATHWAY}),
            RequestStatus.SAFEGUARDING_PROPOSED,
        ),
        Move(
            "move_to_safeguarding",
            "Move to safeguarding",
            frozenset({RequestStatus.SAFEGUARDING_PROPOSED}),
            RequestStatus.MOVED_TO_SAFEGUARDING,
        ),
        Move(
            "return_to_decision",
            "Keep on the support route",
            frozenset({RequestStatus.SAFEGUARDING_PROPOSED}),
            RequestStatus.AWAITING_DECISION,
        ),
        Move(
            "return_to_support",
            "Keep on the support pathway",
            frozenset({RequestStatus.SAFEGUARDING_PROPOSED}),
            RequestStatus.SUPPORT_PATHWAY,
        ),
        # The outcome of the section 47 enquiries, recorded after the move was approved.
        Move(
            "enquiries_no_further_action",
            "No further action: return to the support pathway",
            frozenset({RequestStatus.MOVED_TO_SAFEGUARDING}),
            RequestStatus.SUPPORT_PATHWAY,
            (outcome_reason_is_written,),
        ),
        Move(
            "enquiries_continue",
            "Child protection plan, or continue under child protection procedures",
            frozenset({RequestStatus.MOVED_TO_SAFEGUARDING}),
            KEEPS_STATUS,
            (outcome_reason_is_written,),
        ),
    ),
)

SAFEGUARDING = Workflow(
    event_writer=write_pathway_event,
    record_type="proposed move to safeguarding",
    moves=(
        Move(
            "approve",
            "Approve the move to safeguarding",
            frozenset({MoveStatus.PROPOSED}),
            MoveStatus.APPROVED,
            (
                evidence_is_written_down,
                opinions_have_reasons,
                family_notice_is_decided,
                approver_is_a_team_manager,
                approver_did_not_propose,
                manager_gives_a_reason,
            ),
        ),
        Move(
            "decline",
            "Do not approve the move",
            frozenset({MoveStatus.PROPOSED}),
            MoveStatus.DECLINED,
            (approver_is_a_team_manager, approver_did_not_propose, manager_gives_a_reason),
        ),
    ),
)

PROPOSAL_GUARDS = (evidence_is_written_down, opinions_have_reasons)


# Named groups: rules elsewhere import these, never spell the statuses or moves out again.
SAFEGUARDING_STATUSES = frozenset(
    {RequestStatus.SAFEGUARDING_PROPOSED, RequestStatus.MOVED_TO_SAFEGUARDING}
)
"""A request's statuses that say a move to safeguarding was proposed or made."""


def safeguarding_proposal_moves(workflow: Workflow = REQUEST) -> frozenset[str]:
    """The request's moves that would give away a proposed move to safeguarding: every move
    that starts from or leads to a safeguarding status, as the workflow declares them today."""
    return workflow.moves_touching(SAFEGUARDING_STATUSES)


SAFEGUARDING_PROPOSAL_MOVES = safeguarding_proposal_moves()


# A named worker for the family a request belongs to. Allocation keeps the request's status; the
# change is on the request's timeline (who, when, and the worker named in the summary).


def allocator_is_a_team_manager(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Only a team manager or the head of service can allocate a worker. A practitioner can
    take a request that has no worker yet."""
    return is_a_team_manager(actor)


def worker_is_in_the_council(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Choose a practitioner or manager in your council as the worker."""
    worker = context.get("worker")
    membership = getattr(worker, "membership", None)
    return (
        membership is not None
        and membership.role in CASEWORK_ROLES
        and membership.council_id == getattr(actor.membership, "council_id", None)
    )


def worker_is_a_change(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """This person is already the family's worker: choose someone else to change the worker."""
    worker = context.get("worker")
    return worker is None or context.get("current_worker_id") != worker.pk


def nobody_is_allocated(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """This family already has a named worker. Ask a team manager to change the worker."""
    return context.get("current_worker_id") is None


def taker_does_casework(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Only a practitioner or a manager can take a request."""
    membership = getattr(actor, "membership", None)
    return membership is not None and membership.role in CASEWORK_ROLES


ALL_REQUEST_STATUSES = frozenset(RequestStatus.values)

ALLOCATION = Workflow(
    event_writer=write_pathway_event,
    record_type="request for help",
    moves=(
        Move(
            "allocate_worker",
            "Allocate a worker",
            ALL_REQUEST_STATUSES,
            KEEPS_STATUS,
            (allocator_is_a_team_manager, worker_is_in_the_council, worker_is_a_change),
        ),
        Move(
            "take_request",
            "Take this request",
            ALL_REQUEST_STATUSES,
            KEEPS_STATUS,
            (taker_does_casework, nobody_is_allocated),
        ),
    ),
)

ALLOCATION_MOVES = frozenset(m.name for m in ALLOCATION.moves)
"""The moves that name a family's worker. They keep the request's status, so one made while a
proposal the family has not been told about stands records a safeguarding status: the family's
pages hold such an event back (`visibility.HiddenMoves.hides`)."""
