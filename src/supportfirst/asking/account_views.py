"""The public page behind an invitation link: set a password and the account is made."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from supportfirst.accounts.new_account import offer_username
from supportfirst.asking import services
from supportfirst.asking.account_forms import SetPasswordForm
from supportfirst.kernel.formsupport import form_page, submitted


@login_not_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest, invite_token: str) -> HttpResponse:
    invitation = services.invitation_from_token(invite_token)
    if invitation is None:
        return redirect("asking:link_not_working")
    form = SetPasswordForm(submitted(request), candidate=services.account_candidate(invitation))
    return form_page(
        request,
        form,
        "asking/account.html",
        {"invitation": invitation, "username": services.account_username(invitation)},
        on_valid=lambda: services.invitation_accept(
            invitation=invitation, password=form.cleaned_data["password"]
        ),
        success=lambda user: _ready(request, user),
    )


def _ready(request: HttpRequest, user: Any) -> tuple[str, str]:
    offer_username(request, user.username)
    return (
        f"Your account is ready. Sign in with the username {user.username}",
        reverse("accounts:sign_in"),
    )
