"""What a family may see of the pathway, stated once for every family page, the family's access
log and the download of everything held about them.

A proposed move to safeguarding the family has not been told about (anything but
`family_told=True`) is hidden, with everything that would give it away: its own timeline events,
the request's moves that come from a proposal (the named group
`moves.SAFEGUARDING_PROPOSAL_MOVES`, which follows the workflow's declaration), and the request's
status while the proposal stands. A family page must never tell a family before the council does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast

from supportfirst.kernel.workflow import Workflow
from supportfirst.pathway import moves
from supportfirst.pathway.models import RequestStatus, SafeguardingMove

SAFEGUARDING_RECORD_TYPE = moves.SAFEGUARDING.record_type


def moves_not_told(family_id: int) -> QuerySet[SafeguardingMove]:
    """Proposed moves to safeguarding this family has not been told about."""
    return SafeguardingMove.objects.filter(family_id=family_id).exclude(family_told=True)


def access_log_held_back(family_id: int) -> dict[str, QuerySet[Any]]:
    """What the family's access log leaves out: the untold proposals, by the text ids the log
    stores (for `families.selectors.access_log_for_family`)."""
    text_ids = (
        moves_not_told(family_id)
        .annotate(text_id=Cast("pk", output_field=CharField()))
        .values("text_id")
    )
    return {SafeguardingMove._meta.label_lower: text_ids}


@dataclass(frozen=True)
class HiddenMoves:
    """The proposed moves a family has not been told about, the requests they belong to, and
    the request's moves that would give them away."""

    move_ids: frozenset[int]
    request_ids: frozenset[int]
    giveaway_moves: frozenset[str] = moves.SAFEGUARDING_PROPOSAL_MOVES

    @classmethod
    def of_moves(cls, untold: Iterable[Any], *, workflow: Workflow | None = None) -> HiddenMoves:
        """From the proposals of one family; the giveaway moves are read from the request's
        workflow as it is declared when this runs."""
        rows = [(m.pk, m.request_id) for m in untold if m.family_told is not True]
        return cls(
            frozenset(pk for pk, _ in rows),
            frozenset(r for _, r in rows),
            moves.safeguarding_proposal_moves(workflow or moves.REQUEST),
        )

    @classmethod
    def of_family(cls, family_id: int, *, workflow: Workflow | None = None) -> HiddenMoves:
        return cls.of_moves(moves_not_told(family_id), workflow=workflow)

    def __bool__(self) -> bool:
        return bool(self.move_ids)

    def hides(self, event: Any) -> bool:
        """Whether a timeline event would give a hidden proposal away."""
        if event.record_type == SAFEGUARDING_RECORD_TYPE:
            return event.record_id in self.move_ids
        if event.request_id not in self.request_ids:
            return False
        if event.move in moves.ALLOCATION_MOVES:
            # Its recorded status is the request's status then: a hidden proposal's.
            return event.to_status in moves.SAFEGUARDING_STATUSES
        return event.move in self.giveaway_moves

    def hides_status_of(self, request: Any) -> bool:
        """Whether the request's status would give a hidden proposal away."""
        return request.pk in self.request_ids and request.status in moves.SAFEGUARDING_STATUSES

    def status_before_proposal(self, request: Any) -> str:
        """The status the family sees while a proposal is hidden: as it was before it."""
        if getattr(request, "next_step_decision", None) is not None:
            return RequestStatus.SUPPORT_PATHWAY
        return RequestStatus.AWAITING_DECISION
