"""What support plans put on a worker's list: each service in an agreed plan that has not
started yet, on the council's clock from the family agreeing the plan to the service starting
(or the start date in the plan, if that is later)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, due_columns, for_family, text
from supportfirst.plans.models import PlannedService, PlanStatus, service_start_due
from supportfirst.rules import workdays

SERVICE_START = "Service starting"


def not_started(*, scope: Scope, worker_id: int | None) -> QuerySet[PlannedService]:
    """Services in agreed plans with no start recorded yet."""
    rows = (
        PlannedService.objects.visible_to(scope)
        .filter(
            plan__status=PlanStatus.AGREED,
            plan__responded_at__isnull=False,
            started_on__isnull=True,
        )
        .order_by("plan__responded_at", "start_on", "pk")
    )
    if scope.child_id is not None:  # a young person: only their own
        rows = rows.filter(plan__child_id=scope.child_id)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id)
            | Q(family__allocated_worker__isnull=True, plan__created_by_id=worker_id)
        )
    return rows


def service_due(agreed_on: date, working_days: int, planned_start: date) -> date:
    """When a service should have started: the council's working days from the family agreeing
    the plan, or the start date written in the plan if the family agreed a later one."""
    return max(workdays.add_working_days(agreed_on, working_days), planned_start)


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    rows = not_started(scope=scope, worker_id=worker_id).values_list(
        "plan_id",
        "name",
        "start_on",
        "plan__responded_at",
        "family__council__service_start_working_days",
        "plan__child__first_name",
        "family__name",
    )
    items = []
    for plan_id, name, start_on, agreed_at, days, first_name, family_name in rows:
        due = service_due(timezone.localdate(agreed_at), days, start_on)
        items.append(
            DueItem(
                what=f"{name} for {first_name}: record when it started",
                family=family_name,
                due=due,
                view_name="plans:plan",
                record_id=plan_id,
                today=today,
                kind=SERVICE_START,
                for_family=for_family(f"{name} for {first_name} should start", due, today),
            )
        )
    return items


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database to sort, page and count with
    every other app's (`kernel.due.DueRows`). The due date is the one stored when the family
    agreed the plan."""
    return [
        due_columns(
            not_started(scope=scope, worker_id=worker_id),
            due="start_due",
            what=text(F("name"), " for ", F("plan__child__first_name"), ": record when it started"),
            record_id="plan_id",
            kind=SERVICE_START,
            view_name="plans:plan",
            source=source,
        )
    ]


def refresh_start_due(*, council_id: int) -> None:
    """Work out again the stored due date of every service in an agreed plan in the council
    (after the council changes its target)."""
    rows = PlannedService.objects.filter(family__council_id=council_id).select_related("plan")
    changed = []
    for row in rows.filter(plan__responded_at__isnull=False):
        due = service_start_due(row.plan, row.start_on)
        if row.start_due != due:
            row.start_due = due
            changed.append(row)
    PlannedService.objects.bulk_update(changed, ["start_due"], batch_size=500)
