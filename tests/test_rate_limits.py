"""Rate limits: per client address and per target address on the public ask form, "email me a
link", password reset, sign-in and the API; a GOV.UK page or a 429 problem; behind a proxy the
address the trusted proxy saw."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from supportfirst.api.auth import token_create
from supportfirst.kernel import ratelimit
from tests.asking.journey import answer_everything, url

# Emails go on the task queue after commit; here they are queued (and sent) at once.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sent_at_once")]

LIMITS = {
    "sign_in_address": "3/900",
    "password_reset_address": "4/3600",
    "password_reset_target": "2/3600",
    "email_link_address": "4/3600",
    "email_link_target": "2/3600",
    "ask_address": "3/3600",
    "ask_target": "1/86400",
    "protocol_audit_address": "2/3600",
    "api_address": "3/60",
    "api_token": "5/60",
}


@pytest.fixture(autouse=True)
def _small_limits(settings):
    settings.RATE_LIMITS = LIMITS


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def _too_many(response) -> None:
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_sign_in_spraying_across_usernames_from_one_address_is_paused(practitioner):
    client = _from("203.0.113.5")
    for n in range(3):
        response = client.post("/sign-in/", {"username": f"someone{n}", "password": "wrong"})
        assert response.status_code == 200
    _too_many(client.post("/sign-in/", {"username": practitioner.username, "password": "x"}))
    # Another address is not paused.
    other = _from("203.0.113.6")
    assert other.post("/sign-in/", {"username": "a", "password": "b"}).status_code == 200


def test_sign_ins_that_work_are_not_counted(practitioner):
    """A council office signs in from one address all morning."""
    from tests.accounts.factories import PASSWORD

    client = _from("203.0.113.7")
    for _ in range(5):
        response = client.post(
            "/sign-in/", {"username": practitioner.username, "password": PASSWORD}
        )
        assert response.status_code == 302
        client.post("/sign-out/")


def test_password_reset_is_limited_per_email_address_across_addresses(practitioner):
    email = practitioner.email
    for n in range(2):
        response = _from(f"198.51.100.{n}").post("/password-reset/", {"email": email})
        assert response.status_code == 302
    assert len(mail.outbox) == 2
    _too_many(_from("198.51.100.9").post("/password-reset/", {"email": email.upper()}))
    assert len(mail.outbox) == 2


def test_password_reset_is_limited_per_client_address(db):
    client = _from("198.51.100.20")
    for n in range(4):
        assert client.post("/password-reset/", {"email": f"p{n}@example.test"}).status_code == 302
    _too_many(client.post("/password-reset/", {"email": "new@example.test"}))


def _draft_client(council, address: str) -> Client:
    client = _from(address)
    client.post(url("help_wanted", council), {"help_wanted": "Bedtime help", "then": "save"})
    return client


def test_email_me_a_link_is_limited_per_target_address(council):
    for n in range(2):
        client = _draft_client(council, f"192.0.2.{n}")
        response = client.post(url("save", council), {"email": "victim@example.test"})
        assert response.status_code == 302
    client = _draft_client(council, "192.0.2.50")
    _too_many(client.post(url("save", council), {"email": "victim@example.test"}))
    assert len(mail.outbox) == 2


def test_email_me_a_link_is_limited_per_client_address(council):
    client = _draft_client(council, "192.0.2.77")
    for n in range(4):
        response = client.post(url("save", council), {"email": f"p{n}@example.test"})
        assert response.status_code in (200, 302)
    _too_many(client.post(url("save", council), {"email": "another@example.test"}))


def test_the_public_ask_form_is_limited_per_target_address(council):
    first = _from("192.0.2.100")
    answer_everything(first, council)
    assert first.post(url("check", council))["Location"] == url("sent", council)
    second = _from("192.0.2.101")
    answer_everything(second, council)  # the same email address
    _too_many(second.post(url("check", council)))


def test_the_public_ask_form_is_limited_per_client_address(council, settings):
    settings.RATE_LIMITS = {**LIMITS, "ask_target": "100/86400"}
    client = _from("192.0.2.200")
    for _ in range(3):
        answer_everything(client, council)
        assert client.post(url("check", council)).status_code == 302
    answer_everything(client, council)
    _too_many(client.post(url("check", council)))


def test_the_public_protocol_audit_is_limited_per_client_address(db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _from("203.0.113.9")
    for _ in range(2):
        upload = SimpleUploadedFile("p.txt", b"We do not routinely look at bedrooms. " * 3)
        assert client.post("/protocol-audit/", {"documents": [upload]}).status_code == 200
    upload = SimpleUploadedFile("p.txt", b"We do not routinely look at bedrooms. " * 3)
    response = client.post("/protocol-audit/", {"documents": [upload]})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert _from("203.0.113.10").get("/protocol-audit/").status_code == 200


def test_the_api_answers_429_problem_json_per_address(practitioner):
    token = token_create(user=practitioner, name="Mosaic")
    client = Client(REMOTE_ADDR="203.0.113.40", HTTP_AUTHORIZATION=f"Bearer {token}")
    for _ in range(3):
        assert client.get("/api/v1/requests/999999").status_code == 404
    response = client.get("/api/v1/requests/999999")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 429
    assert int(response["Retry-After"]) > 0


def test_the_api_is_limited_per_token_across_addresses(practitioner):
    token = token_create(user=practitioner, name="Mosaic")
    for n in range(5):
        client = Client(REMOTE_ADDR=f"203.0.113.{n}", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert client.get("/api/v1/requests/999999").status_code == 404
    client = Client(REMOTE_ADDR="203.0.113.99", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get("/api/v1/requests/999999").status_code == 429


def _request(remote: str, forwarded: str = ""):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@override_settings(TRUSTED_PROXIES=0)
def test_without_trusted_proxies_the_forwarded_header_is_ignored():
    assert ratelimit.client_address(_request("10.0.0.1", "1.2.3.4")) == "10.0.0.1"


@override_settings(TRUSTED_PROXIES=1)
def test_with_one_trusted_proxy_the_address_it_saw_is_used_not_what_the_client_claims():
    # The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the real address 1.2.3.4.
    assert ratelimit.client_address(_request("10.0.0.1", "6.6.6.6, 1.2.3.4")) == "1.2.3.4"


@override_settings(TRUSTED_PROXIES=2)
def test_with_two_trusted_proxies_the_outer_proxys_view_is_used():
    assert ratelimit.client_address(_request("10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.1")) == (
        "1.2.3.4"
    )
    # Fewer entries than proxies: the header did not come through them, so it is not trusted.
    assert ratelimit.client_address(_request("10.0.0.2", "1.2.3.4")) == "10.0.0.2"


def test_behind_a_proxy_spraying_is_counted_per_client_not_per_proxy(practitioner, settings):
    settings.TRUSTED_PROXIES = 1
    for n in range(3):
        client = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        assert client.post("/sign-in/", {"username": "x", "password": "y"}).status_code == 200
    sprayer = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.66")
    for _ in range(3):
        sprayer.post("/sign-in/", {"username": "x", "password": "y"})
    _too_many(sprayer.post("/sign-in/", {"username": "x", "password": "y"}))


def test_a_limit_reads_count_and_seconds():
    assert ratelimit.Limit.parse("10/3600") == ratelimit.Limit(10, 3600)
    with pytest.raises(ValueError, match="count"):
        ratelimit.Limit.parse("0/60")
