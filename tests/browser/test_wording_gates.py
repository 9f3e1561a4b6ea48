"""The wording gate in the browser when staff send words to a family: sharing a plan,
answering a correction request, responding to a complaint, and a manager approving a contact the
family objected to. Staff type a flagged phrase,
the error summary asks for a reason, "x" is refused, a real reason lets it go; the family then
reads the words, and never the reasons or the findings. Phone and desktop, axe on every page."""

from __future__ import annotations

import pytest

from supportfirst.complaints.models import Status
from supportfirst.corrections.models import CorrectionStatus
from supportfirst.councils.models import Role
from supportfirst.plans.models import PlanStatus
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in
from tests.browser.people import sign_out as _sign_out
from tests.complaints.factories import complaint_for
from tests.corrections.factories import CorrectionRequestFactory
from tests.families.factories import family_with_everyone
from tests.plans.factories import PlannedServiceFactory, draft_plan_for, written_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WHO = ["visitor", "phone_visitor"]
REASON = "These are the school's words, quoted from its letter of 3 March."


def sign_out(visitor) -> None:
    """On a phone the sign-out button is behind the menu."""
    menu = visitor.page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    _sign_out(visitor)


def _asks_for_a_reason(page, words: str) -> None:
    summary = page.locator(".govuk-error-summary")
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert summary.get_by_text(f"Give a reason for keeping “{words}”").first.is_visible()
    assert page.locator("#words-to-check").get_by_text(f"“{words}”").first.is_visible()


def _family_reads(visitor, path: str, words: str) -> None:
    page = visitor.goto(path)
    text = page.content().replace("&#x27;", "'")
    assert words in text
    assert REASON not in text
    assert "Words to check" not in text
    assert "Why keep" not in text


@pytest.mark.parametrize("who", WHO)
def test_sharing_a_plan_with_flagged_words(who, request, council):
    visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    plan = written_plan(draft_plan_for(family))
    PlannedServiceFactory(
        plan=plan,
        code="",
        name="Short breaks at Oak House",
        legal_basis="Children Act 1989, section 17",
        not_met_reason="The family is chaotic in the holidays.",
    )
    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/plans/{plan.pk}/")
    share = page.get_by_role("button", name="Share the plan with the family")
    share.click()
    visitor.check()
    _asks_for_a_reason(page, "chaotic")
    box = page.get_by_label("Why keep “chaotic”", exact=False)
    box.fill("x")
    share.click()
    visitor.check()
    assert page.locator(".govuk-error-summary").get_by_text("is too short").is_visible()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    box.fill(REASON)
    share.click()
    visitor.check()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    assert page.get_by_text("Reasons for keeping words").is_visible()
    assert WordingReason.objects.get().reason == REASON
    sign_out(visitor)
    sign_in(visitor, family_user(family))
    _family_reads(visitor, f"/family/plans/{plan.pk}/", "The family is chaotic in the holidays.")


@pytest.mark.parametrize("who", WHO)
def test_answering_a_correction_request_with_flagged_words(who, request, council):
    visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    parent = family_user(family)
    correction = CorrectionRequestFactory(family=family, asked_by=parent)
    answer = "Our notes say Mum refused to give the new spelling on the phone."
    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/corrections/{correction.pk}/")
    page.get_by_label("No: the record stays as it is").check()
    page.get_by_label("Why the record is not being changed", exact=True).fill(answer)
    send = page.get_by_role("button", name="Send the answer")
    send.click()
    visitor.check()
    _asks_for_a_reason(page, "refused")
    assert page.get_by_label("Why the record is not being changed", exact=True).input_value() == (
        answer
    )
    box = page.get_by_label("Why keep “refused”", exact=False)
    box.fill("x")
    send.click()
    visitor.check()
    assert page.locator(".govuk-error-summary").get_by_text("is too short").is_visible()
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.RECEIVED
    page.get_by_label("Why keep “refused”", exact=False).fill(REASON)
    send.click()
    visitor.check()
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.NOT_CORRECTED
    assert WordingReason.objects.get().words == "refused"
    sign_out(visitor)
    sign_in(visitor, parent)
    _family_reads(visitor, f"/family/corrections/{correction.pk}/", answer)


@pytest.mark.parametrize("who", WHO)
def test_responding_to_a_complaint_with_flagged_words(who, request, council):
    visitor = request.getfixturevalue(who)
    family = family_with_everyone(council)
    parent = family_user(family)
    complaint = complaint_for(family)
    manager = staff_user(council, Role.COMPLAINTS_MANAGER)
    said = "We are sorry. The worker wrote that Dad was hostile, and should not have."
    remedy = "An apology, and the word hostile taken out of the record."
    sign_in(visitor, manager)
    page = visitor.goto(f"/staff/complaints/{complaint.pk}/respond/")
    page.get_by_label("The council's response").fill(said)
    page.get_by_label("Upheld", exact=True).check()
    page.get_by_label("What the council will do to put it right", exact=False).fill(remedy)
    page.get_by_label("What the council has learned", exact=False).fill(
        "Workers write what a parent said, not a label for it."
    )
    record = page.get_by_role("button", name="Record the response")
    record.click()
    visitor.check()
    _asks_for_a_reason(page, "hostile")
    boxes = page.get_by_label("Why keep “hostile”", exact=False)
    assert boxes.count() == 2
    for number in range(2):
        boxes.nth(number).fill("hostile")
    record.click()
    visitor.check()
    assert (
        page.locator(".govuk-error-summary")
        .get_by_text("only repeats the words")
        .first.is_visible()
    )
    complaint.refresh_from_db()
    assert complaint.status == Status.OPEN
    for number in range(2):
        page.get_by_label("Why keep “hostile”", exact=False).nth(number).fill(REASON)
    record.click()
    visitor.check()
    complaint.refresh_from_db()
    assert complaint.status == Status.RESPONDED
    assert page.get_by_text("Reasons for keeping words").is_visible()
    assert WordingReason.objects.filter(record_id=complaint.pk).count() == 2
    sign_out(visitor)
    sign_in(visitor, parent)
    _family_reads(visitor, f"/family/complaints/{complaint.pk}/", said)
    assert remedy in visitor.page.content()


@pytest.mark.parametrize("who", WHO)
def test_approving_a_contact_the_family_objected_to_with_flagged_words(who, request, council):
    from datetime import timedelta

    from django.utils import timezone

    from tests.pathway.factories import PlannedContactFactory, SupportPathwayRequestFactory

    visitor = request.getfixturevalue(who)
    family = family_with_everyone(council)
    support_request = SupportPathwayRequestFactory(
        child=family.children.get(), received_at=timezone.now() - timedelta(days=10)
    )
    contact = PlannedContactFactory(request=support_request)
    manager = staff_user(council, Role.TEAM_MANAGER)
    said = "Mum refused every other way, and Alfie asked us to come."
    sign_in(visitor, manager)
    page = visitor.goto(f"/staff/contacts/{contact.pk}/approve/")
    page.get_by_label("Why it must go ahead although the family objected").fill(said)
    approve = page.get_by_role("button", name="Approve it")
    page.wait_for_load_state("networkidle")
    approve.click()
    visitor.check()
    _asks_for_a_reason(page, "refused")
    box = page.get_by_label("Why keep “refused”", exact=False)
    box.fill("x")
    approve.click()
    visitor.check()
    assert page.locator(".govuk-error-summary").get_by_text("is too short").is_visible()
    contact.refresh_from_db()
    assert contact.approved_by_id is None
    page.get_by_label("Why keep “refused”", exact=False).fill(REASON)
    approve.click()
    visitor.check()
    contact.refresh_from_db()
    assert contact.approved_by_id == manager.pk
    assert page.get_by_text("Reasons for keeping words").is_visible()
    sign_out(visitor)
    sign_in(visitor, family_user(family))
    _family_reads(visitor, f"/family/requests/{support_request.pk}/", said)
