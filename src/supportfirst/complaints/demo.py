"""Demo story: the Hughes family in Ashvale complain about how their request was handled. The
complaint is at stage 1, acknowledged, with an advocate offered; the response is due."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.audit.services import Actor
from supportfirst.complaints import services
from supportfirst.complaints.models import Complaint
from supportfirst.councils.scoping import scope_for
from supportfirst.pathway.models import SupportRequest

DEMO_ORDER = 40

SUMMARY = (
    "When I rang to ask how Alfie's request was going, I was told to ring back another day, "
    "three times. Nobody could tell me who was dealing with it. I had to explain Alfie's "
    "nights again each time, which is exhausting when we have not slept."
)
PUT_RIGHT = "A named person we can call, and to know when the next step will be decided."


@transaction.atomic
def load_demo() -> None:
    parent = User.objects.filter(username="claire.hughes", is_demo_account=True).first()
    worker = User.objects.filter(username="priya.practitioner", is_demo_account=True).first()
    if parent is None or worker is None:
        return
    family = parent.membership.family
    if family is None or Complaint.objects.filter(family=family).exists():
        return
    family_actor = Actor(parent, scope_for(parent))
    staff_actor = Actor(worker, scope_for(worker))
    request = SupportRequest.objects.filter(family=family).order_by("pk").first()
    about = (
        services.About(
            description=f"Request for help {request.reference}",
            type="pathway.supportrequest",
            id=request.pk,
        )
        if request
        else services.About(description="Phone calls about our request")
    )
    received = timezone.localdate() - timedelta(days=3)
    complaint = services.complaint_make(
        actor=family_actor,
        family=family,
        summary=SUMMARY,
        put_right=PUT_RIGHT,
        about=about,
        received_on=received,
    )
    complaint = services.complaint_acknowledge(actor=staff_actor, complaint=complaint)
    services.complaint_record_advocacy(
        actor=staff_actor, complaint=complaint, offered_on=received, answer="not_answered"
    )
