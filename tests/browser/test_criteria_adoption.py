"""Adopting published criteria in a real browser, axe-checked: a team manager finds the version
to adopt on the criteria page, misses the equality impact (the error summary, what was typed
kept), then adopts it; the public page shows who adopted it, when, and the equality impact."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import CriteriaAdoption
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory
from tests.eligibility.factories import own_published_criteria

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EQUALITY = "Considered with the forum: needs-led, and no diagnosis is excluded."


def test_a_manager_adopts_the_criteria_in_the_browser(visitor):
    council = CouncilFactory(name="Westbury Council", la_code="991", slug="westbury")
    manager = staff_user(council, Role.TEAM_MANAGER)
    criteria = own_published_criteria(council)
    page = visitor.page
    sign_in(visitor, manager)
    visitor.goto("/staff/criteria/")
    visitor.check()
    page.get_by_role("link", name=f"Adopt version {criteria.version}").click()
    visitor.check()
    council_box = page.get_by_label("Who adopts the criteria for the council?")
    council_box.fill("Morgan Ellis, Director of Children's Services")
    box = page.get_by_role("group", name="Date the council adopted them")
    box.get_by_label("Day").fill("1")
    box.get_by_label("Month").fill("12")
    box.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Adopt the criteria").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert "Say how the council considered the equality impact" in page.content()
    assert council_box.input_value() == "Morgan Ellis, Director of Children's Services"

    page.get_by_label("How the council considered the equality impact").fill(EQUALITY)
    page.get_by_role("button", name="Adopt the criteria").click()
    visitor.check()
    assert "Adopted by Westbury Council on 1 December 2026" in page.content()
    assert EQUALITY in page.content()
    assert CriteriaAdoption.objects.get(criteria=criteria).recorded_by == manager
