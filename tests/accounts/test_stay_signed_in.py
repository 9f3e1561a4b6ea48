"""The "Stay signed in" button: it renews the session, with or without JavaScript."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client


def test_the_warning_is_on_signed_in_pages_only(client, council):
    assert b"sf-session-warning" not in client.get("/").content
    worker_client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    page = worker_client.get("/staff/my-work/").content.decode()
    assert 'data-module="sf-session-warning"' in page
    assert 'data-idle-seconds="1800"' in page
    assert 'data-warning-seconds="120"' in page


def test_script_asks_for_no_page_and_the_session_is_renewed(council):
    worker_client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    before = worker_client.session.get_expiry_date()
    response = worker_client.post("/stay-signed-in/", HTTP_X_STAY_SIGNED_IN="fetch")
    assert response.status_code == 204
    assert worker_client.session.get_expiry_date() >= before


def test_without_javascript_the_button_goes_back_to_the_page(council):
    worker_client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    response = worker_client.post("/stay-signed-in/", {"next": "/staff/my-work/"})
    assert response.status_code == 302
    assert response["Location"] == "/staff/my-work/"
    away = worker_client.post("/stay-signed-in/", {"next": "https://elsewhere.example/"})
    assert away["Location"] != "https://elsewhere.example/"


# On PostgreSQL every request sets its database role and council on an open connection (the
# second wall, kernel/councilwall.py), so the request needs the database even signed out.
@pytest.mark.django_db
def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.post("/stay-signed-in/", HTTP_X_STAY_SIGNED_IN="fetch")
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_only_a_post_renews(council):
    worker_client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    assert worker_client.get("/stay-signed-in/").status_code == 405  # and nothing renewed


def test_opening_a_button_address_gets_a_page_saying_so(council):
    worker_client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    response = worker_client.get("/stay-signed-in/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "This page is a button, not a link" in response.content.decode()
