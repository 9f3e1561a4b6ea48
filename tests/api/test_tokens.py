"""API tokens have an expiry and a scope (read only, or read and move), and a council
administrator makes, lists and revokes them in the service; the CLI does the same."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from supportfirst.api.auth import token_create
from supportfirst.api.models import ApiToken
from supportfirst.cli import main
from supportfirst.councils.models import Role
from supportfirst.pathway.models import RequestStatus
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory


@pytest.fixture
def support_request(family):
    return SupportRequestFactory(child=family.children.first())


def _client(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _move(client: Client, support_request):
    return client.post(
        f"/api/v1/requests/{support_request.pk}/moves",
        json.dumps({"move": "decide_support"}),
        content_type="application/json",
    )


def test_a_read_only_token_reads_but_cannot_move(practitioner, support_request):
    client = _client(token_create(user=practitioner, name="Warehouse", scope="read"))
    assert client.get(f"/api/v1/requests/{support_request.pk}").status_code == 200
    response = _move(client, support_request)
    assert response.status_code == 403
    assert response.json()["title"] == "This token can only read"
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.AWAITING_DECISION


def test_a_read_and_move_token_moves(practitioner, support_request):
    client = _client(token_create(user=practitioner, name="Mosaic", scope="read_and_move"))
    assert _move(client, support_request).status_code == 200


def test_a_token_is_read_only_and_expires_in_90_days_unless_asked(practitioner):
    token_create(user=practitioner, name="Mosaic")
    made = ApiToken.objects.get()
    assert made.scope == "read"
    assert abs(made.expires_at - (timezone.now() + timedelta(days=90))) < timedelta(minutes=1)


def test_an_expired_token_is_a_401(practitioner, support_request):
    token = token_create(user=practitioner, name="Mosaic", days=1)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _client(token).get(f"/api/v1/requests/{support_request.pk}")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


@pytest.mark.parametrize("days", [0, 366])
def test_a_token_must_expire_within_a_year(practitioner, days):
    with pytest.raises(ValueError, match="365"):
        token_create(user=practitioner, name="Mosaic", days=days)


def test_a_council_administrator_makes_a_token_and_sees_it_once(council, practitioner):
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    client = signed_in_client(admin)
    assert "API tokens" in client.get("/staff/api-tokens/").content.decode()
    page = client.get("/staff/api-tokens/new/").content.decode()
    assert practitioner.username in page
    assert admin.username not in page  # only casework accounts may have tokens
    response = client.post(
        "/staff/api-tokens/new/",
        {"name": "Mosaic", "account": practitioner.pk, "scope": "read", "days": "30"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Copy the token now" in page
    made = ApiToken.objects.get()
    assert (made.user, made.scope, made.created_by) == (practitioner, "read", admin)
    assert abs(made.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    token = page.split('class="sf-secret">')[1].split("<")[0]
    assert token.startswith(made.prefix)
    listing = client.get("/staff/api-tokens/").content.decode()
    assert "Mosaic" in listing
    assert "Read only" in listing
    assert token not in listing


def test_the_form_explains_what_is_missing(council):
    client = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    response = client.post("/staff/api-tokens/new/", {"name": "Mosaic"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select the staff account the token acts as" in page
    assert "Select what the system can do with the token" in page
    assert 'value="Mosaic"' in page
    assert not ApiToken.objects.exists()


def test_an_account_of_another_council_cannot_be_chosen(council, other_council):
    elsewhere = staff_user(other_council, Role.PRACTITIONER)
    client = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    response = client.post(
        "/staff/api-tokens/new/",
        {"name": "x", "account": elsewhere.pk, "scope": "read", "days": "30"},
    )
    assert response.status_code == 400
    assert "Select a staff account from the list" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_council_administrator_revokes_a_token(council, practitioner, support_request):
    token = token_create(user=practitioner, name="Mosaic")
    made = ApiToken.objects.get()
    client = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    response = client.post(f"/staff/api-tokens/{made.pk}/revoke/", follow=True)
    assert "The token for Mosaic no longer works" in response.content.decode()
    assert "Revoked" in response.content.decode()
    assert _client(token).get(f"/api/v1/requests/{support_request.pk}").status_code == 401


def test_only_council_administrators_manage_tokens(practitioner):
    assert signed_in_client(practitioner).get("/staff/api-tokens/").status_code == 403


def test_the_cli_makes_lists_and_revokes_scoped_expiring_tokens(practitioner, capsys, monkeypatch):
    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    argv = ["api", "token", "create", practitioner.username, "--name", "Mosaic"]
    assert main([*argv, "--scope", "read_and_move", "--expires", "30"]) == 0
    capsys.readouterr()
    made = ApiToken.objects.get()
    assert made.scope == "read_and_move"
    assert abs(made.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    assert main(["api", "token", "list"]) == 0
    listing = capsys.readouterr().out
    assert made.prefix in listing
    assert "Active" in listing
    assert main(["api", "token", "revoke", str(made.pk)]) == 0
    made.refresh_from_db()
    assert made.revoked_at is not None
    assert main([*argv, "--expires", "400"]) == 2
    assert "365" in capsys.readouterr().err
