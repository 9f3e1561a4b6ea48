"""A needs assessment in a real browser: the practitioner writes an area with a need and marks
the draft ready; the parent reads it and comments; a team manager authorises. axe-checked."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus, FamilyComment
from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in, sign_out
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLEEP_ACCOUNT = "He wakes at 2am most nights and one of us sits with him until 4."
COMMENT = "He also wakes when his medicine wears off, usually around 5am."


def _fill_today(page, group: str) -> None:
    today = timezone.localdate()
    box = page.get_by_role("group", name=group)
    box.get_by_label("Day").fill(str(today.day))
    box.get_by_label("Month").fill(str(today.month))
    box.get_by_label("Year").fill(str(today.year))


def _heading(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


def test_request_decision_assessment_family_comments_and_authorisation(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Tom Okafor")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    parent = family_user(family, full_name="Claire Hughes")
    request = SupportRequestFactory(child=child)
    page = visitor.page

    # The practitioner decides the next step: the support pathway, pre-selected, one click.
    sign_in(visitor, worker)
    visitor.goto(f"/staff/requests/{request.pk}/")
    page.get_by_role("button", name="Confirm the next step").click()
    visitor.check()
    page.get_by_role("link", name="Assessments").click()
    visitor.check()
    page.get_by_role("link", name="Alfie's needs assessment").click()
    visitor.check()
    assessment = Assessment.objects.get(request=request, kind="child")
    # The other areas were talked through already; the test writes one area in full.
    assessment.areas.exclude(code="sleep").update(completed=True, nothing_to_add=True)
    page.reload()
    visitor.check()
    assert _heading(visitor) == "Alfie's needs assessment"
    assert "working days left" in page.content()
    page.get_by_role("link", name="Sleep").click()
    visitor.check()
    page.get_by_label("In their words").fill(SLEEP_ACCOUNT)
    page.get_by_label("Who told us").fill("Claire Hughes (Mum)")
    page.get_by_label("What Alfie told us or showed us").fill("Pointed to the moon card.")
    page.get_by_label("Pictures").check()
    page.get_by_label("Your analysis").fill("Broken nights leave Claire exhausted.")
    page.get_by_label("This area is complete").check()
    page.get_by_role("button", name="Save and return to the task list").click()
    visitor.check()
    assert "Sleep saved." in page.content()
    page.get_by_role("link", name="Sleep").click()
    visitor.check()
    page.get_by_label("What Alfie needs help with").fill("Someone awake with him at night.")
    page.get_by_label("Doing it puts Alfie or others in danger").check()
    page.get_by_label("Every day").check()
    page.get_by_role("button", name="Add this need").click()
    visitor.check()
    assert "Someone awake with him at night." in page.content()
    page.get_by_role("link", name="Back to the task list").click()
    visitor.check()
    # Alfie is offered an independent advocate; the answer is needed before authorising.
    page.get_by_role("link", name="Offer of an advocate to Alfie").click()
    visitor.check()
    page.get_by_role("button", name="Save the advocacy offer").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    _fill_today(page, "Date advocacy was offered")
    page.get_by_label("Accepted: they want an advocate").check()
    page.get_by_label("The advocate's organisation").fill("Young Voices Advocacy")
    page.get_by_role("button", name="Save the advocacy offer").click()
    visitor.check()
    assert "The offer of an advocate is saved." in page.content()
    page.get_by_role("button", name="Mark ready for the family to read").click()
    visitor.check()
    assert "Ready for the family to read" in page.content()
    sign_out(visitor)

    # The parent reads the draft and comments on the sleep area.
    sign_in(visitor, parent)
    visitor.goto("/family/assessments/")
    page.get_by_role("link", name="Alfie's needs assessment").click()
    visitor.check()
    assert SLEEP_ACCOUNT in page.content()
    assert "Alfie wanted an advocate." in page.content()
    assert "Young Voices Advocacy" in page.content()
    page.get_by_role("link", name="Add a comment about Sleep").click()
    visitor.check()
    page.get_by_label("Your comments").fill(COMMENT)
    page.get_by_role("button", name="Send your comments").click()
    visitor.check()
    assert COMMENT in page.content()
    assert FamilyComment.objects.get().area.code == "sleep"
    sign_out(visitor)

    # The team manager sees the comment beside the staff text, and authorises.
    sign_in(visitor, manager)
    visitor.goto(f"/staff/assessments/{assessment.pk}/")
    assert COMMENT in page.content()
    page.get_by_role("link", name="Authorise the assessment").click()
    visitor.check()
    assert _heading(visitor) == "Authorise Alfie's needs assessment"
    page.get_by_role("button", name="Authorise the assessment").click()
    visitor.check()
    assessment.refresh_from_db()
    assert (assessment.status, assessment.authorised_by) == (AssessmentStatus.AUTHORISED, manager)


def test_a_late_authorisation_shows_the_reason_field_and_explains_a_refusal(visitor, council):
    from tests.assessments.factories import ReadyForFamilyAssessmentFactory, received_days_ago

    manager = staff_user(council, Role.TEAM_MANAGER)
    family = family_with_everyone(council)
    late = ReadyForFamilyAssessmentFactory(
        request__child=family.children.get(), request__received_at=received_days_ago(100)
    )
    sign_in(visitor, manager)
    page = visitor.goto(f"/staff/assessments/{late.pk}/authorise/")
    page.get_by_role("button", name="Authorise the assessment").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("Why is this assessment late?").fill("The family asked us to wait.")
    page.get_by_role("button", name="Authorise the assessment").click()
    visitor.check()
    late.refresh_from_db()
    assert late.late_reason == "The family asked us to wait."
