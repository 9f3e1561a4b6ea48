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
