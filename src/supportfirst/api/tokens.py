"""Listing, making and revoking API tokens, for a council administrator (pages) and for whoever
runs the service (`supportfirst api token ...`). A council's tokens are those of its staff."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.api.auth import token_create
from supportfirst.api.models import ApiToken
from supportfirst.councils.models import CASEWORK_ROLES, holding_any


def tokens_in_council(*, council_id: int) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user__membership__council_id=council_id).select_related(
        "user", "created_by"
    )


def accounts_that_may_have_tokens(*, council_id: int) -> QuerySet[User]:
    return User.objects.filter(
        holding_any(CASEWORK_ROLES, via="membership__"),
        is_active=True,
        membership__council_id=council_id,
    ).order_by("full_name", "username")


def describe(user: Any) -> str:
    return f"{user} ({user.username}, {user.membership.get_role_display().lower()})"


def token_create_for_council(
    *, user: Any, name: str, scope: str, days: int, created_by: Any
) -> str:
    return token_create(user=user, name=name, scope=scope, days=days, created_by=created_by)


def token_revoke(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
