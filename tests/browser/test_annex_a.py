"""Ofsted's Annex A lists in a real browser, axe-checked: the data team opens them from the
returns list, types a period with a day that does not exist (explained, kept), puts it right,
and downloads the workbook and a list's CSV file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportPathwayRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_data_team_chooses_a_period_and_downloads_the_lists(visitor):
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    analyst = staff_user(council, Role.DATA_TEAM, full_name="Omar Haddad")
    child = ChildFactory(family__council=council, first_name="Ama", last_name="Osei")
    SupportPathwayRequestFactory(
        child=child,
        received_at=dt.datetime(2026, 2, 3, 10, tzinfo=timezone.get_current_timezone()),
    )
    page = visitor.page
    sign_in(visitor, analyst)
    visitor.goto("/staff/returns/")
    page.get_by_role("link", name="Ofsted Annex A lists").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Ofsted Annex A lists"

    start = page.get_by_role("group", name="From")
    start.get_by_label("Day").fill("31")
    start.get_by_label("Month").fill("2")
    start.get_by_label("Year").fill("2026")
    end = page.get_by_role("group", name="To")
    end.get_by_label("Day").fill("31")
    end.get_by_label("Month").fill("3")
    end.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show the lists").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert start.get_by_label("Day").input_value() == "31"

    start.get_by_label("Day").fill("1")
    start.get_by_label("Month").fill("1")
    page.get_by_role("button", name="Show the lists").click()
    visitor.check()
    assert page.get_by_role(
        "heading", level=2, name="From 1 January 2026 to 31 March 2026"
    ).is_visible()
    assert page.get_by_role(
        "row", name="List 6: children in need 1 CSV file of List 6"
    ).is_visible()

    with page.expect_download() as got:
        page.get_by_role("link", name="Download all four lists as one spreadsheet").click()
    assert got.value.suggested_filename == "annex-a-957-2026-01-01-to-2026-03-31.xlsx"
    assert Path(got.value.path()).read_bytes()[:2] == b"PK"
    with page.expect_download() as got:
        page.get_by_role("link", name="CSV file of List 1").click()
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert f"SF{child.pk},c) Not stated/recorded,s) NOBT," in text
    assert ",03/02/2026,a) 1A: Individual" in text
