"""What is held back from a family's download by the pathway's rule: a proposed move to
safeguarding the family has not been told about, with everything that would give it away (its
timeline events, the request's status while it is proposed). The rule itself is stated once in
`pathway.visibility`; the family's access log page follows it too."""

from __future__ import annotations

from supportfirst.families.records import HoldingBack
from supportfirst.pathway.visibility import HiddenMoves


def untold_proposals(held: HoldingBack) -> None:
    """Proposals the family was not told about (anything but `family_told=True`), and what
    would give them away."""
    untold = [m for m in held.rows_of("pathway.safeguardingmove") if m.family_told is not True]
    if not untold:
        return
    hidden = HiddenMoves.of_moves(untold)
    for move in untold:
        held.hold_whole("pathway.safeguardingmove", move.pk, held.rule_reason)
    for event in held.rows_of("pathway.pathwayevent"):
        if hidden.hides(event):
            held.hold_whole("pathway.pathwayevent", event.pk, held.rule_reason)
    for request in held.rows_of("pathway.supportrequest"):
        if hidden.hides_status_of(request):
            held.hold_part("pathway.supportrequest", request.pk, "status", held.rule_reason)
