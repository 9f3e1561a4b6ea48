"""Staff must prove a second factor (an authenticator app code) before using any page."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user

# Pages a signed-in member of staff can reach before giving their code.
_OPEN_PATHS = ("accounts:verify", "accounts:set_up_authenticator", "accounts:sign_out")


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not user.needs_second_factor:
            return None
        if user.is_verified():  # type: ignore[attr-defined]  # added by django-otp's middleware
            return None
        if not getattr(view_func, "login_required", True):
            return None  # public pages stay public
        if request.resolver_match and request.resolver_match.view_name in _OPEN_PATHS:
            return None
        has_device = any(True for _ in devices_for_user(user, confirmed=True))
        target = "accounts:verify" if has_device else "accounts:set_up_authenticator"
        return redirect(f"{reverse(target)}?next={request.get_full_path()}")


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every page for someone signed in, every answer to an API
    token, and every download: a browser or proxy keeps no copy of a family's details."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = (
            (user is not None and user.is_authenticated)
            or "Authorization" in request.headers
            or response.get("Content-Disposition", "").startswith(("attachment", "inline"))
        )
        if personal:
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        return response
