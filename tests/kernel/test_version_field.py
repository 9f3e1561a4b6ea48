"""A version the form did not send as a plain number (changed by hand, a broken browser
extension) is not an empty error summary the person cannot act on: it is treated as a version
we cannot vouch for, so they get the conflict page with what is saved now and a form at the
current version, which saves when sent again (kernel/versioning.py)."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Membership, Role
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.lost_updates import CONFLICT_TEXT, opened_at

pytestmark = pytest.mark.usefixtures("sent_at_once")


@pytest.mark.parametrize(
    "version", ["-1", "99999999999999999999999999", "abc", "1e3", "\x00", "²", "1" * 400]
)
def test_a_version_that_is_not_a_plain_number_gets_the_conflict_page(council, version):
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    person = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    client = signed_in_client(admin)
    url = f"/staff/people/{person.pk}/roles/"
    current = opened_at(client, url)
    data = {"roles": ["practitioner", "team_manager"], "team": ""}

    response = client.post(url, {**data, "version": version})

    page = response.content.decode()
    assert response.status_code == 409
    assert CONFLICT_TEXT in page
    assert f'name="version" value="{current}"' in page
    assert Membership.objects.get(user=person).roles == {Role.PRACTITIONER}
    again = client.post(url, {**data, "version": current})
    assert again.status_code == 302
    assert Membership.objects.get(user=person).roles == {Role.PRACTITIONER, Role.TEAM_MANAGER}
