"""My work and the Team page sort, page and count what is due in the database (issue 17 point
1): the same items, in the same order, as every app's `due_items` hook sorted in Python; and the
due dates stored when a clock starts follow the council's targets."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.councils.settings import clock_targets_save
from supportfirst.frontdoor.staff_work import due_items, due_rows
from supportfirst.rules import workdays
from tests.accounts.factories import staff_user
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.corrections.factories import CorrectionRequestFactory
from tests.eligibility.factories import authorised_assessment, decision_for
from tests.eligibility.test_clocks_after_assessment import _agreed_plan, _authorised_days_ago
from tests.families.factories import family_with_everyone
from tests.pathway.test_pages import _add_requests
from tests.plans.factories import PlannedServiceFactory
from tests.transition.factories import AdviceRequestFactory


def _world(council, worker):
    """A family with every clock running, some overdue, and a few families with requests."""
    family = family_with_everyone(council, allocated_worker=worker)
    _authorised_days_ago(authorised_assessment(family), 40)
    decision_for(family, confirm=True, practitioner=worker)
    plan = _agreed_plan(family, agreed_days_ago=60)
    PlannedServiceFactory(plan=plan, name="Help at bedtime", start_on=datetime.date(2020, 1, 1))
    PlannedServiceFactory(plan=plan, name="Swimming", start_on=timezone.localdate())
    complaint_for(family)
    CorrectionRequestFactory(family=family)
    child = family.children.first()
    AdviceRequestFactory(child=child, requested_on=timezone.localdate() - datetime.timedelta(50))
    AdviceRequestFactory(child=child, requested_on=timezone.localdate())
    _add_requests(council, worker, 5)
    return family


def _shown(items):
    return [(i.due, i.what, i.family, i.view_name, i.record_id, i.kind) for i in items]


def test_the_database_lists_what_the_hooks_list_in_the_same_order(ashvale, worker):
    _world(ashvale, worker)
    manager = staff_user(ashvale, Role.TEAM_MANAGER)
    today = timezone.localdate()
    for user, worker_id in ((worker, worker.pk), (manager, None), (manager, manager.pk)):
        scope = scope_for(user)
        python = due_items(scope=scope, worker_id=worker_id, today=today)
        rows = due_rows(scope=scope, worker_id=worker_id, today=today)
        database = rows.items(rows.ordered())
        assert len(python) > 5 or worker_id == manager.pk
        assert sorted(_shown(database)) == sorted(_shown(python))
        assert [(i.due, i.what) for i in database] == [(i.due, i.what) for i in python]
        assert rows.overdue_count() == sum(i.overdue for i in python)
        overdue = rows.items(rows.overdue_ordered())
        assert _shown(overdue) == _shown([i for i in database if i.overdue])


def test_a_new_target_moves_the_stored_due_dates(ashvale, worker):
    family = _world(ashvale, worker)
    targets = {"decision_working_days": 3, "plan_working_days": 4, "service_start_working_days": 5}
    clock_targets_save(council_id=ashvale.pk, targets=targets)
    assessment = family.assessments.filter(authorised_at__isnull=False).first()
    assessment.refresh_from_db()
    authorised_on = timezone.localdate(assessment.authorised_at)
    assert assessment.decision_due == workdays.add_working_days(authorised_on, 3)
    decision = family.eligibility_decisions.get()
    assert decision.plan_due == workdays.add_working_days(
        timezone.localdate(decision.confirmed_at), 4
    )
    scope = scope_for(worker)
    today = timezone.localdate()
    python = due_items(scope=scope, worker_id=worker.pk, today=today)
    rows = due_rows(scope=scope, worker_id=worker.pk, today=today)
    assert _shown(rows.items(rows.ordered())) == _shown(python)


def _queries(client, url: str, shows: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode()
    return len(captured)


def test_the_team_page_queries_stay_flat_as_overdue_work_grows(ashvale, worker):
    client = signed_in_client(staff_user(ashvale, Role.TEAM_MANAGER))
    _world(ashvale, worker)
    small = _queries(client, "/staff/team/", "Help at bedtime")
    _world(ashvale, worker)
    _add_requests(ashvale, worker, 200)
    assert _queries(client, "/staff/team/", "Help at bedtime") == small


def test_my_work_pages_and_counts_fifty_at_a_time(ashvale, worker):
    _world(ashvale, worker)
    _add_requests(ashvale, worker, 120)
    client = signed_in_client(worker)
    first = client.get("/staff/my-work/")
    assert first.status_code == 200
    total = len(due_items(scope=scope_for(worker), worker_id=worker.pk, today=timezone.localdate()))
    assert f"{total} things with a clock" in first.content.decode()
    small = _queries(client, "/staff/my-work/?page=2", "Bulk family")
    _add_requests(ashvale, worker, 300)
    assert _queries(client, "/staff/my-work/?page=2", "Bulk family") == small


def test_a_page_of_my_work_is_the_page_the_sorted_list_would_give(ashvale, worker):
    _world(ashvale, worker)
    _add_requests(ashvale, worker, 60)
    scope = scope_for(worker)
    today = timezone.localdate()
    python = due_items(scope=scope, worker_id=worker.pk, today=today)
    rows = due_rows(scope=scope, worker_id=worker.pk, today=today)
    last = -(-len(python) // 50)
    asked_for = (
        ("1", 1),
        ("2", 2),
        ("x", 1),
        (None, 1),
        ("99", last),
        ("0", last),
        ("-3", last),
        ("10000000000", last),
    )
    for asked, number in asked_for:
        page, overdue = rows.page(asked, 50)
        assert page.number == number
        assert page.paginator.count == len(python)
        assert overdue == sum(i.overdue for i in python) > 0
        start = (number - 1) * 50
        assert [(i.due, i.what) for i in page.object_list] == [
            (i.due, i.what) for i in python[start : start + 50]
        ]


def test_the_migrations_fill_the_due_dates_of_clocks_already_running(ashvale, worker):
    import importlib

    from django.apps import apps

    from supportfirst.assessments.models import Assessment
    from supportfirst.eligibility.models import EligibilityDecision
    from supportfirst.plans.models import PlannedService

    _world(ashvale, worker)
    stored = {
        Assessment: "decision_due",
        EligibilityDecision: "plan_due",
        PlannedService: "start_due",
    }
    before = {
        model: sorted(model.objects.values_list("pk", field)) for model, field in stored.items()
    }
    assert all(any(due for _, due in rows) for rows in before.values())
    for model, field in stored.items():
        model.objects.update(**{field: None})
    for name in (
        "supportfirst.assessments.migrations.0004_assessment_decision_due",
        "supportfirst.eligibility.migrations.0005_decision_plan_due",
        "supportfirst.plans.migrations.0006_service_start_due",
    ):
        importlib.import_module(name).fill(apps, None)
    after = {
        model: sorted(model.objects.values_list("pk", field)) for model, field in stored.items()
    }
    assert after == before


@pytest.mark.parametrize("asked", ["1", "2", "0", "x"])
def test_an_empty_list_is_one_empty_page(ashvale, asked):
    nobody = staff_user(ashvale, Role.PRACTITIONER)
    rows = due_rows(scope=scope_for(nobody), worker_id=nobody.pk, today=timezone.localdate())

    page, overdue = rows.page(asked, 50)

    assert (page.number, page.paginator.count, overdue, list(page.object_list)) == (1, 0, 0, [])
