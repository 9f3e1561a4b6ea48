"""Support plans reviewed: the family asks, staff record the review and set the next date."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from supportfirst.kernel.workflow import IllegalMove
from supportfirst.plans import services
from supportfirst.plans.models import PlanReviewRequest
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.letters.factories import actor_for
from tests.plans.factories import draft_plan_for, shared_plan_for


def test_the_family_asks_for_a_review_and_staff_see_it(family, worker):
    plan = shared_plan_for(family)
    client = signed_in_client(family_user(family))
    url = reverse("family_plans:ask_review", kwargs={"plan_id": plan.pk})
    assert client.post(url, {"what_changed": ""}).status_code == 400
    assert client.post(url, {"what_changed": "Sam has started a new school."}).status_code == 302
    staff = signed_in_client(worker)
    page = staff.get(reverse("plans:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "The family asked for a review" in page
    assert "Sam has started a new school." in page
    listing = staff.get(reverse("plans:list")).content.decode()
    assert reverse("plans:plan", kwargs={"plan_id": plan.pk}) in listing


def test_a_review_sets_the_next_review_date_and_answers_requests(family, worker):
    plan = shared_plan_for(family)
    parent = family_user(family)
    services.review_ask(actor=actor_for(parent), plan=plan, what_changed="New school.")
    given = services.ReviewInput(
        reviewed_on=datetime.date(2027, 1, 10),
        what_changed="Sam now goes to the club twice a week.",
        family_view="It is working well.",
        next_review_on=datetime.date(2027, 7, 10),
    )
    review = services.review_record(actor=actor_for(worker), plan=plan, given=given)
    plan.refresh_from_db()
    assert plan.review_due_on == datetime.date(2027, 7, 10)
    assert not PlanReviewRequest.objects.filter(plan=plan, answered_by__isnull=True).exists()
    assert review.requests.count() == 1


def test_a_review_date_before_the_review_is_refused(family, worker):
    plan = shared_plan_for(family)
    client = signed_in_client(worker)
    url = reverse("plans:review_new", kwargs={"plan_id": plan.pk})
    response = client.post(
        url,
        {
            "reviewed_on_0": "10",
            "reviewed_on_1": "1",
            "reviewed_on_2": "2027",
            "what_changed": "Kept text",
            "family_view": "Their view",
            "next_review_on_0": "1",
            "next_review_on_1": "1",
            "next_review_on_2": "2027",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The next review date must be after the date of this review" in page
    assert "Kept text" in page


def test_a_draft_cannot_be_reviewed(family, worker):
    plan = draft_plan_for(family)
    given = services.ReviewInput(
        reviewed_on=datetime.date(2027, 1, 10),
        what_changed="x",
        family_view="y",
        next_review_on=datetime.date(2027, 7, 10),
    )
    with pytest.raises(IllegalMove):
        services.review_record(actor=actor_for(worker), plan=plan, given=given)
