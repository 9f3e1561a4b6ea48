"""The public page behind an invitation link: set a password and the account is made."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportfirst.asking import services
from supportfirst.asking.account_forms import SetPasswordForm
from supportfirst.kernel.formsupport import form_status, submitted


@login_not_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest, invite_token: str) -> HttpResponse:
    invitation = services.invitation_from_token(invite_token)
    if invitation is None:
        return redirect("asking:link_not_working")
    form = SetPasswordForm(submitted(request), candidate=services.account_candidate(invitation))
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation, password=form.cleaned_data["password"]
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, f"Your account is ready. Sign in with the username {user.username}"
            )
            return redirect("accounts:sign_in")
    context = {
        "form": form,
        "invitation": invitation,
        "username": services.account_username(invitation),
    }
    return render(request, "asking/account.html", context, status=form_status(form))
