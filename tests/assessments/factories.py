"""Assessments in each state, for tests. Areas are made the way the service makes them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import factory
from django.utils import timezone

from supportfirst.assessments.models import (
    Assessment,
    AssessmentOffer,
    AssessmentStatus,
    FamilyAccount,
    FamilyComment,
    HowOften,
    Kind,
    Need,
    OfferAnswer,
    OfferKind,
)
from supportfirst.assessments.services import create_areas
from supportfirst.families.advocacy import AdvocacyAnswer
from supportfirst.families.models import Family
from supportfirst.pathway.models import SupportRequest
from tests.accounts.factories import UserFactory
from tests.pathway.factories import SupportPathwayRequestFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    """A child's needs assessment in progress, with its areas (none written yet)."""

    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    request = factory.SubFactory(SupportPathwayRequestFactory)
    family = factory.LazyAttribute(lambda a: a.request.family)
    child = factory.LazyAttribute(lambda a: a.request.child)
    kind = Kind.CHILD
    status = AssessmentStatus.IN_PROGRESS
    started_on = factory.LazyFunction(timezone.localdate)
    started_by = factory.SubFactory(UserFactory)
    # The worker has offered the child an advocate; a test of the missing offer clears it.
    advocacy_answer = AdvocacyAnswer.UNDECIDED
    advocacy_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def areas(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            create_areas(self)


def complete_every_area(assessment: Assessment) -> None:
    assessment.areas.update(
        practitioner_analysis="What helps is a regular routine and someone who knows them well.",
        completed=True,
    )


class ReadyForFamilyAssessmentFactory(AssessmentFactory):
    """Every area complete; the family can read it and comment."""

    status = AssessmentStatus.READY_FOR_FAMILY

    @factory.post_generation
    def complete(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            complete_every_area(self)


class AuthorisedAssessmentFactory(ReadyForFamilyAssessmentFactory):
    status = AssessmentStatus.AUTHORISED
    authorised_by = factory.SubFactory(UserFactory)
    authorised_at = factory.LazyFunction(timezone.now)


class ParentCarerAssessmentFactory(AssessmentFactory):
    """A parent carer's assessment in progress, for the family's first parent carer."""

    kind = Kind.PARENT_CARER
    parent_carer = factory.LazyAttribute(lambda a: a.request.family.parent_carers.first())


class YoungCarerAssessmentFactory(AssessmentFactory):
    kind = Kind.YOUNG_CARER
    sibling = factory.LazyAttribute(lambda a: a.request.family.siblings.first())


class FamilyAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyAccount

    family = factory.LazyAttribute(lambda a: a.area.family)
    text = "He wakes at 2am most nights and we take turns sitting with him."
    said_by = "Claire Hughes (Mum)"
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    family = factory.LazyAttribute(lambda n: n.area.family)
    description = "Needs an adult with him to wash and dress."
    cannot_without_help = True
    how_often = HowOften.EVERY_DAY
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


class FamilyCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyComment

    family = factory.LazyAttribute(lambda c: c.assessment.family)
    author = factory.SubFactory(UserFactory)
    text = "You have missed that he needs two people to help him on bad days."
    created_at = factory.LazyFunction(timezone.now)


class ParentCarerOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentOffer

    request = factory.SubFactory(SupportPathwayRequestFactory)
    family = factory.LazyAttribute(lambda o: o.request.family)
    kind = OfferKind.PARENT_CARER
    parent_carer = factory.LazyAttribute(lambda o: o.request.family.parent_carers.first())
    answer = OfferAnswer.NOT_ANSWERED
    offered_at = factory.LazyFunction(timezone.now)
    offered_by = factory.SubFactory(UserFactory)


class YoungCarerOfferFactory(ParentCarerOfferFactory):
    kind = OfferKind.YOUNG_CARER
    parent_carer = None
    sibling = factory.LazyAttribute(lambda o: o.request.family.siblings.first())


def received_days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@dataclass(frozen=True)
class FamilyAssessments:
    """One family's request on the support pathway with an assessment of each kind."""

    request: SupportRequest
    child: Assessment
    carer: Assessment
    need: Need
    offer: AssessmentOffer


def assessments_for(family: Family) -> FamilyAssessments:
    """Deterministic: the family's first request on the support pathway with its assessments,
    made once. The child's assessment is ready for the family, with a need and the family's
    account in its first area; the parent carer's is in progress; the young carer's offer is
    not answered yet."""
    child_assessment = (
        Assessment.objects.filter(family=family, kind=Kind.CHILD).order_by("pk").first()
    )
    if child_assessment is None:
        request = SupportPathwayRequestFactory(child=family.children.order_by("pk").first())
        child_assessment = ReadyForFamilyAssessmentFactory(request=request)
        first_area = child_assessment.areas.order_by("position").first()
        FamilyAccountFactory(area=first_area)
        NeedFactory(area=first_area)
        ParentCarerAssessmentFactory(request=request)
        YoungCarerOfferFactory(request=request)
    request = child_assessment.request
    return FamilyAssessments(
        request=request,
        child=child_assessment,
        carer=Assessment.objects.get(request=request, kind=Kind.PARENT_CARER),
        need=Need.objects.filter(area__assessment=child_assessment).order_by("pk").first(),
        offer=AssessmentOffer.objects.filter(request=request).order_by("pk").first(),
    )


def matrix_id(family: Family, name: str) -> int:
    """The id the isolation matrix needs for one of the assessment URLs' arguments."""
    made = assessments_for(family)
    ids = {
        "assessment_id": made.child.pk,
        "carer_assessment_id": made.carer.pk,
        "area_id": made.child.areas.order_by("position").values_list("pk", flat=True).first(),
        "need_id": made.need.pk,
        "offer_id": made.offer.pk,
    }
    found = ids[name]
    assert found is not None
    return found
