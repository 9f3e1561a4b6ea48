"""What needs assessments put on a worker's list: each open assessment, with its clock."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.utils import timezone

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models import Assessment, AssessmentStatus
from supportfirst.assessments.selectors import awaiting_eligibility_decision, open_assessments
from supportfirst.councils.models import Council
from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, clock_due, due_columns, for_family, text
from supportfirst.rules import workdays

ASSESSMENT = "Needs assessment"
DECISION = "Eligibility decision"


def due_items(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each open assessment as something due: to finish, or to authorise once the family has
    read it."""
    items = []
    for assessment in open_assessments(scope=scope, worker_id=worker_id):
        waiting = assessment.status == AssessmentStatus.READY_FOR_FAMILY
        items.append(
            DueItem(
                what=f"{assessment.title}"
                + (": family reading, then authorise" if waiting else ""),
                family=assessment.family.name,
                due=assessment.due,
                view_name="assessments:assessment",
                record_id=assessment.pk,
                today=today,
                kind=ASSESSMENT,
            )
        )
    return items + decision_clock(scope=scope, worker_id=worker_id, today=today)


def decision_clock(*, scope: Scope, worker_id: int | None, today: date) -> list[DueItem]:
    """Each authorised child's assessment waiting for its eligibility decision: the council's
    working days from authorisation. One query, however many families."""
    rows = awaiting_eligibility_decision(scope=scope, worker_id=worker_id).values_list(
        "pk",
        "authorised_at",
        "family__council__decision_working_days",
        "child__first_name",
        "family__name",
    )
    items = []
    for pk, authorised_at, days, first_name, family_name in rows:
        due = workdays.add_working_days(timezone.localdate(authorised_at), days)
        items.append(
            DueItem(
                what=f"Eligibility decision for {first_name}",
                family=family_name,
                due=due,
                view_name="assessments:assessment",
                record_id=pk,
                today=today,
                kind=DECISION,
                for_family=for_family(
                    f"We will decide which of {first_name}'s needs the council will meet, "
                    "and tell you why,",
                    due,
                    today,
                ),
            )
        )
    return items


def due_rows(*, scope: Scope, worker_id: int | None, source: int) -> list[QuerySet[Any]]:
    """The same items as `due_items`, as rows for the database to sort, page and count with
    every other app's (`kernel.due.DueRows`). The decision's due date is the one stored when
    the assessment was authorised."""
    subject = Case(
        When(
            kind=Kind.PARENT_CARER,
            parent_carer__isnull=False,
            then=F("parent_carer__full_name"),
        ),
        When(kind=Kind.YOUNG_CARER, sibling__isnull=False, then=F("sibling__first_name")),
        default=F("child__first_name"),
        output_field=CharField(),
    )
    of_kind = Case(
        When(kind=Kind.PARENT_CARER, then=Value("'s assessment as a parent carer")),
        When(kind=Kind.YOUNG_CARER, then=Value("'s assessment as a young carer")),
        default=Value("'s needs assessment"),
        output_field=CharField(),
    )
    waiting = Case(
        When(
            status=AssessmentStatus.READY_FOR_FAMILY,
            then=Value(": family reading, then authorise"),
        ),
        default=Value(""),
        output_field=CharField(),
    )
    return [
        due_columns(
            open_assessments(scope=scope, worker_id=worker_id),
            due="request__assessment_due",
            what=text(subject, of_kind, waiting),
            kind=ASSESSMENT,
            view_name="assessments:assessment",
            source=source,
        ),
        due_columns(
            awaiting_eligibility_decision(scope=scope, worker_id=worker_id),
            due="decision_due",
            what=text("Eligibility decision for ", F("child__first_name")),
            kind=DECISION,
            view_name="assessments:assessment",
            source=source + 1,
        ),
    ]


def refresh_decision_due(*, council_id: int) -> None:
    """Work out again the stored due date of every authorised assessment in the council (after
    the council changes its target)."""
    rows = Assessment.objects.filter(family__council_id=council_id, authorised_at__isnull=False)
    days = Council.objects.filter(pk=council_id).values_list("decision_working_days", flat=True)
    target = days.first() or 0
    changed = []
    for row in rows.only("pk", "authorised_at", "decision_due"):
        due = clock_due(row.authorised_at, target)
        if row.decision_due != due:
            row.decision_due = due
            changed.append(row)
    Assessment.objects.bulk_update(changed, ["decision_due"], batch_size=500)
