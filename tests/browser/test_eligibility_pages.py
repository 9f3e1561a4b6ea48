"""Eligibility in a real browser, axe-checked on a desktop and a phone: the public criteria
pages; the practitioner runs the criteria and decides differently for one service with a
reason; a team manager confirms; the parent reads the decision. Every eligibility page."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import EligibilityDecision
from supportfirst.eligibility.publishing import criteria_publish_shipped
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import AuthorisedAssessmentFactory, NeedFactory
from tests.browser.people import sign_in, sign_out
from tests.councils.factories import CouncilFactory
from tests.eligibility.factories import adopt_current, authorised_assessment, decision_for
from tests.families.factories import family_with_everyone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Alfie's mum cannot drive and there is no bus to the club he goes to."


def _ashvale():
    criteria_publish_shipped()
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    adopt_current(council)
    return council


def _heading(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


def _public_pages(visitor) -> None:
    page = visitor.page
    visitor.goto("/")
    page.get_by_role("link", name="read the eligibility criteria").click()
    visitor.check()
    assert _heading(visitor) == "Eligibility criteria"
    page.get_by_role(
        "link", name="Help for disabled children and their families in Ashvale"
    ).click()
    visitor.check()
    assert "Chronically Sick and Disabled Persons Act 1970, section 2" in page.content()
    assert "Adopted by Ashvale Borough Council" in page.content()
    page.get_by_role("link", name="Version 1.1").click()
    visitor.check()
    assert "an older version" in page.content()
    visitor.goto("/criteria/national/")
    assert _heading(visitor) == "Support First model criteria"
    assert "No decision is made with these criteria" in page.content()


def test_practitioner_decides_manager_confirms_family_reads(visitor):
    council = _ashvale()
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Tom Okafor")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    parent = family_user(family, full_name="Claire Hughes")
    assessment = authorised_assessment(family)
    page = visitor.page

    _public_pages(visitor)

    # The practitioner runs the criteria and decides differently for travel, with a reason.
    sign_in(visitor, worker)
    visitor.goto("/staff/eligibility/")
    page.get_by_role("link", name="Decide eligibility for Alfie").click()
    visitor.check()
    page.get_by_role("button", name="Run the criteria").click()
    visitor.check()
    assert "There is a problem" in page.content()
    page.locator("input[name=impairment][value=yes]").check()
    page.locator("input[name=impact][value=yes]").check()
    page.get_by_label("Describe the impact on Alfie's wellbeing").fill(
        "Nobody in the family has slept a full night for a year."
    )
    page.get_by_role("button", name="Run the criteria").click()
    visitor.check()
    assert "What the criteria say" in page.content()
    page.get_by_text("Decide differently about Help with travel").click()
    page.get_by_label("Decide that Alfie is eligible for Help with travel").check()
    page.get_by_role("button", name="Send to a team manager to confirm").click()
    visitor.check()
    assert "Give your professional reason" in page.content()
    page.get_by_label("Your reason for deciding differently about Help with travel").fill(REASON)
    page.get_by_role("button", name="Send to a team manager to confirm").click()
    visitor.check()
    assert _heading(visitor) == "Eligibility decision for Alfie"
    assert REASON in page.content()
    decision = EligibilityDecision.objects.get(assessment=assessment)
    visitor.goto(f"/staff/assessments/{assessment.pk}/eligibility/")
    assert "Read the decision" in page.content()
    sign_out(visitor)

    # The team manager confirms.
    sign_in(visitor, manager)
    visitor.goto("/staff/eligibility/")
    page.get_by_role("link", name="Alfie").click()
    visitor.check()
    page.get_by_role("button", name="Confirm the decision").click()
    visitor.check()
    assert "The decision is confirmed" in page.content()
    decision.refresh_from_db()
    assert decision.status == "confirmed"
    sign_out(visitor)

    # The parent reads it, with the reason, the law and how to challenge it.
    sign_in(visitor, parent)
    visitor.goto("/family/eligibility/")
    page.get_by_role("link", name="The decision about support for Alfie").click()
    visitor.check()
    content = page.content()
    assert REASON in content
    assert "Ask for a review" in content
    assert "Make a complaint" in content


def test_a_manager_returns_a_decision(visitor):
    council = _ashvale()
    worker = staff_user(council, Role.PRACTITIONER)
    manager = staff_user(council, Role.TEAM_MANAGER)
    decision = decision_for(family_with_everyone(council), practitioner=worker)
    page = visitor.page
    sign_in(visitor, manager)
    visitor.goto(f"/staff/eligibility/{decision.pk}/")
    page.get_by_role("link", name="Return it to the practitioner").click()
    visitor.check()
    page.get_by_role("button", name="Return the decision").click()
    visitor.check()
    assert "There is a problem" in page.content()
    page.get_by_label("What should the practitioner look at again?").fill("Look at sleep again.")
    page.get_by_role("button", name="Return the decision").click()
    visitor.check()
    assert "Returned by" in page.content()


def test_every_eligibility_page_on_a_phone(phone_visitor):
    visitor = phone_visitor
    council = _ashvale()
    worker = staff_user(council, Role.PRACTITIONER)
    manager = staff_user(council, Role.TEAM_MANAGER)
    family = family_with_everyone(council)
    confirmed = decision_for(family, practitioner=worker, confirm=True)
    waiting = decision_for(family, practitioner=worker)
    ready = authorised_assessment(family)
    parent = family_user(family)

    _public_pages(visitor)

    sign_in(visitor, worker)
    visitor.goto("/staff/eligibility/")
    visitor.goto(f"/staff/assessments/{ready.pk}/eligibility/")
    visitor.page.locator("input[name=impairment][value=yes]").check()
    visitor.page.locator("input[name=impact][value=no]").check()
    visitor.page.get_by_label("Describe the impact").fill("Things are manageable for now.")
    visitor.page.get_by_role("button", name="Run the criteria").click()
    visitor.check()
    visitor.goto(f"/staff/assessments/{confirmed.assessment_id}/eligibility/")
    visitor.goto(f"/staff/eligibility/{confirmed.pk}/")
    visitor.page.context.clear_cookies()  # the phone's menu hides Sign out

    sign_in(visitor, manager)
    visitor.goto(f"/staff/eligibility/{waiting.pk}/")
    visitor.goto(f"/staff/eligibility/{waiting.pk}/return/")
    visitor.page.context.clear_cookies()  # the phone's menu hides Sign out

    sign_in(visitor, parent)
    visitor.goto("/family/eligibility/")
    visitor.goto(f"/family/eligibility/{confirmed.pk}/")


def _carer_journey(visitor) -> None:
    """A parent carer's own assessment, done on its own, goes through the published criteria
    with the parent carer's own questions; the decision is made under section 17ZF."""
    council = _ashvale()
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council)
    child_assessment = authorised_assessment(family)
    carer = AuthorisedAssessmentFactory(
        request=child_assessment.request,
        kind="parent_carer",
        parent_carer=family.parent_carers.first(),
    )
    NeedFactory(
        area=carer.areas.get(code="carer_health"),
        description="Very anxious and exhausted after broken nights.",
        cannot_without_help=False,
        only_with_pain_distress_or_anxiety=True,
    )
    name = carer.subject_name
    page = visitor.page
    sign_in(visitor, worker)
    visitor.goto("/staff/eligibility/")
    page.get_by_role("link", name=f"Decide eligibility for {name}").click()
    visitor.check()
    assert "section 17ZF" in page.content()
    assert "arise from a disability or illness" not in page.content()
    page.get_by_role("button", name="Run the criteria").click()
    visitor.check()
    assert "There is a problem" in page.content()
    page.locator("input[name=parent_carer_from_caring][value=yes]").check()
    page.locator("input[name=parent_carer_impact][value=yes]").check()
    page.locator("input[name=parent_carer_health][value=no]").check()
    page.get_by_label(f"Describe the impact on {name}'s own wellbeing").fill(
        "She has not slept a full night for a year and has stopped seeing friends."
    )
    page.get_by_role("button", name="Run the criteria").click()
    visitor.check()
    assert "What the criteria say" in page.content()
    page.get_by_role("button", name="Send to a team manager to confirm").click()
    visitor.check()
    assert _heading(visitor) == f"Eligibility decision for {name}"
    assert "Children Act 1989, section 17ZF" in page.content()
    decision = EligibilityDecision.objects.get(assessment=carer)
    assert decision.decided_under == "Children Act 1989, section 17ZF"


def test_a_parent_carers_own_decision_on_a_desktop(visitor):
    _carer_journey(visitor)


def test_a_parent_carers_own_decision_on_a_phone(phone_visitor):
    _carer_journey(phone_visitor)
