"""Real people in a real browser: public pages, signing in, home pages. axe-checked."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import code_for, fill_sign_in
from tests.families.factories import family_with_everyone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages(visitor, council):
    page = visitor.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Help for disabled children and their families"
    )
    assert council.name in page.content()
    page.get_by_role("link", name="Accessibility statement").click()
    visitor.check()
    page.get_by_role("link", name="Privacy notice and cookies").click()
    visitor.check()
    visitor.goto("/no-such-page/", status=404)
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"


def test_a_practitioner_signs_in_with_a_code_and_opens_a_family(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    page = visitor.goto("/sign-in/")
    page.get_by_label("Username").fill(worker.username)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_label("Username").input_value() == worker.username
    fill_sign_in(visitor, worker.username)
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Enter the code from your authenticator app"
    )
    page.get_by_label("Code from your authenticator app").fill(code_for(worker))
    page.get_by_role("button", name="Continue").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Your families"
    page.get_by_role("link", name="Hughes family").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Hughes family"
    child = family.children.get()
    page.get_by_role("link", name=f"See {child.first_name}'s details").click()
    visitor.check()
    page.get_by_role("button", name="Sign out").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "You have signed out"


def test_a_parent_on_a_phone_sees_their_family_and_who_looked(phone_visitor, council):
    family = family_with_everyone(council, name="Begum family")
    parent = family_user(family)
    page = phone_visitor.goto("/sign-in/")
    fill_sign_in(phone_visitor, parent.username)
    phone_visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Begum family: your record"
    page.get_by_role("link", name="See who has looked at your record").click()
    phone_visitor.check()
    assert "Looked at the family record" in page.content()


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.FORUM_MEMBER, Role.COUNCIL_ADMIN])
def test_other_staff_home_pages(visitor, council, role):
    person = staff_user(council, role)
    visitor.goto("/sign-in/")
    fill_sign_in(visitor, person.username)
    visitor.check()
    visitor.page.get_by_label("Code from your authenticator app").fill(code_for(person))
    visitor.page.get_by_role("button", name="Continue").click()
    visitor.check()
    assert visitor.page.url.endswith("/staff/")


def test_a_new_member_of_staff_sets_up_their_authenticator(visitor, council):
    """A password alone cannot link an app; the emailed set-up link, then signing in in the
    same browser, can."""
    import re

    from django.core import mail
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    person = staff_user(council, Role.PRACTITIONER, with_device=False)
    visitor.goto("/sign-in/")
    fill_sign_in(visitor, person.username)
    assert visitor.page.get_by_role("heading", level=1).inner_text() == (
        "Use the link we emailed you to set up your authenticator app"
    )
    visitor.check()
    visitor.page.get_by_role("button", name="Sign out").click()
    visitor.page.wait_for_load_state("load")
    visitor.check()
    visitor.goto("/password-reset/")
    visitor.page.get_by_label("Email address").fill(person.email)
    visitor.page.get_by_role("button", name="Send the link").click()
    visitor.page.wait_for_load_state("load")
    visitor.check()
    link = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    visitor.goto(link)
    visitor.page.get_by_label("New password", exact=True).fill("a long new password 4821")
    visitor.page.get_by_label("New password confirmation").fill("a long new password 4821")
    visitor.page.get_by_role("button", name="Save the new password").click()
    visitor.page.wait_for_load_state("load")
    visitor.check()
    visitor.goto("/sign-in/")
    visitor.page.get_by_label("Username").fill(person.username)
    visitor.page.get_by_label("Password").fill("a long new password 4821")
    visitor.page.get_by_role("button", name="Sign in").click()
    visitor.page.wait_for_load_state("load")
    visitor.check()
    assert visitor.page.get_by_role("heading", level=1).inner_text() == (
        "Set up your authenticator app"
    )
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    visitor.page.get_by_label("Code from your authenticator app").fill(f"{totp.token():06d}")
    visitor.page.get_by_role("button", name="Continue").click()
    visitor.page.wait_for_load_state("load")
    visitor.check()
    assert "Your authenticator app is set up" in visitor.page.content()
