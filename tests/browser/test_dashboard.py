"""The dashboard in a real browser, axe-checked, on a desktop and a phone: the data team opens
it from the returns list, mistypes a date (the error summary, what was typed kept), narrows the
range, reads a chart and its table, and downloads one figure's CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_data_team_reads_and_downloads_the_dashboard(browser, live_server, request):
    from tests.browser.conftest import _visitor

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    analyst = staff_user(council, Role.DATA_TEAM, full_name="Omar Haddad")
    today = timezone.localdate()
    for _ in range(3):
        SupportRequestFactory(child=ChildFactory(family__council=council))
    for size in ({"width": 1280, "height": 900}, {"width": 375, "height": 740}):
        for visitor in _visitor(browser, live_server, request, size):
            page = visitor.page
            sign_in(visitor, analyst)
            visitor.goto("/staff/returns/")
            page.get_by_role("link", name="Dashboard").click()
            visitor.check()
            assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
            assert page.get_by_role("img", name="Requests for help").is_visible()
            table = page.get_by_role("table", name="Requests for help: the figures")
            row = table.get_by_role("row", name=f"{today:%B %Y}")
            assert row.get_by_role("cell").last.inner_text() == "3"
            page.get_by_role("group", name="From").get_by_label("Day").fill("31")
            page.get_by_role("group", name="From").get_by_label("Month").fill("2")
            page.get_by_role("group", name="From").get_by_label("Year").fill(str(today.year))
            page.get_by_role("button", name="Show these figures").click()
            visitor.check()
            assert page.get_by_role("heading", name="There is a problem").is_visible()
            assert page.get_by_role("group", name="From").get_by_label("Day").input_value() == (
                "31"
            )
            page.get_by_role("group", name="From").get_by_label("Day").fill("1")
            page.get_by_role("group", name="From").get_by_label("Month").fill(str(today.month))
            page.get_by_role("button", name="Show these figures").click()
            visitor.check()
            assert page.get_by_text(f"Showing 1 {today:%B %Y}").is_visible()
            with page.expect_download() as got:
                page.get_by_role("link", name="Download “Requests for help” (CSV)").click()
            text = Path(got.value.path()).read_bytes().decode("utf-8")
            assert text.startswith(f"Month,Requests received\r\n{today:%B %Y},")
