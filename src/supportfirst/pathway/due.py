"""What the pathway puts on a worker's list: each request waiting for its next-step decision,
and each contact they planned that is not yet recorded as done or cancelled."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem
from supportfirst.pathway.models import Contact, ContactKind, ContactStatus
from supportfirst.pathway.selectors import requests_awaiting_decision


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each request waiting for its next-step decision, for one worker (or the whole team)."""
    rows = requests_awaiting_decision(scope=scope, worker_id=worker_id).values_list(
        "pk", "next_step_due", "child__first_name", "family__name"
    )
    return _decisions(rows, today) + _planned_contacts(scope, worker_id, today)


def _planned_contacts(scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Planned contacts, due on their day: record them as done, or cancel them."""
    planned = Contact.objects.visible_to(scope).filter(status=ContactStatus.PLANNED)
    if worker_id is not None:
        planned = planned.filter(planned_by_id=worker_id)
    rows = planned.values_list(
        "pk", "kind", "happened_at", "request__child__first_name", "family__name"
    )
    return [
        DueItem(
            what=f"Planned {str(ContactKind(kind).label).lower()} with {first_name}",
            family=family_name,
            due=timezone.localdate(at),
            view_name="pathway:contact",
            record_id=pk,
            today=today,
        )
        for pk, kind, at, first_name, family_name in rows
    ]


def _decisions(rows: Any, today: date) -> list[DueItem]:
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
