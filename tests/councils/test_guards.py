"""The role guards written once in councils.guards and used by several records' moves."""

from __future__ import annotations

from types import SimpleNamespace

from supportfirst.assessments.moves import authoriser_is_a_team_manager
from supportfirst.councils.guards import not_the_person_who, team_manager_only
from supportfirst.councils.models import Role
from supportfirst.eligibility.moves import confirmer_did_not_make_it, confirmer_is_a_team_manager
from supportfirst.kernel.workflow import guard_message
from supportfirst.pathway.moves import approver_did_not_propose, approver_is_a_team_manager


def person(pk: int, role: str | None) -> SimpleNamespace:
    membership = SimpleNamespace(role=role) if role else None
    return SimpleNamespace(pk=pk, membership=membership)


def test_team_manager_only_passes_for_a_team_manager_and_says_its_own_words():
    guard = team_manager_only("signer_is_a_manager", "Only a team manager can sign this.")
    assert guard(None, person(1, Role.TEAM_MANAGER), {})
    assert guard(None, person(1, Role.HEAD_OF_SERVICE), {})  # the second approver
    assert not guard(None, person(1, Role.PRACTITIONER), {})
    assert not guard(None, person(1, None), {})
    assert guard.__name__ == "signer_is_a_manager"
    assert guard_message(guard) == "Only a team manager can sign this."


def test_not_the_person_who_compares_the_named_field_with_the_actor():
    guard = not_the_person_who("written_by", "reader_did_not_write_it", "Someone else reads it.")
    assert guard(SimpleNamespace(written_by_id=1), person(2, Role.TEAM_MANAGER), {})
    assert not guard(SimpleNamespace(written_by_id=2), person(2, Role.TEAM_MANAGER), {})
    assert guard_message(guard) == "Someone else reads it."


def test_each_record_keeps_its_own_message_for_the_shared_rule():
    assert [
        guard_message(g)
        for g in (
            approver_is_a_team_manager,
            authoriser_is_a_team_manager,
            confirmer_is_a_team_manager,
            approver_did_not_propose,
            confirmer_did_not_make_it,
        )
    ] == [
        # The safeguarding messages now name the second approver (issue 18, point 3).
        "Only a team manager or a head of service can approve a move to safeguarding.",
        "Only a team manager can authorise an assessment.",
        "Only a team manager can confirm an eligibility decision.",
        "A different team manager, or the head of service, must approve: the person who "
        "proposed the move cannot.",
        "Another team manager must confirm it: you cannot confirm a decision you made.",
    ]
