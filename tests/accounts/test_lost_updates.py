"""No lost updates on the people pages: two administrators open the same person's roles (or
contact details), the first saves, the second gets the conflict page and the first is kept."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Membership, Role
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.lost_updates import second_save

pytestmark = pytest.mark.django_db


def _admins(council):
    return (
        signed_in_client(staff_user(council, Role.COUNCIL_ADMIN, full_name="Ada Admin")),
        signed_in_client(staff_user(council, Role.COUNCIL_ADMIN, full_name="Bea Admin")),
    )


def test_a_second_save_of_a_persons_roles_does_not_overwrite_the_first(council):
    person = staff_user(council, Role.PRACTITIONER)
    page = second_save(
        *_admins(council),
        f"/staff/people/{person.pk}/roles/",
        {"roles": ["practitioner", "team_manager"], "team": ""},
        {"roles": ["practitioner", "council_admin"], "team": ""},
    )
    assert "Ada Admin saved it" in page
    assert Membership.objects.get(user=person).roles == {Role.PRACTITIONER, Role.TEAM_MANAGER}


def test_a_second_save_of_a_persons_contact_details_does_not_overwrite_the_first(council):
    person = staff_user(council, Role.PRACTITIONER)
    page = second_save(
        *_admins(council),
        f"/staff/people/{person.pk}/",
        {"job_title": "Social worker", "work_phone": "01632 960001"},
        {"job_title": "Family support worker", "work_phone": "01632 960001"},
    )
    assert "Social worker" in page
    assert "Family support worker" in page
    assert Membership.objects.get(user=person).job_title == "Social worker"
