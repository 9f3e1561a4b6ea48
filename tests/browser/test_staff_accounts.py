"""A council administrator invites a practitioner, who follows the emailed link, sets a password,
links an authenticator app and signs in; then the administrator gives them a second role.
axe-checked on every page, on a phone and a desktop."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.models import User
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in, sign_out
from tests.councils.factories import TeamFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long new password 4821"


def _heading(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_an_administrator_invites_a_practitioner_who_signs_in(request, who, council):
    visitor = request.getfixturevalue(who)
    page = visitor.page
    TeamFactory(council=council, name="Disabled children's team")
    admin = staff_user(council, Role.COUNCIL_ADMIN, full_name="Ade Admin")
    sign_in(visitor, admin)
    assert _heading(visitor) == "People who use the service"

    page.get_by_role("button", name="Invite a member of staff").click()
    visitor.check()
    page.get_by_role("button", name="Send the invitation").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("Full name").fill("Priya Shah")
    page.get_by_label("Work email address").fill("priya.shah@ashvale.test")
    page.get_by_label("Practitioner", exact=True).check()
    page.get_by_label("Team", exact=True).select_option(label="Disabled children's team")
    page.get_by_role("button", name="Send the invitation").click()
    visitor.check()
    assert _heading(visitor) == "Priya Shah"
    assert "We have emailed an invitation to priya.shah@ashvale.test" in page.content()
    link = re.search(r"https?://[^/\s]+(/invitation/\S+/)", mail.outbox[-1].body).group(1)
    sign_out(visitor)

    # The practitioner follows the link, in their own browser.
    visitor.goto(link)
    assert _heading(visitor) == "Set your password"
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password again").fill(PASSWORD)
    page.get_by_role("button", name="Set my password").click()
    visitor.check()
    assert _heading(visitor) == "Sign in"
    assert page.get_by_label("Username").input_value() == "priya.shah@ashvale.test"
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    visitor.check()
    assert _heading(visitor) == "Set up your authenticator app"
    person = User.objects.get(username="priya.shah@ashvale.test")
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code from your authenticator app").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Continue").click()
    visitor.check()
    assert "Your authenticator app is set up" in page.content()
    assert page.get_by_role("link", name="My work").count() >= 1
    sign_out(visitor)

    # The link works once.
    visitor.goto(link)
    assert _heading(visitor) == "This link does not work"

    # The administrator makes her a team manager as well.
    sign_in(visitor, admin)
    page.get_by_role("link", name="Priya Shah: roles, team and account").click()
    visitor.check()
    page.get_by_role("link", name="Change roles and team").click()
    visitor.check()
    page.get_by_label("Team manager").check()
    page.get_by_role("button", name="Save roles and team").click()
    visitor.check()
    assert "Team manager, Practitioner" in page.content()
    assert "Roles changed from practitioner to practitioner, team manager" in page.content()
