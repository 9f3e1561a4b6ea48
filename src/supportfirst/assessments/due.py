"""What needs assessments put on a worker's list: each open assessment, with its clock."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.assessments.selectors import awaiting_eligibility_decision, open_assessments
from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem, for_family
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
