"""A small, fixed world for letter tests: every name, date and reference is set, so that a
letter's HTML is the same on every run (golden files)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from supportfirst.assessments.models import Assessment
from supportfirst.councils.models import Role
from supportfirst.families.models import Family
from supportfirst.pathway.models import NextStepDecision, SupportRequest
from supportfirst.plans.models import PlanStatus, SupportPlan
from tests.accounts.factories import staff_user
from tests.assessments.factories import AuthorisedAssessmentFactory
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory, FamilyFactory, ParentCarerFactory
from tests.letters.factories import ComplaintStandIn
from tests.pathway.factories import SupportPathwayRequestFactory
from tests.plans.factories import (
    DraftPlanFactory,
    OutcomeFactory,
    PlannedServiceFactory,
    ReviewFactory,
)

ON = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)


@dataclass
class DecisionStandIn:
    """The fields and methods of eligibility's EligibilityDecision that the letter uses."""

    pk: int
    family: Family
    assessment: Assessment
    status: str = "confirmed"
    criteria: Any = field(
        default_factory=lambda: SimpleNamespace(
            title="Northshire support criteria", version="2.1", set_id="northshire", owner="201"
        )
    )

    @property
    def family_id(self) -> int:
        return self.family.pk

    def final_needs(self) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(
                need_id="n1",
                description="Needs an adult with him to wash and dress.",
                area_name="Looking after himself",
                met=True,
                reason="Sam cannot do this without help, every day.",
                what_would_change="",
            ),
            SimpleNamespace(
                need_id="n2",
                description="Would like to learn to ride a bike.",
                area_name="Play and leisure",
                met=False,
                reason="This does not stop Sam doing two or more everyday things.",
                what_would_change="If it stopped Sam getting to school or seeing friends.",
            ),
        ]

    def final_services(self) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(
                code="practical_help",
                name="Practical help at home",
                met=True,
                legal_basis_citations=[
                    "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"
                ],
                duty_or_power="duty",
                reason="Sam needs help to wash and dress every day.",
                departed=False,
                departure_reason="",
            ),
            SimpleNamespace(
                code="holidays",
                name="Help with a holiday",
                met=False,
                legal_basis_citations=[
                    "Chronically Sick and Disabled Persons Act 1970, section 2(1)(f)"
                ],
                duty_or_power="duty",
                reason="No need for a holiday was found in the assessment.",
                departed=False,
                departure_reason="",
            ),
        ]


@dataclass
class World:
    family: Family
    worker: Any
    request: SupportRequest
    next_step: NextStepDecision
    decision: DecisionStandIn
    plan: SupportPlan
    review: Any
    complaint: ComplaintStandIn
    response: ComplaintStandIn

    def source(self, kind: str) -> Any:
        return {
            "request_acknowledgement": self.request,
            "next_step_decision": self.next_step,
            "eligibility_decision": self.decision,
            "support_plan": self.plan,
            "plan_review": self.review,
            "complaint_acknowledgement": self.complaint,
            "complaint_response": self.response,
        }[kind]


def make_world(council_name: str = "Northshire Council", la_code: str = "201") -> World:
    council = CouncilFactory(name=council_name, la_code=la_code)
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Shah")
    family = FamilyFactory(council=council, name="Hughes family", allocated_worker=worker)
    child = ChildFactory(family=family, first_name="Sam", last_name="Hughes")
    ParentCarerFactory(family=family, full_name="Claire Hughes", email="claire@example.test")
    ParentCarerFactory(family=family, full_name="Tom Hughes", relationship="Dad")
    request = SupportPathwayRequestFactory(
        child=child,
        reference=f"RQ-{la_code}123",
        received_at=ON,
        next_step_due=datetime.date(2026, 12, 4),
        assessment_due=datetime.date(2027, 2, 8),
        help_asked_for="A break at weekends, and help at bedtime.",
    )
    next_step = NextStepDecision.objects.create(
        family=family, request=request, pathway="support", decided_by=worker, decided_at=ON
    )
    assessment = AuthorisedAssessmentFactory(request=request)
    plan = DraftPlanFactory(
        request=request,
        status=PlanStatus.SHARED,
        direct_payment_choice="mix",
        shared_at=timezone.now(),
        advocacy_answer="accepted",
        advocacy_on=ON.date(),
        advocate_organisation="Northshire Young Voices",
    )
    OutcomeFactory(plan=plan, text="We want Sam to go swimming with his friends on Saturdays.")
    OutcomeFactory(plan=plan, text="I want to sleep through the night.", said_by="Sam")
    PlannedServiceFactory(plan=plan)
    PlannedServiceFactory(
        plan=plan,
        code="",
        name="Help at bedtime",
        route="",
        legal_basis="Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)",
        duty_or_power="duty",  # CSDPA s2 is an individual duty, never the general-duty sentence
        dp_wish="wants",
        dp_conditions="met",
        provider="Care at Home Ltd",
        amount="1 hour",
        frequency="every evening",
        cost=Decimal("1200.00"),
        cost_period="month",
        arrangement="direct_payment",
    )
    review = ReviewFactory(plan=plan)
    complaint = ComplaintStandIn(
        pk=7,
        family=family,
        reference="CM-000007",
        stage=1,
        received_on=datetime.date(2026, 12, 1),
        respond_by=datetime.date(2026, 12, 15),
        summary="Nobody called me back for two weeks.",
    )
    response = ComplaintStandIn(
        pk=8,
        family=family,
        reference="CM-000008",
        stage=2,
        received_on=datetime.date(2026, 12, 1),
        respond_by=datetime.date(2027, 1, 8),
        summary="The plan was changed without asking us.",
    )
    return World(
        family=family,
        worker=worker,
        request=request,
        next_step=next_step,
        decision=DecisionStandIn(pk=5, family=family, assessment=assessment),
        plan=plan,
        review=review,
        complaint=complaint,
        response=response,
    )
