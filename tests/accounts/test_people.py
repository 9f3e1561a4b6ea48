"""Staff accounts managed in the service (issue 15 point 1): a council administrator invites
staff by a one-time link, gives and changes roles (one person may hold several), adds teams,
closes accounts (their families are given a new worker by a manager) and resets a lost second
factor with a reason and an email. Every change is in the access log; nobody changes their own
roles; the last administrator cannot remove themselves; another council's people are absent."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.models import AccountChange, Invitation, User
from supportfirst.accounts.views import ENROLMENT_KEY
from supportfirst.audit.models import AccessEvent
from supportfirst.councils.models import ExtraRole, Membership, Role, Team
from supportfirst.councils.scoping import scope_for
from supportfirst.pathway import allocation
from supportfirst.pathway.models import PathwayEvent
from tests.accounts.factories import PASSWORD, staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import TeamFactory
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

# Invitations and resets are emailed through the queue after their change commits: here at once.
pytestmark = pytest.mark.usefixtures("sent_at_once")

NEW_PASSWORD = "a long new password for Ashvale"


@pytest.fixture
def admin(council):
    return staff_user(council, Role.COUNCIL_ADMIN, full_name="Ada Admin")


@pytest.fixture
def admin_client(admin):
    return signed_in_client(admin)


def _events_about(user: User) -> list[AccessEvent]:
    return list(AccessEvent.objects.filter(record_type="accounts.user", record_id=str(user.pk)))


def _invite(client: Client, **changes: object):
    data = {
        "full_name": "Priya Shah",
        "email": "Priya.Shah@ashvale.test",
        "roles": ["practitioner"],
        "team": "",
        **changes,
    }
    return client.post("/staff/people/invite/", data)


def _signs_in(username: str) -> bool:
    """Whether the sign-in page accepts the password (the second factor comes next)."""
    response = Client().post("/sign-in/", {"username": username, "password": PASSWORD})
    return response.status_code == 302


def _link_in(message) -> str:
    found = re.search(r"http://testserver(/invitation/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


# Invitations ---------------------------------------------------------------------------------


def test_an_invitation_makes_an_account_that_cannot_sign_in_and_emails_a_link(
    admin_client, council
):
    team = TeamFactory(council=council, name="North team")
    response = _invite(admin_client, team=str(team.pk))
    person = User.objects.get(username="priya.shah@ashvale.test")
    assert response.status_code == 302
    assert response["Location"] == f"/staff/people/{person.pk}/account/"
    assert not person.has_usable_password()
    assert person.membership.council == council
    assert person.membership.team == team
    assert person.membership.role == Role.PRACTITIONER
    [message] = mail.outbox
    assert message.to == ["priya.shah@ashvale.test"]
    assert "works once" in message.body
    invitation = Invitation.objects.get(user=person)
    # Only a hash of the link's secret is stored.
    assert invitation.token_hash not in message.body
    assert [e.action for e in _events_about(person)] == ["create"]
    page = admin_client.get(f"/staff/people/{person.pk}/account/")
    assert page.status_code == 200
    assert "Invited as practitioner, North team" in page.content.decode()


def test_the_invitation_link_works_once_then_leads_to_setting_up_the_app(admin_client):
    _invite(admin_client)
    link = _link_in(mail.outbox[0])
    browser = Client()
    page = browser.get(link)
    assert page.status_code == 200
    assert "Set your password" in page.content.decode()
    assert "priya.shah@ashvale.test" in page.content.decode()
    response = browser.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/"
    person = User.objects.get(username="priya.shah@ashvale.test")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    # This browser may now link an authenticator app once signed in.
    assert browser.session[ENROLMENT_KEY] == person.pk
    assert "priya.shah@ashvale.test" in browser.get("/sign-in/").content.decode()
    # The link never works again, in any browser.
    again = Client().get(link)
    assert again.status_code == 200
    assert "This link does not work" in again.content.decode()
    refused = Client().post(link, {"new_password1": "x" * 20, "new_password2": "x" * 20})
    assert "This link does not work" in refused.content.decode()
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert "Set a password from the invitation link" in [
        c.what for c in AccountChange.objects.filter(person=person)
    ]


def test_an_expired_invitation_is_refused(admin_client):
    _invite(admin_client)
    link = _link_in(mail.outbox[0])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    page = Client().get(link)
    assert page.status_code == 200
    assert "This link does not work" in page.content.decode()
    Client().post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert not User.objects.get(username="priya.shah@ashvale.test").has_usable_password()


def test_an_administrator_emails_a_new_invitation_when_the_first_ran_out(admin_client):
    _invite(admin_client)
    old_link = _link_in(mail.outbox[0])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    person = User.objects.get(username="priya.shah@ashvale.test")
    page = admin_client.get(reverse("people:person", args=[person.pk]))
    assert page.status_code == 200
    assert "Email Priya Shah a new invitation" in page.content.decode()
    sent = admin_client.post(reverse("people:invite_again", args=[person.pk]), follow=True)
    assert sent.status_code == 200
    assert "We have emailed a new invitation to priya.shah@ashvale.test" in sent.content.decode()
    new_link = _link_in(mail.outbox[-1])
    assert new_link != old_link
    assert "This link does not work" in Client().get(old_link).content.decode()
    Client().post(new_link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert "Invited again: a new link emailed" in [
        c.what for c in AccountChange.objects.filter(person=person)
    ]
    again = admin_client.post(reverse("people:invite_again", args=[person.pk]), follow=True)
    assert "has already set a password from their invitation" in again.content.decode()


def test_an_invitation_with_mismatched_passwords_shows_the_error_and_stays_usable(admin_client):
    _invite(admin_client)
    link = _link_in(mail.outbox[0])
    response = Client().post(
        link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "!"}
    )
    assert response.status_code == 400
    assert "The two passwords do not match" in response.content.decode()
    assert Client().get(link).status_code == 200
    assert "Set your password" in Client().get(link).content.decode()


def test_an_invitation_to_an_email_already_used_keeps_what_was_typed(admin_client, council):
    staff_user(council, Role.PRACTITIONER, username="sam", email="sam@ashvale.test")
    response = _invite(admin_client, email="SAM@ashvale.test", full_name="Sam Again")
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is already an account with this email address" in body
    assert 'value="Sam Again"' in body
    assert not mail.outbox


def test_an_invitation_needs_a_role_and_refuses_a_forum_member_with_a_staff_role(admin_client):
    assert "Select at least one role" in _invite(admin_client, roles=[]).content.decode()
    response = _invite(admin_client, roles=["forum_member", "practitioner"])
    assert response.status_code == 400
    assert "the forum is independent of the council" in response.content.decode()
    assert not User.objects.filter(username="priya.shah@ashvale.test").exists()


# Several roles -------------------------------------------------------------------------------


def test_a_person_can_hold_several_roles_and_each_is_honoured(admin_client, council):
    person = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    client = signed_in_client(person)
    assert client.get("/staff/team/").status_code == 403
    response = admin_client.post(
        f"/staff/people/{person.pk}/roles/",
        {"roles": ["practitioner", "team_manager", "council_admin"], "team": ""},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=person)
    assert membership.role == Role.TEAM_MANAGER  # the main role: it chooses the home page
    assert membership.roles == {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.COUNCIL_ADMIN}
    assert set(ExtraRole.objects.filter(membership=membership).values_list("role", flat=True)) == {
        "practitioner",
        "council_admin",
    }
    scope = scope_for(User.objects.get(pk=person.pk))
    assert scope.holds_any({Role.COUNCIL_ADMIN})
    assert scope.does_casework
    client = signed_in_client(User.objects.get(pk=person.pk))
    team_page = client.get("/staff/team/")
    assert team_page.status_code == 200
    people_page = client.get("/staff/people/")
    assert people_page.status_code == 200
    assert "Practitioner" in people_page.content.decode()
    my_work = client.get("/staff/my-work/")
    assert my_work.status_code == 200
    assert 'href="/staff/people/"' in my_work.content.decode()  # the People link
    assert person in allocation.workers_to_choose(scope=scope)
    changes = [c.what for c in AccountChange.objects.filter(person=person)]
    assert changes == [
        "Roles changed from practitioner to practitioner, team manager, council administrator"
    ]
    assert [e.action for e in _events_about(person)] == ["change"]


def test_a_complaints_manager_who_is_also_a_practitioner_can_be_a_worker(council):
    person = staff_user(council, Role.COMPLAINTS_MANAGER)
    manager = staff_user(council, Role.TEAM_MANAGER)
    scope = scope_for(manager)
    assert person not in allocation.workers_to_choose(scope=scope)
    ExtraRole.objects.create(membership=person.membership, role=Role.PRACTITIONER)
    assert person in allocation.workers_to_choose(scope=scope)
    assert signed_in_client(person).get("/staff/my-work/").status_code == 200


def test_roles_can_be_taken_away_again(admin_client, council):
    person = staff_user(council, Role.TEAM_MANAGER)
    ExtraRole.objects.create(membership=person.membership, role=Role.PRACTITIONER)
    admin_client.post(f"/staff/people/{person.pk}/roles/", {"roles": ["practitioner"]})
    membership = Membership.objects.get(user=person)
    assert membership.roles == {Role.PRACTITIONER}
    assert signed_in_client(User.objects.get(pk=person.pk)).get("/staff/team/").status_code == 403


def test_nobody_can_change_their_own_roles(council, admin_client, admin):
    staff_user(council, Role.COUNCIL_ADMIN)  # not the last administrator
    response = admin_client.post(
        f"/staff/people/{admin.pk}/roles/", {"roles": ["council_admin", "team_manager"]}
    )
    assert response.status_code == 400
    assert "You cannot change your own roles" in response.content.decode()
    assert Membership.objects.get(user=admin).roles == {Role.COUNCIL_ADMIN}
    assert not _events_about(admin)


def test_the_last_administrator_cannot_remove_their_role_or_close_their_account(
    admin_client, admin
):
    response = admin_client.post(f"/staff/people/{admin.pk}/roles/", {"roles": ["practitioner"]})
    assert response.status_code == 400
    assert "only administrator" in response.content.decode()
    closing = admin_client.post(f"/staff/people/{admin.pk}/close/", {})
    assert closing.status_code == 400
    assert "only administrator" in closing.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    assert Membership.objects.get(user=admin).roles == {Role.COUNCIL_ADMIN}


def test_an_administrator_can_remove_another_administrator_but_not_the_other_way_round(
    admin_client, council
):
    other = staff_user(council, Role.COUNCIL_ADMIN)
    response = admin_client.post(f"/staff/people/{other.pk}/roles/", {"roles": ["practitioner"]})
    assert response.status_code == 302
    back = signed_in_client(User.objects.get(pk=other.pk))
    assert back.get("/staff/people/").status_code == 403


# Teams ----------------------------------------------------------------------------------------


def test_an_administrator_adds_teams_and_puts_people_in_them(admin_client, council):
    response = admin_client.post("/staff/teams/", {"name": "  North   team "})
    assert response.status_code == 302
    team = Team.objects.get(council=council)
    assert team.name == "North team"
    again = admin_client.post("/staff/teams/", {"name": "north team"})
    assert again.status_code == 400
    assert "There is already a team called north team" in again.content.decode()
    person = staff_user(council, Role.PRACTITIONER)
    admin_client.post(
        f"/staff/people/{person.pk}/roles/", {"roles": ["practitioner"], "team": str(team.pk)}
    )
    assert Membership.objects.get(user=person).team == team
    assert AccessEvent.objects.filter(record_type="councils.team", action="create").count() == 1


def test_another_councils_team_cannot_be_chosen(admin_client, council, other_council):
    theirs = TeamFactory(council=other_council)
    person = staff_user(council, Role.PRACTITIONER)
    response = admin_client.post(
        f"/staff/people/{person.pk}/roles/", {"roles": ["practitioner"], "team": str(theirs.pk)}
    )
    assert response.status_code == 400
    assert "Choose a team from the list" in response.content.decode()


# Second factor reset ---------------------------------------------------------------------------


def test_resetting_a_lost_second_factor_is_logged_with_its_reason_and_emailed(
    admin_client, council
):
    person = staff_user(council, Role.PRACTITIONER, email="sam@ashvale.test")
    empty = admin_client.post(f"/staff/people/{person.pk}/authenticator/", {"reason": ""})
    assert empty.status_code == 400
    assert "Enter why you are resetting the authenticator app" in empty.content.decode()
    assert TOTPDevice.objects.filter(user=person).exists()
    reason = "Phone lost on the bus on 3 December; Sam rang from the office line."
    response = admin_client.post(f"/staff/people/{person.pk}/authenticator/", {"reason": reason})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
    change = AccountChange.objects.get(person=person)
    assert (change.what, change.reason, change.changed_by.full_name) == (
        "Second factor reset",
        reason,
        "Ada Admin",
    )
    assert [e.action for e in _events_about(person)] == ["change"]
    [message] = mail.outbox
    assert message.to == ["sam@ashvale.test"]
    assert reason in message.body
    link = re.search(r"http://testserver(/password-reset/[^\s]+/)", message.body).group(1)
    # The link lets the person set a password and then, in that browser, link a new app.
    browser = Client()
    form_page = browser.get(link, follow=True)
    assert form_page.status_code == 200
    browser.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert browser.session[ENROLMENT_KEY] == person.pk
    page = admin_client.get(f"/staff/people/{person.pk}/account/")
    assert reason in page.content.decode()


def test_nobody_resets_their_own_second_factor(council, admin_client, admin):
    staff_user(council, Role.COUNCIL_ADMIN)
    response = admin_client.post(
        f"/staff/people/{admin.pk}/authenticator/", {"reason": "Trying it on myself"}
    )
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=admin).exists()
    assert not mail.outbox


# Closing an account, and its families' new worker -----------------------------------------------


def test_a_closed_accounts_families_keep_their_records_and_a_manager_gives_each_a_new_worker(
    admin_client, council
):
    leaver = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel", username="sam")
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")
    newcomer = staff_user(council, Role.PRACTITIONER, full_name="Jo Reid")
    family = family_with_everyone(council, name="Hughes family")
    family.allocated_worker = leaver
    family.save()
    request = SupportRequestFactory(child=family.children.first())

    confirm = admin_client.get(f"/staff/people/{leaver.pk}/close/")
    assert confirm.status_code == 200
    assert "the named worker for 1 family" in confirm.content.decode()
    assert "Hughes" not in confirm.content.decode()  # the administrator reads no family's record
    assert admin_client.post(f"/staff/people/{leaver.pk}/close/", {}).status_code == 302
    leaver.refresh_from_db()
    assert not leaver.is_active
    assert _signs_in("sam") is False
    assert [e.action for e in _events_about(leaver)] == ["change"]
    family.refresh_from_db()
    assert family.allocated_worker == leaver  # their work stays until it is given on

    manager_client = signed_in_client(manager)
    my_work = manager_client.get("/staff/my-work/")
    assert my_work.status_code == 200
    assert f"/staff/people/{leaver.pk}/families/" in my_work.content.decode()
    page = manager_client.get(f"/staff/people/{leaver.pk}/families/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Hughes family" in body
    assert "Jo Reid" in body
    assert ">Sam Patel (" not in body
    wrong = manager_client.post(
        f"/staff/people/{leaver.pk}/families/",
        {"family": str(family.pk), f"family-{family.pk}-worker": ""},
    )
    assert wrong.status_code == 400
    assert "Select the person who will be the family" in wrong.content.decode()
    response = manager_client.post(
        f"/staff/people/{leaver.pk}/families/",
        {"family": str(family.pk), f"family-{family.pk}-worker": str(newcomer.pk)},
    )
    assert response.status_code == 302
    family.refresh_from_db()
    assert family.allocated_worker == newcomer
    assert PathwayEvent.objects.filter(
        request=request, summary="Worker changed from Sam Patel to Jo Reid"
    ).exists()
    after = manager_client.get("/staff/my-work/").content.decode()
    assert f"/staff/people/{leaver.pk}/families/" not in after


def test_a_closed_account_can_be_opened_again(admin_client, council):
    person = staff_user(council, Role.PRACTITIONER, username="sam")
    admin_client.post(f"/staff/people/{person.pk}/close/", {})
    response = admin_client.post(f"/staff/people/{person.pk}/reopen/", {})
    assert response.status_code == 302
    assert _signs_in("sam") is True
    whats = [c.what for c in AccountChange.objects.filter(person=person).order_by("pk")]
    assert whats == ["Account closed", "Account opened again"]


def test_a_practitioner_cannot_use_the_administrators_pages(council, practitioner):
    client = signed_in_client(practitioner)
    assert client.get("/staff/people/").status_code == 403
    assert client.get("/staff/people/invite/").status_code == 403
    assert client.get(f"/staff/people/{practitioner.pk}/account/").status_code == 403


# Another council --------------------------------------------------------------------------------


def test_another_councils_people_are_absent(admin_client, other_council):
    theirs = staff_user(other_council, Role.PRACTITIONER, full_name="Not Ours")
    theirs_admin = staff_user(other_council, Role.COUNCIL_ADMIN)
    for url in (
        f"/staff/people/{theirs.pk}/account/",
        f"/staff/people/{theirs.pk}/roles/",
        f"/staff/people/{theirs.pk}/authenticator/",
        f"/staff/people/{theirs.pk}/close/",
    ):
        assert admin_client.get(url).status_code == 404, url
    assert (
        admin_client.post(
            f"/staff/people/{theirs.pk}/roles/", {"roles": ["team_manager"]}
        ).status_code
        == 404
    )
    assert admin_client.post(f"/staff/people/{theirs.pk}/close/", {}).status_code == 404
    assert (
        admin_client.post(
            f"/staff/people/{theirs.pk}/authenticator/", {"reason": "Lost phone"}
        ).status_code
        == 404
    )
    assert admin_client.post(f"/staff/people/{theirs_admin.pk}/reopen/", {}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active
    assert Membership.objects.get(user=theirs).roles == {Role.PRACTITIONER}
    assert TOTPDevice.objects.filter(user=theirs).exists()
    assert "Not Ours" not in admin_client.get("/staff/people/").content.decode()
    assert not AccountChange.objects.exists()


def test_a_manager_cannot_see_another_councils_workers_families(council, other_council):
    manager = staff_user(council, Role.TEAM_MANAGER)
    theirs = staff_user(other_council, Role.PRACTITIONER)
    client = signed_in_client(manager)
    assert client.get(f"/staff/people/{theirs.pk}/families/").status_code == 404


def test_the_demo_has_an_administrator_and_a_manager_who_is_one_too(db):
    from supportfirst import demo

    demo.load()
    for admin_name, manager_name in (
        ("sam.admin", "grace.manager"),
        ("lee.admin", "david.manager"),
    ):
        admin = User.objects.get(username=admin_name)
        manager = User.objects.get(username=manager_name)
        assert admin.membership.roles == {Role.COUNCIL_ADMIN}
        assert manager.membership.roles == {Role.TEAM_MANAGER, Role.COUNCIL_ADMIN}
        change = AccountChange.objects.get(person=manager)
        assert change.changed_by == admin
        assert _events_about(manager)
    assert "grace.manager        Team manager and council administrator" in demo.sign_in_help()


def test_a_practitioner_who_is_also_a_team_manager_passes_the_managers_guards(council):
    from supportfirst.councils.guards import is_a_team_manager
    from supportfirst.councils.scoping import scope_for as scope_of

    person = staff_user(council, Role.PRACTITIONER)
    assert not is_a_team_manager(User.objects.get(pk=person.pk))
    ExtraRole.objects.create(membership=person.membership, role=Role.TEAM_MANAGER)
    fresh = User.objects.get(pk=person.pk)
    assert is_a_team_manager(fresh)
    assert scope_of(fresh).roles == {Role.PRACTITIONER, Role.TEAM_MANAGER}


def test_an_invitation_is_emailed_only_after_it_is_saved(
    council, admin, django_capture_on_commit_callbacks, monkeypatch
):
    """The invitation email used to be sent inside the transaction: a slow mail server held
    the database, and a refused one undid the invitation. Now it is queued after commit."""
    from supportfirst.accounts import people
    from supportfirst.audit.services import Actor

    monkeypatch.undo()  # this test sees the real after-commit behaviour
    actor = Actor(user=admin, scope=scope_for(admin), request_id="")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        people.invite(
            actor=actor,
            email="new.person@ashvale.test",
            full_name="New Person",
            roles=[Role.PRACTITIONER],
            team_id=None,
            site="http://testserver",
        )
        assert mail.outbox == []
    assert Invitation.objects.filter(user__email="new.person@ashvale.test").exists()
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["new.person@ashvale.test"]]


def test_a_refused_invitation_email_keeps_the_invitation(council, admin_client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("refused")

    monkeypatch.setattr("supportfirst.kernel.queue.send_mail", refuse)
    response = _invite(admin_client)
    assert response.status_code == 302
    assert Invitation.objects.filter(user__email="priya.shah@ashvale.test").exists()
    assert mail.outbox == []
