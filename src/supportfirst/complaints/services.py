"""Writing complaints: the one way to make, move and record each step of a complaint.

Every function makes its move in `moves.COMPLAINT` through the workflow kernel (IllegalMove 409
when the complaint is not in a state for it; MoveRefused with plain messages when something is
missing), which changes the complaint atomically and writes a `ComplaintEvent`; the service
writes the access log and tells the family.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.complaints import clock, moves
from supportfirst.complaints.models import (
    AdvocacyAnswer,
    Complaint,
    ComplaintStage,
    Outcome,
    Stage,
    TimeLimitDecision,
)
from supportfirst.families.models import Family
from supportfirst.kernel.workflow import MoveRefused, apply_move, record_event
from supportfirst.notifications import family_events
from supportfirst.wording.services import Reasons, keep_reasons

_REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# How a complaint names itself on the reasons kept for flagged words in its responses.
RECORD_TYPE = "complaints.complaint"


@dataclass(frozen=True)
class About:
    """The record a complaint is about: a type and id (as a correction request has), or only
    a description in the family's words."""

    description: str
    type: str = ""
    id: int | None = None


def _reference(la_code: str) -> str:
    while True:
        code = "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(6))
        reference = f"C{la_code}-{code}"
        if not Complaint.objects.filter(reference=reference).exists():
            return reference


def _today() -> date:
    return timezone.localdate()


def current_stage(complaint: Complaint) -> ComplaintStage:
    return complaint.stages.get(stage=complaint.stage)


def _apply(
    name: str,
    complaint: Complaint,
    *,
    actor: Actor,
    summary: str,
    reason: str = "",
    context: dict[str, Any] | None = None,
    change: Callable[[Complaint, ComplaintStage], None] | None = None,
) -> Complaint:
    """Make one move on a complaint through the workflow kernel and log the access, in one
    transaction; or raise IllegalMove / MoveRefused."""
    with transaction.atomic():
        event = apply_move(
            moves.COMPLAINT,
            complaint,
            name,
            actor=actor.user,
            summary=summary,
            reason=reason,
            context=context,
            change=(lambda c: change(c, current_stage(c))) if change else None,
        )
        locked: Complaint = event.complaint
        log_access(actor, family_id=locked.family_id, record=locked, action=Action.CHANGE)
    return locked


def _open_stage(complaint: Complaint, stage: int, opened_on: date, *, late: bool = False) -> None:
    due = clock.stage_due(stage, opened_on)
    ComplaintStage.objects.create(
        family_id=complaint.family_id,
        complaint=complaint,
        stage=stage,
        opened_on=opened_on,
        due_on=due,
        asked_late=late,
    )
    complaint.stage = stage
    complaint.respond_by = due
    complaint.acknowledged_on = None
    complaint.acknowledged_by = None


@transaction.atomic
def complaint_make(
    *,
    actor: Actor,
    family: Family,
    summary: str,
    put_right: str = "",
    about: About,
    received_on: date | None = None,
    happened_on: date | None = None,
) -> Complaint:
    """A family's complaint, received today (or on the given day): stage 1 opens. When the
    family says when it happened, the one-year time limit is checked now: a late complaint is
    taken, and the complaints manager decides whether to consider it (never refused here)."""
    if not summary.strip():
        raise MoveRefused(["Tell us what went wrong."])
    received = received_on or _today()
    if happened_on is not None and happened_on > received:
        raise MoveRefused(["The date it happened must be today or in the past."])
    complaint = Complaint.objects.create(
        family=family,
        reference=_reference(family.council.la_code),
        received_on=received,
        respond_by=clock.stage_1_due(received),
        summary=summary,
        put_right=put_right,
        about_type=about.type,
        about_id=about.id,
        about_description=about.description[:300],
        made_by=actor.user if actor.user.is_authenticated else None,
        made_at=timezone.now(),
        happened_on=happened_on,
    )
    _open_stage(complaint, Stage.LOCAL_RESOLUTION, received)
    complaint.save()
    record_event(
        moves.COMPLAINT,
        complaint,
        move="make",
        to_status=complaint.status,
        actor=actor.user,
        summary=f"Complaint {complaint.reference} received",
    )
    log_access(actor, family_id=family.pk, record=complaint, action=Action.CREATE)
    family_events.complaint_received(complaint)
    return complaint


def complaint_acknowledge(
    *, actor: Actor, complaint: Complaint, on: date | None = None
) -> Complaint:
    """The council tells the family it has the complaint (at each stage)."""

    def change(c: Complaint, stage: ComplaintStage) -> None:
        c.acknowledged_on = on or _today()
        c.acknowledged_by = actor.user

    done = _apply(
        "acknowledge",
        complaint,
        actor=actor,
        summary=f"{complaint.get_stage_display()} acknowledged",
        change=change,
    )
    family_events.complaint_acknowledged(done)
    return done


def complaint_decide_time_limit(
    *,
    actor: Actor,
    complaint: Complaint,
    consider: bool,
    reason: str,
    reasons: Reasons | None = None,
) -> Complaint:
    """A complaint made more than a year after what it is about: whether the council considers
    it anyway, and why (Children Act 1989 Representations Procedure (England) Regulations 2006:
    it may, when it would not have been reasonable to complain in time and the complaint can
    still be considered effectively and fairly)."""
    decision = TimeLimitDecision.ACCEPTED if consider else TimeLimitDecision.NOT_CONSIDERED

    def change(c: Complaint, stage: ComplaintStage) -> None:
        c.time_limit_decision = decision
        c.time_limit_reason = reason.strip()

    done = _apply(
        "decide_time_limit",
        complaint,
        actor=actor,
        summary=str(decision.label),
        reason=reason.strip(),
        context={"reason": reason},
        change=change,
    )
    keep_reasons(reasons, done, actor=actor)
    return done


def complaint_agree_statement(
    *,
    actor: Actor,
    complaint: Complaint,
    statement: str,
    agreed_on: date,
    reasons: Reasons | None = None,
) -> Complaint:
    """Stage 2 starts with a statement of complaint agreed with the person complaining. The 25
    working days (65 at most) for the response run from the day it was agreed."""

    def change(c: Complaint, stage: ComplaintStage) -> None:
        _not_in_future(agreed_on, "agreement", stage.opened_on, "the day stage 2 was asked for")
        stage.statement = statement.strip()
        stage.statement_agreed_on = agreed_on
        stage.due_on = clock.stage_2_due(agreed_on)
        stage.extended_to = None
        stage.extension_reason = ""
        stage.save()
        c.respond_by = stage.due_on

    done = _apply(
        "agree_statement",
        complaint,
        actor=actor,
        summary=f"Statement of complaint agreed on {agreed_on:%-d %B %Y}",
        context={"statement": statement},
        change=change,
    )
    keep_reasons(reasons, done, actor=actor)
    return done


def complaint_name_worker(*, actor: Actor, complaint: Complaint, worker: Any | None) -> Complaint:
    """Who the complaint is about, when it is about a worker: from now on they cannot see it.
    The person recording it cannot name themselves (they would lose the complaint)."""
    if worker is not None and worker.pk == actor.user.pk:
        raise MoveRefused(["You cannot name yourself: ask another manager to run this complaint."])

    def change(c: Complaint, stage: ComplaintStage) -> None:
        c.about_worker = worker

    return _apply(
        "name_worker",
        complaint,
        actor=actor,
        summary="Worker complained about recorded" if worker else "No worker named",
        change=change,
    )


def complaint_record_advocacy(
    *,
    actor: Actor,
    complaint: Complaint,
    offered_on: date,
    answer: str,
    organisation: str = "",
) -> Complaint:
    """The offer of an independent advocate, and the family's answer."""
    problems = []
    if offered_on > _today():
        problems.append("The date the advocate was offered must be today or in the past.")
    if answer == AdvocacyAnswer.ACCEPTED and not organisation.strip():
        problems.append("Enter the advocate's organisation.")
    if problems:
        raise MoveRefused(problems)

    def change(c: Complaint, stage: ComplaintStage) -> None:
        c.advocacy_offered_on = offered_on
        c.advocacy_answer = answer
        c.advocate_organisation = organisation.strip()

    return _apply(
        "record_advocacy",
        complaint,
        actor=actor,
        summary=f"Advocate offered: {AdvocacyAnswer(answer).label.lower()}",
        change=change,
    )


def complaint_extend(
    *,
    actor: Actor,
    complaint: Complaint,
    new_due: date,
    reason: str,
    reasons: Reasons | None = None,
) -> Complaint:
    """Put the response back, within the regulations' limit (20 working days at stage 1, 65
    at stage 2), with a recorded reason."""

    def change(c: Complaint, stage: ComplaintStage) -> None:
        try:
            clock.check_extension(
                stage=c.stage,
                opened_on=stage.clock_from,
                current_due=c.respond_by,
                new_due=new_due,
                reason=reason,
            )
        except clock.ExtensionRefused as refused:
            raise MoveRefused([str(refused)]) from refused
        stage.extended_to = new_due
        stage.extension_reason = reason.strip()
        stage.save(update_fields=["extended_to", "extension_reason"])
        c.respond_by = new_due

    done = _apply(
        "extend",
        complaint,
        actor=actor,
        summary=f"Response put back to {new_due:%-d %B %Y}",
        reason=reason,
        context={"reason": reason},
        change=change,
    )
    keep_reasons(reasons, done, actor=actor)
    family_events.complaint_extended(done, reason=reason.strip())
    return done


def complaint_appoint(
    *,
    actor: Actor,
    complaint: Complaint,
    investigating_officer: str = "",
    independent_person: str = "",
    panel_members: Sequence[str] = (),
) -> Complaint:
    """Stage 2: the investigating officer and the independent person. Stage 3: the review
    panel of three independent people."""

    def change(c: Complaint, stage: ComplaintStage) -> None:
        if c.stage == Stage.INVESTIGATION:
            if not (investigating_officer.strip() and independent_person.strip()):
                raise MoveRefused(
                    ["Enter the names of the investigating officer and the independent person."]
                )
            stage.investigating_officer = investigating_officer.strip()
            stage.independent_person = independent_person.strip()
        else:
            names = [name.strip() for name in panel_members]
            if len(names) != 3 or not all(names):
                raise MoveRefused(["Enter the names of the panel's three independent people."])
            if len(set(names)) != 3:
                raise MoveRefused(["The panel needs three different people."])
            stage.panel_members = names
        stage.save()

    return _apply(
        "appoint",
        complaint,
        actor=actor,
        summary=f"People appointed for {complaint.get_stage_display().lower()}",
        change=change,
    )


def _not_in_future(day: date, what: str, after: date, after_what: str) -> None:
    problems = []
    if day > _today():
        problems.append(f"The date of the {what} must be today or in the past.")
    if day < after:
        problems.append(f"The date of the {what} must be on or after {after_what}.")
    if problems:
        raise MoveRefused(problems)


def complaint_record_meeting(*, actor: Actor, complaint: Complaint, met_on: date) -> Complaint:
    """Stage 3: the panel met; its report is due within 5 working days."""

    def change(c: Complaint, stage: ComplaintStage) -> None:
        _not_in_future(met_on, "meeting", stage.opened_on, "the day stage 3 was asked for")
        stage.meeting_on = met_on
        stage.save(update_fields=["meeting_on"])
        c.respond_by = clock.panel_report_due(met_on)

    done = _apply(
        "record_meeting",
        complaint,
        actor=actor,
        summary=f"Review panel met on {met_on:%-d %B %Y}",
        change=change,
    )
    family_events.complaint_step(done, "The review panel has met")
    return done


def complaint_record_report(*, actor: Actor, complaint: Complaint, report_on: date) -> Complaint:
    """Stage 3: the panel reported; the council responds within 15 working days."""

    def change(c: Complaint, stage: ComplaintStage) -> None:
        assert stage.meeting_on is not None
        _not_in_future(report_on, "report", stage.meeting_on, "the panel meeting")
        stage.report_on = report_on
        stage.save(update_fields=["report_on"])
        c.respond_by = clock.council_response_due(report_on)

    done = _apply(
        "record_report",
        complaint,
        actor=actor,
        summary=f"Review panel reported on {report_on:%-d %B %Y}",
        change=change,
    )
    family_events.complaint_step(done, "The review panel has written its report")
    return done


def complaint_respond(
    *,
    actor: Actor,
    complaint: Complaint,
    response: str,
    outcome: str,
    responded_on: date | None = None,
    reasons: Reasons | None = None,
    remedy: str = "",
    learning: str = "",
) -> Complaint:
    """The council's response at this stage, with its outcome and the reasons given for keeping
    flagged words in it. An upheld (or partly upheld) complaint records the remedy and what the
    council has learned."""
    day = responded_on or _today()

    def change(c: Complaint, stage: ComplaintStage) -> None:
        if outcome not in Outcome.values:
            raise MoveRefused(
                ["Choose whether the complaint is upheld, partly upheld or not upheld."]
            )
        _not_in_future(day, "response", stage.opened_on, "the day the stage opened")
        stage.response = response.strip()
        stage.outcome = outcome
        stage.response_on = day
        stage.responded_by = actor.user
        stage.remedy = remedy.strip() if stage.upheld else ""
        stage.learning = learning.strip() if stage.upheld else ""
        stage.save()
        keep_reasons(reasons, c, actor=actor)

    done = _apply(
        "respond",
        complaint,
        actor=actor,
        summary=f"{complaint.get_stage_display()}: response sent ({Outcome(outcome).label.lower()})"
        if outcome in Outcome.values
        else "Response",
        context={"response": response, "outcome": outcome, "remedy": remedy, "learning": learning},
        change=change,
    )
    family_events.complaint_responded(done)
    return done


def complaint_ask_next_stage(
    *, actor: Actor, complaint: Complaint, why: str = "", asked_on: date | None = None
) -> Complaint:
    """The family is not satisfied and asks for the next stage. Asking after the 20 working
    day guide is noted, never refused."""
    day = asked_on or _today()

    def change(c: Complaint, stage: ComplaintStage) -> None:
        assert stage.response_on is not None
        late = clock.asked_late(stage.response_on, day)
        _open_stage(c, c.stage + 1, day, late=late)

    done = _apply(
        "ask_next_stage",
        complaint,
        actor=actor,
        summary=f"Family asked for stage {complaint.stage + 1}",
        reason=why.strip(),
        change=change,
    )
    family_events.complaint_next_stage(done)
    return done
