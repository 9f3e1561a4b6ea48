"""What the pathway puts on a worker's list: each request waiting for its next-step decision,
each contact they planned that is not yet recorded as done or cancelled, and (for a team
manager) each request whose family has no named worker yet, with how long it has waited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from supportfirst.councils.models import MANAGER_ROLES
from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, due_columns, text
from supportfirst.pathway.models import Contact, ContactKind, ContactStatus
from supportfirst.pathway.selectors import (
    not_assessing_waiting,
    requests_awaiting_decision,
    requests_without_a_worker,
)
from supportfirst.rules import workdays

NEXT_STEP = "Next-step decision"
ALLOCATION = "Allocate a worker"


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each request waiting for its next-step decision, for one worker (or the whole team); and
    for a manager (or the Team page) each request with no worker yet."""
    rows = requests_awaiting_decision(scope=scope, worker_id=worker_id).values_list(
        "pk", "next_step_due", "child__first_name", "family__name"
    )
    items = [
        DueItem(
            what=f"Next-step decision for {first_name}",
            family=family_name,
            due=due,
            view_name="pathway:request",
            record_id=pk,
            today=today,
            kind=NEXT_STEP,
        )
        for pk, due, first_name, family_name in rows
    ]
    if worker_id is None or scope.holds_any(MANAGER_ROLES):
        items += _unallocated(scope=scope, today=today)
        items += _not_assessing(scope=scope, today=today)
    return items + _planned_contacts(scope, worker_id, today)


PLANNED_CONTACT = "Planned contact"


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
            kind=PLANNED_CONTACT,
        )
        for pk, kind, at, first_name, family_name in rows
    ]


def _waited(days: int) -> str:
    return f"{days} working day{'' if days == 1 else 's'}"


NOT_ASSESSING = "Decision not to assess"


def _not_assessing(*, scope: Scope, today: date) -> list[DueItem]:
    """Each decision not to assess waiting for a team manager: a request for an assessment is
    never closed without one, so a manager confirms it or the assessment starts."""
    rows = not_assessing_waiting(scope=scope).values_list(
        "pk", "next_step_due", "child__first_name", "family__name"
    )
    return [
        DueItem(
            what=f"Confirm or not the decision not to assess {first_name}'s needs",
            family=family_name,
            due=due,
            view_name="pathway:request",
            record_id=pk,
            today=today,
            kind=NOT_ASSESSING,
        )
        for pk, due, first_name, family_name in rows
    ]


def _unallocated(*, scope: Scope, today: date) -> list[DueItem]:
    rows = requests_without_a_worker(scope=scope).values_list(
        "pk", "received_at", "next_step_due", "child__first_name", "family__name"
    )
    items = []
    for pk, received_at, due, first_name, family_name in rows:
        waited = max(0, workdays.working_days_between(timezone.localdate(received_at), today))
        items.append(
            DueItem(
                what=f"Allocate a worker for {first_name}'s request (waited {_waited(waited)})",
                family=family_name,
                due=due,
                view_name="pathway:request",
                record_id=pk,
                today=today,
                kind=ALLOCATION,
            )
        )
    return items


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database to sort, page and count with
    every other app's (`kernel.due.DueRows`)."""
    rows = [
        due_columns(
            requests_awaiting_decision(scope=scope, worker_id=worker_id),
            due="next_step_due",
            what=text("Next-step decision for ", F("child__first_name")),
            kind=NEXT_STEP,
            view_name="pathway:request",
            source=source,
        )
    ]
    if worker_id is None or scope.holds_any(MANAGER_ROLES):
        rows.append(
            due_columns(
                requests_without_a_worker(scope=scope),
                due="next_step_due",
                what=text("Allocate a worker for ", F("child__first_name"), "'s request"),
                since=TruncDate("received_at"),
                kind=ALLOCATION,
                view_name="pathway:request",
                source=source + 1,
            )
        )
        rows.append(
            due_columns(
                not_assessing_waiting(scope=scope),
                due="next_step_due",
                what=text(
                    "Confirm or not the decision not to assess ",
                    F("child__first_name"),
                    "'s needs",
                ),
                kind=NOT_ASSESSING,
                view_name="pathway:request",
                source=source + 2,
            )
        )
    planned = Contact.objects.visible_to(scope).filter(status=ContactStatus.PLANNED)
    if worker_id is not None:
        planned = planned.filter(planned_by_id=worker_id)
    kind_words = Case(
        *(When(kind=value, then=Value(str(label).lower())) for value, label in ContactKind.choices),
        default=Value(""),
        output_field=CharField(),
    )
    rows.append(
        due_columns(
            planned,
            due=TruncDate("happened_at"),
            what=text("Planned ", kind_words, " with ", F("request__child__first_name")),
            kind=PLANNED_CONTACT,
            view_name="pathway:contact",
            source=source + 3,
        )
    )
    return rows
