"""Support plans and letters in a real browser, axe-checked on every page.

The journey: an authorised assessment -> the practitioner writes the plan with the family ->
shares it -> the parent agrees -> the practitioner prepares and sends the letter -> the parent
opens the letter. Then every new page, on a desktop and on a phone.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.letters import services as letter_services
from supportfirst.letters.models import Letter
from supportfirst.plans.models import PlanReviewRequest, PlanStatus, SupportPlan
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in, sign_out
from tests.councils.factories import CouncilFactory
from tests.eligibility.factories import decision_for
from tests.families.factories import family_with_everyone
from tests.letters.factories import actor_for
from tests.plans.factories import draft_plan_for, shared_plan_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTCOME = "We want Alfie to go swimming with his friends on Saturdays."


def _heading(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


def test_from_authorised_assessment_to_plan_agreement_and_letter(visitor):
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957")
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    family.parent_carers.update(email="claire@example.test")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    parent = family_user(family, full_name="Claire Hughes")
    # An authorised assessment with a confirmed eligibility decision.
    decision = decision_for(family, confirm=True, practitioner=worker)
    request = decision.assessment.request
    met = [line.name for line in decision.final_services() if line.met]
    assert met
    page = visitor.page

    # The practitioner starts the plan and writes it with the family.
    sign_in(visitor, worker)
    visitor.goto(f"/staff/requests/{request.pk}/")
    page.get_by_role("link", name="Support plan").click()
    visitor.check()
    page.get_by_role("button", name="Start the support plan").click()
    visitor.check()
    assert _heading(visitor) == "Alfie's support plan"
    page.get_by_role("link", name="Add an outcome in the family's words").click()
    visitor.check()
    page.get_by_label("The outcome, in the family's own words").fill(OUTCOME)
    page.get_by_label("Who said it").fill("Claire Hughes (Mum)")
    page.get_by_role("button", name="Add the outcome").click()
    visitor.check()
    page.get_by_role("link", name="Add a service").click()
    visitor.check()
    page.get_by_label(met[0], exact=False).first.check()
    page.get_by_label("Who provides it").fill("Riverside Saturday Club")
    page.get_by_label("How much").fill("6 hours")
    page.get_by_label("How often").fill("every week")
    page.get_by_label("Cost in pounds").fill("90")
    page.get_by_label("Per week").check()
    # A short break names its legal route; a direct payment is offered for every service.
    if "short break" in met[0].lower():
        page.get_by_label(
            "Activities, clubs or day-time care outside the home", exact=False
        ).check()
    page.get_by_label("Would rather the council arranges it").check()
    page.get_by_role("button", name="Add the service").click()
    visitor.check()
    assert "This is what the support costs the council. You do not pay." in page.content()
    page.get_by_role("link", name="Change the dates and the direct payment choice").click()
    visitor.check()
    page.get_by_label("A mix: some by direct payment, some arranged by the council").check()
    page.get_by_role("button", name="Save").click()
    visitor.check()
    page.get_by_role("link", name="Record the offer of an advocate to Alfie").click()
    visitor.check()
    today = timezone.localdate()
    box = page.get_by_role("group", name="Date advocacy was offered")
    box.get_by_label("Day").fill(str(today.day))
    box.get_by_label("Month").fill(str(today.month))
    box.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Declined: they do not want an advocate now").check()
    page.get_by_role("button", name="Save the advocacy offer").click()
    visitor.check()
    page.get_by_role("button", name="Share the plan with the family").click()
    visitor.check()
    assert "Shared with the family" in page.content()
    sign_out(visitor)

    # The parent reads the plan and agrees.
    sign_in(visitor, parent)
    visitor.goto("/family/plans/")
    page.get_by_role("link", name="Alfie's support plan").click()
    visitor.check()
    assert OUTCOME in page.content()
    assert "A direct payment is money from the council" in page.content()
    page.get_by_label("Yes, I agree with the plan").check()
    page.get_by_label("Tell us why, in your own words").fill("This is what we asked for.")
    page.get_by_role("button", name="Send your answer").click()
    visitor.check()
    assert "You agreed with this plan" in page.content()
    assert SupportPlan.objects.get(request=request).status == PlanStatus.AGREED
    sign_out(visitor)

    # The practitioner prepares the letter about the plan and sends it.
    sign_in(visitor, worker)
    plan = SupportPlan.objects.get(request=request)
    visitor.goto(f"/staff/plans/{plan.pk}/")
    page.get_by_role("link", name="Prepare a letter about this plan").click()
    visitor.check()
    page.get_by_label("Large print").check()
    page.get_by_label("A personal paragraph").fill("Thank you for meeting me on Monday.")
    # Let the check-as-you-type request finish before sending the form.
    page.wait_for_timeout(1200)
    page.get_by_role("button", name="Prepare the letter").click()
    visitor.check()
    assert "Reading ease" in page.content()
    page.get_by_role("button", name="Send the letter").click()
    visitor.check()
    assert "The letter is sent" in page.content()
    sign_out(visitor)

    # The parent opens the letter.
    sign_in(visitor, parent)
    visitor.goto("/family/letters/")
    page.get_by_role("link", name="Your support plan: Alfie").click()
    visitor.check()
    assert "Thank you for meeting me on Monday." in page.content()
    assert "Riverside Saturday Club" in page.content()
    assert met[0] in page.content()
    assert "Local Government and Social Care Ombudsman" in page.content()
    assert page.get_by_role("link", name="Download this letter as a PDF").is_visible()


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_every_plan_and_letter_page(request, council, who):
    visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    parent = family_user(family)
    shared = shared_plan_for(family)
    review = shared.reviews.get()
    draft = draft_plan_for(family_with_everyone(council))
    actor = actor_for(worker)
    sent, _told = letter_services.letter_send(
        actor=actor,
        letter=letter_services.letter_prepare(
            actor=actor, family=family, kind="plan_review", source=review, variant="easy_read"
        ),
    )
    letter_draft = letter_services.letter_prepare(
        actor=actor, family=family, kind="support_plan", source=shared
    )
    PlanReviewRequest.objects.create(
        family=family,
        plan=shared,
        what_changed="Alfie has started a new school.",
        asked_by=parent,
        asked_at=shared.shared_at,
    )

    sign_in(visitor, worker)
    for path in (
        "/staff/plans/",
        f"/staff/requests/{shared.request_id}/plans/",
        f"/staff/requests/{draft.request_id}/plans/",
        f"/staff/plans/{draft.pk}/",
        f"/staff/plans/{draft.pk}/details/",
        f"/staff/plans/{draft.pk}/outcomes/",
        f"/staff/plans/{draft.pk}/services/",
        f"/staff/plans/{shared.pk}/",
        f"/staff/plans/{shared.pk}/reviews/new/",
        f"/staff/plans/reviews/{review.pk}/",
        "/staff/letters/",
        f"/staff/letters/new/?kind=plan_review&source={review.pk}",
        f"/staff/letters/{letter_draft.pk}/",
        f"/staff/letters/{sent.pk}/",
    ):
        visitor.goto(path)
    # Without a record to write about, the page lists the kinds of letter and answers 400.
    visitor.goto("/staff/letters/new/", status=400)
    visitor.page.context.clear_cookies()

    sign_in(visitor, parent)
    for path in (
        "/family/plans/",
        f"/family/plans/{shared.pk}/",
        f"/family/plans/{shared.pk}/review/",
        "/family/letters/",
        f"/family/letters/{sent.pk}/",
    ):
        visitor.goto(path)
    # An answer with a problem shows the error summary; a disagreement shows how to complain.
    visitor.goto(f"/family/plans/{shared.pk}/")
    visitor.page.get_by_label("No, I disagree").check()
    visitor.page.get_by_role("button", name="Send your answer").click()
    visitor.check()
    assert "There is a problem" in visitor.page.content()
    visitor.page.get_by_label("Tell us why, in your own words").fill("It is not enough.")
    visitor.page.get_by_role("button", name="Send your answer").click()
    visitor.check()
    assert visitor.page.get_by_role("link", name="Make a complaint").is_visible()
    assert Letter.objects.filter(family=family).count() == 2
