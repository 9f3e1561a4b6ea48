"""The moves of an assessment and of an assessment offer, with their guards.

Each guard's docstring is the message shown when it fails. A guard is called with the record
(locked, fresh from the database), the person making the move (a user) and a context.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from supportfirst.assessments.models import (
    FAMILY_CAN_READ,
    Assessment,
    AssessmentStatus,
    CarerDecisions,
    Kind,
    OfferAnswer,
)
from supportfirst.councils.guards import team_manager_only
from supportfirst.kernel.workflow import KEEPS_STATUS, Move, Workflow
from supportfirst.pathway.events import write_pathway_event


def every_area_is_complete(assessment: Assessment, actor: Any, context: dict[str, Any]) -> bool:
    """Complete every area first. An area is complete when it is marked as complete and has
    your analysis, or you have ticked that you have nothing to add to what you were told."""
    unfinished = assessment.areas.filter(
        Q(completed=False) | Q(practitioner_analysis="", nothing_to_add=False)
    )
    return assessment.areas.exists() and not unfinished.exists()


def carer_decisions_are_recorded(
    assessment: Assessment, actor: Any, context: dict[str, Any]
) -> bool:
    """Record the four decisions, each with its reason: does the parent carer have needs for
    support, does the child, could services meet them, and will the council provide them."""
    if assessment.kind != Kind.PARENT_CARER:
        return True
    decisions = CarerDecisions.objects.filter(assessment=assessment).first()
    return decisions is not None and decisions.complete


def advocacy_answer_is_recorded(
    assessment: Assessment, actor: Any, context: dict[str, Any]
) -> bool:
    """Record whether independent advocacy was offered to the child or young person, and
    their answer (or why it is not appropriate), before the assessment is authorised."""
    return not assessment.advocacy_applies or assessment.advocacy_recorded


authoriser_is_a_team_manager = team_manager_only(
    "authoriser_is_a_team_manager", "Only a team manager can authorise an assessment."
)


def late_authorisation_has_a_reason(
    assessment: Assessment, actor: Any, context: dict[str, Any]
) -> bool:
    """This assessment is being authorised more than 45 working days after the request was
    received. Write the reason it is late: the family can read it."""
    today = context["today"]
    if today <= assessment.request.assessment_due:
        return True
    return bool(str(context.get("late_reason", "")).strip())


def comment_is_written(assessment: Assessment, actor: Any, context: dict[str, Any]) -> bool:
    """Enter your comments."""
    return bool(str(context.get("text", "")).strip())


ASSESSMENT = Workflow(
    event_writer=write_pathway_event,
    record_type="needs assessment",
    moves=(
        Move(
            "mark_ready",
            "Mark ready for the family to read",
            frozenset({AssessmentStatus.IN_PROGRESS}),
            AssessmentStatus.READY_FOR_FAMILY,
            (every_area_is_complete, carer_decisions_are_recorded),
        ),
        Move(
            "reopen",
            "Make more changes",
            frozenset({AssessmentStatus.READY_FOR_FAMILY}),
            AssessmentStatus.IN_PROGRESS,
        ),
        Move(
            "authorise",
            "Authorise the assessment",
            frozenset({AssessmentStatus.READY_FOR_FAMILY}),
            AssessmentStatus.AUTHORISED,
            (
                authoriser_is_a_team_manager,
                advocacy_answer_is_recorded,
                late_authorisation_has_a_reason,
            ),
        ),
        Move(
            "record_advocacy",
            "Record the offer of an advocate",
            frozenset({AssessmentStatus.IN_PROGRESS, AssessmentStatus.READY_FOR_FAMILY}),
            KEEPS_STATUS,
            when_illegal="The assessment is authorised: the advocacy answer cannot change now.",
        ),
        Move(
            "edit",
            "Change the assessment",
            frozenset({AssessmentStatus.IN_PROGRESS}),
            KEEPS_STATUS,
            when_illegal=(
                "You cannot change this assessment now: it is “{status}”. "
                "To make changes, choose “Make more changes” on the assessment page."
            ),
        ),
        Move(
            "family_comment",
            "Comment on the assessment",
            FAMILY_CAN_READ,
            KEEPS_STATUS,
            (comment_is_written,),
            when_illegal="You cannot comment on this assessment yet: it is not ready to read.",
        ),
    ),
)

_CAN_ANSWER = frozenset({OfferAnswer.NOT_ANSWERED, OfferAnswer.DECLINED})

OFFER = Workflow(
    event_writer=write_pathway_event,
    record_type="assessment offer",
    status_field="answer",
    moves=(
        Move("accept", "Record that they accepted", _CAN_ANSWER, OfferAnswer.ACCEPTED),
        Move(
            "combine",
            "Record that they want it combined with the child's",
            _CAN_ANSWER,
            OfferAnswer.COMBINED,
        ),
        # They asked for it themselves (online or to staff): requested, never "not answered".
        Move(
            "requested",
            "Record that they asked for it",
            frozenset({OfferAnswer.NOT_ANSWERED}),
            OfferAnswer.REQUESTED,
        ),
        Move(
            "decline",
            "Record that they declined",
            frozenset({OfferAnswer.NOT_ANSWERED}),
            OfferAnswer.DECLINED,
        ),
    ),
)

# Which move records which answer.
MOVE_FOR_ANSWER = {
    OfferAnswer.ACCEPTED: "accept",
    OfferAnswer.COMBINED: "combine",
    OfferAnswer.DECLINED: "decline",
}
