"""Beside a proposed move to safeguarding (issue 18, point 3): the deciding manager sees the
family's recent complaints, disagreements with plans and correction requests, with dates and
where each stands, and why they are shown."""

from __future__ import annotations

import datetime

from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway import beside
from supportfirst.plans import services as plan_services
from tests.accounts.factories import UserFactory, family_user, staff_user
from tests.complaints.factories import actor_for, complaint_for
from tests.conftest import signed_in_client
from tests.corrections.factories import CorrectionRequestFactory
from tests.families.factories import FamilyFactory
from tests.pathway.factories import ProposedMoveFactory
from tests.plans.factories import shared_plan_for


def _decide_page(council, move) -> str:
    manager = staff_user(council, Role.TEAM_MANAGER)
    response = signed_in_client(manager).get(f"/staff/safeguarding/{move.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_complaints_disagreements_and_corrections_are_beside_the_proposal(council, family):
    complaint = complaint_for(family, received_on=timezone.localdate() - datetime.timedelta(10))
    CorrectionRequestFactory(family=family, what_is_wrong="We never said Alfie was left alone.")
    plan = shared_plan_for(family)
    plan_services.plan_respond(
        actor=actor_for(family_user(family)),
        plan=plan,
        agree=False,
        words="The plan leaves out the overnight breaks we were promised.",
    )
    move = ProposedMoveFactory(request__child=family.children.first(), proposed_by=UserFactory())
    page = _decide_page(council, move)
    section = page[page.index('id="beside"') :]
    assert "Many allegations against parents follow a complaint" in section
    assert complaint.reference in section
    assert "Being looked at, stage 1" in section
    assert "We never said Alfie was left alone." in section
    assert "leaves out the overnight breaks" in section
    assert "The family disagrees" in section
    assert complaint.received_on.strftime("%-d %B %Y") in section


def test_another_familys_complaint_is_not_shown(council, family):
    other = FamilyFactory(council=council)
    complaint = complaint_for(other)
    move = ProposedMoveFactory(request__child=family.children.first(), proposed_by=UserFactory())
    page = _decide_page(council, move)
    assert complaint.reference not in page
    assert "The family has made no complaint" in page


def test_an_old_complaint_is_left_out(council, family):
    complaint = complaint_for(family, received_on=timezone.localdate() - datetime.timedelta(400))
    move = ProposedMoveFactory(request__child=family.children.first(), proposed_by=UserFactory())
    assert complaint.reference not in _decide_page(council, move)


def test_complaints_corrections_and_plans_declare_their_lists():
    names = {source.__module__ for source in beside.BESIDE_A_PROPOSAL}
    assert names == {
        "supportfirst.complaints.selectors",
        "supportfirst.corrections.selectors",
        "supportfirst.plans.selectors",
    }
