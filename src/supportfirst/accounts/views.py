"""Sign-in, the staff second factor, sign-out and password reset."""

from __future__ import annotations

import base64
import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.forms import CodeForm, NewPasswordForm, ResetRequestForm, SignInForm
from supportfirst.accounts.new_account import offered_username
from supportfirst.kernel.formsupport import submitted


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_initial(self) -> dict[str, Any]:
        """A person who has just set up their account finds their username filled in."""
        initial = super().get_initial()
        username = offered_username(self.request)
        if username:
            initial["username"] = username
        return initial


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path on this site ("9999" or "home" would be read as the name of a URL).
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return target
    return str(reverse_lazy("pages:home"))


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of signing in for staff: the code from their authenticator app."""
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next_url(request))
    form = CodeForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            # A new session key once the second factor is given: a key seen before it (on a
            # shared computer, say) is worth nothing after.
            request.session.cycle_key()
            return redirect(_next_url(request))
        form.add_error(
            "code",
            "That code did not work. Codes change every 30 seconds: enter the one showing now",
        )
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


def _qr_data_uri(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


# Set in the session by the emailed set-up link (the password link): only a browser that came
# through it may link an authenticator app to the account, never a password alone.
ENROLMENT_KEY = "second_factor_enrolment_for"


def _may_enrol(request: HttpRequest) -> bool:
    return bool(request.session.get(ENROLMENT_KEY) == request.user.pk)


@require_http_methods(["GET", "POST"])
def set_up_authenticator(request: HttpRequest) -> HttpResponse:
    """Staff without an authenticator app link one: scan the code, then type a code from the app.
    Only straight after setting their password from the emailed link, in the same browser."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:verify")
    if not _may_enrol(request):
        return render(request, "accounts/set_up_needs_link.html", status=403)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = CodeForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session.pop(ENROLMENT_KEY, None)
            request.session.cycle_key()
            messages.success(request, "Your authenticator app is set up.")
            return redirect(_next_url(request))
        form.add_error("code", "That code did not work. Enter the code showing in the app now")
    context: dict[str, Any] = {
        "form": form,
        "qr": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode("ascii"),
        "next": _next_url(request),
    }
    return render(request, "accounts/set_up_authenticator.html", context)


class SetPasswordFromLinkView(auth_views.PasswordResetConfirmView):
    """The emailed link: set a password. For staff with no authenticator app yet (someone new,
    or whose app was reset), it is also what lets this browser set one up after signing in."""

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.user
        if (
            user.needs_second_factor
            and not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        ):
            self.request.session[ENROLMENT_KEY] = user.pk
        return response


@login_not_required
def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html")


sign_out = auth_views.LogoutView.as_view()

password_reset = login_not_required(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=ResetRequestForm,
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_sent"),
    )
)
password_reset_sent = login_not_required(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html")
)
password_reset_confirm = login_not_required(
    SetPasswordFromLinkView.as_view(
        template_name="accounts/password_reset_confirm.html",
        form_class=NewPasswordForm,
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = login_not_required(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
sign_in = login_not_required(SignInView.as_view())


@require_POST
def stay_signed_in(request: HttpRequest) -> HttpResponse:
    """The "Stay signed in" button of the warning shown before an idle session ends. Any request
    renews the session; the page's script asks for no page back, a plain form goes back."""
    if request.headers.get("X-Stay-Signed-In") == "fetch":
        return HttpResponse(status=204)
    return redirect(_next_url(request))
