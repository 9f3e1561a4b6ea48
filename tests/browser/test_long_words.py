"""Long input: a 10,000-character word with no spaces (a pasted link, a key held down) in each
kind of free text (a name, a request description, a family's comment, contact notes, a
complaint) wraps on every family and staff page, so no page is wider than a 320px phone. And
a box typed past its maximum is refused with a clear message, keeping what was typed."""

from __future__ import annotations

import pytest

from supportfirst.assessments.models import FamilyComment
from supportfirst.councils.models import Role
from supportfirst.kernel.formsupport import FREE_TEXT_MAX
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import assessments_for
from tests.browser.people import sign_in
from tests.complaints.factories import complaint_for
from tests.families.factories import family_with_everyone
from tests.families.record_story import plain_contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORD = "Supercalifragilistic" * 500  # 10,000 characters, no space
SMALLEST_PHONE = {"width": 320, "height": 640}


@pytest.fixture
def long_story(council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    # A name is as long as its record allows (100 characters), all one word.
    child.first_name = WORD[:100]
    child.save()
    made = assessments_for(family)
    made.request.help_asked_for = f"Help with {WORD} at bedtime."
    made.request.requester_name = WORD[:200]
    made.request.save()
    contact = plain_contact(worker, made.request, notes=f"We talked about {WORD}.")
    parent = family_user(family, full_name="Claire Hughes")
    FamilyComment.objects.create(
        family=family,
        assessment=made.child,
        author=parent,
        text=f"My comment: {WORD}",
        created_at=contact.recorded_at,
    )
    complaint = complaint_for(family)
    complaint.summary = f"What went wrong: {WORD}"
    complaint.save()
    return {
        "worker": worker,
        "parent": parent,
        "family": family,
        "child": child,
        "made": made,
        "complaint": complaint,
    }


@pytest.fixture
def small_phone(browser, live_server, request):
    from tests.browser.conftest import _visitor

    yield from _visitor(browser, live_server, request, SMALLEST_PHONE)


def test_a_long_word_wraps_on_every_family_page_of_a_320px_phone(small_phone, long_story):
    made, complaint = long_story["made"], long_story["complaint"]
    sign_in(small_phone, long_story["parent"])
    for path in (
        "/family/",
        f"/family/children/{long_story['child'].pk}/",
        "/family/requests/",
        f"/family/requests/{made.request.pk}/",
        "/family/assessments/",
        f"/family/assessments/{made.child.pk}/",
        "/family/complaints/",
        f"/family/complaints/{complaint.pk}/",
    ):
        page = small_phone.goto(path)  # check() fails a page wider than the window
        assert page.evaluate("document.documentElement.clientWidth") == 320


def test_a_long_word_wraps_on_every_staff_page_of_a_320px_phone(small_phone, long_story):
    made, family = long_story["made"], long_story["family"]
    sign_in(small_phone, long_story["worker"])
    for path in (
        "/staff/my-work/",
        f"/staff/families/{family.pk}/",
        f"/staff/children/{long_story['child'].pk}/",
        f"/staff/requests/{made.request.pk}/",
        f"/staff/requests/{made.request.pk}/timeline/",
        f"/staff/assessments/{made.child.pk}/",
        f"/staff/complaints/{long_story['complaint'].pk}/",
    ):
        small_phone.goto(path)


def test_a_complaint_past_its_maximum_is_refused_keeping_what_was_typed(small_phone, council):
    family = family_with_everyone(council, name="Hughes family")
    sign_in(small_phone, family_user(family, full_name="Claire Hughes"))
    page = small_phone.goto("/family/complaints/new/")
    page.get_by_role("radio", name="Something else").check()
    page.get_by_label("If it is about something else, tell us what").fill("Phone calls")
    typed = WORD * 2 + "x"  # one more than a complaint's 20,000
    page.get_by_label("What went wrong?").fill(typed)
    page.get_by_text("You have 1 character too many").first.wait_for()
    page.get_by_role("button", name="Send your complaint").click()
    small_phone.check()
    assert (
        page.get_by_role("alert")
        .get_by_text("This answer must be 20,000 characters or fewer. You have typed 20,001")
        .is_visible()
    )
    assert page.get_by_label("What went wrong?").input_value() == typed


def test_a_request_description_past_its_maximum_is_refused_keeping_what_was_typed(
    small_phone, council
):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    sign_in(small_phone, worker)
    page = small_phone.goto("/staff/requests/new/")
    box = page.locator("textarea[name=help_asked_for]")
    typed = WORD[: FREE_TEXT_MAX + 1]
    box.fill(typed)
    page.get_by_role("button", name="Save").first.click()
    small_phone.check()
    assert f"You have typed {FREE_TEXT_MAX + 1:,}" in page.get_by_role("alert").inner_text()
    assert page.locator("textarea[name=help_asked_for]").input_value() == typed
