"""The API tokens pages in the isolation matrix: a token of a practitioner in the family's
council."""

from __future__ import annotations

from supportfirst.families.models import Family


def _token_id(family: Family) -> int:
    from supportfirst.api.models import ApiToken
    from supportfirst.councils.models import Role
    from tests.accounts.factories import staff_user

    token = ApiToken.objects.filter(user__membership__council=family.council).first()
    if token is None:
        from supportfirst.api.auth import token_create

        token_create(user=staff_user(family.council, Role.PRACTITIONER), name="Matrix system")
        token = ApiToken.objects.filter(user__membership__council=family.council).get()
    return token.pk


OBJECT_IDS = {"token_id": _token_id}
