from __future__ import annotations

from django.db.models import QuerySet

from supportfirst.accounts.models import User
from supportfirst.councils.models import STAFF_ROLES


def people_in_council(*, council_id: int) -> QuerySet[User]:
    """The council's staff accounts with their roles and teams, for the council administrator."""
    return (
        User.objects.filter(
            membership__council_id=council_id, membership__role__in=[r.value for r in STAFF_ROLES]
        )
        .select_related("membership", "membership__team")
        .prefetch_related("membership__extra_roles")
        .order_by("-is_active", "full_name", "username")
    )
