"""The warning before an idle session ends (WCAG 2.2.1): it appears two minutes before, one
button keeps the person signed in, and it says so when the time has run out."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_warning_before_sign_out_and_staying_signed_in(visitor, council, settings):
    worker = staff_user(council, Role.PRACTITIONER)
    page = visitor.page
    page.clock.install()
    sign_in(visitor, worker)
    warning = page.locator('[data-module="sf-session-warning"]')
    assert not warning.is_visible()

    # The page's clock also runs in real time, and signing in checks each page with axe (seconds
    # on a busy machine): load the page again so its timers start just before the clock is moved.
    page.reload()
    idle = settings.SESSION_COOKIE_AGE
    page.clock.run_for((idle - 121) * 1000)
    assert not warning.is_visible()
    page.clock.run_for(2 * 1000)
    assert warning.is_visible()
    assert "You will be signed out soon" in warning.inner_text()
    assert page.evaluate("document.activeElement.dataset.module") == "sf-session-warning"
    visitor.check()

    with page.expect_response("**/stay-signed-in/") as answer:
        warning.get_by_role("button", name="Stay signed in").click()
    assert answer.value.status == 204
    assert not warning.is_visible()

    # The clock starts again: no warning until two minutes before the new end.
    page.clock.run_for((idle - 130) * 1000)
    assert not warning.is_visible()
    page.clock.run_for(130 * 1000)
    assert warning.is_visible()
    assert "You have been signed out" in warning.inner_text()
    assert not warning.get_by_role("button", name="Stay signed in").is_visible()
