"""A need that fluctuates over the week, in a real browser: the practitioner ticks "Some days are
much harder than others", answers about the hard days, is told plainly what is missing (with
what was typed kept), and the need card says how often the hard days come. axe-checked."""

from __future__ import annotations

import pytest

from supportfirst.assessments.models import Need
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.assessments.factories import AssessmentFactory
from tests.browser.people import sign_in
from tests.families.factories import family_with_everyone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_need_with_much_harder_days_is_recorded_by_its_hard_days(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    assessment = AssessmentFactory(request__child=child)
    area = assessment.areas.get(code="health")
    page = visitor.page

    sign_in(visitor, worker)
    visitor.goto(f"/staff/assessments/areas/{area.pk}/")
    assert "For example, needs change from day to day or week to week." in page.content()
    # "How often do the hard days come?" is revealed only when the box is ticked.
    hard_days = page.get_by_role("group", name="How often do the hard days come?")
    assert not hard_days.is_visible()
    page.get_by_label("What Alfie needs help with").fill("Seizures on two or three days a week.")
    page.get_by_label("Some days are much harder than others for Alfie").check()
    assert hard_days.is_visible()
    page.get_by_label("Doing it puts Alfie or others in danger").check()
    page.get_by_role("button", name="Add this need").click()
    visitor.check()
    # How often the hard days come was not answered: the error summary says so; the rest stays.
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select how often the hard days come" in summary
    assert page.get_by_label("Some days are much harder than others for Alfie").is_checked()
    assert hard_days.is_visible()  # still revealed, with its error
    assert page.get_by_label("What Alfie needs help with").input_value() == (
        "Seizures on two or three days a week."
    )
    hard_days.get_by_label("Several times a week").check()
    page.get_by_role(
        "group", name="Is this more than other children of Alfie's age need?"
    ).get_by_label("Yes").check()
    page.get_by_role("button", name="Add this need").click()
    visitor.check()
    content = page.content()
    assert "Seizures on two or three days a week." in content
    assert "Some days are much harder than others for Alfie." in content
    assert "What is listed here is how it is on the hard days." in content
    assert "The hard days come several times a week." in content
    need = Need.objects.get(area=area)
    assert (need.fluctuates, need.only_with_danger, need.how_often) == (
        True,
        True,
        "several_times_a_week",
    )
