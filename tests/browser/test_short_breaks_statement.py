"""The short breaks services statement in a real browser, axe-checked: the council
administrator writes the council's parts (a mistake first), and anyone reads the public
statement, on a desktop and on a phone."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import ShortBreaksStatement
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, group: str, day: datetime.date) -> None:
    box = page.get_by_role("group", name=group)
    box.get_by_label("Day").fill(str(day.day))
    box.get_by_label("Month").fill(str(day.month))
    box.get_by_label("Year").fill(str(day.year))


def test_an_administrator_publishes_the_statement_and_the_public_read_it(visitor):
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    page = visitor.page
    sign_in(visitor, admin)
    page.get_by_role("link", name="Short breaks services statement").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Short breaks services statement"

    # A mistake first: the page explains it and keeps what was typed.
    page.get_by_label("The short breaks on offer in your area").fill(
        "Saturday clubs at Riverside, holiday play schemes, and overnight stays at Willow House."
    )
    page.get_by_role("button", name="Publish the statement").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert (
        page.get_by_label("The short breaks on offer in your area")
        .input_value()
        .startswith("Saturday clubs")
    )

    page.get_by_label("How the range meets the needs of carers in your area").fill(
        "Holiday schemes run until 6pm so that parents can work."
    )
    page.get_by_label("How you reviewed this statement, and what carers told you").fill(
        "We reviewed it with Ashvale Parent Carer Forum. Parents asked for more evening clubs."
    )
    today = timezone.localdate()
    _fill_date(page, "When it was last reviewed", today)
    _fill_date(page, "When it will next be reviewed", today + datetime.timedelta(days=365))
    page.get_by_role("button", name="Publish the statement").click()
    visitor.check()
    assert "The short breaks services statement is published." in page.content()
    assert ShortBreaksStatement.objects.get(council=council).updated_by == admin
    text = page.content()
    assert "Ashvale Borough Council: short breaks services statement" in text
    assert "overnight stays at Willow House" in text
    assert "Parents asked for more evening clubs" in text


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_public_statement_on_a_desktop_and_a_phone(browser, live_server, request, size):
    from tests.browser.conftest import _visitor

    CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    viewport = (
        {"width": 1280, "height": 900} if size == "desktop" else {"width": 375, "height": 740}
    )
    for visitor in _visitor(browser, live_server, request, viewport):
        visitor.goto("/criteria/ashvale/")
        visitor.page.get_by_role(
            "link", name="Ashvale Borough Council's short breaks services statement"
        ).click()
        visitor.check()
        assert "It is not a promise of a particular break" in visitor.page.content()
