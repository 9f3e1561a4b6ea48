"""A family's record with something in every section the family's pages show, made through the
pathway's own services as the staff pages make it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus, CarerDecisions
from supportfirst.audit.services import Actor
from supportfirst.councils.scoping import scope_for
from supportfirst.families.models import Family
from supportfirst.pathway import services
from supportfirst.pathway.models import Contact, SafeguardingMove, SupportRequest
from tests.assessments.factories import ParentCarerAssessmentFactory
from tests.pathway.factories import SupportRequestFactory

DECISION_NOTES = "Alfie's needs are clear from what Claire told us: we will assess with you."
CONTACT_NOTES = "We talked about bedtimes and what a good week looks like."
PURPOSE = "To see the stairs Alfie cannot climb, so we can plan the adaptation."
WHY_NECESSARY = "The occupational therapist needs measurements from the stairs themselves."
NOTICE = "Phoned Claire a week before; she chose the day."
UNTOLD_EVIDENCE = "Alfie told his teacher on Monday that he was hit with a belt."
TOLD_EVIDENCE = "Alfie's grandmother told us on Tuesday that she saw a bruise on his arm."
CARER_REASON = "Claire looks after Alfie every night and has not slept a full night in a year."


def actor_for(user) -> Actor:
    return Actor(user, scope_for(user))


@dataclass(frozen=True)
class Story:
    request: SupportRequest
    visit: Contact
    call: Contact
    hidden_request: SupportRequest
    hidden_move: SafeguardingMove
    decisions: CarerDecisions


def contact_with_intrusion(worker, request: SupportRequest) -> Contact:
    return services.contact_record(
        actor=actor_for(worker),
        request=request,
        kind="home_visit",
        happened_at=timezone.now(),
        place="At home",
        family_chose_time_and_place=True,
        notice_given=NOTICE,
        intrusions=["rooms"],
        notes="We looked at the stairs together.",
        intrusion={
            "purpose": PURPOSE,
            "why_necessary": WHY_NECESSARY,
            "less_intrusive_option": "Photographs from the family.",
            "less_intrusive_answer": "Mum said photographs would not show the steps.",
            "why_not_enough": "Photographs do not show the depth of the steps.",
            "family_view": "agree",
            "family_words": "Fine, as long as it is after school.",
            "notice_given": NOTICE,
        },
    )


def plain_contact(worker, request: SupportRequest, notes: str = CONTACT_NOTES) -> Contact:
    return services.contact_record(
        actor=actor_for(worker),
        request=request,
        kind="call",
        happened_at=timezone.now(),
        place="",
        family_chose_time_and_place=True,
        notice_given="",
        intrusions=[],
        notes=notes,
    )


def propose_move(worker, request: SupportRequest, *, told: bool, evidence: str) -> SafeguardingMove:
    return services.safeguarding_propose(
        actor=actor_for(worker),
        request=request,
        what_happened=evidence,
        seen_or_said_by="Ms Green, class teacher",
        when_it_happened="Monday 2 March 2026",
        family_told=told,
        family_told_at=timezone.now() if told else None,
        reason_not_told="" if told else "Telling the family first could put Alfie at risk.",
    )


def record_story(family: Family, worker) -> Story:
    child = family.children.order_by("pk").first()
    request = SupportRequestFactory(child=child)
    services.decide_support(actor=actor_for(worker), request=request, notes=DECISION_NOTES)
    visit = contact_with_intrusion(worker, request)
    call = plain_contact(worker, request)
    hidden_request = SupportRequestFactory(child=child)
    hidden_move = propose_move(worker, hidden_request, told=False, evidence=UNTOLD_EVIDENCE)
    carer = ParentCarerAssessmentFactory(request=request, status=AssessmentStatus.READY_FOR_FAMILY)
    decisions = CarerDecisions.objects.create(
        family=family,
        assessment=carer,
        carer_has_needs=True,
        carer_has_needs_reason=CARER_REASON,
        child_has_needs=True,
        child_has_needs_reason="Alfie needs someone awake with him at night.",
        services_could_meet=True,
        services_could_meet_reason="A night sitter twice a week would give Claire sleep.",
        council_will_provide=True,
        council_will_provide_reason="Claire's needs are eligible under our criteria.",
        decided_by=worker,
        decided_at=timezone.now(),
    )
    request.refresh_from_db()
    return Story(request, visit, call, hidden_request, hidden_move, decisions)
