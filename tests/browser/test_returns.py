"""The council's returns in a real browser, axe-checked: a worker records a child's details for
the census on a phone (a mistyped pupil number is explained and kept), and a manager checks the
census, follows the link to fix a child's record, and downloads the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _upn(rest: str = "801200001001") -> str:
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    return letters[sum(int(d) * (i + 2) for i, d in enumerate(rest)) % 23] + rest


def test_a_manager_checks_the_census_and_a_worker_fixes_a_child(browser, live_server, request):
    from tests.browser.conftest import _visitor

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")
    child = ChildFactory(
        family__council=council, first_name="Ama", last_name="Osei", date_of_birth="2014-07-05"
    )
    SupportRequestFactory(child=child)
    for visitor in _visitor(browser, live_server, request, {"width": 375, "height": 740}):
        page = visitor.page
        sign_in(visitor, manager)
        visitor.goto("/staff/team/")
        page.get_by_role("link", name="Children in Need census").click()
        visitor.check()
        assert "Children in Need census" in page.get_by_role("heading", level=1).inner_text()
        assert page.get_by_text(
            "Record the unique pupil number, or why there is none.", exact=True
        ).is_visible()
        page.get_by_role("link", name="Fix this for Ama Osei").first.click()
        visitor.check()
        assert page.get_by_role("heading", level=1).inner_text() == (
            "Ama Osei: details for the council's returns"
        )
        wrong = ("B" if _upn()[0] != "B" else "C") + _upn()[1:]
        page.get_by_label("Unique pupil number (optional)").fill(wrong)
        page.get_by_role("button", name="Save details").click()
        visitor.check()
        assert page.get_by_role("heading", name="There is a problem").is_visible()
        assert page.get_by_label("Unique pupil number (optional)").input_value() == wrong
        page.get_by_label("Unique pupil number (optional)").fill(_upn())
        page.get_by_label("Female").check()
        page.get_by_label("Ethnic group").select_option(label="Black African")
        page.get_by_label("Mobility").check()
        page.get_by_role("button", name="Save details").click()
        visitor.check()
        assert page.get_by_text("Ama's details for the returns are saved.").is_visible()
        visitor.goto("/staff/returns/cin-census/")
        assert page.get_by_text("Nothing to fix").is_visible()
        with page.expect_download() as got:
            page.get_by_role("link", name="Download the census file").click()
        text = Path(got.value.path()).read_text(encoding="utf-8")
        assert f"<UPN>{_upn()}</UPN>" in text
        assert "<Sex>F</Sex>" in text
        assert "<Ethnicity>BAFR</Ethnicity>" in text
