"""A planned visit in the browser: justified before it happens, the family's objection counts
until a team manager approves with a reason the family reads, and the visit recorded as done
with notes checked for intrusions. Desktop for staff, a phone for the parent; axe on every page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import Contact, ContactStatus
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in, sign_out
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportPathwayRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Alfie asked to talk to us on his own, and what he wants matters to his plan."


def _send(page, button: str) -> None:
    """Wait for the wording checks typed fields start, then press the button."""
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=button).click()


def _fill_date(page, day) -> None:
    page.get_by_label("Day").first.fill(str(day.day))
    page.get_by_label("Month").first.fill(str(day.month))
    page.get_by_label("Year").first.fill(str(day.year))


def test_a_planned_visit_the_family_objects_to_needs_a_manager(visitor, phone_visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Grace Adeyemi")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    request = SupportPathwayRequestFactory(
        child=child, received_at=timezone.now() - timedelta(days=10)
    )

    # The practitioner plans a home visit, with the reasons, before it happens.
    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/requests/{request.pk}/")
    page.get_by_role("link", name="Plan a visit or contact").click()
    visitor.check()
    page.get_by_label("Home visit", exact=True).check()
    _send(page, "Plan the contact and tell the family")
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert "Write the purpose of this intrusion" in page.content()
    page.get_by_label("What is it for?").fill("To see how bedtimes go and what would help.")
    _fill_date(page, timezone.localdate() + timedelta(days=7))
    page.get_by_label("Time", exact=True).fill("4:30pm")
    page.get_by_label("Where (optional)").fill("At home")
    page.get_by_label("Speaking with the child without a parent there").check()
    page.get_by_label("Purpose", exact=True).fill("To hear Alfie's own views about breaks.")
    page.get_by_label("Why it is necessary for this assessment").fill(
        "Alfie has said he does not want to worry his mum."
    )
    page.get_by_label("The less intrusive option offered to the family first").fill(
        "Talking with Alfie with his mum beside him."
    )
    page.get_by_label("What the family said about that option").fill(
        "Claire would rather be there."
    )
    page.get_by_label("Why that option is not enough").fill(
        "Alfie asked to talk without his mum there."
    )
    page.get_by_label("The family objected").check()
    page.get_by_label("The family's view in their own words").fill(
        "We do not want Alfie seen without one of us."
    )
    page.get_by_label("Notice given to the family").fill("A week, by email.")
    _send(page, "Plan the contact and tell the family")
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Planned home visit for Alfie"
    assert "The family objected" in page.content()
    assert page.get_by_role("link", name="Record it as done").count() == 0
    contact = Contact.objects.get()
    sign_out(visitor)

    # A team manager who did not plan it approves, with a reason the family reads.
    sign_in(visitor, manager)
    visitor.goto(f"/staff/contacts/{contact.pk}/")
    page.get_by_role("link", name="Approve it although the family objected").click()
    visitor.check()
    page.get_by_label("Why it must go ahead although the family objected").fill(REASON)
    _send(page, "Approve it")
    visitor.check()
    assert "Approved. The family has been told your reason." in page.content()
    sign_out(visitor)

    # The parent, on a phone, reads the plan and the reason in plain words.
    parent = family_user(family, full_name="Claire Hughes")
    sign_in(phone_visitor, parent)
    phone = phone_visitor.goto(f"/family/requests/{request.pk}/")
    content = phone.content()
    assert "Visits and meetings we plan" in content
    assert REASON in content
    assert "ntrusion record" not in content
    assert "proportionate" not in content
    phone.get_by_role("link", name="Change your answer").click()
    phone_visitor.check()
    phone.get_by_label("Yes, I agree").check()
    _send(phone, "Send your answer")
    phone_visitor.check()
    assert "Your answer is saved" in phone.content()

    # The practitioner records it as done; notes describing another intrusion are refused.
    sign_in(visitor, worker)
    visitor.goto(f"/staff/contacts/{contact.pk}/")
    page.get_by_role("link", name="Record it as done").click()
    visitor.check()
    _fill_date(page, timezone.localdate())
    page.get_by_label("Time", exact=True).fill("0:01")
    page.get_by_label("What happened (notes)").fill(
        "Alfie showed us his picture cards. The bedroom was checked."
    )
    _send(page, "Save the contact")
    visitor.check()
    assert "The notes say “bedroom was checked”" in page.content()
    page.get_by_label("What happened (notes)").fill("Alfie showed us his picture cards.")
    _send(page, "Save the contact")
    visitor.check()
    contact.refresh_from_db()
    assert contact.status == ContactStatus.DONE
