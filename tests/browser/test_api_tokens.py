"""A council administrator makes an API token, sees it once, and revokes it: axe-checked, on a
phone and a desktop."""

from __future__ import annotations

import pytest

from supportfirst.api.models import ApiToken
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_a_council_administrator_makes_and_revokes_a_token(request, who, council):
    visitor = request.getfixturevalue(who)
    staff_user(council, Role.PRACTITIONER, full_name="Priya Raman", username="priya.r")
    admin = staff_user(council, Role.COUNCIL_ADMIN, full_name="Ade Admin")
    sign_in(visitor, admin)
    page = visitor.page
    page.get_by_role("link", name="API tokens").click()
    visitor.check()
    page.get_by_role("button", name="Make a new token").click()
    visitor.check()
    page.get_by_role("button", name="Make the token").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("Which system will use it?").fill("Mosaic")
    page.get_by_label("Which staff account does it act as?").select_option(
        label="Priya Raman (priya.r, practitioner)"
    )
    page.get_by_label("Read only").check()
    page.get_by_label("In 30 days").check()
    page.get_by_role("button", name="Make the token").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Copy the token now"
    token = page.locator("code.sf-secret").inner_text()
    assert token.startswith(ApiToken.objects.get().prefix)
    page.get_by_role("link", name="Back to API tokens").click()
    visitor.check()
    assert "Mosaic" in page.content()
    page.get_by_role("button", name="Revoke the token for Mosaic").click()
    visitor.check()
    assert "The token for Mosaic no longer works" in page.content()
    assert ApiToken.objects.get().revoked_at is not None
