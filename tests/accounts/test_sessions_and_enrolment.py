"""Issue 14 point 8: the session key changes once the second factor is given; a new member of
staff links an authenticator app only through their emailed set-up link, never with a password
alone; nothing personal is kept by a browser's or a proxy's cache."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.accounts.test_sign_in import code_for, sign_in


def _code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def test_the_session_key_changes_after_the_second_factor(practitioner):
    client = Client()
    sign_in(client, practitioner.username)
    before = client.session.session_key
    response = client.post("/sign-in/code/", {"code": code_for(practitioner), "next": "/staff/"})
    assert response.status_code == 302
    after = client.session.session_key
    assert after != before
    # The old key opens nothing.
    stale = Client()
    stale.cookies["sessionid"] = before
    assert stale.get("/staff/").status_code == 302
    assert client.get("/staff/").status_code == 200


def test_a_password_alone_cannot_link_an_authenticator_app(council):
    newcomer = staff_user(council, Role.PRACTITIONER, with_device=False)
    client = Client()
    response = sign_in(client, newcomer.username)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Use the link we emailed you to set up your authenticator app" in page
    assert "data:image/svg+xml" not in page
    # No secret is made, and posting a guess links nothing.
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert client.post("/sign-in/set-up-authenticator/", {"code": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert client.get("/staff/").status_code == 302


def _set_password_from_link(client: Client, link: str) -> None:
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "a long new password 4821"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302


def test_the_emailed_set_up_link_lets_that_browser_link_an_app(sent_at_once, council):
    newcomer = staff_user(council, Role.TEAM_MANAGER, with_device=False)
    client = Client()
    client.post("/password-reset/", {"email": newcomer.email})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    _set_password_from_link(client, link)
    response = sign_in(client, newcomer.username, "a long new password 4821")
    assert response.redirect_chain[-1][0].startswith("/sign-in/set-up-authenticator/")
    assert "data:image/svg+xml;base64," in response.content.decode()
    before = client.session.session_key
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    response = client.post("/sign-in/set-up-authenticator/", {"code": _code(device)}, follow=True)
    assert "Your authenticator app is set up" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert client.session.session_key != before
    assert "second_factor_enrolment_for" not in client.session


def test_another_browser_with_the_password_still_cannot_link_an_app(sent_at_once, council):
    newcomer = staff_user(council, Role.TEAM_MANAGER, with_device=False)
    owner = Client()
    owner.post("/password-reset/", {"email": newcomer.email})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    _set_password_from_link(owner, link)
    thief = Client()
    response = sign_in(thief, newcomer.username, "a long new password 4821")
    assert response.status_code == 403
    assert not TOTPDevice.objects.filter(user=newcomer, confirmed=True).exists()


def test_the_cli_prints_a_one_time_set_up_link(council, capsys):
    newcomer = staff_user(council, Role.PRACTITIONER, with_device=False, username="new.worker")
    call_command("staff_setup_link", "new.worker", "--site", "https://support.example.test/")
    out = capsys.readouterr().out
    link = re.search(r"https://support\.example\.test(/password-reset/\S+/)", out).group(1)
    client = Client()
    _set_password_from_link(client, link)
    assert client.session["second_factor_enrolment_for"] == newcomer.pk


@pytest.mark.parametrize("path", ["/staff/", "/home/"])
def test_signed_in_staff_pages_are_not_stored(practitioner, path):
    from tests.conftest import signed_in_client

    response = signed_in_client(practitioner).get(path, follow=True)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_family_pages_are_not_stored(family):
    parent = family_user(family)
    client = Client()
    client.force_login(parent)
    response = client.get("/family/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_pages_may_be_cached(db):
    response = Client().get("/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_api_answers_are_not_stored(practitioner):
    from supportfirst.api.auth import token_create

    token = token_create(user=practitioner, name="Mosaic")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/requests/999999")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
