"""Signing people in and out in the browser, shared by every browser test."""

from __future__ import annotations

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import PASSWORD


def code_for(user) -> str:
    """The code the person's authenticator app would show now. A test may sign the same person
    in twice within one 30-second step; django-otp rightly refuses a code used before, so the
    device forgets the last code used (as if the next step had come)."""
    TOTPDevice.objects.filter(user=user, confirmed=True).update(last_t=-1)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def fill_sign_in(visitor, username: str) -> None:
    """Type the username and password on the sign-in page the browser is showing, and send."""
    page = visitor.page
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")


def sign_in(visitor, user) -> None:
    """From the sign-in page to the person's home page: the code too, for staff."""
    visitor.goto("/sign-in/")
    fill_sign_in(visitor, user.username)
    visitor.check()
    if user.needs_second_factor:
        visitor.page.get_by_label("Code from your authenticator app").fill(code_for(user))
        visitor.page.get_by_role("button", name="Continue").click()
        visitor.check()


def sign_out(visitor) -> None:
    visitor.page.get_by_role("button", name="Sign out").click()
    visitor.check()
