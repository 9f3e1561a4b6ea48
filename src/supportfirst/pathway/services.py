"""Writing the support pathway: requests, next-step decisions, safeguarding moves, contacts.

Every function here is the one way to make its change, from the staff pages, the family's
own online form (issue 6) or the API. Each writes the access log and, for a move, a
PathwayEvent through the workflow.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Council
from supportfirst.families.models import Child, Family, ParentCarer
from supportfirst.families.moves import move_family
from supportfirst.kernel import timewords
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, apply_move, record_event
from supportfirst.notifications import family_events
from supportfirst.notifications import services as notifications
from supportfirst.notifications.models import Channel
from supportfirst.pathway import hooks, moves
from supportfirst.pathway.evidence import explained_words
from supportfirst.pathway.models import (
    Contact,
    ContactStatus,
    FamilyView,
    InformationBasis,
    Intrusion,
    IntrusionRecord,
    NextStepDecision,
    Pathway,
    SafeguardingMove,
    SupportRequest,
)
from supportfirst.rules import intrusion as intrusion_rule
from supportfirst.rules import workdays
from supportfirst.rules.intrusion import (
    REQUIRED_INTRUSION_FIELDS,
    intrusion_record_gaps,
    intrusions_for,
    plan_date_problem,
)
from supportfirst.wording.models import WordingReason
from supportfirst.wording.services import Reasons, keep_reasons

NEXT_STEP_WORKING_DAYS = 1
ASSESSMENT_WORKING_DAYS = 45
_REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class NewFamily:
    """A family the council does not know yet, with the child the request is for."""

    family_name: str
    parent_name: str
    parent_relationship: str
    parent_email: str
    parent_phone: str
    child_first_name: str
    child_last_name: str
    child_date_of_birth: date
    child_about: str = ""


def _reference(la_code: str) -> str:
    while True:
        code = "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(6))
        reference = f"R{la_code}-{code}"
        if not SupportRequest.objects.filter(reference=reference).exists():
            return reference


def _family_reference(la_code: str) -> str:
    while True:
        code = "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(6))
        reference = f"SF-{la_code}-{code}"
        if not Family.objects.filter(reference=reference).exists():
            return reference


def family_create(*, actor: Actor, council_id: int, new: NewFamily) -> tuple[Family, Child]:
    council = Council.objects.get(pk=council_id)
    family = Family.objects.create(
        council=council, reference=_family_reference(council.la_code), name=new.family_name
    )
    ParentCarer.objects.create(
        family=family,
        full_name=new.parent_name,
        relationship=new.parent_relationship,
        email=new.parent_email,
        phone=new.parent_phone,
    )
    child = Child.objects.create(
        family=family,
        first_name=new.child_first_name,
        last_name=new.child_last_name,
        date_of_birth=new.child_date_of_birth,
        about=new.child_about,
    )
    log_access(actor, family_id=family.pk, record=family, action=Action.CREATE)
    return family, child


@transaction.atomic
def support_request_create(
    *,
    actor: Actor,
    child: Child | None = None,
    new_family: NewFamily | None = None,
    received_at: datetime,
    who_asked: str,
    requester_name: str,
    requester_organisation: str = "",
    help_asked_for: str,
    consent_to_contact_others: bool,
    communication_needs: str = "",
    preferred_contact: str,
    parent_asked_for_own_assessment: bool = False,
    young_carer_assessment_asked: bool = False,
) -> SupportRequest:
    """Record a request for help for an existing child or for a new family. A parent who asked
    for help for themselves, or for a young carer's assessment, has that assessment recorded
    as requested when the support pathway starts (`assessments.services.offer_assessments`)."""
    if (child is None) == (new_family is None):
        raise ValueError("Give either an existing child or a new family, not both.")
    if new_family is not None:
        family, child = family_create(
            actor=actor, council_id=actor.scope.council_id, new=new_family
        )
    else:
        assert child is not None
        family = child.family
    received_day = timezone.localdate(received_at)
    request = SupportRequest.objects.create(
        family=family,
        child=child,
        reference=_reference(family.council.la_code),
        received_at=received_at,
        who_asked=who_asked,
        requester_name=requester_name,
        requester_organisation=requester_organisation,
        help_asked_for=help_asked_for,
        consent_to_contact_others=consent_to_contact_others,
        communication_needs=communication_needs,
        preferred_contact=preferred_contact,
        next_step_due=workdays.add_working_days(received_day, NEXT_STEP_WORKING_DAYS),
        assessment_due=workdays.add_working_days(received_day, ASSESSMENT_WORKING_DAYS),
        recorded_by=actor.user if actor.user.is_authenticated else None,
        parent_asked_for_own_assessment=parent_asked_for_own_assessment,
        young_carer_assessment_asked=young_carer_assessment_asked,
    )
    record_event(
        moves.REQUEST,
        request,
        move="receive",
        to_status=request.status,
        actor=actor.user,
        # When it was received, as the request says: never the moment it was typed in.
        at=received_at,
        summary=f"Request for help for {child.first_name} received from {requester_name}",
    )
    move_family(family.pk, "request_received")
    log_access(actor, family_id=family.pk, record=request, action=Action.CREATE)
    family_events.request_received(request)
    return request


@transaction.atomic
def decide_support(*, actor: Actor, request: SupportRequest, notes: str = "") -> NextStepDecision:
    """The default for a disabled child: assess needs with the family on the support pathway."""
    event = apply_move(
        moves.REQUEST,
        request,
        "decide_support",
        actor=actor.user,
        summary=f"Next step: support pathway for {request.child.first_name}",
    )
    decision = NextStepDecision.objects.create(
        family_id=request.family_id,
        request=request,
        pathway=Pathway.SUPPORT,
        notes=notes,
        decided_by=actor.user,
        decided_at=event.at,
    )
    log_access(actor, family_id=request.family_id, record=decision, action=Action.CREATE)
    hooks.support_is_chosen(actor=actor, request=request)
    family_events.decision_made(decision)
    return decision


@dataclass(frozen=True)
class FamilyAgreement:
    """The family's agreement that information and advice is enough: who, when and how."""

    agreed_by: str
    agreed_on: date | None
    agreed_how: str


# How a next-step decision names itself on the reasons kept for flagged words in it.
DECISION_RECORD_TYPE = "pathway.nextstepdecision"


@transaction.atomic
def decide_information(
    *,
    actor: Actor,
    request: SupportRequest,
    information_given: str,
    agreement: FamilyAgreement | None = None,
    reasons: Reasons | None = None,
) -> NextStepDecision:
    """Information and advice only, with the family's recorded agreement: never a quiet
    refusal to assess. Without agreement, `propose_not_assessing` records a reasoned decision
    for a team manager to confirm."""
    agreed = agreement or FamilyAgreement("", None, "")
    event = apply_move(
        moves.REQUEST,
        request,
        "decide_information",
        actor=actor.user,
        summary="Next step: information and advice given, as the family agreed "
        f"({agreed.agreed_by}, {agreed.agreed_how})",
        reason=information_given,
        context={
            "information_given": information_given,
            "basis": InformationBasis.FAMILY_AGREED if agreement else "",
            "agreed_by": agreed.agreed_by,
            "agreed_on": agreed.agreed_on,
            "agreed_how": agreed.agreed_how,
        },
    )
    decision = NextStepDecision.objects.create(
        family_id=request.family_id,
        request=request,
        pathway=Pathway.INFORMATION,
        information_given=information_given,
        decided_by=actor.user,
        decided_at=event.at,
        basis=InformationBasis.FAMILY_AGREED,
        agreed_by=agreed.agreed_by,
        agreed_on=agreed.agreed_on,
        agreed_how=agreed.agreed_how,
    )
    keep_reasons(reasons, decision, actor=actor)
    _information_given(actor, request, decision)
    return decision


def _information_given(actor: Actor, request: SupportRequest, decision: NextStepDecision) -> None:
    move_family(request.family_id, "information_given")
    log_access(actor, family_id=request.family_id, record=decision, action=Action.CREATE)
    cancel_open_contacts(actor, request)
    sent_to = send_information(request=request, information_given=decision.information_given)
    if not sent_to:
        family_events.decision_made(decision)
    if sent_to:
        record_event(
            moves.REQUEST,
            decision,
            record_type="next-step decision",
            move="send_information",
            to_status="sent",
            actor=actor.user,
            summary=f"Information and advice emailed to {', '.join(sent_to)}",
        )


@transaction.atomic
def propose_not_assessing(
    *,
    actor: Actor,
    request: SupportRequest,
    information_given: str,
    reason: str,
    reasons: Reasons | None = None,
) -> NextStepDecision:
    """A reasoned decision not to assess the child's needs, given with information and advice;
    it waits for a team manager (not the person who made it) to confirm. The family is told
    once it is confirmed."""
    event = apply_move(
        moves.REQUEST,
        request,
        "propose_not_assessing",
        actor=actor.user,
        reason=reason,
        summary="A decision not to assess was made: it waits for a team manager to confirm",
        context={"information_given": information_given, "not_assessing_reason": reason},
    )
    decision = NextStepDecision.objects.create(
        family_id=request.family_id,
        request=request,
        pathway=Pathway.INFORMATION,
        information_given=information_given,
        decided_by=actor.user,
        decided_at=event.at,
        basis=InformationBasis.NOT_ASSESSING,
        not_assessing_reason=reason,
    )
    log_access(actor, family_id=request.family_id, record=decision, action=Action.CREATE)
    keep_reasons(reasons, decision, actor=actor)
    return decision


@transaction.atomic
def confirm_not_assessing(
    *,
    actor: Actor,
    request: SupportRequest,
    confirm: bool,
    reason: str,
    reasons: Reasons | None = None,
) -> NextStepDecision:
    """A team manager confirms the decision not to assess (the family is then sent the
    information and told; the letter explains their right to an assessment and how to
    challenge), or does not: the child's needs are assessed on the support pathway."""
    decision = NextStepDecision.objects.get(request=request)
    context = {"decided_by_id": decision.decided_by_id, "reason": reason}
    keep_reasons(reasons, decision, actor=actor)
    if confirm:
        event = apply_move(
            moves.REQUEST,
            request,
            "confirm_not_assessing",
            actor=actor.user,
            reason=reason,
            context=context,
            summary="A team manager confirmed the decision not to assess: information and "
            "advice given",
        )
        decision.confirmed_by = actor.user
        decision.confirmed_at = event.at
        decision.confirm_reason = reason
        decision.save(update_fields=["confirmed_by", "confirmed_at", "confirm_reason"])
        _information_given(actor, request, decision)
        # The letter (the reason, the right to an assessment, how to challenge) is prepared
        # now, for the worker to check and send (`hooks.WHEN_NOT_ASSESSING_IS_CONFIRMED`).
        decision.prepared = hooks.not_assessing_is_confirmed(actor=actor, decision=decision)
        return decision
    apply_move(
        moves.REQUEST,
        request,
        "assess_after_all",
        actor=actor.user,
        reason=reason,
        context=context,
        summary=f"A team manager did not confirm the decision not to assess: "
        f"{request.child.first_name}'s needs will be assessed on the support pathway",
    )
    decision.pathway = Pathway.SUPPORT
    decision.basis = ""
    decision.confirm_reason = reason
    decision.notes = f"A team manager decided the needs must be assessed: {reason}"
    decision.save(update_fields=["pathway", "basis", "confirm_reason", "notes"])
    log_access(actor, family_id=request.family_id, record=decision, action=Action.CHANGE)
    hooks.support_is_chosen(actor=actor, request=request)
    family_events.decision_made(decision)
    return decision


def send_information(*, request: SupportRequest, information_given: str) -> list[str]:
    """Email the information and advice to the family's parent carers who gave an address
    (recorded as the family's next-step message, and sent after the decision is saved: a mail
    server that refuses it marks the message failed, never stops the decision). Families who
    prefer letters, calls or texts are sent it that way by the team."""
    if request.preferred_contact != "email":
        return []
    addresses = [
        carer.email
        for carer in ParentCarer.objects.filter(family_id=request.family_id).exclude(email="")
    ]
    if not addresses:
        return []
    council = request.family.council
    body = (
        f"Hello,\n\nThank you for asking {council.name} for help for {request.child.first_name}. "
        f"Your reference is {request.reference}.\n\n"
        f"Here is the information and advice we talked about:\n\n{information_given}\n\n"
        "If things change, or this is not the help you need, you can ask again at any time: "
        f"phone {council.contact_phone or 'the disabled children’s team'}"
        f"{' or email ' + council.contact_email if council.contact_email else ''}.\n\n"
        f"{council.name}\n"
    )
    notifications.send_after_commit(
        request.family,
        notifications.DECISION_MADE,
        channel=Channel.EMAIL,
        destinations=addresses,
        subject=f"Information and advice about your request {request.reference}",
        body=body,
    )
    return addresses


@transaction.atomic
def safeguarding_propose(
    *,
    actor: Actor,
    request: SupportRequest,
    what_happened: str,
    seen_or_said_by: str,
    when_it_happened: str,
    family_told: bool | None,
    family_told_at: datetime | None,
    reason_not_told: str,
    reasons: Reasons | None = None,
) -> SafeguardingMove:
    """Propose the rare move to safeguarding, on evidence written as facts. Flagged words are
    kept with a reason each (never refused outright: facts about harm are always recordable)."""
    team = getattr(getattr(actor.user, "membership", None), "team", None)
    move = SafeguardingMove(
        family_id=request.family_id,
        request=request,
        what_happened=what_happened,
        seen_or_said_by=seen_or_said_by,
        when_it_happened=when_it_happened,
        family_told=family_told,
        family_told_at=family_told_at if family_told else None,
        reason_not_told="" if family_told else reason_not_told,
        proposed_by=actor.user,
        proposed_at=timezone.now(),
        team=team,
    )
    context = {"explained_words": explained_words(reasons)}
    failures = moves.refusals(moves.PROPOSAL_GUARDS, move, actor.user, context)
    if failures:
        raise MoveRefused(failures)
    apply_move(
        moves.REQUEST,
        request,
        "propose_safeguarding",
        actor=actor.user,
        summary="A move to safeguarding was proposed for a team manager to decide",
    )
    move.save()
    log_access(actor, family_id=request.family_id, record=move, action=Action.CREATE)
    keep_reasons(reasons, move, actor=actor)
    return move


def _return_move(request: SupportRequest) -> str:
    """A declined proposal goes back where the request was: on the support pathway if the
    next step had been decided, otherwise waiting for that decision."""
    decided = NextStepDecision.objects.filter(request=request).exists()
    return "return_to_support" if decided else "return_to_decision"


@transaction.atomic
def safeguarding_decide(
    *,
    actor: Actor,
    move: SafeguardingMove,
    approve: bool,
    reason: str,
    family_told: bool | None = None,
    family_told_at: datetime | None = None,
    reason_not_told: str = "",
    seen_or_said_by: str = "",
    reasons: Reasons | None = None,
) -> SafeguardingMove:
    """A team manager (or the head of service) who did not propose the move approves it or
    sends it back. A concern recorded in a hurry (the immediate danger route) is completed here
    first: who saw or heard it."""
    if not move.seen_or_said_by.strip() and seen_or_said_by.strip():
        move.seen_or_said_by = seen_or_said_by.strip()
        move.save(update_fields=["seen_or_said_by"])
    if move.family_told is None and family_told is not None:
        move.family_told = family_told
        move.family_told_at = family_told_at if family_told else None
        move.reason_not_told = "" if family_told else reason_not_told
        move.save(update_fields=["family_told", "family_told_at", "reason_not_told"])
    name = "approve" if approve else "decline"
    kept = WordingReason.objects.filter(
        record_type="pathway.safeguardingmove", record_id=move.pk
    ).values_list("words", flat=True)
    apply_move(
        moves.SAFEGUARDING,
        move,
        name,
        actor=actor.user,
        reason=reason,
        context={
            "reason": reason,
            "explained_words": [w.lower() for w in kept] + explained_words(reasons),
        },
        summary="A team manager approved the move to safeguarding"
        if approve
        else "A team manager did not approve the move to safeguarding",
    )
    move.decided_by = actor.user
    move.decided_at = timezone.now()
    move.manager_reason = reason
    move.save(update_fields=["decided_by", "decided_at", "manager_reason"])
    apply_move(
        moves.REQUEST,
        move.request,
        "move_to_safeguarding" if approve else _return_move(move.request),
        actor=actor.user,
        reason=reason,
        summary="Moved to the council's safeguarding process"
        if approve
        else "Back to a next-step decision on the support route",
    )
    log_access(actor, family_id=move.family_id, record=move, action=Action.CHANGE)
    keep_reasons(reasons, move, actor=actor)
    return move


CLOSED_REASON = (
    "Your request for help has ended with information and advice, so this {kind} will not go "
    "ahead. If you still want it, or want us to assess {name}'s needs, ask us at any time."
)


def cancel_open_contacts(actor: Actor, request: SupportRequest) -> list[Contact]:
    """A request that closes takes its planned contacts with it: each is cancelled, with the
    reason the family reads, a line on the request's timeline, and the family told. None is
    left waiting for the family's view or for a team manager."""
    cancelled = []
    planned = Contact.objects.filter(request=request, status=ContactStatus.PLANNED)
    for contact in planned.select_related("request", "request__child", "request__family"):
        kind = contact.get_kind_display().lower()
        reason = CLOSED_REASON.format(kind=kind, name=request.child.first_name)

        def cancel(locked: Contact, reason: str = reason) -> None:
            locked.cancelled_reason = reason

        apply_move(
            moves.CONTACT,
            contact,
            "cancel",
            actor=actor.user,
            reason=reason,
            context={"reason": reason},
            change=cancel,
            summary=f"The planned {kind} was cancelled because the request closed",
        )
        contact.refresh_from_db()
        log_access(actor, family_id=contact.family_id, record=contact, action=Action.CHANGE)
        family_events.contact_cancelled(contact)
        cancelled.append(contact)
    return cancelled


def _contact_summary(contact: Contact, involved: list[str], done: str = "recorded") -> str:
    summary = f"{contact.get_kind_display()} {done}"
    if involved:
        # The family reads this on their timeline: the child's name, never "the child".
        child = contact.request.child.first_name
        labels = "; ".join(
            str(Intrusion(i).label).lower().replace("the child", child) for i in involved
        )
        summary += f", with the reasons it was needed ({labels})"
    return summary


def _record_gaps(involved: list[str], intrusion: dict[str, Any] | None) -> list[str]:
    if not involved:
        return []
    gaps = intrusion_record_gaps(intrusion)
    if not gaps:
        return []
    return [
        "This contact intrudes on family life, so it needs an intrusion record before it can "
        "be saved.",
        *gaps.values(),
    ]


def _save_intrusion_record(contact: Contact, intrusion: dict[str, Any]) -> None:
    fields = {name: intrusion[name] for name in REQUIRED_INTRUSION_FIELDS}
    IntrusionRecord.objects.update_or_create(
        contact=contact, defaults={"family_id": contact.family_id, **fields}
    )


def _guard_context(
    *,
    happened_at: datetime,
    notes: str,
    involved: list[str],
    family_view: str,
    kind: str,
    place: str,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "place": place,
        "happened_at": happened_at,
        "now": timezone.now(),
        "notes": notes,
        "intrusions": involved,
        "family_view": family_view,
    }


@transaction.atomic
def contact_record(
    *,
    actor: Actor,
    request: SupportRequest,
    kind: str,
    happened_at: datetime,
    place: str,
    family_chose_time_and_place: bool,
    notice_given: str,
    intrusions: list[str],
    notes: str,
    intrusion: dict[str, Any] | None = None,
    reasons: Reasons | None = None,
) -> Contact:
    """Record a contact that was not planned here, after the fact. Anything intrusive cannot be
    saved without its intrusion record; the date must be real (not in the future, not before
    the request); notes that describe an intrusion need that intrusion recorded; and on the
    support pathway an intrusion the family objected to needs a manager's approval first, so
    it must be planned."""
    involved = intrusions_for(kind, intrusions)
    now = timezone.now()
    contact = Contact(
        family_id=request.family_id,
        request=request,
        kind=kind,
        status=ContactStatus.DONE,
        happened_at=happened_at,
        place=place,
        family_chose_time_and_place=family_chose_time_and_place,
        notice_given=notice_given,
        intrusions=involved,
        notes=notes,
        recorded_by=actor.user,
        recorded_at=now,
    )
    context = _guard_context(
        happened_at=happened_at,
        notes=notes,
        involved=involved,
        family_view=str((intrusion or {}).get("family_view", "")),
        kind=kind,
        place=place,
    )
    failures = _record_gaps(involved, intrusion) + moves.contact_refusals(
        moves.RECORD_GUARDS, contact, actor.user, context
    )
    if failures:
        raise MoveRefused(failures)
    contact.save()
    if involved:
        assert intrusion is not None
        _save_intrusion_record(contact, intrusion)
    record_event(
        moves.CONTACT,
        contact,
        move="record_contact",
        to_status=ContactStatus.DONE,
        actor=actor.user,
        at=contact.recorded_at,
        summary=_contact_summary(contact, involved),
    )
    log_access(actor, family_id=request.family_id, record=contact, action=Action.CREATE)
    keep_reasons(reasons, contact, actor=actor)
    return contact


# How a contact names itself on the reasons kept for flagged words the family reads.
CONTACT_RECORD_TYPE = "pathway.contact"


@transaction.atomic
def contact_plan(
    *,
    actor: Actor,
    request: SupportRequest,
    kind: str,
    planned_for: datetime,
    place: str,
    family_chose_time_and_place: bool,
    notice_given: str,
    what_for: str,
    intrusions: list[str],
    intrusion: dict[str, Any] | None = None,
    reasons: Reasons | None = None,
) -> Contact:
    """Plan a visit or contact before it happens. Anything intrusive needs its intrusion
    record now, before it happens; the family is told what is planned, why, and the notice."""
    involved = intrusions_for(kind, intrusions)
    now = timezone.now()
    failures = []
    if problem := plan_date_problem(planned_for, now=now):
        failures.append(problem)
    if not what_for.strip():
        failures.append("Write what the contact is for, in words for the family")
    if kind == "meeting" and intrusion_rule.place_is_the_familys_home(place):
        failures.append(intrusion_rule.MEETING_AT_HOME)
    for found in intrusion_rule.intrusions_not_covered(what_for, involved):
        label = str(Intrusion(found.intrusion).label)
        failures.append(
            f"What it is for says “{found.words}”: that is “{label}”. Tick it and complete the "
            "intrusion record, or change the words if it is not planned."
        )
    failures += _record_gaps(involved, intrusion)
    if failures:
        raise MoveRefused(failures)
    contact = Contact.objects.create(
        family_id=request.family_id,
        request=request,
        kind=kind,
        status=ContactStatus.PLANNED,
        happened_at=planned_for,
        planned_for=planned_for,
        planned_by=actor.user,
        planned_at=now,
        place=place,
        family_chose_time_and_place=family_chose_time_and_place,
        notice_given=notice_given,
        what_for=what_for,
        intrusions=involved,
        recorded_by=actor.user,
        recorded_at=now,
    )
    if involved:
        assert intrusion is not None
        _save_intrusion_record(contact, intrusion)
    record_event(
        moves.CONTACT,
        contact,
        move="plan",
        to_status=ContactStatus.PLANNED,
        actor=actor.user,
        at=now,
        summary=f"{_contact_summary(contact, involved, 'planned')} for "
        f"{timewords.day(planned_for)} at {timewords.clock(planned_for)}",
    )
    log_access(actor, family_id=request.family_id, record=contact, action=Action.CREATE)
    keep_reasons(reasons, contact, actor=actor)
    family_events.contact_planned(contact)
    return contact


@transaction.atomic
def contact_record_done(
    *,
    actor: Actor,
    contact: Contact,
    kind: str,
    happened_at: datetime,
    place: str,
    family_chose_time_and_place: bool,
    notice_given: str,
    intrusions: list[str],
    notes: str,
    intrusion: dict[str, Any] | None = None,
    reasons: Reasons | None = None,
) -> Contact:
    """Record a planned contact as done: it fills in the plan. What was planned stays covered;
    the family's view stays as they gave it (only "record the family's view" changes it)."""
    move = moves.CONTACT.move("record_done")
    if contact.status not in move.sources:
        raise IllegalMove(
            f"“{move.label}” cannot be done now: this contact is already "
            f"“{contact.get_status_display()}”."
        )
    record = getattr(contact, "intrusion_record", None)
    involved = list(dict.fromkeys([*contact.intrusions, *intrusions_for(kind, intrusions)]))
    given = dict(intrusion or {})
    if record is not None:
        given["family_view"] = record.family_view
        given["family_words"] = record.family_words
    context = _guard_context(
        happened_at=happened_at,
        notes=notes,
        involved=involved,
        family_view=str(given.get("family_view", "")),
        kind=kind,
        place=place,
    )
    failures = _record_gaps(involved, given) + moves.contact_refusals(
        moves.RECORD_GUARDS, contact, actor.user, context
    )
    if failures:
        raise MoveRefused(failures)

    def fill_in(locked: Contact) -> None:
        locked.kind = kind
        locked.happened_at = happened_at
        locked.place = place
        locked.family_chose_time_and_place = family_chose_time_and_place
        locked.notice_given = notice_given
        locked.intrusions = involved
        locked.notes = notes
        locked.recorded_by = actor.user
        locked.recorded_at = timezone.now()

    apply_move(
        moves.CONTACT,
        contact,
        "record_done",
        actor=actor.user,
        context=context,
        change=fill_in,
        summary=_contact_summary(contact, involved, "done, as planned"),
    )
    if involved:
        _save_intrusion_record(contact, given)
    contact.refresh_from_db()
    log_access(actor, family_id=contact.family_id, record=contact, action=Action.CHANGE)
    keep_reasons(reasons, contact, actor=actor)
    return contact


@transaction.atomic
def contact_family_view(
    *,
    actor: Actor,
    contact: Contact,
    family_view: str,
    family_words: str,
    in_their_words: bool = False,
) -> Contact:
    """Record what the family said about a planned contact: they agree, or they object.
    `in_their_words` only when the family typed the words themselves: a worker's note of what
    they said is never shown to them as a quotation."""
    record = getattr(contact, "intrusion_record", None)
    if record is None:
        raise MoveRefused(["Only a planned contact that intrudes on family life asks this."])
    if not family_words.strip():
        raise MoveRefused(["Write the family's view in their own words"])
    view = FamilyView(family_view)
    apply_move(
        moves.CONTACT,
        contact,
        "record_family_view",
        actor=actor.user,
        reason=family_words,
        context={"family_view": view, "by_the_family": actor.scope.is_family},
        summary=f"The family's view of the planned {contact.get_kind_display().lower()}: "
        f"{'they agree' if view == FamilyView.AGREE else 'they object'}",
    )
    record.family_view = view
    record.family_words = family_words
    record.words_by_family = in_their_words and actor.scope.is_family
    record.save(update_fields=["family_view", "family_words", "words_by_family"])
    log_access(actor, family_id=contact.family_id, record=record, action=Action.CHANGE)
    return contact


@transaction.atomic
def contact_approve(
    *, actor: Actor, contact: Contact, reason: str, reasons: Reasons | None = None
) -> Contact:
    """A team manager (not the person who planned it) lets a contact the family objected to go
    ahead, with a written reason the family reads."""

    def approve(locked: Contact) -> None:
        locked.approved_by = actor.user
        locked.approved_at = timezone.now()
        locked.approval_reason = reason

    apply_move(
        moves.CONTACT,
        contact,
        "approve_despite_objection",
        actor=actor.user,
        reason=reason,
        context={"reason": reason},
        change=approve,
        summary=f"A team manager approved the planned {contact.get_kind_display().lower()} "
        "although the family objected",
    )
    contact.refresh_from_db()
    log_access(actor, family_id=contact.family_id, record=contact, action=Action.CHANGE)
    keep_reasons(reasons, contact, actor=actor)
    family_events.contact_approved(contact)
    return contact


@transaction.atomic
def contact_cancel(
    *, actor: Actor, contact: Contact, reason: str, reasons: Reasons | None = None
) -> Contact:
    """Cancel a planned contact, with the reason the family reads."""

    def cancel(locked: Contact) -> None:
        locked.cancelled_reason = reason

    apply_move(
        moves.CONTACT,
        contact,
        "cancel",
        actor=actor.user,
        reason=reason,
        context={"reason": reason},
        change=cancel,
        summary=f"The planned {contact.get_kind_display().lower()} was cancelled",
    )
    contact.refresh_from_db()
    log_access(actor, family_id=contact.family_id, record=contact, action=Action.CHANGE)
    keep_reasons(reasons, contact, actor=actor)
    family_events.contact_cancelled(contact)
    return contact
