"""The single scoping layer: every query of case data goes through a Scope.

A Scope is made from the signed-in user's membership. Case-data models use
`ScopedQuerySet`, whose `visible_to(scope)` limits rows to the scope's council and,
for family roles, to the scope's own family. Views never filter case data by hand:
they call a selector, which calls `visible_to` (or `get_visible_or_404`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from supportfirst.councils.models import CASEWORK_ROLES, FAMILY_ROLES, STAFF_ROLES, Role

if TYPE_CHECKING:
    from supportfirst.accounts.models import User


@dataclass(frozen=True)
class Scope:
    """What a signed-in person may see: one council, and for family roles one family."""

    user_id: int
    council_id: int
    role: str
    family_id: int | None = None
    child_id: int | None = None
    other_roles: frozenset[str] = frozenset()
    """Staff roles held beside the main `role` (a practitioner who is also a team manager)."""

    @property
    def roles(self) -> frozenset[str]:
        return frozenset({self.role, *self.other_roles})

    def holds_any(self, roles: frozenset[str] | set[str]) -> bool:
        """Whether any of the person's roles is one of `roles`: every permission check."""
        return bool(self.roles & set(roles))

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_family(self) -> bool:
        return self.role in FAMILY_ROLES

    @property
    def does_casework(self) -> bool:
        return self.holds_any(CASEWORK_ROLES)

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


def scope_for(user: User) -> Scope:
    """The scope of a signed-in user. Someone with no role in any council sees nothing. A closed
    account has no scope either, whatever session it still holds."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    if membership is None or not user.is_active:
        raise PermissionDenied("You do not have a role in a council.")
    return Scope(
        user_id=user.pk,
        council_id=membership.council_id,
        role=membership.role,
        family_id=membership.family_id,
        child_id=membership.child_id,
        other_roles=membership.roles - {membership.role},
    )


class ScopedQuerySet(models.QuerySet):
    """A queryset for case data. Models using it set `council_lookup` and `family_lookup`.

    Practitioners and team managers see their council's rows; family members and young
    people see their own family's rows; every other role sees none.
    """

    def visible_to(self, scope: Scope) -> Self:
        council_lookup: str = self.model.council_lookup
        family_lookup: str = self.model.family_lookup
        rows = self.filter(**{council_lookup: scope.council_id})
        if scope.is_family:
            return rows.filter(**{family_lookup: scope.family_id})
        if scope.does_casework:
            return rows
        # Forum members and council administrators never read families' records.
        return rows.none()


M = TypeVar("M", bound=models.Model)


def get_visible_or_404(queryset: models.QuerySet[M], scope: Scope, **lookup: Any) -> M:
    """One object the scope may see, or 404 (never 403: we do not confirm that it exists)."""
    rows = queryset.visible_to(scope)  # type: ignore[attr-defined]
    try:
        obj: M = rows.get(**lookup)
    except (rows.model.DoesNotExist, ValueError) as exc:
        raise Http404("No such record.") from exc
    return obj
