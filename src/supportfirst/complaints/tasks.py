"""Daily complaint reminders, run on the task queue (kernel/schedule.py) and by
`supportfirst manage complaint_reminders`."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from supportfirst.complaints import clock
from supportfirst.complaints.models import CLOCK_RUNNING, Complaint
from supportfirst.notifications import family_events


def complaints_due_soon(*, today: date, within: int = 2) -> list[Complaint]:
    """Complaints whose next step is due in the next `within` working days (or overdue), by
    council, then date."""
    rows = (
        Complaint.objects.filter(status__in=CLOCK_RUNNING)
        .select_related("family", "family__council")
        .prefetch_related("stages")
        .order_by("family__council__name", "respond_by", "pk")
    )
    return [c for c in rows if clock.due_soon(c.respond_by, today, within)]


def remind_families(complaints: list[Complaint], *, today: date) -> int:
    """Tell each family once that the council's next step is due soon; how many were told now."""
    return sum(1 for c in complaints if family_events.complaint_reminder(c, today))


@task()
def complaint_reminders() -> int:
    """Remind the families whose complaint's next step is due in the next 2 working days."""
    today = timezone.localdate()
    return remind_families(complaints_due_soon(today=today), today=today)
