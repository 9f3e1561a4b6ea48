"""The pathway part of the demo story: each demo family's request for help, received as long
ago as their stage says and walked to the next-step decision with the same services the pages
use. Their assessments are filled in by `assessments/demo.py`."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.scoping import scope_for
from supportfirst.families.demo import DemoFamily, demo_families
from supportfirst.families.models import Family, Stage
from supportfirst.pathway import services

DEMO_ORDER = 1

# How long ago each family asked for help (calendar days), by where they are now.
ASKED_DAYS_AGO = {
    Stage.REQUEST_RECEIVED: 0,
    Stage.NEXT_STEP_DECIDED: 3,
    Stage.ASSESSMENT: 20,
    Stage.FAMILY_READING: 45,
    Stage.PLANNING: 75,
    Stage.SUPPORT_IN_PLACE: 150,
    Stage.REVIEW: 200,
    Stage.INFORMATION_GIVEN: 10,
}


def load_demo() -> None:
    for family, story in demo_families():
        _request_story(family, story)


def _request_story(family: Family, fam: DemoFamily) -> None:
    """Receive the family's request and decide the next step, as far as their stage."""
    worker = family.allocated_worker
    assert worker is not None
    as_worker = Actor(worker, scope_for(worker), "demo-loader")
    child = family.children.order_by("pk").first()
    assert child is not None
    carer_name = fam.carers[0][0]
    days_ago = fam.asked_days_ago if fam.asked_days_ago is not None else ASKED_DAYS_AGO[fam.stage]
    received = timezone.now() - timedelta(days=days_ago, hours=2)
    request = services.support_request_create(
        actor=as_worker,
        child=child,
        received_at=received,
        who_asked="parent",
        requester_name=carer_name,
        help_asked_for=f"{child.about} We would like a break, and help at home.",
        consent_to_contact_others=True,
        communication_needs=fam.communication_needs,
        preferred_contact=fam.contact,
    )
    if fam.stage == Stage.REQUEST_RECEIVED:
        return
    if fam.stage == Stage.INFORMATION_GIVEN:
        services.decide_information(
            actor=as_worker,
            request=request,
            information_given="Sent the list of holiday clubs with trained staff, and the "
            "parent carer forum's contact details.",
            agreement=services.FamilyAgreement(
                carer_name, timezone.localdate(received), "on the phone with their worker"
            ),
        )
        return
    services.decide_support(actor=as_worker, request=request)
    if fam.stage == Stage.NEXT_STEP_DECIDED:
        Family.objects.filter(pk=family.pk).update(stage=Stage.NEXT_STEP_DECIDED)
        return
