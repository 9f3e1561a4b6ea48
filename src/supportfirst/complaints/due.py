"""What complaints put on a worker's list: each complaint with the council's clock running."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import CharField, F, Q, QuerySet
from django.db.models.functions import Cast

from supportfirst.complaints.models import CLOCK_RUNNING, Complaint
from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, due_columns, text


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each complaint with the council's clock running, as something due on a worker's list
    (or the team's): for the family's allocated worker, or anyone when the family has none."""
    rows = Complaint.objects.visible_to(scope).filter(status__in=CLOCK_RUNNING)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return [
        DueItem(
            what=f"Complaint {reference}, stage {stage}: next step",
            family=family_name,
            due=due,
            view_name="complaints:complaint",
            record_id=pk,
            today=today,
            kind="Complaint",
        )
        for pk, reference, stage, family_name, due in rows.values_list(
            "pk", "reference", "stage", "family__name", "respond_by"
        )
    ]


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database to sort, page and count with
    every other app's (`kernel.due.DueRows`)."""
    rows = Complaint.objects.visible_to(scope).filter(status__in=CLOCK_RUNNING)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return [
        due_columns(
            rows,
            due="respond_by",
            what=text(
                "Complaint ",
                F("reference"),
                ", stage ",
                Cast("stage", output_field=CharField()),
                ": next step",
            ),
            kind="Complaint",
            view_name="complaints:complaint",
            source=source,
        )
    ]
