"""Public pages and error pages render in the GOV.UK style for anyone."""

import pytest
from django.test import Client

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Help for disabled children and their families"),
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice and cookies"),
        ("/sign-in/", "Sign in"),
        ("/password-reset/", "Reset your password"),
        ("/signed-out/", "You have signed out"),
    ],
)
def test_public_pages_need_no_sign_in(db, path, heading):
    response = Client().get(path)
    assert response.status_code == 200
    assert heading in response.content.decode()


def test_unknown_address_gets_a_govuk_404_page(db):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_pages_needing_sign_in_send_people_to_sign_in(db):
    response = Client().get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=/staff/")


def test_a_forged_form_gets_a_plain_english_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "that form could not be sent" in response.content.decode()


def test_wrong_role_gets_a_govuk_403_page(council):
    forum = staff_user(council, Role.FORUM_MEMBER)
    response = signed_in_client(forum).get("/family/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_a_server_error_gets_a_govuk_500_page_without_the_database():
    from django.test import RequestFactory

    from supportfirst.pages.views import server_error
    from tests.page_quality import assert_page_quality

    page = server_error(RequestFactory().get("/"))
    assert page.status_code == 500
    html = page.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert_page_quality(html, where="500 page")


def test_every_page_has_a_request_id(db):
    response = Client().get("/")
    assert len(response["X-Request-ID"]) >= 8


def test_pages_carry_a_content_security_policy_with_a_fresh_nonce(db):
    first, second = Client().get("/"), Client().get("/")
    policy = first["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in first.content.decode()
    assert nonce not in second["Content-Security-Policy"]
