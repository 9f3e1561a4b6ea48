"""The register of disabled children and equality monitoring in a real browser, axe-checked: the
data team reads the register and downloads it, then chooses a period for the equality tables
(a wrong one is explained and kept) on a phone and downloads them; a parent reads on their
child's page that the child is on the register and what it is for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _council():
    return CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")


def test_the_data_team_reads_and_downloads_the_register(visitor):
    council = _council()
    ama = ChildFactory(
        family__council=council,
        first_name="Ama",
        last_name="Osei",
        disability_codes=["MOB", "HEAR"],
    )
    SupportRequestFactory(child=ama)
    sign_in(visitor, staff_user(council, Role.DATA_TEAM, full_name="Omar Haddad"))
    page = visitor.page
    visitor.goto("/staff/returns/")
    page.get_by_role("link", name="Register of disabled children").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Register of disabled children"
    assert page.get_by_role("rowheader", name="Ama Osei").is_visible()
    assert page.get_by_role("cell", name="Mobility, Hearing").is_visible()
    with page.expect_download() as got:
        page.get_by_role("link", name="Download the whole register (CSV)").click()
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert "Ama Osei,1 May 2015,Mobility; Hearing,None recorded,None recorded" in text


def test_the_data_team_chooses_a_period_for_equality_monitoring(phone_visitor):
    visitor = phone_visitor
    council = _council()
    for _ in range(5):
        SupportRequestFactory(
            child=ChildFactory(family__council=council),
            received_at=timezone.now() - dt.timedelta(days=2),
        )
    sign_in(visitor, staff_user(council, Role.DATA_TEAM))
    page = visitor.page
    visitor.goto("/staff/returns/")
    page.get_by_role("link", name="Equality monitoring").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Equality monitoring"
    assert page.get_by_role("table", name="Requests for help by sex").is_visible()
    start = page.get_by_role("group", name="From")
    start.get_by_label("Day").fill("1")
    start.get_by_label("Month").fill("4")
    start.get_by_label("Year").fill("2026")
    end = page.get_by_role("group", name="To")
    end.get_by_label("Day").fill("31")
    end.get_by_label("Month").fill("3")
    end.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show these dates").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert end.get_by_label("Year").input_value() == "2026"
    end.get_by_label("Year").fill(str(timezone.localdate().year + 1))
    page.get_by_role("button", name="Show these dates").click()
    visitor.check()
    assert page.get_by_text("Requests received from 1 April 2026").is_visible()
    with page.expect_download() as got:
        page.get_by_role("link", name="Download these tables (CSV)").click()
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert text.startswith("Characteristic,Group,Requests for help")


def test_a_parent_reads_that_their_child_is_on_the_register(visitor):
    council = _council()
    ama = ChildFactory(family__council=council, first_name="Ama", last_name="Osei")
    SupportRequestFactory(child=ama)
    sign_in(visitor, family_user(ama.family))
    visitor.goto(f"/family/children/{ama.pk}/")
    page = visitor.page
    assert page.get_by_role(
        "heading", name="The council's register of disabled children"
    ).is_visible()
    assert page.get_by_text(
        "Ama is on Ashvale Borough Council's register of disabled children."
    ).is_visible()
