"""A named worker and the clocks after the assessment, in the browser on a desktop and on a
phone, axe on every page: a manager allocates a worker from My work, the family sees their
worker and what happens next; the council administrator sets the targets; a practitioner
records when support started, and the manager sees what is overdue on each clock."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.plans.models import PlanStatus
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory
from tests.plans.factories import draft_plan_for, written_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOTH = ["visitor", "phone_visitor"]


def _sign_out(visitor) -> None:
    menu = visitor.page.get_by_role("button", name="Menu")
    if menu.is_visible():  # on a phone the service navigation is folded away
        menu.click()
    visitor.page.get_by_role("button", name="Sign out").click()
    visitor.check()


def _click(visitor, role: str, name: str) -> None:
    visitor.page.get_by_role(role, name=name).click()  # type: ignore[arg-type]
    visitor.check()


@pytest.mark.parametrize("who", BOTH)
def test_a_manager_allocates_a_worker_and_the_family_sees_them(request, who, council):
    visitor = request.getfixturevalue(who)
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")
    worker = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel", email="sam@t.test")
    worker.membership.job_title = "Social worker"
    worker.membership.work_phone = "01632 960 123"
    worker.membership.save()
    family = family_with_everyone(council, allocated_worker=None, name="Osei family")
    child = family.children.get()
    support_request = SupportRequestFactory(
        child=child, received_at=timezone.now() - datetime.timedelta(days=7)
    )
    parent = family_user(family, full_name="Ama Osei")
    page = visitor.page

    sign_in(visitor, manager)
    visitor.goto("/staff/my-work/")
    _click(visitor, "link", f"Allocate a worker for {child.first_name}'s request")
    assert "does not have a named worker yet" in page.content()
    _click(visitor, "link", "Allocate a worker")
    _click(visitor, "button", "Save the worker")  # nobody chosen: the error summary
    assert page.get_by_role("alert").is_visible()
    assert "Select the person who will be the family" in page.content()
    page.get_by_label("Who will be the family's worker?").select_option(
        label="Sam Patel (Social worker)"
    )
    _click(visitor, "button", "Save the worker")
    assert "Sam Patel is the Osei family's worker" in page.content()
    _click(visitor, "link", "See everything that happened, in order")
    assert "Worker allocated: Sam Patel (Social worker)" in page.content()
    visitor.goto("/staff/my-work/")
    assert "Allocate a worker for" not in page.content()
    _sign_out(visitor)

    sign_in(visitor, parent)
    content = page.content()
    assert "You do not have a named worker yet" not in content
    assert "Sam Patel" in content
    assert "01632 960 123" in content
    visitor.goto(f"/family/requests/{support_request.pk}/")
    assert "Worker allocated: Sam Patel (Social worker)" in page.content()


@pytest.mark.parametrize("who", BOTH)
def test_targets_support_started_and_overdue_per_clock(request, who, council):
    visitor = request.getfixturevalue(who)
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    worker = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    manager = staff_user(council, Role.TEAM_MANAGER)
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    plan = written_plan(draft_plan_for(family))
    plan.status = PlanStatus.AGREED
    plan.shared_at = plan.responded_at = timezone.now() - datetime.timedelta(days=60)
    plan.save(update_fields=["status", "shared_at", "responded_at"])
    first = plan.child.first_name
    parent = family_user(family)
    page = visitor.page

    sign_in(visitor, admin)
    _click(visitor, "link", "Council settings")
    field = page.get_by_label("Working days from an agreed plan to each service starting")
    field.fill("0")
    _click(visitor, "button", "Save the targets")
    assert page.get_by_role("alert").is_visible()
    assert "must be 1 or more" in page.content()
    page.get_by_label("Working days from an agreed plan to each service starting").fill("15")
    _click(visitor, "button", "Save the targets")
    assert "The targets are saved." in page.content()
    _click(visitor, "link", "Back to people who use the service")
    # The visually hidden words count as their own block: a space may come before them.
    page.get_by_role("link", name=re.compile(r"^Sam Patel\s*: roles, team and account$")).click()
    visitor.check()
    page.get_by_role("link", name=re.compile(r"^Change\s*job title and work phone$")).click()
    visitor.check()
    page.get_by_label("Work phone number").fill("call me")
    _click(visitor, "button", "Save")
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Job title").fill("Family support worker")
    page.get_by_label("Work phone number").fill("01632 960 777")
    _click(visitor, "button", "Save")
    assert "Sam Patel's details are saved." in page.content()
    _sign_out(visitor)

    sign_in(visitor, parent)
    assert "01632 960 777" in page.content()
    assert "Family support worker" in page.content()
    assert "What happens next and when" in page.content()
    assert f"Short breaks in the day for {first} should start by" in page.content()
    assert "later than the council" in page.content()
    _sign_out(visitor)

    sign_in(visitor, manager)
    visitor.goto("/staff/team/")
    assert "Service starting" in page.content()
    _sign_out(visitor)

    sign_in(visitor, worker)
    visitor.goto("/staff/my-work/")
    _click(visitor, "link", f"Short breaks in the day for {first}: record when it started")
    _click(visitor, "link", "Record when a service started")
    _click(visitor, "button", "Save when it started")  # nothing chosen: the error summary
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Short breaks in the day, Riverside Saturday Club").check()
    today = timezone.localdate()
    page.get_by_role("textbox", name="Day").fill(str(today.day))
    page.get_by_role("textbox", name="Month").fill(str(today.month))
    page.get_by_role("textbox", name="Year").fill(str(today.year))
    _click(visitor, "button", "Save when it started")
    assert "Saved: Short breaks in the day started." in page.content()
    assert "Support started on" in page.content()
    visitor.goto("/staff/my-work/")
    assert "record when it started" not in page.content()
