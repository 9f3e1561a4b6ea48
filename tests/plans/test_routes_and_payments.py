"""Short breaks by legal route in a plan, a direct payment offered for every service, and who
pays (issue 13 points 2, 3 and 7)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from supportfirst.kernel.workflow import MoveRefused, guard_message
from supportfirst.plans import catalogue, moves, services
from supportfirst.plans.models import Arrangement, PlanStatus
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.letters.factories import actor_for
from tests.plans.factories import PlannedServiceFactory, draft_plan_for, written_plan

START = datetime.date(2026, 12, 1)


def _given(**overrides) -> services.ServiceInput:
    values = {
        "code": catalogue.OTHER,
        "other_name": "Nights at Willow House",
        "other_legal_basis": "Children Act 1989, Schedule 2, paragraph 6",
        "provider": "Willow House",
        "amount": "2 nights",
        "frequency": "every month",
        "start_on": START,
        "cost": Decimal("640"),
        "cost_period": "month",
        "dp_wish": "declined",
    }
    return services.ServiceInput(**{**values, **overrides})


def _share(plan):
    type(plan).objects.filter(pk=plan.pk).update(status=PlanStatus.SHARED)


# --- short breaks by route -----------------------------------------------------------------


def test_a_short_break_without_a_route_is_refused(family, worker):
    plan = draft_plan_for(family)
    with pytest.raises(MoveRefused, match="is a short break: choose its legal route"):
        services.service_add(actor=actor_for(worker), plan=plan, given=_given())
    assert not plan.services.exists()


def test_an_unknown_route_is_refused(family, worker):
    plan = draft_plan_for(family)
    with pytest.raises(MoveRefused, match="Choose the legal route"):
        services.service_add(actor=actor_for(worker), plan=plan, given=_given(route="s99"))


def test_an_overnight_break_under_section_20_4_is_recorded_and_told_plainly(family, worker):
    plan = draft_plan_for(family)
    service = services.service_add(
        actor=actor_for(worker), plan=plan, given=_given(route="s20_overnight")
    )
    assert service.route == "s20_overnight"
    assert service.looked_after
    assert service.legal_basis == "Children Act 1989, section 20(4)"
    assert service.duty_or_power == "power"
    _share(plan)
    name = plan.child.first_name
    page = signed_in_client(family_user(family)).get(
        reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Overnight stays away from home, accommodated (looked after)" in text
    assert f"In law this means {name} is “looked after” by the council while away" in text


def test_an_overnight_break_under_section_17_6_says_the_child_is_not_looked_after(family, worker):
    plan = draft_plan_for(family)
    service = services.service_add(
        actor=actor_for(worker), plan=plan, given=_given(route="s17_overnight")
    )
    assert not service.looked_after
    assert service.duty_or_power == "general"
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert f"the council does not look after {plan.child.first_name} in law" in text


def test_the_support_plan_letter_tells_the_family_about_a_section_20_break(family, worker):
    from supportfirst.letters import services as letter_services

    plan = written_plan(draft_plan_for(family))
    services.service_add(actor=actor_for(worker), plan=plan, given=_given(route="s20_overnight"))
    _share(plan)
    plan.refresh_from_db()
    letter = letter_services.letter_prepare(
        actor=actor_for(worker), family=family, kind="support_plan", source=plan
    )
    assert "is “looked after” by the council while away from home" in letter.body_html
    assert "regulation 48" in letter.body_html
    # Regulation 48 applies only while the child comes home after each stay and the stays
    # add up to no more than 75 days in 12 months.
    assert "no more than 75 days in 12 months" in letter.body_html
    # A direct payment is for a section 17 service (s17A(2)(b)); a section 20(4) stay is not.
    assert "This cannot be a direct payment" in letter.body_html


def test_the_service_form_asks_for_the_route(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    page = client.get(url).content.decode()
    assert "If it is a short break for the child: its legal route" in page
    assert "the child is looked after during each stay (Children Act 1989, section 20(4))" in page


# --- direct payments for every service ------------------------------------------------------


def test_a_direct_payment_for_a_carers_service(family, worker):
    plan = draft_plan_for(family)
    service = services.service_add(
        actor=actor_for(worker),
        plan=plan,
        given=_given(
            other_name="A break for you",
            other_legal_basis="Children Act 1989, section 17(1); Children Act 1989, section 17(3)",
            dp_wish="wants",
            dp_conditions="met",
            dp_amount=Decimal("150"),
            arrangement=Arrangement.DIRECT_PAYMENT,
        ),
    )
    service.for_whom = "parent_carer"
    service.save()
    assert service.direct_payment_text == "£150.00 a month"
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert "Paid to you as the carer as a direct payment: £150.00 a month" in text


def test_a_carers_service_from_the_criteria_needs_no_route_and_can_be_a_direct_payment(db):
    from supportfirst.councils.models import Role
    from tests.accounts.factories import staff_user
    from tests.councils.factories import CouncilFactory
    from tests.families.factories import family_with_everyone

    ashvale = CouncilFactory(la_code="957")
    family = family_with_everyone(ashvale)
    worker = staff_user(ashvale, Role.PRACTITIONER)
    plan = draft_plan_for(family)
    service = services.service_add(
        actor=actor_for(worker),
        plan=plan,
        given=_given(
            code="parent-carer-break",
            dp_wish="wants",
            dp_conditions="met",
            arrangement=Arrangement.DIRECT_PAYMENT,
        ),
    )
    assert service.for_carer
    assert service.route == ""
    assert service.arrangement == Arrangement.DIRECT_PAYMENT
    assert service.direct_payment_amount == service.cost


def test_a_direct_payment_needs_the_conditions(family, worker):
    plan = draft_plan_for(family)
    actor = actor_for(worker)
    with pytest.raises(MoveRefused, match="only when the family wants one and the conditions"):
        services.service_add(
            actor=actor,
            plan=plan,
            given=_given(route="csdpa_outside", arrangement=Arrangement.DIRECT_PAYMENT),
        )
    with pytest.raises(MoveRefused, match="record whether the conditions are met"):
        services.service_add(
            actor=actor, plan=plan, given=_given(route="csdpa_outside", dp_wish="wants")
        )
    with pytest.raises(MoveRefused, match="choose “Paid for by direct payment”"):
        services.service_add(
            actor=actor,
            plan=plan,
            given=_given(route="csdpa_outside", dp_wish="wants", dp_conditions="met"),
        )


def test_a_refused_direct_payment_has_a_reason_the_family_reads(family, worker):
    plan = draft_plan_for(family)
    actor = actor_for(worker)
    with pytest.raises(MoveRefused, match="Write why a direct payment cannot be made"):
        services.service_add(
            actor=actor,
            plan=plan,
            given=_given(route="csdpa_outside", dp_wish="wants", dp_conditions="not_met"),
        )
    reason = "The regulations do not let a direct payment pay for stays of this length."
    services.service_add(
        actor=actor,
        plan=plan,
        given=_given(
            route="csdpa_outside", dp_wish="wants", dp_conditions="not_met", dp_reason=reason
        ),
    )
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert f"You asked for a direct payment, but we cannot make one for this: {reason}" in text


def test_a_section_20_4_stay_cannot_be_paid_by_direct_payment(family, worker):
    plan = draft_plan_for(family)
    with pytest.raises(MoveRefused, match="cannot be paid by direct payment"):
        services.service_add(
            actor=actor_for(worker),
            plan=plan,
            given=_given(
                route="s20_overnight",
                dp_wish="wants",
                dp_conditions="met",
                arrangement=Arrangement.DIRECT_PAYMENT,
            ),
        )
    assert not plan.services.exists()


def test_a_section_20_4_stay_is_not_offered_as_a_direct_payment(family, worker):
    plan = draft_plan_for(family)
    services.service_add(
        actor=actor_for(worker), plan=plan, given=_given(route="s20_overnight", dp_wish="")
    )
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert "This cannot be a direct payment" in text
    assert "You can ask for this as a direct payment" not in text


def test_the_easy_read_plan_letter_does_not_offer_money_for_a_section_20_4_stay(family, worker):
    from supportfirst.letters import services as letter_services

    plan = written_plan(draft_plan_for(family))
    services.service_add(
        actor=actor_for(worker), plan=plan, given=_given(route="s20_overnight", dp_wish="")
    )
    _share(plan)
    plan.refresh_from_db()
    letter = letter_services.letter_prepare(
        actor=actor_for(worker),
        family=family,
        kind="support_plan",
        source=plan,
        variant="easy_read",
    )
    assert "You cannot have money instead for these overnight stays." in letter.body_html


def test_every_service_offers_a_direct_payment_with_its_amount(family, worker):
    plan = written_plan(draft_plan_for(family))
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert "You can ask for a direct payment of £90.00 a week instead at any time." in text
    assert "We make a direct payment only if you agree to it." in text
    assert "whether it is for" in text


def test_sharing_needs_the_direct_payment_offer_answered_for_each_service(family, worker):
    plan = written_plan(draft_plan_for(family))
    PlannedServiceFactory(plan=plan, dp_wish="")
    with pytest.raises(MoveRefused) as refused:
        services.plan_share(actor=actor_for(worker), plan=plan)
    assert refused.value.messages == [guard_message(moves.direct_payment_offered_for_each_service)]


def test_the_service_form_explains_a_refused_direct_payment(family, worker):
    plan = draft_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:service_add", kwargs={"plan_id": plan.pk})
    response = client.post(
        url,
        {
            "code": "other",
            "other_name": "Nights away",
            "other_legal_basis": "Children Act 1989, Schedule 2, paragraph 6",
            "route": "s20_overnight",
            "provider": "Willow House",
            "amount": "2 nights",
            "frequency": "every month",
            "start_on_0": "1",
            "start_on_1": "12",
            "start_on_2": "2026",
            "cost": "640",
            "cost_period": "month",
            "dp_wish": "wants",
            "dp_conditions": "not_met",
            "arrangement": "council",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Write why a direct payment cannot be made" in page
    assert "Willow House" in page


# --- who pays ------------------------------------------------------------------------------


def test_a_plan_says_the_family_does_not_pay(family, worker):
    plan = written_plan(draft_plan_for(family))
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert "This is what the support costs the council. You do not pay." in text


def _details(**overrides) -> services.DetailsInput:
    values = {
        "starts_on": START,
        "review_due_on": START + datetime.timedelta(days=180),
        "direct_payment_choice": "council_arranges",
    }
    return services.DetailsInput(**{**values, **overrides})


def test_a_charge_is_a_recorded_section_29_decision(family, worker):
    plan = written_plan(draft_plan_for(family))
    with pytest.raises(MoveRefused) as refused:
        services.plan_details_save(
            actor=actor_for(worker), plan=plan, given=_details(charging="charged")
        )
    assert "Enter the charge in pounds, more than £0." in refused.value.messages
    assert "Select what period the charge is for." in refused.value.messages
    saved = services.plan_details_save(
        actor=actor_for(worker),
        plan=plan,
        given=_details(
            charging="charged",
            charge_amount=Decimal("10"),
            charge_period="week",
            charge_reason="The family's income was assessed on 20 November; no benefits apply.",
        ),
    )
    assert saved.is_charged
    assert saved.charge_text == "£10.00 a week"
    assert saved.charge_decided_by == worker
    _share(plan)
    text = (
        signed_in_client(family_user(family))
        .get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk}))
        .content.decode()
    )
    assert "ask you to pay a charge towards this support: £10.00 a week" in text
    assert "(Children Act 1989, section 29)" in text
    assert "not a family who gets certain means-tested benefits" in text
    assert "You do not pay." not in text


def test_changing_back_to_no_charge_clears_the_charge(family, worker):
    plan = written_plan(draft_plan_for(family))
    services.plan_details_save(
        actor=actor_for(worker),
        plan=plan,
        given=_details(
            charging="charged", charge_amount=Decimal("5"), charge_period="week", charge_reason="x"
        ),
    )
    saved = services.plan_details_save(actor=actor_for(worker), plan=plan, given=_details())
    assert not saved.is_charged
    assert saved.charge_amount is None
    assert saved.charge_reason == ""


def test_the_details_form_asks_for_the_charging_decision(family, worker):
    plan = draft_plan_for(family)
    response = signed_in_client(worker).post(
        reverse("plans:details", kwargs={"plan_id": plan.pk}),
        {
            "starts_on_0": "1",
            "starts_on_1": "12",
            "starts_on_2": "2026",
            "review_due_on_0": "1",
            "review_due_on_1": "6",
            "review_due_on_2": "2027",
            "direct_payment_choice": "council_arranges",
            "charging": "charged",
            "charge_amount": "12.50",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select what period the charge is for" in page
    assert "Write the charging decision" in page
    assert "12.50" in page
