"""The workflow kernel on a real record (a request for help): an illegal move, a refused move,
a move that writes exactly one event through the declared writer, and a writer swapped for
another."""

from __future__ import annotations

import pytest

from supportfirst.kernel.workflow import (
    KEEPS_STATUS,
    IllegalMove,
    Move,
    MoveRefused,
    Step,
    Workflow,
    apply_move,
    check_move,
    record_event,
)
from supportfirst.pathway import moves
from supportfirst.pathway.events import write_pathway_event
from supportfirst.pathway.models import PathwayEvent, RequestStatus, SupportRequest
from tests.pathway.factories import SupportRequestFactory


def has_a_note(request, actor, context) -> bool:
    """Write a note about the request."""
    return bool(context.get("note"))


def is_not_urgent(request, actor, context) -> bool:
    """Urgent requests are decided by a team manager."""
    return not context.get("urgent")


TEST_FLOW = Workflow(
    record_type="request for help",
    event_writer=write_pathway_event,
    moves=(
        Move(
            "decide",
            "Decide the next step",
            frozenset({RequestStatus.AWAITING_DECISION}),
            RequestStatus.SUPPORT_PATHWAY,
            (has_a_note, is_not_urgent),
        ),
        Move("note", "Add a note", frozenset({RequestStatus.SUPPORT_PATHWAY}), KEEPS_STATUS),
        Move(
            "told",
            "Tell the family",
            frozenset({RequestStatus.SUPPORT_PATHWAY}),
            KEEPS_STATUS,
            when_illegal="The family can be told once the request is on the pathway ({status}).",
        ),
    ),
)


@pytest.fixture
def support_request(family) -> SupportRequest:
    return SupportRequestFactory(child=family.children.first())


def test_a_move_from_the_wrong_state_is_illegal_and_names_the_move_and_status(
    practitioner, support_request
):
    with pytest.raises(IllegalMove) as illegal:
        apply_move(TEST_FLOW, support_request, "note", actor=practitioner)
    assert str(illegal.value) == (
        "“Add a note” cannot be done now: this request for help is already "
        "“Waiting for the next-step decision”."
    )
    assert illegal.value.status_code == 409
    assert not PathwayEvent.objects.exists()


def test_a_move_can_say_in_its_own_words_why_it_is_illegal(practitioner, support_request):
    with pytest.raises(IllegalMove, match=r"^The family can be told once .* \(Waiting for"):
        apply_move(TEST_FLOW, support_request, "told", actor=practitioner)


def test_every_failing_guard_is_refused_with_its_docstring(practitioner, support_request):
    with pytest.raises(MoveRefused) as refused:
        apply_move(
            TEST_FLOW, support_request, "decide", actor=practitioner, context={"urgent": True}
        )
    assert refused.value.messages == [
        "Write a note about the request.",
        "Urgent requests are decided by a team manager.",
    ]
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.AWAITING_DECISION
    assert not PathwayEvent.objects.exists()


def test_a_move_sets_the_target_and_writes_exactly_one_event(practitioner, support_request):
    event = apply_move(
        TEST_FLOW,
        support_request,
        "decide",
        actor=practitioner,
        reason="Needs help at bedtime",
        context={"note": "Seen at home"},
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY
    assert PathwayEvent.objects.get() == event
    assert (event.move, event.from_status, event.to_status, event.actor, event.summary) == (
        "decide",
        RequestStatus.AWAITING_DECISION,
        RequestStatus.SUPPORT_PATHWAY,
        practitioner,
        "Decide the next step",
    )
    assert event.reason == "Needs help at bedtime"


def test_a_move_may_keep_the_status_and_run_the_change_it_stands_for(practitioner, support_request):
    support_request.status = RequestStatus.SUPPORT_PATHWAY
    support_request.save()

    def change(locked: SupportRequest) -> None:
        locked.help_asked_for = "Help at bedtime and at weekends"

    event = apply_move(TEST_FLOW, support_request, "note", actor=practitioner, change=change)
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY
    assert support_request.help_asked_for == "Help at bedtime and at weekends"
    assert (event.from_status, event.to_status) == ("support_pathway", "support_pathway")


def test_the_event_writer_is_the_one_the_workflow_declares(practitioner, support_request):
    written: list[Step] = []
    quiet = Workflow(TEST_FLOW.record_type, TEST_FLOW.moves, event_writer=written.append)
    apply_move(quiet, support_request, "decide", actor=practitioner, context={"note": "n"})
    assert [(s.move, s.from_status, s.to_status, s.record.pk) for s in written] == [
        (
            "decide",
            RequestStatus.AWAITING_DECISION,
            RequestStatus.SUPPORT_PATHWAY,
            support_request.pk,
        )
    ]
    assert not PathwayEvent.objects.exists()


def test_an_event_that_is_not_a_move_goes_through_the_same_writer(practitioner, support_request):
    event = record_event(
        moves.REQUEST,
        support_request,
        move="receive",
        to_status="awaiting",
        actor=practitioner,
        summary="Received",
    )
    assert (event.record_type, event.from_status, event.request) == (
        "request for help",
        "",
        support_request,
    )


def test_check_move_locks_and_checks_without_moving(practitioner, support_request):
    locked = check_move(
        TEST_FLOW, support_request, "decide", actor=practitioner, context={"note": "n"}
    )
    assert locked.status == RequestStatus.AWAITING_DECISION
    assert not PathwayEvent.objects.exists()


def test_a_workflow_without_a_writer_says_so(practitioner, support_request):
    bare = Workflow(TEST_FLOW.record_type, TEST_FLOW.moves)
    with pytest.raises(TypeError, match="declares no event writer"):
        apply_move(bare, support_request, "decide", actor=practitioner, context={"note": "n"})
