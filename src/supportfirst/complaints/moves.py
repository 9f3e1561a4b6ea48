"""The moves of a complaint, with their guards beside them.

A guard is called with the complaint (locked, fresh from the database), the person making the
move and a context (what they typed); its docstring is the message a person sees when it fails.
Moves that keep the status (acknowledge, extend, appoint, record the advocacy offer, decide on
the time limit, agree the stage 2 statement, name the worker complained about) are here
too, so every change to a complaint goes through one place and leaves one event.
"""

from __future__ import annotations

from typing import Any

from supportfirst.complaints.models import CLOCK_RUNNING, Complaint, ComplaintEvent, Stage, Status
from supportfirst.kernel.workflow import KEEPS_STATUS, Move, Step, Workflow

ANY_STATUS = frozenset(Status.values)
RUNNING = frozenset(CLOCK_RUNNING)


def write_complaint_event(step: Step) -> ComplaintEvent:
    """One row on the complaint's own timeline: who, when, at which stage, from, to, why."""
    complaint: Complaint = step.record
    return ComplaintEvent.objects.create(
        family_id=complaint.family_id,
        complaint=complaint,
        stage=complaint.stage,
        move=step.move,
        from_status=step.from_status,
        to_status=step.to_status,
        actor=step.actor if getattr(step.actor, "is_authenticated", False) else None,
        at=step.at,
        summary=step.summary[:300],
        reason=step.reason,
    )


def _current(complaint: Complaint) -> Any:
    return complaint.stages.get(stage=complaint.stage)


def not_yet_acknowledged(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """This stage of the complaint has already been acknowledged."""
    return complaint.acknowledged_on is None


def extension_has_a_reason(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Write the reason for the extension: the family will be told it."""
    return bool(str(context.get("reason", "")).strip())


def stage_can_be_extended(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """The time limits at stage 3 cannot be extended."""
    return complaint.stage in (Stage.LOCAL_RESOLUTION, Stage.INVESTIGATION)


def stage_has_investigators(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Officers are appointed at stage 2 (an investigating officer and an independent person)
    and a panel at stage 3."""
    return complaint.stage in (Stage.INVESTIGATION, Stage.REVIEW_PANEL)


def response_is_written(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Write the council's response to the family."""
    return bool(str(context.get("response", "")).strip())


def outcome_is_chosen(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Choose whether the complaint is upheld, partly upheld or not upheld."""
    return bool(context.get("outcome"))


def investigators_are_appointed(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """At stage 2, appoint the investigating officer and the independent person before the
    response."""
    if complaint.stage != Stage.INVESTIGATION:
        return True
    stage = _current(complaint)
    return bool(stage.investigating_officer.strip() and stage.independent_person.strip())


def stage_3_panel_has_reported(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """At stage 3 the review panel meets and writes its report before the council responds."""
    if complaint.stage == Stage.REVIEW_PANEL:
        return complaint.status == Status.PANEL_REPORTED
    return complaint.status == Status.OPEN


def is_stage_3(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Only a stage 3 review panel meets and reports."""
    return complaint.stage == Stage.REVIEW_PANEL


def panel_of_three(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Appoint the review panel's three independent people before it meets."""
    return complaint.stage != Stage.REVIEW_PANEL or bool(_current(complaint).panel_appointed)


def time_limit_decided(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """The family says this happened more than a year ago: first decide whether the council will
    consider it anyway, and record why."""
    return not complaint.time_limit_open


def was_made_late(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """This complaint was made within a year of what it is about: there is no time limit to
    decide."""
    return complaint.made_late


def time_limit_has_a_reason(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Write the reason for the decision on the time limit: the family will be told it."""
    return bool(str(context.get("reason", "")).strip())


def is_stage_2(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """A statement of complaint is agreed at stage 2, the investigation."""
    return complaint.stage == Stage.INVESTIGATION


def statement_is_written(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Write the statement of complaint as agreed with the person complaining."""
    return bool(str(context.get("statement", "")).strip())


def statement_is_agreed(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """At stage 2, agree the statement of complaint with the person complaining before the
    response: the investigation answers what it says."""
    if complaint.stage != Stage.INVESTIGATION:
        return True
    return _current(complaint).statement_agreed_on is not None


def upheld_has_remedy_and_learning(
    complaint: Complaint, actor: Any, context: dict[str, Any]
) -> bool:
    """When the complaint is upheld or partly upheld, write what the council will do to put it
    right and what it has learned."""
    if context.get("outcome") not in ("upheld", "partly_upheld"):
        return True
    return bool(str(context.get("remedy", "")).strip() and str(context.get("learning", "")).strip())


def there_is_a_next_stage(complaint: Complaint, actor: Any, context: dict[str, Any]) -> bool:
    """Stage 3 is the last stage: the next step is the Local Government and Social Care
    Ombudsman."""
    return complaint.stage < Stage.REVIEW_PANEL


def where_it_stands(complaint: Complaint) -> str:
    """A complaint's status and its stage, as the message of a move that cannot be made says
    them: “Being looked at” at stage 1: local resolution."""
    return f"“{Status(complaint.status).label}” at {complaint.get_stage_display().lower()}"


COMPLAINT = Workflow(
    record_type="complaint",
    event_writer=write_complaint_event,
    state_words=where_it_stands,
    moves=(
        Move(
            "acknowledge",
            "Acknowledge the complaint",
            RUNNING,
            KEEPS_STATUS,
            (not_yet_acknowledged, time_limit_decided),
        ),
        Move(
            "decide_time_limit",
            "Decide whether to consider a complaint made after a year",
            RUNNING,
            KEEPS_STATUS,
            (was_made_late, time_limit_has_a_reason),
        ),
        Move(
            "agree_statement",
            "Record the agreed statement of complaint",
            frozenset({Status.OPEN}),
            KEEPS_STATUS,
            (is_stage_2, statement_is_written),
        ),
        Move("name_worker", "Record who the complaint is about", ANY_STATUS, KEEPS_STATUS),
        Move(
            "extend",
            "Extend the time to respond",
            frozenset({Status.OPEN}),
            KEEPS_STATUS,
            (stage_can_be_extended, extension_has_a_reason),
        ),
        Move(
            "appoint",
            "Appoint the people looking into it",
            RUNNING,
            KEEPS_STATUS,
            (stage_has_investigators,),
        ),
        Move("record_advocacy", "Record the offer of an advocate", ANY_STATUS, KEEPS_STATUS),
        Move(
            "record_meeting",
            "Record the review panel meeting",
            frozenset({Status.OPEN}),
            Status.PANEL_MET,
            (is_stage_3, panel_of_three),
        ),
        Move(
            "record_report",
            "Record the review panel's report",
            frozenset({Status.PANEL_MET}),
            Status.PANEL_REPORTED,
            (is_stage_3,),
        ),
        Move(
            "respond",
            "Record the council's response",
            frozenset({Status.OPEN, Status.PANEL_REPORTED}),
            Status.RESPONDED,
            (
                stage_3_panel_has_reported,
                investigators_are_appointed,
                statement_is_agreed,
                response_is_written,
                outcome_is_chosen,
                upheld_has_remedy_and_learning,
            ),
        ),
        Move(
            "ask_next_stage",
            "Ask for the next stage",
            frozenset({Status.RESPONDED}),
            Status.OPEN,
            (there_is_a_next_stage,),
        ),
    ),
)
