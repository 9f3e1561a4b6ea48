"""The family's record and correction requests in a real browser, axe-checked on a desktop and
on a phone: every new page opened, then a correction from the family's request to the answer."""

from __future__ import annotations

import pytest

from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import assessments_for
from tests.browser.people import sign_in, sign_out
from tests.corrections.factories import CorrectionRequestFactory
from tests.families.factories import family_with_everyone
from tests.families.record_story import record_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
WRONG = "It says the visit was my idea. I asked for a phone call; you suggested the visit."
SHOULD_SAY = "Claire asked for a phone call. Priya suggested a visit to see the stairs."
REASON = "Our notes from the day show Claire asked for the visit. We have kept her view with it."


@pytest.fixture
def story(council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    parent = family_user(family, full_name="Claire Hughes")
    made = assessments_for(family)
    told = record_story(family, worker)
    correction = CorrectionRequestFactory(
        family=family,
        asked_by=parent,
        record_kind="request",
        record_id=told.request.pk,
        record_label=f"Request for help {told.request.reference}",
        shown_on="request",
        shown_on_id=told.request.pk,
    )
    answered = CorrectionRequestFactory(
        family=family,
        asked_by=parent,
        status=CorrectionStatus.CORRECTED,
        what_we_changed="The surname now reads Hughes.",
        answered_by=worker,
    )
    return {
        "worker": worker,
        "family": family,
        "parent": parent,
        "made": made,
        "told": told,
        "correction": correction,
        "answered": answered,
    }


@pytest.mark.parametrize("size", sorted(SIZES))
def test_every_new_family_and_staff_page(browser, live_server, request, story, size):
    from tests.browser.conftest import _visitor

    family, told = story["family"], story["told"]
    child = family.children.get()
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        sign_in(visitor, story["parent"])
        for path in (
            "/family/",
            "/family/requests/",
            f"/family/requests/{told.request.pk}/",
            f"/family/requests/{told.hidden_request.pk}/",
            f"/family/children/{child.pk}/",
            f"/family/assessments/{story['made'].child.pk}/",
            "/family/corrections/",
            f"/family/corrections/new/?record=contact:{told.visit.pk}",
            f"/family/corrections/{story['correction'].pk}/",
            f"/family/corrections/{story['answered'].pk}/",
        ):
            visitor.goto(path)
    # A fresh window for the practitioner (on a phone, signing out is behind the menu).
    for visitor in _visitor(browser, live_server, request, SIZES[size]):
        sign_in(visitor, story["worker"])
        for path in (
            "/staff/corrections/",
            f"/staff/corrections/{story['correction'].pk}/",
            f"/staff/corrections/{story['answered'].pk}/",
            f"/staff/requests/{told.request.pk}/",
            f"/staff/families/{family.pk}/",
            f"/staff/children/{child.pk}/",
            f"/staff/assessments/{story['made'].child.pk}/",
        ):
            visitor.goto(path)


def test_family_asks_practitioner_answers_family_sees_the_outcome(visitor, story):
    page = visitor.page
    told = story["told"]

    # The parent finds the home visit on their request and asks for a correction.
    sign_in(visitor, story["parent"])
    visitor.goto("/family/")
    page.get_by_role("link", name="All your requests, with the decisions").click()
    visitor.check()
    page.locator(f"a[href='/family/requests/{told.request.pk}/']").click()
    visitor.check()
    page.locator(f"a[href='/family/corrections/new/?record=contact:{told.visit.pk}']").click()
    visitor.check()
    page.get_by_role("button", name="Send your request").click()
    visitor.check()
    assert "There is a problem" in page.content()
    # "What it should say" is optional; what is typed is kept when something is missing.
    page.get_by_label("What it should say (optional)").fill(SHOULD_SAY)
    page.get_by_role("button", name="Send your request").click()
    visitor.check()
    assert page.get_by_label("What it should say (optional)").input_value() == SHOULD_SAY
    page.get_by_label("What is wrong").fill(WRONG)
    page.get_by_role("button", name="Send your request").click()
    visitor.check()
    assert "Thank you. We have your request" in page.content()
    correction = CorrectionRequest.objects.get(record_kind="contact")
    sign_out(visitor)

    # The practitioner answers: not corrected, with the reason.
    sign_in(visitor, story["worker"])
    visitor.goto("/staff/corrections/")
    page.get_by_role("link", name=correction.record_label).click()
    visitor.check()
    page.get_by_label("No: the record stays as it is").check()
    page.get_by_role("button", name="Send the answer").click()
    visitor.check()
    assert "Write the reason the record is not being changed" in page.content()
    page.get_by_label("No: the record stays as it is").check()
    page.get_by_label("Why the record is not being changed").fill(REASON)
    page.get_by_role("button", name="Send the answer").click()
    visitor.check()
    assert "Answer saved" in page.content()
    visitor.goto(f"/staff/requests/{told.request.pk}/")
    assert SHOULD_SAY in page.content()
    sign_out(visitor)

    # The parent sees the outcome and how to complain; their view stays on the record.
    sign_in(visitor, story["parent"])
    visitor.goto("/family/corrections/")
    page.get_by_role("link", name=correction.record_label).click()
    visitor.check()
    assert REASON in page.content()
    assert "make a complaint" in page.content()
    visitor.goto(f"/family/requests/{told.request.pk}/")
    assert "not corrected" in page.content()
    assert SHOULD_SAY in page.content()
