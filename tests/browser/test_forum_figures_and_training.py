"""The forum's figures and the training page in a real browser, axe-checked: a forum member
reads the figures (held-back figures marked, a chart and a table for each) on a desktop and on
a phone, and a manager records training with parent carers and turns on the council's rule."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.training.models import TrainingRecord, TrainingRule
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_forum_member_reads_the_figures(browser, live_server, request, size):
    from tests.browser.conftest import _visitor

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    forum = staff_user(council, Role.FORUM_MEMBER, full_name="Dawn Clarke")
    for _ in range(6):
        SupportRequestFactory(child=ChildFactory(family__council=council))
    for _ in range(3):
        SupportRequestFactory(
            child=ChildFactory(family__council=council),
            received_at=timezone.now() - datetime.timedelta(days=40),
        )
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        page = visitor.page
        sign_in(visitor, forum)
        page.get_by_role("link", name="The forum's figures, month by month").click()
        visitor.check()
        assert page.get_by_role("heading", level=1).inner_text() == (
            "The forum's figures, month by month"
        )
        table = page.get_by_role("table", name="Requests for help")
        assert table.is_visible()
        month = f"{timezone.localdate():%B %Y}"
        assert table.get_by_role("row", name=month).inner_text().split() == [
            *month.split(),
            "6",
        ]
        assert "fewer than 5 families" in table.inner_text()
        assert page.locator("svg").count() >= 8  # the eligibility chart has no rows yet
        link = page.get_by_role("link", name="Download “Requests for help” (CSV)")
        with page.expect_download() as got:
            link.click()
        text = Path(got.value.path()).read_text(encoding="utf-8")
        assert text.startswith("Month,Requests")


def test_a_manager_records_training_and_turns_on_the_rule(visitor):
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")
    staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    page = visitor.page
    sign_in(visitor, manager)
    visitor.goto("/staff/training/")
    assert page.get_by_role("heading", level=1).inner_text() == "Training for assessors"

    # A mistake first: the page explains it and keeps what was typed.
    page.get_by_label("Who completed the training?").select_option(label="Sam Patel")
    page.get_by_label("Who from the council delivered it").fill("Priya Shah, practice lead")
    page.get_by_role("button", name="Record the training").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_label("Who from the council delivered it").input_value() == (
        "Priya Shah, practice lead"
    )

    today = timezone.localdate()
    page.get_by_label("Assessing with families").check()
    for group, day in (
        ("Date they completed it", today),
        ("Date it must be renewed by", today.replace(year=today.year + 2)),
    ):
        box = page.get_by_role("group", name=group)
        box.get_by_label("Day").fill(str(day.day))
        box.get_by_label("Month").fill(str(day.month))
        box.get_by_label("Year").fill(str(day.year))
    page.get_by_label("The parent carers who delivered it").fill(
        "Dawn Clarke, Ashvale Parent Carer Forum"
    )
    page.get_by_role("button", name="Record the training").click()
    visitor.check()
    assert "Sam Patel's training is recorded" in page.content()
    assert TrainingRecord.objects.get().parent_carers == "Dawn Clarke, Ashvale Parent Carer Forum"

    page.get_by_label("Only practitioners whose training is in date").check()
    page.get_by_role("button", name="Save the rule").click()
    visitor.check()
    assert TrainingRule.objects.get(council=council).trained_only is True
    assert "The rule is on" in page.content()
