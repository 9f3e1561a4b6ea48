"""Clocks after the assessment (issue 18, point 6): council-set working-day targets from
authorisation to the eligibility decision, from the decision to a shared plan, and from an agreed
plan to each service starting; shown on My work, counted on the Team page, and told to the
family as "what happens next and when"."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.kernel.due import long_date
from supportfirst.pathway.models import PathwayEvent
from supportfirst.plans.due import service_due
from supportfirst.plans.models import PlanStatus
from supportfirst.rules import workdays
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.eligibility.factories import authorised_assessment, decision_for
from tests.families.factories import family_with_everyone
from tests.plans.factories import PlannedServiceFactory, draft_plan_for, written_plan


@pytest.fixture
def family(ashvale, worker):
    return family_with_everyone(ashvale, allocated_worker=worker)


def _authorised_days_ago(assessment, days: int):
    assessment.authorised_at = timezone.now() - datetime.timedelta(days=days)
    assessment.save(update_fields=["authorised_at"])
    return assessment


def _agreed_plan(family, *, agreed_days_ago: int = 0):
    plan = written_plan(draft_plan_for(family))
    plan.status = PlanStatus.AGREED
    plan.shared_at = plan.responded_at = timezone.now() - datetime.timedelta(days=agreed_days_ago)
    plan.save(update_fields=["status", "shared_at", "responded_at"])
    return plan


def _page(user, url: str) -> str:
    response = signed_in_client(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


# The clock from authorisation to the eligibility decision


def test_an_authorised_assessment_starts_the_decision_clock(family, worker):
    assessment = authorised_assessment(family)
    first = assessment.child.first_name
    due = workdays.add_working_days(timezone.localdate(), family.council.decision_working_days)
    page = _page(worker, "/staff/my-work/")
    assert f"Eligibility decision for {first}" in page
    assert due.strftime("%-d %B %Y") in page
    assert "working days left" in page


def test_the_decision_clock_goes_overdue_on_the_councils_target(family, worker, ashvale):
    _authorised_days_ago(authorised_assessment(family), 30)
    assert "working days overdue" in _page(worker, "/staff/my-work/")
    ashvale.decision_working_days = 100
    ashvale.save()
    page = _page(worker, "/staff/my-work/")
    assert "Eligibility decision for" in page
    assert "working days overdue" not in page


def test_a_confirmed_decision_stops_the_decision_clock_and_starts_the_plan_clock(family, worker):
    decision = decision_for(family, confirm=True, practitioner=worker)
    first = decision.assessment.child.first_name
    page = _page(worker, "/staff/my-work/")
    assert f"Eligibility decision for {first}" not in page
    assert f"Share {first}&#x27;s support plan with the family" in page
    assert f"/staff/eligibility/{decision.pk}/" in page


def test_a_decision_waiting_for_confirmation_keeps_the_decision_clock(family, worker):
    decision = decision_for(family, confirm=False, practitioner=worker)
    page = _page(worker, "/staff/my-work/")
    assert f"Eligibility decision for {decision.assessment.child.first_name}" in page
    assert "support plan with the family" not in page


def test_sharing_the_plan_stops_the_plan_clock(family, worker):
    decision = decision_for(family, confirm=True, practitioner=worker)
    plan = written_plan(draft_plan_for(family))
    plan.request = decision.assessment.request
    plan.status = PlanStatus.SHARED
    plan.shared_at = timezone.now()
    plan.save()
    assert "support plan with the family" not in _page(worker, "/staff/my-work/")


# The clock from an agreed plan to each service starting


def test_each_service_in_an_agreed_plan_has_a_clock(family, worker):
    plan = _agreed_plan(family)
    PlannedServiceFactory(plan=plan, name="Help at bedtime", start_on=datetime.date(2020, 1, 1))
    page = _page(worker, "/staff/my-work/")
    assert "Short breaks in the day for" in page
    assert "Help at bedtime for" in page
    assert "record when it started" in page


def test_the_service_clock_is_the_later_of_the_target_and_the_planned_start():
    agreed = datetime.date(2027, 3, 1)
    assert service_due(agreed, 20, datetime.date(2027, 3, 2)) == workdays.add_working_days(
        agreed, 20
    )
    assert service_due(agreed, 20, datetime.date(2027, 9, 1)) == datetime.date(2027, 9, 1)


def test_recording_support_started_stops_the_clock(family, worker):
    plan = _agreed_plan(family)
    service = plan.services.get()
    today = timezone.localdate()
    client = signed_in_client(worker)
    response = client.post(
        f"/staff/plans/{plan.pk}/started/",
        {
            "service": service.pk,
            "started_on_0": today.day,
            "started_on_1": today.month,
            "started_on_2": today.year,
        },
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.started_on == today
    assert service.started_recorded_by == worker
    assert PathwayEvent.objects.filter(move="service_started", actor=worker).exists()
    assert "record when it started" not in _page(worker, "/staff/my-work/")
    assert "Support started on" in _page(worker, f"/staff/plans/{plan.pk}/")


def test_support_cannot_start_in_the_future(family, worker):
    plan = _agreed_plan(family)
    service = plan.services.get()
    later = timezone.localdate() + datetime.timedelta(days=10)
    response = signed_in_client(worker).post(
        f"/staff/plans/{plan.pk}/started/",
        {
            "service": service.pk,
            "started_on_0": later.day,
            "started_on_1": later.month,
            "started_on_2": later.year,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "cannot be in the future" in page
    assert f'value="{later.year}"' in page
    service.refresh_from_db()
    assert service.started_on is None


def test_support_started_needs_a_date(family, worker):
    plan = _agreed_plan(family)
    response = signed_in_client(worker).post(f"/staff/plans/{plan.pk}/started/", {})
    assert response.status_code == 400
    assert "Select the service that started" in response.content.decode()


# The Team page and the family


def test_the_team_page_counts_overdue_per_clock(family, ashvale, worker):
    _authorised_days_ago(authorised_assessment(family), 30)
    _agreed_plan(family, agreed_days_ago=60)
    manager = staff_user(ashvale, Role.TEAM_MANAGER)
    page = _page(manager, "/staff/team/")
    counts = dict(
        re.findall(
            r'<dt class="govuk-summary-list__key">([^<]+)</dt>\s*'
            r'<dd class="govuk-summary-list__value">(\d+) overdue</dd>',
            page[page.index('id="overdue-per-clock"') :],
        )
    )
    # The assessment authorised 30 days ago is overdue; the plan's own was authorised today.
    assert counts["Eligibility decision"] == "1"
    assert counts["Service starting"] == "1"
    assert counts["Support plan shared"] == "0"


def test_the_family_is_told_what_happens_next_and_when(family):
    assessment = authorised_assessment(family)
    first = assessment.child.first_name
    due = workdays.add_working_days(timezone.localdate(), family.council.decision_working_days)
    page = _page(family_user(family), "/family/")
    assert "What happens next and when" in page
    assert (
        f"We will decide which of {first}&#x27;s needs the council will meet, and tell you why, "
        f"by {long_date(due)}." in page
    )
    assert "later than the council" not in page


def test_the_family_is_told_plainly_when_it_is_late(family):
    _authorised_days_ago(authorised_assessment(family), 30)
    page = _page(family_user(family), "/family/")
    assert "This is later than the council&#x27;s own target" in page
    assert "make a complaint" in page


def test_the_family_is_told_when_each_service_should_start(family):
    plan = _agreed_plan(family)
    page = _page(family_user(family), "/family/")
    assert f"Short breaks in the day for {plan.child.first_name} should start by" in page


def test_nothing_to_wait_for_says_nothing(ashvale):
    other = family_with_everyone(ashvale)
    assert "What happens next and when" not in _page(family_user(other), "/family/")


def test_another_familys_clocks_are_never_shown(family, ashvale):
    authorised_assessment(family)
    other = family_with_everyone(ashvale)
    assert "What happens next and when" not in _page(family_user(other), "/family/")


# Query counts


def _queries(client, url: str, shows: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode()
    return len(captured)


def _add_clocks(ashvale, worker, count: int) -> None:
    for _ in range(count):
        extra = family_with_everyone(ashvale, allocated_worker=worker)
        authorised_assessment(extra, needs=())
        _agreed_plan(extra)


def test_my_work_queries_stay_flat_as_the_new_clocks_grow(ashvale, worker):
    client = signed_in_client(worker)
    _add_clocks(ashvale, worker, 2)
    small = _queries(client, "/staff/my-work/", "record when it started")
    _add_clocks(ashvale, worker, 8)
    assert _queries(client, "/staff/my-work/", "record when it started") == small


def test_a_young_person_is_told_only_about_their_own_support(family):
    from tests.families.factories import ChildFactory

    brother = ChildFactory(family=family, first_name="Kofi")
    authorised_assessment(family)  # for the family's first child
    own = family_user(family, child=brother)
    assert "What happens next and when" not in _page(own, "/family/")
    first = family_user(family, child=family.children.order_by("pk").first())
    assert "What happens next and when" in _page(first, "/family/")
