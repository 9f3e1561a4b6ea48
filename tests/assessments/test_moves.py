"""The assessment's moves: one test per guard, named after it, and illegal moves refused."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.assessments import moves, services
from supportfirst.assessments.models import AssessmentStatus
from supportfirst.assessments.services import DecisionsInput
from supportfirst.families.models import Stage
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, guard_message
from supportfirst.pathway.models import PathwayEvent
from tests.assessments.conftest import actor
from tests.assessments.factories import (
    AssessmentFactory,
    ParentCarerAssessmentFactory,
    ReadyForFamilyAssessmentFactory,
    complete_every_area,
    received_days_ago,
)

DECISIONS = DecisionsInput(
    carer_has_needs=True,
    carer_has_needs_reason="Claire has not slept a full night in two years.",
    child_has_needs=True,
    child_has_needs_reason="Alfie needs an adult with him through the night.",
    services_could_meet=True,
    services_could_meet_reason="Overnight short breaks would meet both.",
    council_will_provide=True,
    council_will_provide_reason="Two nights a month at the short breaks home.",
)


def test_every_area_is_complete(practitioner, family):
    assessment = AssessmentFactory(request__child=family.children.first())
    with pytest.raises(MoveRefused) as refused:
        services.mark_ready(actor=actor(practitioner), assessment=assessment)
    assert refused.value.messages == [guard_message(moves.every_area_is_complete)]
    complete_every_area(assessment)
    services.mark_ready(actor=actor(practitioner), assessment=assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY


def test_every_area_is_complete_accepts_nothing_to_add_instead_of_an_analysis(practitioner, family):
    assessment = AssessmentFactory(request__child=family.children.first())
    assessment.areas.update(completed=True, nothing_to_add=True)
    services.mark_ready(actor=actor(practitioner), assessment=assessment)
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY


def test_carer_decisions_are_recorded(practitioner, family):
    assessment = ParentCarerAssessmentFactory(request__child=family.children.first())
    complete_every_area(assessment)
    with pytest.raises(MoveRefused) as refused:
        services.mark_ready(actor=actor(practitioner), assessment=assessment)
    assert refused.value.messages == [guard_message(moves.carer_decisions_are_recorded)]
    services.carer_decisions_save(actor=actor(practitioner), assessment=assessment, given=DECISIONS)
    services.mark_ready(actor=actor(practitioner), assessment=assessment)
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY


def test_carer_decisions_each_need_a_reason(practitioner, family):
    assessment = ParentCarerAssessmentFactory(request__child=family.children.first())
    no_reason = DecisionsInput(**{**DECISIONS.__dict__, "council_will_provide_reason": " "})
    with pytest.raises(MoveRefused, match="reason for each decision"):
        services.carer_decisions_save(
            actor=actor(practitioner), assessment=assessment, given=no_reason
        )


def test_authoriser_is_a_team_manager(practitioner, manager, family):
    assessment = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    with pytest.raises(MoveRefused) as refused:
        services.authorise(actor=actor(practitioner), assessment=assessment)
    assert refused.value.messages == [guard_message(moves.authoriser_is_a_team_manager)]
    services.authorise(actor=actor(manager), assessment=assessment)
    assessment.refresh_from_db()
    assert (assessment.status, assessment.authorised_by) == (AssessmentStatus.AUTHORISED, manager)
    assert assessment.late_reason == ""


def test_late_authorisation_has_a_reason(manager, family):
    assessment = ReadyForFamilyAssessmentFactory(
        request__child=family.children.first(), request__received_at=received_days_ago(100)
    )
    assert assessment.due < timezone.localdate()
    with pytest.raises(MoveRefused) as refused:
        services.authorise(actor=actor(manager), assessment=assessment, late_reason="  ")
    assert refused.value.messages == [guard_message(moves.late_authorisation_has_a_reason)]
    assert "more than 45 working days" in refused.value.messages[0]

    reason = "Alfie was in hospital for three weeks, and the family asked us to wait."
    services.authorise(actor=actor(manager), assessment=assessment, late_reason=reason)
    assessment.refresh_from_db()
    assert (assessment.status, assessment.late_reason) == (AssessmentStatus.AUTHORISED, reason)
    event = PathwayEvent.objects.get(move="authorise")
    assert event.reason == reason


def test_late_authorisation_has_a_reason_counts_from_the_due_day(manager, family):
    assessment = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    due = assessment.due
    services.authorise(actor=actor(manager), assessment=assessment, today=due)
    assert assessment.status == AssessmentStatus.AUTHORISED

    later = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    with pytest.raises(MoveRefused):
        services.authorise(
            actor=actor(manager), assessment=later, today=due + datetime.timedelta(days=1)
        )


def test_each_move_writes_an_event_and_the_familys_stage_follows(practitioner, manager, family):
    assessment = AssessmentFactory(request__child=family.children.first())
    complete_every_area(assessment)
    services.mark_ready(actor=actor(practitioner), assessment=assessment)
    services.reopen(actor=actor(practitioner), assessment=assessment)
    services.mark_ready(actor=actor(practitioner), assessment=assessment)
    services.authorise(actor=actor(manager), assessment=assessment)
    events = PathwayEvent.objects.filter(record_type="needs assessment", record_id=assessment.pk)
    assert [(e.move, e.from_status, e.to_status) for e in events.order_by("at", "pk")] == [
        ("mark_ready", "in_progress", "ready_for_family"),
        ("reopen", "ready_for_family", "in_progress"),
        ("mark_ready", "in_progress", "ready_for_family"),
        ("authorise", "ready_for_family", "authorised"),
    ]
    assert events.last().actor == manager
    family.refresh_from_db()
    assert family.stage == Stage.PLANNING


def test_an_illegal_move_is_refused_with_a_clear_message(manager, family):
    assessment = AssessmentFactory(request__child=family.children.first())
    with pytest.raises(IllegalMove, match="already “In progress”") as illegal:
        services.authorise(actor=actor(manager), assessment=assessment)
    assert illegal.value.status_code == 409


def test_a_family_comment_has_words():
    assert moves.comment_is_written(None, None, {"text": "Bedtime is harder than this says"})
    assert not moves.comment_is_written(None, None, {"text": "  "})
