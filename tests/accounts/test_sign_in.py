"""Signing in: argon2 passwords, lockout, the staff second factor, sessions, sign-out, reset."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.councils.models import Role
from tests.accounts.factories import PASSWORD, family_user, staff_user


def code_for(user) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def sign_in(client: Client, username: str, password: str = PASSWORD, next_url: str = ""):
    return client.post(
        "/sign-in/", {"username": username, "password": password, "next": next_url}, follow=True
    )


def test_passwords_are_hashed_with_argon2(practitioner):
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    practitioner.set_password("a new long password 123")
    assert identify_hasher(practitioner.password).algorithm == "argon2"


def test_a_wrong_password_keeps_the_username_and_explains(practitioner):
    response = sign_in(Client(), practitioner.username, "wrong")
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter a correct username and password" in page
    assert f'value="{practitioner.username}"' in page
    assert "<title>Error: Sign in" in page


def test_an_empty_form_says_what_to_enter(db):
    page = Client().post("/sign-in/", {"username": "", "password": ""}).content.decode()
    assert "Enter your username" in page
    assert "Enter your password" in page


def test_repeated_failures_lock_the_account(practitioner):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, practitioner.username, "wrong")
    response = sign_in(client, practitioner.username, PASSWORD)
    assert response.status_code == 429
    assert "Signing in is paused for this account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_must_give_a_code_before_any_page(practitioner, family):
    client = Client()
    response = sign_in(client, practitioner.username, next_url=f"/staff/families/{family.pk}/")
    assert response.redirect_chain[-1][0].startswith("/sign-in/code/")
    assert client.get("/staff/").status_code == 302
    page = client.post("/sign-in/code/", {"code": "000000", "next": "/staff/"}).content.decode()
    assert "That code did not work" in page
    # After a wrong code django-otp waits a second before trying again; a person takes longer.
    TOTPDevice.objects.filter(user=practitioner).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    response = client.post(
        "/sign-in/code/",
        {"code": code_for(practitioner), "next": f"/staff/families/{family.pk}/"},
        follow=True,
    )
    assert response.request["PATH_INFO"] == f"/staff/families/{family.pk}/"
    assert response.status_code == 200


def test_a_code_page_refuses_to_send_people_to_another_site(practitioner):
    client = Client()
    sign_in(client, practitioner.username)
    response = client.post(
        "/sign-in/code/", {"code": code_for(practitioner), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/home/"


def test_staff_without_an_app_are_taken_to_set_one_up(council):
    """Where they are sent; how they link one (only through the emailed link) is in
    test_sessions_and_enrolment.py."""
    newcomer = staff_user(council, Role.TEAM_MANAGER, with_device=False)
    response = sign_in(Client(), newcomer.username)
    assert response.redirect_chain[-1][0].startswith("/sign-in/set-up-authenticator/")


def test_families_sign_in_with_a_password_only(family):
    parent = family_user(family)
    response = sign_in(Client(), parent.username)
    assert response.request["PATH_INFO"] == "/family/"
    assert family.name in response.content.decode()


def test_sessions_end_after_inactivity_and_cookies_are_protected():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_an_expired_session_goes_back_to_sign_in(family):
    parent = family_user(family)
    client = Client()
    sign_in(client, parent.username)
    session = client.session
    session.set_expiry(-1)
    session.save()
    response = client.get("/family/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_sign_out_ends_the_session(family):
    parent = family_user(family)
    client = Client()
    sign_in(client, parent.username)
    response = client.post("/sign-out/", follow=True)
    assert "You have signed out" in response.content.decode()
    assert client.get("/family/").status_code == 302


def test_password_reset_by_email(sent_at_once, family):
    parent = family_user(family)
    response = Client().post("/password-reset/", {"email": parent.email}, follow=True)
    assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    client = Client()
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new = "a brand new long password 42"
    done = client.post(
        form_page.request["PATH_INFO"],
        {"new_password1": new, "new_password2": new},
        follow=True,
    )
    assert "Your password has been changed" in done.content.decode()
    parent.refresh_from_db()
    assert parent.check_password(new)


def test_password_reset_says_the_same_for_unknown_addresses(sent_at_once, db):
    response = Client().post("/password-reset/", {"email": "nobody@example.test"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_a_bad_email_address_is_explained_and_kept(db):
    page = Client().post("/password-reset/", {"email": "not-an-email"}).content.decode()
    assert "Enter an email address in the correct format" in page
    assert 'value="not-an-email"' in page


@pytest.mark.parametrize(
    "role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.FORUM_MEMBER, Role.COUNCIL_ADMIN]
)
def test_every_staff_role_needs_a_second_factor(council, role):
    assert staff_user(council, role).needs_second_factor


def test_family_roles_need_no_second_factor(family):
    assert not family_user(family).needs_second_factor
