"""Bearer-token authentication and RFC 9457 problem details for the JSON API."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from supportfirst.api.body import BadBody
from supportfirst.api.models import DEFAULT_DAYS, LONGEST_DAYS, ApiToken, Scope, token_hash
from supportfirst.councils.models import CASEWORK_ROLES
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel import councilwall, ratelimit


def problem(status: int, title: str, detail: str = "", **extra: Any) -> JsonResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/problem+json"
    return response


def token_create(
    *,
    user: Any,
    name: str,
    scope: str = Scope.READ,
    days: int = DEFAULT_DAYS,
    created_by: Any = None,
) -> str:
    """Make a token for a staff account and return it. It is shown once and never stored."""
    membership = getattr(user, "membership", None)
    if membership is None or not membership.holds_any(CASEWORK_ROLES):
        raise ValueError(
            "API tokens are only for staff accounts that do casework "
            "(practitioners and team managers)."
        )
    if scope not in Scope.values:
        raise ValueError(f"The scope must be one of: {', '.join(Scope.values)}.")
    if not 1 <= days <= LONGEST_DAYS:
        raise ValueError(f"A token must expire in between 1 and {LONGEST_DAYS} days.")
    token = "sf_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=token_hash(token),
        prefix=token[:8],
        scope=scope,
        expires_at=timezone.now() + timedelta(days=days),
        created_by=created_by,
    )
    return token


def _token(request: HttpRequest) -> ApiToken | None:
    """The live token the request carries: not revoked, not expired, its account active."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    token = (
        ApiToken.objects.select_related("user__membership")
        .filter(
            key_hash=token_hash(header.removeprefix("Bearer ").strip()),
            revoked_at=None,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


def api_view(
    methods: set[str], roles: frozenset[str], *, moves: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Token required; the token's account must hold one of `roles`; a view that `moves` a
    record on needs a token with the "read and move" scope; errors are problems."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            refusal = ratelimit.hit_all(
                [
                    ("api_address", ratelimit.client_address(request)),
                    ("api_token", request.headers.get("Authorization", "")),
                ]
            )
            if refusal is not None:
                response = problem(
                    429,
                    "Too many requests",
                    f"Too many requests from this address or with this token. Try again in "
                    f"{refusal.retry_after} seconds.",
                )
                response["Retry-After"] = str(refusal.retry_after)
                return response
            token = _token(request)
            if token is None:
                response = problem(
                    401,
                    "Sign-in needed",
                    "Send a valid API token as: Authorization: Bearer TOKEN. A token that has "
                    "expired or been revoked no longer works: ask your council administrator "
                    "for a new one.",
                )
                response["WWW-Authenticate"] = 'Bearer realm="supportfirst"'
                return response
            if request.method not in methods:
                response = problem(405, "Method not allowed", f"Use {', '.join(sorted(methods))}.")
                response["Allow"] = ", ".join(sorted(methods))
                return response
            if moves and not token.can_move:
                return problem(
                    403,
                    "This token can only read",
                    "Moving a request on needs a token with the scope read_and_move.",
                )
            user = token.user
            try:
                scope = scope_for(user)
            except PermissionDenied:
                return problem(403, "No role", "This token's account has no role in a council.")
            if not scope.holds_any(roles):
                return problem(403, "Not part of this account's role")
            request.user = user
            request.scope = scope  # type: ignore[attr-defined]
            # The token's council, for the second wall (kernel/councilwall.py).
            councilwall.enter_council(scope.council_id)
            try:
                return view(request, *args, **kwargs)
            except Http404:
                return problem(
                    404, "Not found", "There is no such record, or it is not one you can see."
                )
            except BadBody as error:
                return problem(error.status, error.title, error.detail)

        wrapped.allowed_roles = roles  # type: ignore[attr-defined]
        wrapped.is_api = True  # type: ignore[attr-defined]
        return login_not_required(csrf_exempt(wrapped))

    return decorator
