"""Respectful wording in the browser: findings appear as a practitioner types, a flagged word
in a safeguarding proposal needs a reason before it can be sent, and a draft assessment with
flagged words needs a real reason before the family can read it."""

from __future__ import annotations

import pytest

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.councils.models import Role
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.assessments.factories import (
    AssessmentFactory,
    ReadyForFamilyAssessmentFactory,
    complete_every_area,
)
from tests.browser.people import sign_in
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_findings_as_you_type_and_a_reason_to_keep_a_word(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    request = SupportRequestFactory(child=family.children.get())
    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/requests/{request.pk}/safeguarding/")
    box = page.get_by_label("What was seen or said")
    box.press_sequentially("Alfie told Ms Green his dad hit him; his dad claims it was a game.")
    live = page.locator(".sf-findings", has_text="claims")
    live.get_by_text("“claims”").wait_for()
    assert "casts doubt on what someone said without saying why" in live.inner_text()
    visitor.check()
    page.get_by_label("Who saw or said it").fill("Alfie, to Ms Green")
    page.get_by_label("When it happened").fill("Monday 2 March 2026")
    page.get_by_label("Yes, the family has been told").check()
    page.get_by_role("group", name="Date the family was told").get_by_label("Day").fill("2")
    page.get_by_role("group", name="Date the family was told").get_by_label("Month").fill("3")
    page.get_by_role("group", name="Date the family was told").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Propose the move").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("Why keep “claims” in the evidence?").fill(
        "Quoting what Dad told the school."
    )
    page.get_by_role("button", name="Propose the move").click()
    visitor.check()
    assert WordingReason.objects.get().words == "claims"


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_a_draft_with_flagged_words_needs_a_real_reason_before_the_family_reads_it(
    who, request, council
):
    browser_visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    assessment = AssessmentFactory(request__child=family.children.get())
    complete_every_area(assessment)
    area = assessment.areas.order_by("position").first()
    area.practitioner_analysis = "Mum refused the bedtime plan."
    area.save()
    sign_in(browser_visitor, worker)
    page = browser_visitor.goto(f"/staff/assessments/{assessment.pk}/")
    browser_visitor.check()
    assert page.locator("#words-to-check").get_by_text("“refused”").is_visible()
    label = f"Why keep “refused” in the analysis of {area.label}?"
    page.get_by_label(label).fill("x")
    page.get_by_role("button", name="Mark ready for the family to read").click()
    browser_visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.locator(".govuk-error-summary").get_by_text("is too short").is_visible()
    page.get_by_label(label).fill("Mum used these words herself at the visit.")
    page.get_by_role("button", name="Mark ready for the family to read").click()
    browser_visitor.check()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY
    assert page.get_by_text("Reasons for keeping words").is_visible()
    assert WordingReason.objects.get().reason == "Mum used these words herself at the visit."


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_authorising_asks_one_real_reason_per_flagged_phrase(who, request, council):
    browser_visitor = request.getfixturevalue(who)
    manager = staff_user(council, Role.TEAM_MANAGER)
    family = family_with_everyone(council)
    assessment = ReadyForFamilyAssessmentFactory(request__child=family.children.get())
    area = assessment.areas.order_by("position").first()
    area.practitioner_analysis = "Mum struggles to cope at bedtime. Dad struggles to cope too."
    area.save()
    sign_in(browser_visitor, manager)
    page = browser_visitor.goto(f"/staff/assessments/{assessment.pk}/authorise/")
    browser_visitor.check()
    found = page.locator("#words-to-check")
    assert found.get_by_text("“struggles to cope”").is_visible()
    assert "used twice" in found.inner_text()
    boxes = page.get_by_label("Why keep “struggles to cope”", exact=False)
    assert boxes.count() == 1
    boxes.fill("x")
    page.get_by_role("button", name="Authorise the assessment").click()
    browser_visitor.check()
    assert page.locator(".govuk-error-summary").get_by_text("is too short").is_visible()
    page.get_by_label("Why keep “struggles to cope”", exact=False).fill(
        "Mum used these words herself at the visit."
    )
    page.get_by_role("button", name="Authorise the assessment").click()
    browser_visitor.check()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.AUTHORISED
    assert WordingReason.objects.get().words == "struggles to cope"
