"""The JSON API: bearer tokens, the same services as the pages, problem details for errors."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from supportfirst.api.auth import token_create
from supportfirst.api.models import ApiToken
from supportfirst.audit.models import AccessEvent
from supportfirst.pathway.models import RequestStatus
from tests.accounts.factories import family_user
from tests.pathway.factories import SupportRequestFactory


@pytest.fixture
def api(practitioner):
    token = token_create(user=practitioner, name="Mosaic", scope="read_and_move")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def support_request(family):
    return SupportRequestFactory(child=family.children.first())


def _move(api, request_id, body):
    return api.post(
        f"/api/v1/requests/{request_id}/moves", json.dumps(body), content_type="application/json"
    )


def test_a_request_is_read_and_logged(api, support_request, practitioner):
    response = api.get(f"/api/v1/requests/{support_request.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "awaiting_decision"
    assert body["moves_allowed"] == ["decide_support", "decide_information"]
    event = AccessEvent.objects.get()
    assert (event.actor_id, event.record_type) == (practitioner.pk, "pathway.supportrequest")


def test_a_move_is_made_and_an_illegal_one_is_a_409(api, support_request):
    response = _move(api, support_request.pk, {"move": "decide_support"})
    assert response.status_code == 200
    assert response.json()["status"] == RequestStatus.SUPPORT_PATHWAY
    again = _move(api, support_request.pk, {"move": "decide_information", "information_given": "x"})
    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"
    assert "already" in again.json()["detail"]


def test_a_refused_move_is_a_422_with_the_reasons(api, support_request):
    response = _move(api, support_request.pk, {"move": "decide_information"})
    assert response.status_code == 422
    assert "information and advice" in response.json()["detail"]


def test_bad_input_is_a_400_problem(api, support_request):
    assert _move(api, support_request.pk, {"move": "approve"}).status_code == 400
    bad = api.post(
        f"/api/v1/requests/{support_request.pk}/moves", "{not json", content_type="application/json"
    )
    assert bad.status_code == 400
    assert bad.json()["title"] == "The body is not valid JSON"


def test_no_token_or_a_revoked_token_is_a_401(support_request, practitioner):
    assert Client().get(f"/api/v1/requests/{support_request.pk}").status_code == 401
    token = token_create(user=practitioner, name="Old system")
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get(f"/api/v1/requests/{support_request.pk}").status_code == 401


def test_only_a_hash_of_the_token_is_kept(practitioner):
    token = token_create(user=practitioner, name="Warehouse")
    stored = ApiToken.objects.get()
    assert token not in (stored.key_hash, stored.prefix)
    assert token.startswith(stored.prefix)


def test_family_accounts_cannot_have_tokens(family):
    with pytest.raises(ValueError, match="only for staff"):
        token_create(user=family_user(family), name="x")


def test_the_openapi_document_describes_the_moves(db):
    document = Client().get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    responses = document["paths"]["/api/v1/requests/{request_id}/moves"]["post"]["responses"]
    assert "409" in responses


def test_the_cli_makes_a_token_for_staff_only(practitioner, family, capsys, monkeypatch):
    from supportfirst.cli import main

    monkeypatch.setenv("SUPPORTFIRST_TESTING", "1")
    assert main(["api", "token", "create", practitioner.username, "--name", "Mosaic"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/openapi.json")
    assert response.status_code == 200
    parent = family_user(family)
    assert main(["api", "token", "create", parent.username, "--name", "x"]) == 2
    assert main(["api", "token", "create", "nobody", "--name", "x"]) == 2


def test_information_only_without_the_familys_agreement_is_a_422(api, support_request):
    response = _move(
        api, support_request.pk, {"move": "decide_information", "information_given": "A leaflet"}
    )
    assert response.status_code == 422
    assert "family's agreement" in response.json()["detail"]


def test_information_only_with_the_familys_agreement_is_made(api, support_request):
    response = _move(
        api,
        support_request.pk,
        {
            "move": "decide_information",
            "information_given": "A leaflet about holiday clubs.",
            "agreed_by": "Claire Hughes",
            "agreed_on": "2026-03-02",
            "agreed_how": "On the phone",
        },
    )
    assert response.status_code == 200
    assert response.json()["status"] == RequestStatus.INFORMATION_GIVEN
