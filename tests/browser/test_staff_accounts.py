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
from tests.browser.people import sign_in
from tests.browser.people import sign_out as _sign_out
from tests.councils.factories import TeamFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long new password 4821"


def sign_out(visitor) -> None:
    """On a phone the sign-out button is behind the menu."""
    menu = visitor.page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    _sign_out(visitor)


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
    assert _heading(visitor) == "Your families"
    sign_out(visitor)

    # The link works once.
    visitor.goto(link)
    assert _heading(visitor) == "This link does not work"

    # The administrator makes her a team manager as well.
    sign_in(visitor, admin)
    page.get_by_role("link", name="Priya Shah").click()
    visitor.check()
    page.get_by_role("link", name="Change roles and team").click()
    visitor.check()
    page.get_by_label("Team manager").check()
    page.get_by_role("button", name="Save roles and team").click()
    visitor.check()
    assert "Team manager, Practitioner" in page.content()
    assert "Roles changed from practitioner to practitioner, team manager" in page.content()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_staff_accounts_page(browser, live_server, request, council, size):
    """Each administrator's page, the manager's page for a closed account's families, and the
    page for a link that no longer works."""
    from tests.browser.conftest import _visitor
    from tests.families.factories import family_with_everyone
    from tests.pathway.factories import SupportRequestFactory

    viewport = (
        {"width": 1280, "height": 900} if size == "desktop" else {"width": 375, "height": 740}
    )
    TeamFactory(council=council, name="North team")
    admin = staff_user(council, Role.COUNCIL_ADMIN, full_name="Ade Admin")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")
    leaver = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    family = family_with_everyone(council, allocated_worker=leaver, name="Hughes family")
    SupportRequestFactory(child=family.children.get())
    for visitor in _visitor(browser, live_server, request, viewport):
        visitor.goto("/invitation/not-a-real-link/")
        sign_in(visitor, admin)
        for path in (
            "/staff/people/",
            "/staff/people/invite/",
            "/staff/teams/",
            f"/staff/people/{admin.pk}/account/",
            f"/staff/people/{leaver.pk}/account/",
            f"/staff/people/{leaver.pk}/roles/",
            f"/staff/people/{leaver.pk}/authenticator/",
            f"/staff/people/{leaver.pk}/close/",
        ):
            visitor.goto(path)
        visitor.page.get_by_role("button", name="Close the account").click()
        visitor.check()
        assert "account is closed. They cannot sign in" in visitor.page.content()
        sign_out(visitor)
        sign_in(visitor, manager)
        visitor.goto("/staff/my-work/")
        visitor.page.get_by_role("link", name="Give Sam Patel's 1 family a new worker").click()
        visitor.check()
        visitor.page.get_by_label("Who will be the family's worker?").select_option(
            label="Dana Okafor (Team manager)"
        )
        visitor.page.get_by_role("button", name="Save the worker").click()
        visitor.check()
        assert "Dana Okafor is now the Hughes family" in visitor.page.content()
