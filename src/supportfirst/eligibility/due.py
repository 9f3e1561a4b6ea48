"""What eligibility decisions put on a worker's list: each confirmed decision whose support plan
has not been shared with the family yet, on the council's clock from the decision to the plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from supportfirst.councils.models import Council
from supportfirst.councils.scoping import Scope
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.kernel.due import DueItem, clock_due, due_columns, for_family, text
from supportfirst.rules import workdays

PLAN = "Support plan shared"


def waiting_for_a_plan(*, scope: Scope, worker_id: int | None) -> QuerySet[EligibilityDecision]:
    """Confirmed decisions with no support plan shared for their request yet."""
    rows = (
        EligibilityDecision.objects.visible_to(scope)
        .filter(status=DecisionStatus.CONFIRMED, confirmed_at__isnull=False)
        .exclude(assessment__request__support_plans__shared_at__isnull=False)
        .order_by("confirmed_at", "pk")
    )
    if scope.child_id is not None:  # a young person: only their own
        rows = rows.filter(assessment__child_id=scope.child_id)
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id)
            | Q(family__allocated_worker__isnull=True, made_by_id=worker_id)
        )
    return rows


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    rows = waiting_for_a_plan(scope=scope, worker_id=worker_id).values_list(
        "pk",
        "confirmed_at",
        "family__council__plan_working_days",
        "assessment__child__first_name",
        "family__name",
    )
    items = []
    for pk, confirmed_at, days, first_name, family_name in rows:
        due = workdays.add_working_days(timezone.localdate(confirmed_at), days)
        items.append(
            DueItem(
                what=f"Share {first_name}'s support plan with the family",
                family=family_name,
                due=due,
                view_name="eligibility:decision",
                record_id=pk,
                today=today,
                kind=PLAN,
                for_family=for_family(
                    f"We will write {first_name}'s support plan with you and share it with you",
                    due,
                    today,
                ),
            )
        )
    return items


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database to sort, page and count with
    every other app's (`kernel.due.DueRows`). The due date is the one stored when the decision
    was confirmed."""
    return [
        due_columns(
            waiting_for_a_plan(scope=scope, worker_id=worker_id),
            due="plan_due",
            what=text(
                "Share ", F("assessment__child__first_name"), "'s support plan with the family"
            ),
            kind=PLAN,
            view_name="eligibility:decision",
            source=source,
        )
    ]


def refresh_plan_due(*, council_id: int) -> None:
    """Work out again the stored due date of every confirmed decision in the council (after the
    council changes its target)."""
    rows = EligibilityDecision.objects.filter(
        family__council_id=council_id, confirmed_at__isnull=False
    )
    days = Council.objects.filter(pk=council_id).values_list("plan_working_days", flat=True)
    target = days.first() or 0
    changed = []
    for row in rows.only("pk", "confirmed_at", "plan_due"):
        due = clock_due(row.confirmed_at, target)
        if row.plan_due != due:
            row.plan_due = due
            changed.append(row)
    EligibilityDecision.objects.bulk_update(changed, ["plan_due"], batch_size=500)
