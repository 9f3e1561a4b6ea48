"""Eligibility criteria drafted together, in a real browser, axe-checked, on a desktop and on a
phone: a manager starts a new version and changes a criterion (a loader error first), a forum
member comments on a service and signs off, the manager answers, signs off and publishes; the
public page of the new version says what changed."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import CriteriaDraft, CriteriaDraftStatus
from supportfirst.eligibility.publishing import criteria_publish_shipped
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.councils.factories import CouncilFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


def _fill_date(page, group: str, day: datetime.date) -> None:
    box = page.get_by_role("group", name=group)
    box.get_by_label("Day").fill(str(day.day))
    box.get_by_label("Month").fill(str(day.month))
    box.get_by_label("Year").fill(str(day.year))


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_forum_comments_and_signs_off_and_the_council_publishes(
    browser, live_server, request, size
):
    from tests.browser.conftest import _visitor

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    manager = staff_user(council, Role.TEAM_MANAGER)
    forum = staff_user(council, Role.FORUM_MEMBER)
    criteria_publish_shipped()
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        page = visitor.page
        sign_in(visitor, manager)
        visitor.goto("/staff/team/")
        page.get_by_role("link", name="The eligibility criteria").click()
        visitor.check()
        page.get_by_role("button", name="Start a new version from version 2.1").click()
        visitor.check()
        assert "Version 2.2 of the criteria is a draft" in page.content()
        draft = CriteriaDraft.objects.get(council=council)
        page.locator(f"a[href='/staff/criteria/{draft.pk}/criterion/0/']").click()
        visitor.check()
        page.get_by_label("Title").fill("Help for your disabled child")
        page.get_by_label("How many different areas of life").fill("20")
        page.get_by_role("button", name="Save the criterion").click()
        visitor.check()
        assert page.get_by_role("heading", name="There is a problem").is_visible()
        assert "“outcomes_needed” must be a whole number from 1 to 14." in page.content()
        assert page.get_by_label("Title").input_value() == "Help for your disabled child"
        page.get_by_label("How many different areas of life").fill("2")
        page.get_by_role("button", name="Save the criterion").click()
        visitor.check()
        assert "The criterion is saved." in page.content()
        assert "Passes" in page.content()
        page.get_by_role("link", name="Add a worked example").click()
        visitor.check()
        page.get_by_label("Name of the example").fill("Night care every day")
        page.get_by_role(
            "group", name="Do the needs come from a disability or illness?"
        ).get_by_label("Yes").check()
        page.get_by_role(
            "group",
            name="Is there, or is there likely to be, a big effect on the child's wellbeing?",
        ).get_by_label("Yes").check()
        page.locator("#id_need_1_area").select_option("sleep")
        page.get_by_role("group", name="Need 1").get_by_label(
            "It cannot be managed without help"
        ).check()
        page.get_by_role("button", name="Save the example").click()
        visitor.check()
        assert "The example is added" in page.content()
        assert "Night care every day" in page.content()
        visitor.page.context.clear_cookies()  # the phone's menu hides Sign out

        sign_in(visitor, forum)
        page.get_by_role("link", name="The eligibility criteria").click()
        visitor.check()
        page.get_by_role("link", name="Version 2.2 (draft)").click()
        visitor.check()
        page.locator(f"a[href='/staff/criteria/{draft.pk}/service/0/']").click()
        visitor.check()
        page.get_by_label("Your comment").fill("Say where Willow House is.")
        page.get_by_role("button", name="Add the comment").click()
        visitor.check()
        assert "Your comment is added." in page.content()
        page.get_by_role("link", name="Back to version 2.2").click()
        visitor.check()
        page.get_by_role("link", name="Sign off for the parent carer forum").click()
        visitor.check()
        page.get_by_label("Full name").fill("Ruth Okafor")
        page.get_by_label("Role").fill("Chair of Ashvale Parent Carer Forum")
        page.get_by_role("button", name="Sign off this draft").click()
        visitor.check()
        assert "signed off for the parent carer forum" in page.content()
        visitor.page.context.clear_cookies()  # the phone's menu hides Sign out

        sign_in(visitor, manager)
        visitor.goto(f"/staff/criteria/{draft.pk}/")
        page.get_by_role("link", name="Publish").click()
        visitor.check()
        _fill_date(page, "Date it comes into force", timezone.localdate())
        page.get_by_label("How the council considered the equality impact").fill(
            "We looked at the effect on disabled children of every age with the forum."
        )
        page.get_by_role("button", name="Publish the criteria").click()
        visitor.check()
        text = page.content()
        assert "Answer every comment from the parent carer forum before publishing." in text
        assert "Someone must sign the draft off for the council before it is published." in text
        visitor.goto(f"/staff/criteria/{draft.pk}/service/0/")
        page.get_by_role("link", name="Answer this comment").click()
        visitor.check()
        page.get_by_label("The council's answer").fill("Added: Willow House is in Ashvale town.")
        page.get_by_role("button", name="Save the answer").click()
        visitor.check()
        page.get_by_role("link", name="Sign off for the council").click()
        visitor.check()
        page.get_by_label("Role").fill("Head of service")
        page.get_by_role("button", name="Sign off this draft").click()
        visitor.check()
        page.get_by_role("link", name="Publish").click()
        visitor.check()
        _fill_date(page, "Date it comes into force", timezone.localdate())
        page.get_by_label("How the council considered the equality impact").fill(
            "We looked at the effect on disabled children of every age with the forum."
        )
        page.get_by_role("button", name="Publish the criteria").click()
        visitor.check()
        text = page.content()
        assert "Version 2.2 of the criteria is published." in text
        assert "What changed from version 2.1" in text
        assert (
            "The title changed from “Help for your child” to “Help for your disabled child”."
            in text
        )
        draft.refresh_from_db()
        assert draft.status == CriteriaDraftStatus.PUBLISHED


@pytest.mark.parametrize("size", sorted(SIZES))
def test_what_would_change_for_a_manager_and_for_the_forum(browser, live_server, request, size):
    """A manager tries the draft on past decisions and sees the child named; a forum member
    sees no names, and a figure from one family is held back."""
    from tests.browser.conftest import _visitor
    from tests.eligibility.drafts import a_draft
    from tests.eligibility.test_impact import _decide, _one_area_is_enough
    from tests.families.factories import family_with_everyone

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    manager = staff_user(council, Role.TEAM_MANAGER)
    forum = staff_user(council, Role.FORUM_MEMBER)
    decision = _decide(family_with_everyone(council), ("personal_care",))
    draft = _one_area_is_enough(a_draft(council))
    child = decision.assessment.child.first_name
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        page = visitor.page
        sign_in(visitor, manager)
        visitor.goto(f"/staff/criteria/{draft.pk}/")
        page.get_by_role("link", name="What would change").click()
        visitor.check()
        assert page.get_by_role("heading", level=1).inner_text().startswith("What would change")
        table = page.get_by_role("table", name="Needs that would change, by criterion")
        assert "1 need" in table.get_by_role("row", name="Help for your child").inner_text()
        assert page.get_by_role("link", name=f"{child}, request").first.is_visible()
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        page = visitor.page
        sign_in(visitor, forum)
        visitor.goto(f"/staff/criteria/{draft.pk}/")
        page.get_by_role("link", name="What would change").click()
        visitor.check()
        table = page.get_by_role("table", name="Needs that would change, by criterion")
        row = table.get_by_role("row", name="Help for your child").inner_text()
        assert "Fewer than 5 families" in row
        assert "Case 1" not in page.content()
        assert child not in page.content()
