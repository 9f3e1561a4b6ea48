"""The moves of a request for help and of a proposed move to safeguarding, with their guards.

Each guard's docstring is the message shown when it fails.
"""

from __future__ import annotations

from typing import Any

from supportfirst.councils.guards import is_a_team_manager, not_the_person_who, team_manager_only
from supportfirst.councils.models import CASEWORK_ROLES
from supportfirst.kernel.workflow import KEEPS_STATUS, Guard, Move, Workflow, guard_message
from supportfirst.pathway.events import write_pathway_event
from supportfirst.pathway.models import (
    Contact,
    ContactStatus,
    FamilyView,
    InformationBasis,
    Intrusion,
    MoveStatus,
    RequestStatus,
    SafeguardingMove,
)
from supportfirst.rules import evidence
from supportfirst.rules import intrusion as intrusion_rule


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


def family_agreement_is_recorded(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Information and advice only needs the family's agreement, recorded: who agreed, when and
    how. Without it, record a reasoned decision not to assess for a team manager to confirm."""
    return context.get("basis") == InformationBasis.FAMILY_AGREED and all(
        str(context.get(name) or "").strip() for name in ("agreed_by", "agreed_on", "agreed_how")
    )


def not_assessing_reason_is_written(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Write the reason for not assessing the child's needs: a team manager reads it before
    confirming, and the family is told it."""
    return bool(str(context.get("not_assessing_reason", "")).strip())


confirmer_is_a_team_manager = team_manager_only(
    "confirmer_is_a_team_manager",
    "Only a team manager or a head of service can confirm a decision not to assess.",
)


def confirmer_did_not_decide(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """A different team manager, or the head of service, must confirm: the person who decided
    not to assess cannot."""
    return context.get("decided_by_id") != actor.pk


def confirm_reason_is_written(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Write the reason for your decision."""
    return bool(str(context.get("reason", "")).strip())


def danger_is_written_down(move: SafeguardingMove, actor: Any, context: dict[str, Any]) -> bool:
    """Write what was seen or heard, when, and who is at risk."""
    parts = (move.what_happened, move.when_it_happened, move.who_at_risk)
    return all(part.strip() for part in parts)


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
            (information_is_written, family_agreement_is_recorded),
        ),
        # Not a quiet refusal to assess: a reasoned decision, confirmed by a team manager.
        Move(
            "propose_not_assessing",
            "Decide not to assess, for a team manager to confirm",
            frozenset({RequestStatus.AWAITING_DECISION}),
            RequestStatus.NOT_ASSESSING_PROPOSED,
            (information_is_written, not_assessing_reason_is_written),
        ),
        Move(
            "confirm_not_assessing",
            "Confirm the decision not to assess",
            frozenset({RequestStatus.NOT_ASSESSING_PROPOSED}),
            RequestStatus.INFORMATION_GIVEN,
            (confirmer_is_a_team_manager, confirmer_did_not_decide, confirm_reason_is_written),
        ),
        Move(
            "assess_after_all",
            "Do not confirm: assess the child's needs on the support pathway",
            frozenset({RequestStatus.NOT_ASSESSING_PROPOSED}),
            RequestStatus.SUPPORT_PATHWAY,
            (confirmer_is_a_team_manager, confirm_reason_is_written),
        ),
        # A child may be in immediate danger: one short step records the concern and tells
        # every manager at once; the record is completed afterwards, and decided as a proposal.
        Move(
            "report_immediate_danger",
            "A child may be in immediate danger",
            frozenset({RequestStatus.AWAITING_DECISION, RequestStatus.SUPPORT_PATHWAY}),
            RequestStatus.SAFEGUARDING_PROPOSED,
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
# The immediate danger route never waits for words: opinion words are flagged, and their
# reasons asked when the record is completed (the approval runs `opinions_have_reasons`).
DANGER_GUARDS = (danger_is_written_down,)


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


# ---------------------------------------------------------------------------------------------
# Contacts: planned (with the intrusion record and notice to the family) -> done or cancelled.
# A contact recorded after the fact is checked by the same guards as "record_done".
# ---------------------------------------------------------------------------------------------


def _record_of(contact: Contact) -> Any:
    return getattr(contact, "intrusion_record", None) if contact.pk else None


def _view(contact: Contact, context: dict[str, Any]) -> str:
    if "family_view" in context:
        return str(context["family_view"])
    record = _record_of(contact)
    return record.family_view if record is not None else ""


def contact_date_is_not_in_the_future(
    contact: Contact, actor: Any, context: dict[str, Any]
) -> bool:
    """The date of the contact must be today or in the past: plan it instead."""
    return context["happened_at"] <= context["now"]


def contact_date_is_not_before_the_request(
    contact: Contact, actor: Any, context: dict[str, Any]
) -> bool:
    """The date of the contact must be on or after the day the request for help was made."""
    return bool(context["happened_at"] >= contact.request.received_at)


def a_meeting_at_home_is_a_home_visit(
    contact: Contact, actor: Any, context: dict[str, Any]
) -> bool:
    """The place is the family's home: choose “Home visit” as the kind of contact, so its
    reasons are recorded and the family is told first"""
    kind = str(context.get("kind", contact.kind))
    return kind != "meeting" or not intrusion_rule.place_is_the_familys_home(
        str(context.get("place", contact.place))
    )


def family_view_is_recorded(contact: Contact, actor: Any, context: dict[str, Any]) -> bool:
    """Record whether the family agreed or objected before recording this contact as done."""
    involved = context.get("intrusions", contact.intrusions)
    return not involved or _view(contact, context) != FamilyView.WAITING


def objection_is_approved(contact: Contact, actor: Any, context: dict[str, Any]) -> bool:
    """The family objected, so this cannot go ahead on the support pathway unless a team
    manager approves it first, with a reason the family will read. Ask a team manager, or
    cancel it and offer the less intrusive option."""
    involved = context.get("intrusions", contact.intrusions)
    return not involved or not intrusion_rule.objection_blocks(
        family_view=_view(contact, context),
        approved=contact.approved_by_id is not None,
        on_support_pathway=contact.request.status != RequestStatus.MOVED_TO_SAFEGUARDING,
    )


def uncovered_intrusions(contact: Contact, context: dict[str, Any]) -> list[Any]:
    """The intrusions the notes describe that the contact's intrusion record does not cover."""
    return intrusion_rule.intrusions_not_covered(
        str(context.get("notes", contact.notes)),
        list(context.get("intrusions", contact.intrusions)),
    )


def notes_describe_only_recorded_intrusions(
    contact: Contact, actor: Any, context: dict[str, Any]
) -> bool:
    """The notes describe an intrusion that has no intrusion record."""
    return not uncovered_intrusions(contact, context)


def contact_refusals(
    guards: tuple[Guard, ...], contact: Contact, actor: Any, context: dict[str, Any]
) -> list[str]:
    """The messages of the guards that fail; the notes guard names the words found and the
    intrusion to add."""
    messages = []
    for guard in guards:
        if guard(contact, actor, context):
            continue
        if guard is notes_describe_only_recorded_intrusions:
            for found in uncovered_intrusions(contact, context):
                label = str(Intrusion(found.intrusion).label)
                messages.append(
                    f"The notes say “{found.words}”: that is “{label}”. Tick it and complete "
                    "the intrusion record, or change the notes if it did not happen."
                )
            continue
        messages.append(guard_message(guard))
    return messages


RECORD_GUARDS: tuple[Guard, ...] = (
    a_meeting_at_home_is_a_home_visit,
    contact_date_is_not_in_the_future,
    contact_date_is_not_before_the_request,
    family_view_is_recorded,
    objection_is_approved,
    notes_describe_only_recorded_intrusions,
)


def family_objected(contact: Contact, actor: Any, context: dict[str, Any]) -> bool:
    """Only a contact the family objected to needs a team manager's approval."""
    return _view(contact, {}) == FamilyView.OBJECT


def only_the_family_withdraws_an_objection(
    contact: Contact, actor: Any, context: dict[str, Any]
) -> bool:
    """The family said no. Only they can change their answer to yes, on their request page;
    or a team manager can approve it with a reason the family reads. If they told you they now
    agree and cannot change it online, cancel this contact and plan it again with their
    agreement: the family is told both."""
    return not (
        _view(contact, {}) == FamilyView.OBJECT
        and context.get("family_view") == FamilyView.AGREE
        and not context.get("by_the_family", False)
    )


def approval_reason_is_written(contact: Contact, actor: Any, context: dict[str, Any]) -> bool:
    """Write the reason it should go ahead although the family objected, in at least a
    sentence: the family will read it."""
    return len(str(context.get("reason", "")).strip()) >= 20


def cancel_reason_is_written(contact: Contact, actor: Any, context: dict[str, Any]) -> bool:
    """Write why the contact is cancelled: the family will read it."""
    return bool(str(context.get("reason", "")).strip())


approver_is_a_manager = team_manager_only(
    "approver_is_a_manager",
    "Only a team manager or a head of service can approve a contact the family objected to.",
)
approver_did_not_plan = not_the_person_who(
    "planned_by",
    "approver_did_not_plan",
    "A different team manager, or the head of service, must approve: the person who planned "
    "the contact cannot.",
)

CONTACT = Workflow(
    event_writer=write_pathway_event,
    record_type="contact",
    moves=(
        Move(
            "record_done",
            "Record the contact as done",
            frozenset({ContactStatus.PLANNED}),
            ContactStatus.DONE,
            RECORD_GUARDS,
        ),
        Move(
            "cancel",
            "Cancel the planned contact",
            frozenset({ContactStatus.PLANNED}),
            ContactStatus.CANCELLED,
            (cancel_reason_is_written,),
        ),
        Move(
            "record_family_view",
            "Record the family's view",
            frozenset({ContactStatus.PLANNED}),
            KEEPS_STATUS,
            (only_the_family_withdraws_an_objection,),
        ),
        Move(
            "approve_despite_objection",
            "Approve although the family objected",
            frozenset({ContactStatus.PLANNED}),
            KEEPS_STATUS,
            (
                family_objected,
                approver_is_a_manager,
                approver_did_not_plan,
                approval_reason_is_written,
            ),
        ),
    ),
)


# A named worker for the family a request belongs to. Allocation keeps the request's status; the
# change is on the request's timeline (who, when, and the worker named in the summary).


def allocator_is_a_team_manager(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Only a team manager or the head of service can allocate a worker. A practitioner can
    take a request that has no worker yet."""
    return is_a_team_manager(actor)


def worker_is_in_the_council(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Choose a practitioner or manager in your council, whose account is open, as the worker."""
    worker = context.get("worker")
    membership = getattr(worker, "membership", None)
    return (
        membership is not None
        and membership.holds_any(CASEWORK_ROLES)
        and getattr(worker, "is_active", False)
        and membership.council_id == getattr(actor.membership, "council_id", None)
    )


def worker_is_a_change(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """This person is already the family's worker: choose someone else to change the worker."""
    worker = context.get("worker")
    return worker is None or context.get("current_worker_id") != worker.pk


def worker_is_trained(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """The council allows only practitioners whose assessment training (written and delivered
    with parent carers) is in date to be a family's worker on the support pathway. Choose
    someone whose training is in date, or ask a manager to record their training."""
    return "assessment" not in context.get("training_missing", ())


def worker_is_trained_for_young_carers(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """This request asks for a young carer's assessment: the family's worker needs the young
    carers' training, in date. Choose someone whose young carers' training is in date."""
    return "young_carers" not in context.get("training_missing", ())


def nobody_is_allocated(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """This family already has a named worker. Ask a team manager to change the worker."""
    return context.get("current_worker_id") is None


def taker_does_casework(request: Any, actor: Any, context: dict[str, Any]) -> bool:
    """Only a practitioner or a manager can take a request."""
    membership = getattr(actor, "membership", None)
    return membership is not None and membership.holds_any(CASEWORK_ROLES)


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
            (
                allocator_is_a_team_manager,
                worker_is_in_the_council,
                worker_is_a_change,
                worker_is_trained,
                worker_is_trained_for_young_carers,
            ),
        ),
        Move(
            "take_request",
            "Take this request",
            ALL_REQUEST_STATUSES,
            KEEPS_STATUS,
            (
                taker_does_casework,
                nobody_is_allocated,
                worker_is_trained,
                worker_is_trained_for_young_carers,
            ),
        ),
    ),
)

ALLOCATION_MOVES = frozenset(m.name for m in ALLOCATION.moves)
"""The moves that name a family's worker. They keep the request's status, so one made while a
proposal the family has not been told about stands records a safeguarding status: the family's
pages hold such an event back (`visibility.HiddenMoves.hides`)."""
