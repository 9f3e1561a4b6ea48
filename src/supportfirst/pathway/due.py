"""What the pathway puts on a worker's list: each request waiting for its next-step decision."""

from __future__ import annotations

from datetime import date

from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem
from supportfirst.pathway.selectors import requests_awaiting_decision


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each request waiting for its next-step decision, for one worker (or the whole team)."""
    rows = requests_awaiting_decision(scope=scope, worker_id=worker_id).values_list(
        "pk", "next_step_due", "child__first_name", "family__name"
    )
    return [
        DueItem(
            what=f"Next-step decision for {first_name}",
            family=family_name,
            due=due,
            view_name="pathway:request",
            record_id=pk,
            today=today,
        )
        for pk, due, first_name, family_name in rows
    ]
