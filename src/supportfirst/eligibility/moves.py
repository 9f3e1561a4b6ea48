"""The moves of an eligibility decision, with their guards. Each guard's docstring is the
message shown when it fails. A practitioner makes the decision (it starts waiting for a manager
to confirm); a different team manager confirms it or returns it, saying why."""

from __future__ import annotations

from typing import Any

from supportfirst.councils.guards import not_the_person_who, team_manager_only
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.kernel.workflow import Move, Workflow
from supportfirst.pathway.events import write_pathway_event

confirmer_is_a_team_manager = team_manager_only(
    "confirmer_is_a_team_manager", "Only a team manager can confirm an eligibility decision."
)
confirmer_did_not_make_it = not_the_person_who(
    "made_by",
    "confirmer_did_not_make_it",
    "Another team manager must confirm it: you cannot confirm a decision you made.",
)


def return_has_a_reason(decision: EligibilityDecision, actor: Any, context: Any) -> bool:
    """Say what the practitioner should look at again."""
    return bool(str(context.get("reason", "")).strip())


DECISION = Workflow(
    record_type="eligibility decision",
    event_writer=write_pathway_event,
    moves=(
        Move(
            "confirm",
            "Confirm the eligibility decision",
            frozenset({DecisionStatus.AWAITING_CONFIRMATION}),
            DecisionStatus.CONFIRMED,
            guards=(confirmer_is_a_team_manager, confirmer_did_not_make_it),
        ),
        Move(
            "return",
            "Return the eligibility decision",
            frozenset({DecisionStatus.AWAITING_CONFIRMATION}),
            DecisionStatus.RETURNED,
            guards=(confirmer_is_a_team_manager, return_has_a_reason),
        ),
    ),
)
