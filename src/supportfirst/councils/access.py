"""Who may use a page: every signed-in view declares the roles it serves.

`role_required` resolves the person's Scope once, puts it on `request.scope`, and refuses
(403) anyone whose role the page does not serve. Object lookups then go through the
scoping layer, so a record from another council or family is a 404.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from supportfirst.councils.models import (
    CASEWORK_ROLES,
    COMPLAINT_READERS,
    COMPLAINTS_ROLES,
    FAMILY_ROLES,
    MANAGER_ROLES,
    RETURNS_DETAILS_ROLES,
    RETURNS_ROLES,
    STAFF_ROLES,
    Role,
)
from supportfirst.councils.scoping import scope_for

View = Callable[..., HttpResponse]


def role_required(roles: Iterable[str]) -> Callable[[View], View]:
    allowed = frozenset(roles)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            scope = scope_for(request.user)  # type: ignore[arg-type]
            if not scope.holds_any(allowed):
                raise PermissionDenied("This page is not part of your role.")
            request.scope = scope  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapped.allowed_roles = allowed  # type: ignore[attr-defined]
        return wrapped

    return decorator


casework_required = role_required(CASEWORK_ROLES)
staff_required = role_required(STAFF_ROLES)
family_required = role_required(FAMILY_ROLES)
manager_required = role_required(MANAGER_ROLES)
council_admin_required = role_required({Role.COUNCIL_ADMIN})
forum_required = role_required({Role.FORUM_MEMBER})
complaint_readers_required = role_required(COMPLAINT_READERS)
complaints_manager_required = role_required(COMPLAINTS_ROLES)
returns_required = role_required(RETURNS_ROLES)
returns_details_required = role_required(RETURNS_DETAILS_ROLES)
