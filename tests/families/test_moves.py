"""The family's stage moves only by the moves declared in families/moves.py."""

from __future__ import annotations

from supportfirst.families.models import Family, Stage
from supportfirst.families.moves import FAMILY_STAGE, move_family


def test_a_declared_move_sets_the_stage(family):
    move_family(family.pk, "planning")
    assert Family.objects.get(pk=family.pk).stage == Stage.PLANNING


def test_every_stage_a_service_moves_to_is_declared():
    assert {m.target for m in FAMILY_STAGE.moves} == set(Stage.values) - {
        Stage.NEXT_STEP_DECIDED,
        Stage.REVIEW,
    }
