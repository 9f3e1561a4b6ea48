"""A new account's username, carried to the sign-in page so it is already filled in."""

from __future__ import annotations

from django.http import HttpRequest

_KEY = "new_account_username"


def offer_username(request: HttpRequest, username: str) -> None:
    """Remember the username just made, for the sign-in page this browser opens next."""
    request.session[_KEY] = username


def offered_username(request: HttpRequest) -> str:
    return str(request.session.get(_KEY, ""))
