"""Offering assessments when a request goes on the support pathway, and recording answers."""

from __future__ import annotations

import pytest

from supportfirst.assessments import services
from supportfirst.assessments.models import (
    Assessment,
    AssessmentOffer,
    Kind,
    OfferAnswer,
    OfferKind,
)
from supportfirst.families.models import Stage
from supportfirst.kernel.workflow import IllegalMove
from supportfirst.pathway import services as pathway_services
from supportfirst.pathway.models import PathwayEvent
from tests.assessments.conftest import actor
from tests.families.factories import ParentCarerFactory, SiblingFactory
from tests.pathway.factories import SupportPathwayRequestFactory, SupportRequestFactory


@pytest.fixture
def support_request(family):
    ParentCarerFactory(family=family, full_name="Dev Hughes", relationship="Dad")
    SiblingFactory(family=family, first_name="Ruby", helps_to_care=False)
    return SupportPathwayRequestFactory(child=family.children.first())


def test_offer_assessments_starts_the_childs_and_offers_the_others(practitioner, support_request):
    offers = services.offer_assessments(actor=actor(practitioner), request=support_request)

    child_assessment = Assessment.objects.get(request=support_request)
    assert child_assessment.kind == Kind.CHILD
    assert child_assessment.child == support_request.child
    assert child_assessment.due == support_request.assessment_due
    carers = sorted(o.person_name for o in offers if o.kind == OfferKind.PARENT_CARER)
    assert carers == sorted(p.full_name for p in support_request.family.parent_carers.all())
    young_carers = [o.sibling for o in offers if o.kind == OfferKind.YOUNG_CARER]
    assert [s.helps_to_care for s in young_carers] == [True]
    assert all(o.answer == OfferAnswer.NOT_ANSWERED for o in offers)
    summaries = list(
        PathwayEvent.objects.filter(request=support_request).values_list("summary", flat=True)
    )
    assert any(s.endswith("needs assessment started") for s in summaries)
    assert sum("offered a parent carer's" in s for s in summaries) == 2
    assert sum("offered a young carer's" in s for s in summaries) == 1
    support_request.family.refresh_from_db()
    assert support_request.family.stage == Stage.ASSESSMENT


def test_offering_twice_makes_nothing_twice(practitioner, support_request):
    services.offer_assessments(actor=actor(practitioner), request=support_request)
    assert services.offer_assessments(actor=actor(practitioner), request=support_request) == []
    assert Assessment.objects.filter(request=support_request).count() == 1
    assert AssessmentOffer.objects.filter(request=support_request).count() == 3


def test_the_support_decision_offers_the_assessments(practitioner, family):
    request = SupportRequestFactory(child=family.children.first())
    pathway_services.decide_support(actor=actor(practitioner), request=request)
    assert Assessment.objects.filter(request=request, kind=Kind.CHILD).exists()
    assert AssessmentOffer.objects.filter(request=request).count() == 2


def _offer(practitioner, support_request, kind) -> AssessmentOffer:
    services.offer_assessments(actor=actor(practitioner), request=support_request)
    return AssessmentOffer.objects.filter(request=support_request, kind=kind).first()


def test_accepting_makes_the_persons_own_assessment(practitioner, support_request):
    offer = _offer(practitioner, support_request, OfferKind.PARENT_CARER)
    made = services.offer_answer(
        actor=actor(practitioner), offer=offer, answer=OfferAnswer.ACCEPTED
    )
    assert made is not None
    assert made.kind == Kind.PARENT_CARER
    assert made.parent_carer == offer.parent_carer
    assert made.combined_with is None
    assert made.areas.count() == 7
    offer.refresh_from_db()
    assert (offer.answer, offer.assessment, offer.recorded_by) == (
        OfferAnswer.ACCEPTED,
        made,
        practitioner,
    )
    assert offer.answered_at is not None


def test_combining_links_it_to_the_childs_assessment(practitioner, support_request):
    offer = _offer(practitioner, support_request, OfferKind.YOUNG_CARER)
    made = services.offer_answer(
        actor=actor(practitioner), offer=offer, answer=OfferAnswer.COMBINED
    )
    assert made is not None
    assert made.kind == Kind.YOUNG_CARER
    assert made.sibling == offer.sibling
    assert made.combined_with == Assessment.objects.get(request=support_request, kind=Kind.CHILD)


def test_declining_records_the_answer_only_and_they_can_change_their_mind(
    practitioner, support_request
):
    offer = _offer(practitioner, support_request, OfferKind.PARENT_CARER)
    assert (
        services.offer_answer(actor=actor(practitioner), offer=offer, answer=OfferAnswer.DECLINED)
        is None
    )
    assert Assessment.objects.filter(request=support_request).count() == 1
    event = PathwayEvent.objects.filter(record_type="assessment offer", move="decline").get()
    assert (event.from_status, event.to_status) == (OfferAnswer.NOT_ANSWERED, OfferAnswer.DECLINED)

    made = services.offer_answer(
        actor=actor(practitioner), offer=offer, answer=OfferAnswer.ACCEPTED
    )
    assert made is not None


def test_an_answered_offer_cannot_be_answered_again(practitioner, support_request):
    offer = _offer(practitioner, support_request, OfferKind.PARENT_CARER)
    services.offer_answer(actor=actor(practitioner), offer=offer, answer=OfferAnswer.ACCEPTED)
    with pytest.raises(IllegalMove, match="already “Accepted”"):
        services.offer_answer(actor=actor(practitioner), offer=offer, answer=OfferAnswer.DECLINED)
