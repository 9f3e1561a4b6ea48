"""Named groups are declared next to the workflow and followed where they are used: a move added
to the request's workflow that starts from a safeguarding status is hidden from the family's
record pages and held back from their download, with no other change."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.kernel.workflow import Move, Workflow
from supportfirst.pathway import moves
from supportfirst.pathway.models import PathwayEvent, RequestStatus
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.families.record_story import propose_move
from tests.pathway.factories import SupportRequestFactory
from tests.subject_access.conftest import download, every_text

NEW_MOVE = Move(
    "pause_for_enquiries",
    "Pause while enquiries are made",
    frozenset({RequestStatus.SAFEGUARDING_PROPOSED}),
    RequestStatus.SAFEGUARDING_PROPOSED,
)
SUMMARY = "Paused for enquiries by the child protection team"


def test_the_group_is_every_move_from_or_to_a_safeguarding_status():
    assert {
        "propose_safeguarding",
        "move_to_safeguarding",
        "return_to_decision",
        "return_to_support",
        # The outcome of the enquiries, declared later, joined the group by itself.
        "enquiries_no_further_action",
        "enquiries_continue",
        # The immediate danger route, declared later, joined it by itself too.
        "report_immediate_danger",
    } == moves.SAFEGUARDING_PROPOSAL_MOVES
    fake = Workflow(moves.REQUEST.record_type, (*moves.REQUEST.moves, NEW_MOVE))
    assert "pause_for_enquiries" in moves.safeguarding_proposal_moves(fake)
    assert "decide_support" not in moves.safeguarding_proposal_moves(fake)


@pytest.fixture
def untold_with_event(council, family):
    """A proposal the family was not told about, with an event of a move that the real
    workflow does not have."""
    worker = staff_user(council, "practitioner")
    request = SupportRequestFactory(child=family.children.first())
    propose_move(worker, request, told=False, evidence="A bruise seen by the class teacher.")
    PathwayEvent.objects.create(
        family_id=family.pk,
        request=request,
        record_type=moves.REQUEST.record_type,
        record_id=request.pk,
        move=NEW_MOVE.name,
        from_status=RequestStatus.SAFEGUARDING_PROPOSED,
        to_status=RequestStatus.SAFEGUARDING_PROPOSED,
        actor=worker,
        at=timezone.now(),
        summary=SUMMARY,
    )
    return request


@pytest.fixture
def untold_with_new_move(untold_with_event, monkeypatch):
    """The same, once the request's workflow declares the new move."""
    fake = Workflow(moves.REQUEST.record_type, (*moves.REQUEST.moves, NEW_MOVE))
    monkeypatch.setattr(moves, "REQUEST", fake)
    return untold_with_event


def test_the_family_record_page_follows_a_new_move(untold_with_new_move, family):
    parent = family_user(family)
    response = signed_in_client(parent).get(f"/family/requests/{untold_with_new_move.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Waiting for the next-step decision" in page
    assert SUMMARY not in page


def test_the_download_follows_a_new_move(untold_with_new_move, family):
    parent = family_user(family)
    _, archive = download(parent)
    assert SUMMARY not in every_text(archive)


def test_without_the_declaration_the_new_move_would_show(untold_with_event, family):
    """The control: the same untold proposal and event, with the move not declared, shows on
    the page and in the download, so the declaration is what hides it."""
    parent = family_user(family)
    page = signed_in_client(parent).get(f"/family/requests/{untold_with_event.pk}/")
    assert page.status_code == 200
    assert SUMMARY in page.content.decode()
    _, archive = download(parent)
    assert SUMMARY in every_text(archive)
