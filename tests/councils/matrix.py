"""The councils' entries in the isolation matrix: a member of staff, by their user id, for the
council administrator's page of how families reach them."""

from __future__ import annotations

from supportfirst.councils.models import Membership, Role
from supportfirst.families.models import Family


def _person_id(family: Family) -> int:
    from tests.accounts.factories import staff_user

    found = (
        Membership.objects.filter(council=family.council, role=Role.PRACTITIONER)
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )
    return found or staff_user(family.council, Role.PRACTITIONER).pk


OBJECT_IDS = {"person_id": _person_id}
