"""The retention page in a real browser, axe-checked on a desktop and on a phone: a council
administrator reads the periods, types a period that is too short (the error summary names it
and keeps what was typed), then saves a lawful one."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_council_administrator_sets_how_long_records_are_kept(
    browser, live_server, request, size
):
    from tests.browser.conftest import _visitor

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    admin = staff_user(council, Role.COUNCIL_ADMIN, full_name="Sam Okoro")
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        sign_in(visitor, admin)
        page = visitor.goto("/staff/retention/")
        assert page.get_by_role("heading", level=1).inner_text() == "How long records are kept"
        assert (
            "2 years, from the day the message was sent"
            in page.locator(".govuk-summary-list").inner_text()
        )
        messages = page.get_by_label("Messages sent to families: months to keep")
        messages.fill("3")
        page.get_by_role("button", name="Save the periods").click()
        visitor.check()
        summary = page.locator(".govuk-error-summary")
        assert "Enter at least 6 months" in summary.inner_text()
        assert messages.input_value() == "3"
        messages.fill("30")
        page.get_by_role("button", name="Save the periods").click()
        visitor.check()
        assert "The retention periods are saved." in page.inner_text("body")
        assert "2 years and 6 months" in page.locator(".govuk-summary-list").inner_text()
