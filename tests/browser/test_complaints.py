"""Complaints and notification choices in a real browser, axe-checked: the family complains,
staff acknowledge and respond, the family asks for stage 2 and sees when it is due. Then every
new page on a desktop and on a phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.complaints import clock
from supportfirst.complaints.models import Complaint, Status
from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in, sign_out
from tests.complaints.factories import complaint_for
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WHAT_WENT_WRONG = (
    "I rang three times to ask how Alfie's request was going and was told to ring back. "
    "Nobody could tell me who was dealing with it."
)


def _heading(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


def _fill_date(page, day) -> None:
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))


def test_family_complains_staff_respond_family_asks_for_stage_2(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    family.parent_carers.update(email="claire@family.example")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    parent = family_user(family, full_name="Claire Hughes")
    request = SupportRequestFactory(child=child)
    page = visitor.page

    # The family complains about their request, in their own words; an empty form first.
    sign_in(visitor, parent)
    visitor.goto("/family/complaints/")
    page.get_by_role("link", name="Make a complaint").click()
    visitor.check()
    page.get_by_role("button", name="Send your complaint").click()
    visitor.check()
    assert "There is a problem" in page.content()
    page.get_by_label(f"Request for help {request.reference}").check()
    page.get_by_label("What went wrong?").fill(WHAT_WENT_WRONG)
    page.get_by_label("What would put it right? (optional)").fill("A named person to call.")
    page.get_by_role("button", name="Send your complaint").click()
    visitor.check()
    complaint = Complaint.objects.get(family=family)
    assert _heading(visitor) == f"Your complaint {complaint.reference}"
    assert "The council responds by" in page.content()
    sign_out(visitor)

    # The complaints manager acknowledges it, records the advocacy offer and responds.
    manager = staff_user(council, Role.COMPLAINTS_MANAGER, full_name="Sam Okafor")
    sign_in(visitor, manager)
    visitor.goto("/staff/complaints/")
    page.get_by_role("link", name=complaint.reference).click()
    visitor.check()
    page.get_by_role("button", name="Acknowledge the complaint").click()
    visitor.check()
    assert "Complaint acknowledged" in page.content()
    page.get_by_role("button", name="Prepare acknowledgement letter").click()
    visitor.check()
    assert complaint.reference in page.content()
    visitor.goto(f"/staff/complaints/{complaint.pk}/")
    page.get_by_role("link", name="Record the offer of an advocate").click()
    visitor.check()
    _fill_date(page, timezone.localdate())
    page.get_by_label("Declined").check()
    page.get_by_role("button", name="Save the advocacy offer").click()
    visitor.check()
    page.get_by_role("link", name="Record the council's response").click()
    visitor.check()
    page.get_by_label("The council's response").fill(
        "We are sorry. Priya Raman is now your named worker and will call you on Friday."
    )
    page.get_by_label("Partly upheld").check()
    page.get_by_role("button", name="Record the response").click()
    visitor.check()
    assert "Write what the council will do to put it right" in page.content()
    page.get_by_label("What the council will do to put it right", exact=False).fill(
        "An apology, and a named worker who calls every Friday."
    )
    page.get_by_label("What the council has learned", exact=False).fill(
        "Calls to the duty line are now logged and returned within two working days."
    )
    page.get_by_role("button", name="Record the response").click()
    visitor.check()
    assert "Response recorded" in page.content()
    # The complaint is about the worker: once named, they cannot see it.
    page.get_by_role("link", name="Record who the complaint is about").click()
    visitor.check()
    page.get_by_label("Priya Raman").check()
    page.get_by_role("button", name="Save").click()
    visitor.check()
    assert "Priya Raman (cannot see this complaint)" in page.content()
    sign_out(visitor)
    sign_in(visitor, worker)
    visitor.goto(f"/staff/complaints/{complaint.pk}/", status=404)
    sign_out(visitor)

    # The family is not satisfied and asks for stage 2; they see when it is due.
    sign_in(visitor, parent)
    visitor.goto(f"/family/complaints/{complaint.pk}/")
    assert "Priya Raman is now your named worker" in page.content()
    page.get_by_role("link", name="I am not satisfied: ask for stage 2").click()
    visitor.check()
    page.get_by_label("Why are you not satisfied? (optional)").fill("Nobody called on Friday.")
    page.get_by_role("button", name="Ask for stage 2").click()
    visitor.check()
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.status) == (2, Status.OPEN)
    assert _heading(visitor) == f"Your complaint {complaint.reference}"
    text = page.content()
    assert "Stage 2: an investigation with an independent person" in text
    assert f"{complaint.respond_by:%A %-d %B %Y}" in text
    assert "working days left" in text
    assert "We will agree with you what the investigation looks at." in text
    assert "What we will do to put it right" in text
    sign_out(visitor)

    # Stage 2 starts with a statement of complaint agreed with Claire: its date starts the clock.
    sign_in(visitor, manager)
    visitor.goto(f"/staff/complaints/{complaint.pk}/")
    page.get_by_role("link", name="Record the agreed statement of complaint").click()
    visitor.check()
    page.get_by_label("The statement of complaint").fill(
        "1. Calls were not returned. 2. Nobody called on Friday as promised."
    )
    _fill_date(page, timezone.localdate())
    page.get_by_role("button", name="Save the agreed statement").click()
    visitor.check()
    complaint.refresh_from_db()
    assert complaint.respond_by == clock.stage_2_due(timezone.localdate())


@pytest.fixture
def complaints_story(council):
    worker = staff_user(council, Role.COMPLAINTS_MANAGER)
    family = family_with_everyone(council, allocated_worker=worker, name="Begum family")
    parent = family_user(family)
    today = timezone.localdate()
    open_one = complaint_for(family)
    panel = complaint_for(family, stage=3, received_on=today - timedelta(days=60))
    panel_stage = panel.stages.get(stage=3)
    panel_stage.panel_members = ["Ann Chair", "Bo Lee", "Cy Moss"]
    panel_stage.meeting_on = today - timedelta(days=3)
    panel_stage.save()
    panel.status = Status.PANEL_MET
    panel.respond_by = clock.panel_report_due(panel_stage.meeting_on)
    panel.save()
    responded = complaint_for(family, stage=3)
    last = responded.stages.get(stage=3)
    last.response_on, last.response, last.outcome = today, "We agree with the panel.", "upheld"
    last.save()
    responded.status = Status.RESPONDED
    responded.save()
    return {
        "worker": worker,
        "parent": parent,
        "family": family,
        "open": open_one,
        "panel": panel,
        "responded": responded,
    }


def _staff_pages(story) -> list[str]:
    c, p = story["open"].pk, story["panel"].pk
    return [
        "/staff/complaints/",
        f"/staff/complaints/{c}/",
        f"/staff/complaints/{c}/advocacy/",
        f"/staff/complaints/{c}/extend/",
        f"/staff/complaints/{c}/respond/",
        f"/staff/complaints/{c}/worker/",
        f"/staff/complaints/{c}/time-limit/",
        f"/staff/complaints/{p}/",
        f"/staff/complaints/{p}/appoint/",
        f"/staff/complaints/{p}/meeting/",
        f"/staff/complaints/{p}/report/",
        f"/staff/complaints/{story['responded'].pk}/",
    ]


def _family_pages(story) -> list[str]:
    return [
        "/family/complaints/",
        "/family/complaints/new/",
        f"/family/complaints/{story['open'].pk}/",
        f"/family/complaints/{story['panel'].pk}/",
        f"/family/complaints/{story['responded'].pk}/",
        "/family/notifications/",
    ]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_complaint_and_notification_page(
    browser, live_server, request, complaints_story, size
):
    from tests.browser.conftest import _visitor

    viewport = (
        {"width": 1280, "height": 900} if size == "desktop" else {"width": 375, "height": 740}
    )
    for visitor in _visitor(browser, live_server, request, viewport):
        sign_in(visitor, complaints_story["worker"])
        for path in _staff_pages(complaints_story):
            visitor.goto(path)
        # An error summary on a staff form, and a move that cannot be made now.
        visitor.goto(f"/staff/complaints/{complaints_story['open'].pk}/extend/")
        visitor.page.get_by_role("button", name="Extend the time to respond").click()
        visitor.check()
        # The phone's menu hides the sign-out button: start a new session instead.
        visitor.page.context.clear_cookies()
        sign_in(visitor, complaints_story["parent"])
        for path in _family_pages(complaints_story):
            visitor.goto(path)
        visitor.goto(f"/family/complaints/{complaints_story['open'].pk}/next-stage/", status=409)
        assert "cannot be done now" in visitor.page.content()
        visitor.goto("/family/notifications/")
        visitor.page.get_by_label("Text message").check()
        visitor.page.get_by_label("Mobile phone number").fill("0161 496 0000")
        visitor.page.get_by_role("button", name="Save your choices").click()
        visitor.check()
        assert "Enter a UK mobile number" in visitor.page.content()
