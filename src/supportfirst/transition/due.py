"""What growing up puts on a worker's list: each request for social care advice for an EHC
needs assessment not yet given, due 6 calendar weeks after it was asked for (the due date is
stored on the request)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet

from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, due_columns, text
from supportfirst.transition.models import EhcAdviceRequest

KIND = "Social care advice for an EHC needs assessment"
VIEW = "transition:advice"


def _open(scope: Scope, worker_id: int | None) -> QuerySet[EhcAdviceRequest]:
    rows = EhcAdviceRequest.objects.visible_to(scope).filter(given_on__isnull=True)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return rows


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    return [
        DueItem(
            what=f"Social care advice for {first_name}'s EHC needs assessment",
            family=family_name,
            due=due,
            view_name=VIEW,
            record_id=pk,
            today=today,
            kind=KIND,
        )
        for pk, first_name, family_name, due in _open(scope, worker_id).values_list(
            "pk", "child__first_name", "family__name", "due_on"
        )
    ]


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database (`kernel.due.DueRows`)."""
    return [
        due_columns(
            _open(scope, worker_id),
            due="due_on",
            what=text("Social care advice for ", F("child__first_name"), "'s EHC needs assessment"),
            kind=KIND,
            view_name=VIEW,
            source=source,
        )
    ]
