"""No 500 from the API on any input (issue 14 point 7): every error is a problem-details JSON
4xx, whatever the body, its size, its type or the address."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from supportfirst.api.auth import token_create
from tests.pathway.factories import SupportRequestFactory

PROBLEM = "application/problem+json"


@pytest.fixture
def api(practitioner):
    token = token_create(user=practitioner, name="Mosaic", scope="read_and_move")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def support_request(family):
    return SupportRequestFactory(child=family.children.first())


def _post(api, request_id, body: str | bytes, content_type: str = "application/json"):
    return api.post(f"/api/v1/requests/{request_id}/moves", body, content_type=content_type)


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    return body


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("information_given", ["a list"]),
        ("information_given", {"an": "object"}),
        ("agreed_by", 12),
        ("agreed_how", True),
        ("agreed_on", None),
        ("move", ["decide_support"]),
    ],
)
def test_a_field_that_is_not_text_is_a_400_naming_it(api, support_request, field, value):
    body = {"move": "decide_information", "information_given": "Leaflets", field: value}
    problem = _problem(_post(api, support_request.pk, json.dumps(body)), 400)
    assert field in problem["detail"]


def test_deeply_nested_json_is_a_400(api, support_request):
    body = "[" * 100_000 + "]" * 100_000
    problem = _problem(_post(api, support_request.pk, body), 400)
    assert problem["title"] == "The body is not valid JSON"


def test_a_huge_integer_in_the_body_is_a_400(api, support_request):
    body = '{"move": "decide_support", "agreed_by": ' + "9" * 5000 + "}"
    problem = _problem(_post(api, support_request.pk, body), 400)
    assert problem["title"] == "The body is not valid JSON"


def test_a_huge_request_id_in_the_address_is_a_404(api):
    problem = _problem(api.get("/api/v1/requests/" + "9" * 30), 404)
    assert "no such record" in problem["detail"]
    _problem(_post(api, "9" * 30, '{"move": "decide_support"}'), 404)


def test_a_nul_character_is_a_400_saying_so(api, support_request):
    body = {"move": "decide_information", "information_given": "Leaf\x00lets"}
    problem = _problem(_post(api, support_request.pk, json.dumps(body)), 400)
    assert "NUL" in problem["detail"]
    assert "information_given" in problem["detail"]


def test_unknown_fields_are_a_400_naming_them(api, support_request):
    body = {"move": "decide_support", "colour": "blue"}
    problem = _problem(_post(api, support_request.pk, json.dumps(body)), 400)
    assert "colour" in problem["detail"]


def test_a_body_that_is_not_an_object_is_a_400(api, support_request):
    problem = _problem(_post(api, support_request.pk, "[1, 2]"), 400)
    assert "object" in problem["detail"]


def test_malformed_json_and_bad_utf8_are_a_400(api, support_request):
    _problem(_post(api, support_request.pk, "{not json"), 400)
    _problem(_post(api, support_request.pk, b'{"move": "\xff"}'), 400)


def test_the_wrong_content_type_is_a_415(api, support_request):
    problem = _problem(_post(api, support_request.pk, "move=decide_support", "text/plain"), 415)
    assert "application/json" in problem["detail"]


def test_an_oversized_body_is_a_413(api, support_request, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"move": "decide_information", "information_given": "x" * 5000})
    problem = _problem(_post(api, support_request.pk, body), 413)
    assert "too big" in problem["detail"]


def test_an_unknown_api_address_is_a_404_problem(api):
    problem = _problem(api.get("/api/v1/nothing-here"), 404)
    assert problem["title"] == "Not found"
    _problem(Client().get("/api/nothing"), 404)


def test_the_wrong_method_is_a_405_problem(api, support_request):
    response = api.delete(f"/api/v1/requests/{support_request.pk}")
    _problem(response, 405)
    assert response["Allow"] == "GET"
    openapi = Client().post("/api/v1/openapi.json")
    _problem(openapi, 405)


def test_the_openapi_document_lists_the_error_answers(db):
    document = Client().get("/api/v1/openapi.json").json()
    post = document["paths"]["/api/v1/requests/{request_id}/moves"]["post"]
    assert {"400", "413", "415"} <= set(post["responses"])
