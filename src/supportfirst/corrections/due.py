"""What correction requests put on a worker's list: each one not yet answered."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet

from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, due_columns, text


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each open correction request as something due on a worker's list (or the team's): for
    the family's allocated worker, or anyone when the family has none."""
    rows = CorrectionRequest.objects.visible_to(scope).filter(status=CorrectionStatus.RECEIVED)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return [
        DueItem(
            what=f"Answer a request to correct {label}",
            family=family_name,
            due=due,
            view_name="corrections:correction",
            record_id=pk,
            today=today,
            kind="Request to correct a record",
        )
        for pk, label, family_name, due in rows.values_list(
            "pk", "record_label", "family__name", "due_on"
        )
    ]


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database to sort, page and count with
    every other app's (`kernel.due.DueRows`)."""
    rows = CorrectionRequest.objects.visible_to(scope).filter(status=CorrectionStatus.RECEIVED)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return [
        due_columns(
            rows,
            due="due_on",
            what=text("Answer a request to correct ", F("record_label")),
            kind="Request to correct a record",
            view_name="corrections:correction",
            source=source,
        )
    ]
