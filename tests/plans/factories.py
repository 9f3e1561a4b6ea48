"""Support plans in each state, for tests."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from supportfirst.families.advocacy import AdvocacyAnswer
from supportfirst.families.models import Family
from supportfirst.plans.models import (
    DirectPaymentChoice,
    PlannedService,
    PlanOutcome,
    PlanReview,
    PlanStatus,
    SupportPlan,
)
from tests.accounts.factories import UserFactory
from tests.assessments.factories import AuthorisedAssessmentFactory
from tests.pathway.factories import SupportPathwayRequestFactory

START = datetime.date(2026, 12, 1)


class DraftPlanFactory(factory.django.DjangoModelFactory):
    """A draft plan with nothing written yet, for a request on the support pathway."""

    class Meta:
        model = SupportPlan

    request = factory.SubFactory(SupportPathwayRequestFactory)
    family = factory.LazyAttribute(lambda p: p.request.family)
    child = factory.LazyAttribute(lambda p: p.request.child)
    status = PlanStatus.DRAFT
    starts_on = START
    review_due_on = datetime.date(2027, 6, 1)
    created_by = factory.SubFactory(UserFactory)
    created_at = factory.LazyFunction(timezone.now)


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanOutcome

    family = factory.LazyAttribute(lambda o: o.plan.family)
    text = "We want him to go swimming with his friends on Saturdays."
    said_by = "Claire Hughes (Mum)"
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


class PlannedServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedService

    family = factory.LazyAttribute(lambda s: s.plan.family)
    code = "short_breaks_day"
    name = "Short breaks in the day"
    # A Saturday club is a short break by the route of activities outside the home: the CSDPA
    # s2(1)(c) individual duty once the council is satisfied it is necessary (LAW.md).
    route = "csdpa_outside"
    legal_basis = "Chronically Sick and Disabled Persons Act 1970, section 2(1)(c)"
    duty_or_power = "duty"
    dp_wish = "declined"
    provider = "Riverside Saturday Club"
    amount = "6 hours"
    frequency = "every week"
    start_on = START
    cost = Decimal("90.00")
    cost_period = "week"
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanReview

    family = factory.LazyAttribute(lambda r: r.plan.family)
    reviewed_on = datetime.date(2027, 5, 20)
    what_changed = "He now goes to the club on Saturdays and Sundays."
    family_view = "The club has made a big difference. He sleeps better."
    next_review_on = datetime.date(2027, 11, 20)
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


def written_plan(plan: SupportPlan) -> SupportPlan:
    """Give a plan an outcome, a service, the family's choice about direct payments and the
    child's answer to the offer of an advocate."""
    OutcomeFactory(plan=plan)
    PlannedServiceFactory(plan=plan)
    plan.direct_payment_choice = DirectPaymentChoice.COUNCIL_ARRANGES
    plan.advocacy_answer = AdvocacyAnswer.DECLINED
    plan.advocacy_on = timezone.localdate()
    plan.save(update_fields=["direct_payment_choice", "advocacy_answer", "advocacy_on"])
    return plan


def draft_plan_for(family: Family) -> SupportPlan:
    """A draft plan for the family's first child, after an authorised assessment."""
    assessment = AuthorisedAssessmentFactory(request__child=family.children.order_by("pk").first())
    return DraftPlanFactory(request=assessment.request)


def shared_plan_for(family: Family) -> SupportPlan:
    """Deterministic: the family's first shared plan with an outcome, a service and a review,
    made once."""
    plan = (
        SupportPlan.objects.filter(family=family, status=PlanStatus.SHARED).order_by("pk").first()
    )
    if plan is None:
        plan = written_plan(draft_plan_for(family))
        plan.status = PlanStatus.SHARED
        plan.shared_at = timezone.now()
        plan.save(update_fields=["status", "shared_at"])
        ReviewFactory(plan=plan)
    return plan
