"""Sharing a plan with the family runs the wording check over the staff text in the plan and
needs a real reason per distinct flagged phrase."""

from __future__ import annotations

import re

import pytest

from supportfirst.notifications.models import Notification
from supportfirst.plans.models import PlanStatus
from supportfirst.wording.models import WordingReason
from tests.conftest import signed_in_client
from tests.plans.factories import PlannedServiceFactory, draft_plan_for, written_plan

REASON = "The provider's own name for the service, which the family chose."


@pytest.fixture
def plan(family, practitioner, emailed):
    family.allocated_worker = practitioner
    family.save()
    return written_plan(draft_plan_for(family))


def share_url(plan):
    return f"/staff/plans/{plan.pk}/share/"


def reason_fields(html: str) -> list[str]:
    return re.findall(r'name="(reason_[0-9a-f_]+)"', html)


def flag(plan):
    PlannedServiceFactory(
        plan=plan,
        code="",
        name="Short breaks because Mum is not coping",
        legal_basis="Children Act 1989, section 17",
        not_met_reason="The family is chaotic in the holidays.",
    )


def test_flagged_words_without_reasons_do_not_reach_the_family(practitioner, plan):
    flag(plan)
    client = signed_in_client(practitioner)
    page = client.get(f"/staff/plans/{plan.pk}/").content.decode()
    assert "Words to check before the family reads this" in page
    # "not coping" and "chaotic" need reasons; "section 17" in the law staff wrote does not.
    assert len(reason_fields(page)) == 2
    response = client.post(share_url(plan), {})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-summary' in html
    assert "Give a reason for keeping “not coping”" in html
    assert "Give a reason for keeping “chaotic”" in html
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert not Notification.objects.exists()


def test_x_is_not_a_reason(practitioner, plan):
    flag(plan)
    client = signed_in_client(practitioner)
    fields = reason_fields(client.get(f"/staff/plans/{plan.pk}/").content.decode())
    response = client.post(share_url(plan), {name: "x" for name in fields})
    assert response.status_code == 400
    assert "is too short" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_with_real_reasons_it_goes_and_the_reasons_are_kept(practitioner, plan):
    flag(plan)
    client = signed_in_client(practitioner)
    fields = reason_fields(client.get(f"/staff/plans/{plan.pk}/").content.decode())
    response = client.post(share_url(plan), {name: REASON for name in fields})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    assert Notification.objects.get().event == "plan_ready"
    kept = WordingReason.objects.filter(record_type="plans.supportplan", record_id=plan.pk)
    assert sorted(r.words for r in kept) == ["chaotic", "not coping"]
    assert {r.reason for r in kept} == {REASON}
    page = client.get(f"/staff/plans/{plan.pk}/").content.decode()
    assert "Reasons for keeping words" in page
    assert REASON in page.replace("&#x27;", "'")


def test_clean_text_goes_with_one_click(practitioner, plan):
    client = signed_in_client(practitioner)
    assert reason_fields(client.get(f"/staff/plans/{plan.pk}/").content.decode()) == []
    response = client.post(share_url(plan), {})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    assert not WordingReason.objects.exists()


def test_what_changed_in_a_review_needs_a_real_reason_for_flagged_words(practitioner, family):
    from django.utils import timezone

    from tests.plans.factories import shared_plan_for

    plan = shared_plan_for(family)
    client = signed_in_client(practitioner)
    today = timezone.localdate()
    later = today.replace(year=today.year + 1)
    review = {
        "reviewed_on_0": str(today.day),
        "reviewed_on_1": str(today.month),
        "reviewed_on_2": str(today.year),
        "what_changed": "Sam goes to the club twice a week; Mum is not coping at weekends.",
        "family_view": "It is working well.",
        "next_review_on_0": str(later.day),
        "next_review_on_1": str(later.month),
        "next_review_on_2": str(later.year),
    }
    url = f"/staff/plans/{plan.pk}/reviews/new/"
    response = client.post(url, review)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give a reason for keeping “not coping”" in html
    assert "Words to check before the family reads this" in html
    fields = reason_fields(html)
    assert client.post(url, {**review, **dict.fromkeys(fields, "x")}).status_code == 400
    assert (
        not plan.reviews.exclude(what_changed__startswith="")
        .filter(what_changed__contains="twice")
        .exists()
    )
    assert client.post(url, {**review, **dict.fromkeys(fields, REASON)}).status_code == 302
    kept = WordingReason.objects.get(record_type="plans.supportplan", record_id=plan.pk)
    assert (kept.words, kept.field) == ("not coping", "what has changed, in a review")
    page = client.get(f"/staff/plans/{plan.pk}/").content.decode()
    assert "Reasons for keeping words" in page


def test_the_reason_for_a_charge_and_for_no_direct_payment_are_checked(practitioner, plan):
    plan.charge_reason = "Charged because the family is chaotic with money."
    plan.save(update_fields=["charge_reason"])
    service = plan.services.first()
    service.dp_reason = "Dad is not coping with paperwork."
    service.save(update_fields=["dp_reason"])
    page = signed_in_client(practitioner).get(f"/staff/plans/{plan.pk}/").content.decode()
    assert "“chaotic” in the reason for the charge" in page
    assert "cannot be a direct payment" in page
    assert len(reason_fields(page)) == 2
    response = signed_in_client(practitioner).post(share_url(plan), {})
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
