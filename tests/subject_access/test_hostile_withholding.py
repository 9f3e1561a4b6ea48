"""The withholding page never answers 500 (issue 14 point 7): the family's own details (the
family record itself) can be chosen and marked, and a made-up or hostile record or mark id is a
plain refusal."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from supportfirst.subject_access.models import Withholding
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client

REASON = "It is about another person who has not agreed to us sharing it."


def test_the_familys_own_details_can_be_chosen_and_marked(alpha, council):
    client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    url = f"/staff/families/{alpha.family.pk}/withholding/"
    value = f"families.family:{alpha.family.pk}"
    assert value in client.get(url).content.decode()
    chosen = client.get(url, {"record": value})
    assert chosen.status_code == 200
    assert "What should be held back?" in chosen.content.decode()
    saved = client.post(url, {"record": value, "field_name": "whole-record", "reason": REASON})
    assert saved.status_code == 302
    mark = Withholding.objects.get(family=alpha.family)
    assert (mark.object_id, mark.field_name) == (alpha.family.pk, "")


def test_another_familys_details_are_not_found_from_this_familys_page(alpha, bravo, council):
    client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    url = f"/staff/families/{alpha.family.pk}/withholding/"
    response = client.get(url, {"record": f"families.family:{bravo.family.pk}"})
    assert response.status_code == 400
    assert "Choose one of this family" in response.content.decode()


@pytest.mark.parametrize(
    "value",
    [
        "families.family:" + "9" * 40,
        "pathway.contact:\u00b2",
        "pathway.contact:\u0663",
        "pathway.contact:-1",
        "pathway.contact:\x00",
        "\x00:\x00",
        ":",
    ],
)
def test_a_hostile_record_is_a_plain_400(alpha, council, value):
    client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    url = f"/staff/families/{alpha.family.pk}/withholding/"
    response = client.get(url, {"record": value})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    posted = client.post(url, {"record": value, "field_name": "whole-record", "reason": REASON})
    assert posted.status_code == 400
    assert not Withholding.objects.exists()


@pytest.mark.parametrize("mark", ["\u00b2", "9" * 40, "\x00", "-5"])
def test_a_hostile_mark_to_take_off_is_ignored(alpha, council, mark):
    client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    url = f"/staff/families/{alpha.family.pk}/withholding/"
    response = client.post(url, {"remove": mark})
    assert response.status_code == 302
    assert response["Location"] == url
