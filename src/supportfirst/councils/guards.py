"""Guards about who is making a move, written once and used by every record type's moves.

Each function makes a guard with the message people see for that record: the rule is the same
("is a team manager", "is not the person who made it"), the words say what is being done.
"""

from __future__ import annotations

from typing import Any

from supportfirst.councils.models import MANAGER_ROLES
from supportfirst.kernel.workflow import Guard


def is_a_team_manager(actor: Any) -> bool:
    """The person is a team manager in their council, or its head of service (the second
    approver a council with one team manager names)."""
    membership = getattr(actor, "membership", None)
    if membership is None:
        return False
    roles = getattr(membership, "roles", None) or {membership.role}
    return bool(set(roles) & MANAGER_ROLES)


def _named(guard: Guard, name: str, message: str) -> Guard:
    guard.__name__ = guard.__qualname__ = name
    guard.__doc__ = message
    return guard


def team_manager_only(name: str, message: str) -> Guard:
    """A guard that passes only when a team manager (or the head of service) makes the move."""

    def guard(record: Any, actor: Any, context: dict[str, Any]) -> bool:
        return is_a_team_manager(actor)

    return _named(guard, name, message)


def not_the_person_who(field: str, name: str, message: str) -> Guard:
    """A guard that passes only when the person making the move is not the one named in the
    record's `field` (who proposed it, made it or wrote it): a second pair of eyes."""

    def guard(record: Any, actor: Any, context: dict[str, Any]) -> bool:
        return bool(getattr(record, f"{field}_id") != actor.pk)

    return _named(guard, name, message)
