"""What needs assessments put on a worker's list: each open assessment, with its clock."""

from __future__ import annotations

from datetime import date

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.assessments.selectors import open_assessments
from supportfirst.councils.scoping import Scope
from supportfirst.kernel.due import DueItem


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
            )
        )
    return items
