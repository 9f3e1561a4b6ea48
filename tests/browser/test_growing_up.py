"""Growing up in a real browser, axe-checked: the worker is prompted to start planning for a
young person's adult life, records the young person's consent (an error first), their own words
and a request for social care advice with its 6-week clock; the family reads each step and
their right to a transition assessment."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.rules import transition as rules
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in, sign_out
from tests.families.factories import family_with_everyone
from tests.transition.factories import born_years_ago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, day) -> None:
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))


def test_worker_plans_for_adult_life_and_the_family_reads_it(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Okoye family")
    child = family.children.get()
    child.first_name, child.date_of_birth = "Tayo", born_years_ago(15)
    child.save()
    page = visitor.page

    sign_in(visitor, worker)
    visitor.goto("/staff/my-work/")
    visitor.check()
    page.get_by_role("link", name="Tayo Testperson").click()
    visitor.check()
    page.get_by_role("button", name="Start planning for Tayo's adult life").click()
    visitor.check()
    assert "Planning for Tayo's adult life started." in page.content()

    # Consent on Tayo's behalf without the reason is refused, in the error summary.
    page.get_by_role("link", name="Change whether a transition assessment").click()
    visitor.check()
    page.get_by_label("Yes: a transition assessment would be of significant benefit").check()
    page.get_by_label("The young person cannot make this decision for themselves").check()
    page.get_by_label("Agreed to a transition assessment").check()
    _fill_date(page, timezone.localdate())
    page.get_by_role("button", name="Save").click()
    visitor.check()
    assert "There is a problem" in page.content()
    page.get_by_label("The young person was asked, and answered themselves").check()
    page.get_by_role("button", name="Save").click()
    visitor.check()
    assert "Tayo agreed to it" in page.content()

    page.get_by_role("link", name="Change Tayo's own words").click()
    visitor.check()
    page.get_by_label("What Tayo wants for adult life, in their own words").fill(
        "I want to live near my cousins and do a course in animal care."
    )
    page.get_by_role("button", name="Save").click()
    visitor.check()

    page.get_by_role("link", name="Record a request for social care advice").click()
    visitor.check()
    asked = timezone.localdate() - timedelta(days=3)
    _fill_date(page, asked)
    page.get_by_role("button", name="Start the 6-week clock").click()
    visitor.check()
    due = rules.advice_due(asked)
    assert f"{due.day} {due:%B %Y}" in page.content()
    sign_out(visitor)

    sign_in(visitor, family_user(family, full_name="Ada Okoye"))
    visitor.goto(f"/family/children/{child.pk}/growing-up/")
    visitor.check()
    assert rules.LAW_SENTENCE in page.content()
    assert "do a course in animal care" in page.content()
    assert f"It is due by {due.day} {due:%B %Y}" in page.content()


def test_every_growing_up_page_on_a_phone(phone_visitor, council):
    from tests.plans.factories import shared_plan_for
    from tests.transition.factories import AdviceRequestFactory, TransitionFactory

    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    child = family.children.get()
    child.date_of_birth = born_years_ago(16)
    child.save()
    shared_plan_for(family)
    transition = TransitionFactory(child=child, own_words="I want my own flat.")
    advice = AdviceRequestFactory(child=child)
    sign_in(phone_visitor, worker)
    for path in (
        f"/staff/children/{child.pk}/growing-up/",
        f"/staff/plans-for-adult-life/{transition.pk}/assessment/",
        f"/staff/plans-for-adult-life/{transition.pk}/own-words/",
        f"/staff/plans-for-adult-life/{transition.pk}/referral/",
        f"/staff/plans-for-adult-life/{transition.pk}/end/",
        f"/staff/children/{child.pk}/ehc-plan/",
        f"/staff/children/{child.pk}/ehc-plan/advice/",
        f"/staff/ehc-advice/{advice.pk}/",
        f"/staff/children/{child.pk}/ehc-plan/social-care-provision/",
    ):
        phone_visitor.goto(path)


def test_the_familys_growing_up_page_on_a_phone(phone_visitor, council):
    family = family_with_everyone(council)
    child = family.children.get()
    child.date_of_birth = born_years_ago(14)
    child.save()
    sign_in(phone_visitor, family_user(family))
    phone_visitor.goto(f"/family/children/{child.pk}/growing-up/")
    assert "Planning for adult life has not started yet" in phone_visitor.page.content()
