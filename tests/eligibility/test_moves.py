"""The guards declared in eligibility/moves.py, one test each."""

from __future__ import annotations

from types import SimpleNamespace

from supportfirst.councils.models import Role
from supportfirst.eligibility import moves

MANAGER = SimpleNamespace(pk=2, membership=SimpleNamespace(role=Role.TEAM_MANAGER))
DECISION = SimpleNamespace(made_by_id=1)


def test_only_a_team_manager_confirms():
    assert moves.confirmer_is_a_team_manager(DECISION, MANAGER, {})
    worker = SimpleNamespace(pk=3, membership=SimpleNamespace(role=Role.PRACTITIONER))
    assert not moves.confirmer_is_a_team_manager(DECISION, worker, {})


def test_the_person_who_made_it_does_not_confirm_it():
    assert moves.confirmer_did_not_make_it(DECISION, MANAGER, {})
    assert not moves.confirmer_did_not_make_it(SimpleNamespace(made_by_id=2), MANAGER, {})


def test_a_return_has_a_reason():
    assert moves.return_has_a_reason(DECISION, MANAGER, {"reason": "Look at sleep again"})
    assert not moves.return_has_a_reason(DECISION, MANAGER, {"reason": "  "})
