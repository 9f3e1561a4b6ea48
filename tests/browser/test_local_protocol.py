"""The local assessment protocol in a real browser, axe-checked: a manager starts a new version
and changes a section, a forum member comments and signs off, the manager answers, signs off
and publishes; anyone reads the public page, on a desktop and on a phone."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.localprotocol.models import ProtocolStatus, ProtocolVersion
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in, sign_out
from tests.councils.factories import CouncilFactory
from tests.localprotocol.factories import published

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, group: str, day: datetime.date) -> None:
    box = page.get_by_role("group", name=group)
    box.get_by_label("Day").fill(str(day.day))
    box.get_by_label("Month").fill(str(day.month))
    box.get_by_label("Year").fill(str(day.year))


def test_a_manager_and_the_forum_write_sign_off_and_publish_a_version(visitor):
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    manager = staff_user(council, Role.TEAM_MANAGER)
    forum = staff_user(council, Role.FORUM_MEMBER)
    published(council)
    page = visitor.page

    sign_in(visitor, manager)
    visitor.goto("/staff/team/")
    page.get_by_role("link", name="The local assessment protocol").click()
    visitor.check()
    page.get_by_role("button", name="Start a new version from version 1").click()
    visitor.check()
    assert "Version 2 is a draft" in page.content()
    draft = ProtocolVersion.objects.get(council=council, number=2)
    advocacy = draft.sections.get(key="advocacy").pk
    page.locator(f"a[href='/staff/protocol/section/{advocacy}/']").click()
    visitor.check()
    box = page.get_by_label("The section's words")
    box.fill("")
    page.get_by_role("button", name="Save this section").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    box.fill("Every child can have an independent advocate, free of charge.")
    page.get_by_role("button", name="Save this section").click()
    visitor.check()
    assert "The section is saved." in page.content()
    sign_out(visitor)

    sign_in(visitor, forum)
    page.get_by_role("link", name="The local assessment protocol").click()
    visitor.check()
    page.get_by_role("link", name="Version 2 (draft)").first.click()
    visitor.check()
    page.locator(f"a[href='/staff/protocol/section/{advocacy}/']").click()
    visitor.check()
    page.get_by_label("Your comment on this section").fill("Say how a parent reaches one.")
    page.get_by_role("button", name="Add the comment").click()
    visitor.check()
    assert "Your comment is added." in page.content()
    page.get_by_role("link", name="Back to version 2").click()
    visitor.check()
    page.get_by_role("link", name="Sign off for the parent carer forum").click()
    visitor.check()
    page.get_by_label("Full name").fill("Ruth Okafor")
    page.get_by_label("Role").fill("Chair of Ashvale Parent Carer Forum")
    page.get_by_role("button", name="Sign off this draft").click()
    visitor.check()
    assert "Version 2 is signed off for the parent carer forum." in page.content()
    sign_out(visitor)

    sign_in(visitor, manager)
    visitor.goto(f"/staff/protocol/{draft.pk}/")
    page.get_by_role("link", name="Publish").click()
    visitor.check()
    _fill_date(page, "Date it comes into force", timezone.localdate())
    page.get_by_role("button", name="Publish the protocol").click()
    visitor.check()
    text = page.content()
    assert "Answer every comment from the parent carer forum before publishing." in text
    assert "Someone must sign the draft off for the council before it is published." in text
    visitor.goto(f"/staff/protocol/{draft.pk}/")
    page.locator(f"a[href='/staff/protocol/section/{advocacy}/']").click()
    visitor.check()
    page.get_by_role("link", name="Answer this comment").click()
    visitor.check()
    page.get_by_label("The council's answer").fill(
        "Added: parents ring the advocacy service on the number in section 10."
    )
    page.get_by_role("button", name="Save the answer").click()
    visitor.check()
    visitor.goto(f"/staff/protocol/{draft.pk}/")
    page.get_by_role("link", name="Sign off for the council").click()
    visitor.check()
    page.get_by_label("Role").fill("Head of service")
    page.get_by_role("button", name="Sign off this draft").click()
    visitor.check()
    page.get_by_role("link", name="Publish").click()
    visitor.check()
    _fill_date(page, "Date it comes into force", timezone.localdate())
    page.get_by_role("button", name="Publish the protocol").click()
    visitor.check()
    text = page.content()
    assert "Version 2 is published." in text
    assert "Ashvale Borough Council: local assessment protocol, version 2" in text
    assert "Advocacy: 1 paragraph changed" in text
    draft.refresh_from_db()
    assert draft.status == ProtocolStatus.PUBLISHED
    visitor.goto(f"/staff/protocol/{draft.pk}/audit/")
    assert "Audit of version 2 of the local assessment protocol" in page.content()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_public_protocol_on_a_desktop_and_a_phone(browser, live_server, request, size):
    from tests.browser.conftest import _visitor

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    published(council)
    viewport = (
        {"width": 1280, "height": 900} if size == "desktop" else {"width": 375, "height": 740}
    )
    for visitor in _visitor(browser, live_server, request, viewport):
        visitor.goto("/")
        visitor.page.get_by_role(
            "link", name="read the councils' local assessment protocols"
        ).click()
        visitor.check()
        visitor.page.get_by_role("link", name="Ashvale Borough Council").click()
        visitor.check()
        text = visitor.page.content()
        assert "Ashvale Borough Council: local assessment protocol, version 1" in text
        assert "Timescales in working days" in text
