"""The services in a support plan: their law from the council's criteria, and the eligibility
decision's met and not-met services."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.plans import catalogue, services
from supportfirst.rules.criteria.lawkinds import service_sentence
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.letters.factories import actor_for
from tests.plans.factories import draft_plan_for


def test_a_service_takes_its_law_from_the_criteria(db):
    from tests.councils.factories import CouncilFactory

    ashvale = CouncilFactory(la_code="957")  # Ashvale's own published criteria
    plan = draft_plan_for(family_with_everyone(ashvale))
    client = signed_in_client(staff_user(ashvale, Role.PRACTITIONER))
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    page = client.get(url).content.decode()
    assert "Short breaks (a general duty: the council must provide a range of this support)" in page
    data = {
        "code": "short-breaks",
        "provider": "Riverside Club",
        "amount": "6 hours",
        "frequency": "every week",
        "start_on_0": "1",
        "start_on_1": "12",
        "start_on_2": "2026",
        "cost": "90.50",
        "cost_period": "week",
        "arrangement": "council",
    }
    # The range of short breaks (Schedule 2 paragraph 6, regulation 4) is a general duty, not
    # a promise of a break: one break in a plan is given under one legal route, chosen here.
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "This is a short break: choose its legal route" in refused.content.decode()
    assert client.post(url, {**data, "route": "csdpa_outside"}).status_code == 302
    service = plan.services.get()
    assert service.legal_basis == "Chronically Sick and Disabled Persons Act 1970, section 2(1)(c)"
    assert service.duty_or_power == "duty"
    assert service.cost == Decimal("90.50")
    assert service.weekly_cost == Decimal("90.50")


def test_bad_input_on_a_service_keeps_what_was_typed(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    response = client.post(
        url,
        {"code": "other", "provider": "Typed provider", "cost": "-3", "cost_period": "week"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the name of the service" in page
    assert "Enter the law the service is given under" in page
    assert "The cost cannot be less than £0" in page
    assert "Typed provider" in page
    assert not plan.services.exists()
    response = client.post(url, {"code": "not-a-service", "provider": "P"})
    assert response.status_code == 400


def test_another_service_is_written_in_with_its_law(family, worker):
    plan = draft_plan_for(family)
    given = services.ServiceInput(
        code=catalogue.OTHER,
        provider="Equipment library",
        amount="1 car seat",
        frequency="once",
        start_on=datetime.date(2026, 12, 1),
        cost=Decimal("450"),
        cost_period="once",
        other_name="A special car seat",
        other_legal_basis="Chronically Sick and Disabled Persons Act 1970, section 2(1)(e)",
    )
    service = services.service_add(actor=actor_for(worker), plan=plan, given=given)
    assert service.cost_text == "£450.00 once only"
    assert service.weekly_cost is None


def test_the_service_types_come_from_the_councils_published_criteria(db):
    from tests.councils.factories import CouncilFactory

    ashvale = CouncilFactory(la_code="957")
    found = catalogue.from_criteria(ashvale, datetime.date(2026, 11, 23))
    help_at_home = next(c for c in found if c.code == "help-at-home")
    assert help_at_home.legal_basis == (
        "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"
    )
    assert help_at_home.duty_or_power == "duty"


def test_the_confirmed_decisions_met_services_come_first(db):
    from tests.councils.factories import CouncilFactory

    line = type(
        "Line",
        (),
        {
            "code": "short-breaks",
            "name": "Short breaks",
            "met": True,
            "legal_basis_citations": ["Children Act 1989, Schedule 2, paragraph 6"],
            "duty_or_power": "duty",
        },
    )
    unmet = type("Unmet", (line,), {"code": "help-at-home", "name": "Help", "met": False})
    decision = type(
        "Decision", (), {"status": "confirmed", "final_services": lambda self: [line(), unmet()]}
    )()
    found = catalogue.choices_for(decision=decision, council=None, today=datetime.date.today())
    assert [c.code for c in found] == ["short-breaks"]
    # A decision not yet confirmed: every service in the council's criteria, and what that
    # decision says is not met (help at home) is not marked so.
    ashvale = CouncilFactory(la_code="957")
    today = datetime.date.today()
    decision.status = "awaiting_confirmation"
    found = catalogue.choices_for(decision=decision, council=ashvale, today=today)
    assert found == catalogue.from_criteria(ashvale, today)
    help_at_home = next(c for c in found if c.code == "help-at-home")
    assert not help_at_home.not_met


def test_a_plan_takes_its_services_from_the_confirmed_decision(db):
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family, confirm=True)
    worker = decision.made_by
    plan = services.plan_start(actor=actor_for(worker), request=decision.assessment.request)
    assert plan.decision == decision
    met = [line.code for line in decision.final_services() if line.met]
    assert met
    assert [c.code for c in services.service_choices(plan)] == met


def _not_met_world():
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family, confirm=True)
    plan = services.plan_start(
        actor=actor_for(decision.made_by), request=decision.assessment.request
    )
    [unmet, *_] = [line for line in decision.final_services() if not line.met]
    [met, *_] = [line for line in decision.final_services() if line.met]
    return family, decision, plan, unmet, met


NOT_MET_POST = {
    "code": "other",
    "other_legal_basis": "Chronically Sick and Disabled Persons Act 1970, section 2(1)(d)",
    "provider": "Ashvale Transport",
    "amount": "2 journeys",
    "frequency": "every week",
    "start_on_0": "1",
    "start_on_1": "12",
    "start_on_2": "2026",
    "cost": "40",
    "cost_period": "week",
    "arrangement": "council",
}


def test_a_service_the_decision_said_no_to_needs_a_recorded_reason(db):
    _family, decision, plan, unmet, _met = _not_met_world()
    client = signed_in_client(decision.made_by)
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    response = client.post(url, {**NOT_MET_POST, "other_name": unmet.name})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f"The decision said “{unmet.name}” is not met" in page
    assert not plan.services.exists()
    with pytest.raises(MoveRefused, match="not met"):
        services.service_add(
            actor=actor_for(decision.made_by),
            plan=plan,
            given=services.ServiceInput(
                code=catalogue.OTHER,
                other_name=unmet.name.upper(),
                other_legal_basis="Children Act 1989, section 17",
                provider="P",
                amount="1",
                frequency="once",
                start_on=datetime.date(2026, 12, 1),
                cost=Decimal("0"),
                cost_period="once",
            ),
        )
    reason = "Sam cannot get to school clubs without this; we agreed at the meeting."
    response = client.post(
        url, {**NOT_MET_POST, "other_name": unmet.name, "not_met_reason": reason}
    )
    assert response.status_code == 302
    service = plan.services.get()
    assert service.not_met_reason == reason
    staff_page = client.get(reverse("plans:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "Added although the decision said not now, because:" in staff_page
    assert "The council has agreed to provide this." in staff_page
    assert "the law says it must arrange it" not in staff_page
    assert "This is a general duty" not in staff_page


def test_a_met_service_needs_no_reason_and_the_family_reads_the_truth(db):
    family, decision, plan, unmet, met = _not_met_world()
    worker = decision.made_by
    given = services.ServiceInput(
        code=met.code,
        route="csdpa_outside" if met.code == "short-breaks" else "",
        provider="Riverside Club",
        amount="6 hours",
        frequency="every week",
        start_on=datetime.date(2026, 12, 1),
        cost=Decimal("90"),
        cost_period="week",
    )
    services.service_add(actor=actor_for(worker), plan=plan, given=given)
    services.service_add(
        actor=actor_for(worker),
        plan=plan,
        given=services.ServiceInput(
            **{
                **given.__dict__,
                "code": catalogue.OTHER,
                "other_name": unmet.name,
                "other_legal_basis": "Children Act 1989, section 17",
                "not_met_reason": "Agreed with the family at the meeting.",
            }
        ),
    )
    from supportfirst.plans.models import PlanStatus as Status

    type(plan).objects.filter(pk=plan.pk).update(status=Status.SHARED)
    page = signed_in_client(family_user(family)).get(
        reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Added although the decision said not now, because: Agreed with the family" in text
    assert text.count("The council has agreed to provide this.") == 1
    # The met short break was planned by the route of activities outside the home: the family
    # reads that route's individual-duty sentence, not the general duty of the range.
    assert text.count(service_sentence("duty")) == 1
    assert "Activities or day-time care outside the home" in text
