"""The council administrator sets the council's working-day targets for the clocks after an
assessment (issue 18, point 6); everyone else is refused, and bad input is explained."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import (
    DEFAULT_DECISION_WORKING_DAYS,
    DEFAULT_PLAN_WORKING_DAYS,
    DEFAULT_SERVICE_START_WORKING_DAYS,
    Council,
    Role,
)
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client

URL = "/staff/council-settings/"


@pytest.fixture
def admin(council):
    return staff_user(council, Role.COUNCIL_ADMIN)


def test_a_new_council_has_sensible_defaults(council):
    assert (
        council.decision_working_days,
        council.plan_working_days,
        council.service_start_working_days,
    ) == (
        DEFAULT_DECISION_WORKING_DAYS,
        DEFAULT_PLAN_WORKING_DAYS,
        DEFAULT_SERVICE_START_WORKING_DAYS,
    )
    assert (DEFAULT_DECISION_WORKING_DAYS, DEFAULT_PLAN_WORKING_DAYS) == (10, 20)


def test_the_administrator_sees_the_targets(admin):
    response = signed_in_client(admin).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Targets after an assessment is authorised" in page
    assert f'value="{DEFAULT_DECISION_WORKING_DAYS}"' in page
    assert "Council settings" in signed_in_client(admin).get("/staff/").content.decode()


def test_the_administrator_changes_the_targets(admin, council):
    response = signed_in_client(admin).post(
        URL,
        {
            "decision_working_days": "15",
            "plan_working_days": "25",
            "service_start_working_days": "30",
        },
    )
    assert response.status_code == 302
    council.refresh_from_db()
    assert (
        council.decision_working_days,
        council.plan_working_days,
        council.service_start_working_days,
    ) == (15, 25, 30)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the number of working days to the eligibility decision"),
        ("ten", "Enter the working days to the eligibility decision as a whole number"),
        ("0", "The working days to the eligibility decision must be 1 or more"),
        ("999", "The working days to the eligibility decision must be 250 or fewer"),
    ],
)
def test_bad_input_is_explained_and_kept(admin, council, typed, message):
    response = signed_in_client(admin).post(
        URL,
        {
            "decision_working_days": typed,
            "plan_working_days": "21",
            "service_start_working_days": "9",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert 'value="21"' in page
    council.refresh_from_db()
    assert council.decision_working_days == DEFAULT_DECISION_WORKING_DAYS


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.FORUM_MEMBER])
def test_only_the_administrator_may_change_them(council, role):
    response = signed_in_client(staff_user(council, role)).post(
        URL,
        {"decision_working_days": "1", "plan_working_days": "1", "service_start_working_days": "1"},
    )
    assert response.status_code == 403
    assert Council.objects.get(pk=council.pk).decision_working_days == DEFAULT_DECISION_WORKING_DAYS


def test_one_councils_administrator_changes_only_their_own(admin, other_council):
    signed_in_client(admin).post(
        URL,
        {"decision_working_days": "2", "plan_working_days": "2", "service_start_working_days": "2"},
    )
    other_council.refresh_from_db()
    assert other_council.decision_working_days == DEFAULT_DECISION_WORKING_DAYS


# How families reach a member of staff


def test_the_administrator_records_a_work_phone_the_family_then_sees(admin, council):
    from tests.accounts.factories import family_user
    from tests.families.factories import family_with_everyone

    worker = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    client = signed_in_client(admin)
    assert f"/staff/people/{worker.pk}/" in client.get("/staff/").content.decode()
    response = client.post(
        f"/staff/people/{worker.pk}/", {"job_title": "Social worker", "work_phone": "01632 960 123"}
    )
    assert response.status_code == 302
    family = family_with_everyone(council, allocated_worker=worker)
    page = signed_in_client(family_user(family)).get("/family/").content.decode()
    assert "Social worker" in page
    assert "01632 960 123" in page


def test_a_phone_number_that_is_not_one_is_explained_and_kept(admin, council):
    worker = staff_user(council, Role.PRACTITIONER)
    response = signed_in_client(admin).post(
        f"/staff/people/{worker.pk}/", {"job_title": "Social worker", "work_phone": "call me"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a phone number using digits" in page
    assert 'value="call me"' in page
    worker.membership.refresh_from_db()
    assert worker.membership.work_phone == ""


def test_another_councils_staff_are_not_found(admin, other_council):
    stranger = staff_user(other_council, Role.PRACTITIONER)
    assert signed_in_client(admin).get(f"/staff/people/{stranger.pk}/").status_code == 404


def test_a_family_account_is_not_staff(admin, council):
    from tests.accounts.factories import family_user
    from tests.families.factories import family_with_everyone

    parent = family_user(family_with_everyone(council))
    assert signed_in_client(admin).get(f"/staff/people/{parent.pk}/").status_code == 404
