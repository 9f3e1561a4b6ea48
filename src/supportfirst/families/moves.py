"""Where a family is on the support pathway (`Family.stage`), moved only by these declared moves.

The stage follows the family's records: a request received, a next step decided, the child's
assessment started, read, reopened and authorised, a plan agreed. The record's own move writes
the event on its timeline, so a stage move writes none of its own. A family can be at any stage
when a new record moves it (a second child, a new request), so every move starts from any stage.
"""

from __future__ import annotations

from typing import Any

from supportfirst.families.models import Family, Stage
from supportfirst.kernel.workflow import Move, Step, Workflow, apply_move

ANY_STAGE = frozenset(Stage.values)


def no_event_of_its_own(step: Step) -> None:
    """The record that moved the family wrote the event already."""
    return None


def _to(name: str, label: str, stage: Stage) -> Move:
    return Move(name, label, ANY_STAGE, stage)


FAMILY_STAGE = Workflow(
    record_type="family",
    status_field="stage",
    event_writer=no_event_of_its_own,
    moves=(
        _to("request_received", "A request for help was received", Stage.REQUEST_RECEIVED),
        _to("information_given", "Information and advice were given", Stage.INFORMATION_GIVEN),
        _to("assessment_started", "The child's needs assessment started", Stage.ASSESSMENT),
        _to("family_reading", "The family is reading the draft assessment", Stage.FAMILY_READING),
        _to("planning", "The support plan is being written", Stage.PLANNING),
        _to("support_in_place", "The family agreed the support plan", Stage.SUPPORT_IN_PLACE),
    ),
)


def move_family(family_id: int, name: str, *, actor: Any = None) -> None:
    """Move the family to the stage the named move leads to."""
    apply_move(FAMILY_STAGE, Family(pk=family_id), name, actor=actor)
