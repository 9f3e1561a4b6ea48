"""A parent who asked for help for themselves, online or to staff, has their parent carer's needs
assessment recorded as requested (and started), never "not answered yet"; the same for a young
carer's assessment asked for. No later letter tells them to ask for it (issue 18, point 4)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.asking import services as asking_services
from supportfirst.assessments.models import AssessmentOffer, Kind, OfferAnswer, OfferKind
from supportfirst.letters import services as letter_services
from supportfirst.pathway import services as pathway_services
from supportfirst.pathway.models import SupportRequest
from tests.asking.factories import DraftFactory, complete_answers
from tests.assessments.conftest import actor
from tests.conftest import signed_in_client
from tests.families.factories import ParentCarerFactory, SiblingFactory
from tests.pathway.factories import SupportRequestFactory


@pytest.fixture
def carers(family):
    asker = family.parent_carers.get()
    other = ParentCarerFactory(family=family, full_name="Dev Hughes", relationship="Dad")
    return asker, other


def _offer_for(request, carer) -> AssessmentOffer:
    return AssessmentOffer.objects.get(request=request, parent_carer=carer)


def test_a_parent_who_asked_for_help_for_themselves_has_it_requested_and_started(
    practitioner, family, carers
):
    asker, other = carers
    request = SupportRequestFactory(
        child=family.children.first(),
        requester_name=asker.full_name,
        parent_asked_for_own_assessment=True,
    )
    pathway_services.decide_support(actor=actor(practitioner), request=request)
    asked = _offer_for(request, asker)
    assert asked.answer == OfferAnswer.REQUESTED
    assert asked.assessment is not None
    assert asked.assessment.kind == Kind.PARENT_CARER
    # The other parent did not ask: their offer waits for their answer.
    assert _offer_for(request, other).answer == OfferAnswer.NOT_ANSWERED


def test_without_the_ask_the_offer_waits_for_an_answer(practitioner, family, carers):
    asker, _ = carers
    request = SupportRequestFactory(child=family.children.first(), requester_name=asker.full_name)
    pathway_services.decide_support(actor=actor(practitioner), request=request)
    assert _offer_for(request, asker).answer == OfferAnswer.NOT_ANSWERED


def test_a_young_carers_assessment_asked_for_is_requested(practitioner, family):
    sibling = SiblingFactory(family=family, first_name="Ruby", helps_to_care=True)
    request = SupportRequestFactory(
        child=family.children.first(), young_carer_assessment_asked=True
    )
    pathway_services.decide_support(actor=actor(practitioner), request=request)
    offer = AssessmentOffer.objects.get(request=request, sibling=sibling)
    assert offer.kind == OfferKind.YOUNG_CARER
    assert offer.answer == OfferAnswer.REQUESTED
    assert offer.assessment is not None


def test_online_help_for_me_makes_the_parent_carers_assessment_requested(council, practitioner):
    draft = DraftFactory(council=council, answers=complete_answers(parent_carer_help="yes"))
    online = asking_services.online_request_submit(draft=draft)
    request = online.support_request
    assert request.parent_asked_for_own_assessment is True
    worker = practitioner
    pathway_services.decide_support(actor=actor(worker), request=request)
    carer = request.family.parent_carers.get()
    offer = _offer_for(request, carer)
    assert offer.answer == OfferAnswer.REQUESTED
    assert offer.get_answer_display() != "Not answered yet"


def test_online_no_help_for_me_is_only_offered(council, practitioner):
    draft = DraftFactory(council=council, answers=complete_answers(parent_carer_help="no"))
    request = asking_services.online_request_submit(draft=draft).support_request
    assert request.parent_asked_for_own_assessment is False


def test_staff_recording_a_request_can_say_the_parent_asked_for_themselves(practitioner, family):
    today = timezone.localdate()
    response = signed_in_client(practitioner).post(
        f"/staff/families/{family.pk}/requests/new/",
        {
            "child": family.children.first().pk,
            "received_on_0": str(today.day),
            "received_on_1": str(today.month),
            "received_on_2": str(today.year),
            "received_time": "0:01",
            "who_asked": "parent",
            "requester_name": family.parent_carers.get().full_name,
            "help_asked_for": "A break, and some sleep for me.",
            "consent_to_contact_others": "yes",
            "preferred_contact": "email",
            "asked_for_carers": ["parent_own", "young_carer"],
        },
    )
    assert response.status_code == 302
    request = SupportRequest.objects.get()
    assert request.parent_asked_for_own_assessment is True
    assert request.young_carer_assessment_asked is True


def test_the_letter_does_not_tell_a_parent_who_asked_to_ask(practitioner, family, carers):
    asker, _ = carers
    request = SupportRequestFactory(
        child=family.children.first(),
        requester_name=asker.full_name,
        parent_asked_for_own_assessment=True,
    )
    decision = pathway_services.decide_support(actor=actor(practitioner), request=request)
    letter = letter_services.letter_prepare(
        actor=actor(practitioner), family=family, kind="next_step_decision", source=decision
    )
    assert "You asked us for help for yourself" in letter.body_html
    assert "offer to assess your own needs as a parent carer" not in letter.body_html
