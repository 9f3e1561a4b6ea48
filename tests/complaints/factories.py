"""Complaints in each state, for tests, made the way the service makes them."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.complaints import clock
from supportfirst.complaints.models import Complaint, ComplaintStage, Stage, Status
from supportfirst.councils.scoping import scope_for
from supportfirst.families.models import Family

SUMMARY = "Nobody called us back for three weeks after we asked about short breaks for Alfie."


def actor_for(user) -> Actor:
    return Actor(user, scope_for(user))


def complaint_for(
    family: Family,
    *,
    received_on: date | None = None,
    stage: int = Stage.LOCAL_RESOLUTION,
    status: str = Status.OPEN,
) -> Complaint:
    """A complaint at the given stage (the earlier stages answered), without the service's
    messages: for tests and the isolation matrix."""
    received = received_on or timezone.localdate()
    complaint = Complaint.objects.create(
        family=family,
        reference=f"CTEST-{Complaint.objects.count() + 1:06d}",
        received_on=received,
        respond_by=clock.stage_1_due(received),
        summary=SUMMARY,
        put_right="An apology and a date for the assessment.",
        about_description="Something else: phone calls",
        made_at=timezone.now(),
        stage=stage,
        status=status,
    )
    for number in range(1, stage + 1):
        due = clock.stage_due(number, received)
        answered = number < stage
        ComplaintStage.objects.create(
            family=family,
            complaint=complaint,
            stage=number,
            opened_on=received,
            due_on=due,
            response="We are sorry." if answered else "",
            outcome="partly_upheld" if answered else "",
            response_on=received if answered else None,
        )
        complaint.respond_by = due
    complaint.save()
    return complaint


def matrix_complaint_id(family: Family) -> int:
    existing = Complaint.objects.filter(family=family).order_by("pk").first()
    return (existing or complaint_for(family)).pk
