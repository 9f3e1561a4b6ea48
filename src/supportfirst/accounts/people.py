"""The council administrator's changes to staff accounts: invitations, roles, teams, closing an
account and resetting a lost second factor.

Every change is an AccountChange (in words, with its reason) and an event in the council's
hash-chained access log. The rules, checked here and nowhere else:
- nobody changes their own roles, team or account (another administrator does);
- the council always keeps an active administrator;
- a parent carer forum member holds no council staff role as well (the forum is independent);
- only people in the administrator's own council are found at all (anyone else is a 404).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.models import AccountChange, Invitation, User
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import (
    STAFF_ROLES,
    Council,
    ExtraRole,
    Membership,
    Role,
    Team,
    main_role,
)
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel import councilwall
from supportfirst.kernel.queue import email_after_commit
from supportfirst.kernel.workflow import MoveRefused

INVITATION_LIFETIME = timedelta(days=7)
"""How long an invitation link works. It works once."""

ASSIGNABLE_ROLES = tuple(r for r in Role if r in STAFF_ROLES)

NOT_YOURSELF = (
    "You cannot change your own roles, team or account. Ask another council administrator"
)
LAST_ADMINISTRATOR = (
    "You are the council's only administrator. Give another person the council administrator "
    "role first"
)
FORUM_ALONE = (
    "A parent carer forum member cannot also hold a council staff role: the forum is "
    "independent of the council. Choose the forum role on its own, or other roles without it"
)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _record(
    actor: Actor,
    person: User,
    what: str,
    *,
    reason: str = "",
    action: Action = Action.CHANGE,
) -> AccountChange:
    change = AccountChange.objects.create(
        council_id=actor.scope.council_id,
        person=person,
        changed_by=actor.user,
        changed_at=timezone.now(),
        what=what[:300],
        reason=reason,
    )
    log_access(actor, family_id=None, record=person, action=action)
    return change


def staff_member(*, council_id: int, person_id: int, lock: bool = False) -> Membership:
    """A member of staff of the council, or 404: another council's people do not exist here."""
    rows = Membership.objects.select_related("user", "team").filter(
        council_id=council_id, role__in=[r.value for r in STAFF_ROLES], user_id=person_id
    )
    if lock:
        rows = rows.select_for_update(of=("self",))
    found = rows.first()
    if found is None:
        raise Http404("No such person.")
    return found


def team_in_council(*, council_id: int, team_id: int | None) -> Team | None:
    if team_id is None:
        return None
    team = Team.objects.filter(council_id=council_id, pk=team_id).first()
    if team is None:
        raise MoveRefused(["Choose a team from the list"])
    return team


def _check_roles(roles: Iterable[str]) -> set[str]:
    chosen = {str(r) for r in roles}
    if not chosen:
        raise MoveRefused(["Choose at least one role"])
    if not chosen <= {r.value for r in ASSIGNABLE_ROLES}:
        raise MoveRefused(["Choose roles from the list"])
    if Role.FORUM_MEMBER in chosen and len(chosen) > 1:
        raise MoveRefused([FORUM_ALONE])
    return chosen


def _active_administrators(council_id: int) -> set[int]:
    main = Membership.objects.filter(
        council_id=council_id, role=Role.COUNCIL_ADMIN, user__is_active=True
    ).values_list("user_id", flat=True)
    extra = ExtraRole.objects.filter(
        membership__council_id=council_id,
        role=Role.COUNCIL_ADMIN,
        membership__user__is_active=True,
    ).values_list("membership__user_id", flat=True)
    return {*main, *extra}


def _guard_change(actor: Actor, membership: Membership, *, loses_admin: bool) -> None:
    """The last administrator first (the clearer reason), then nobody changes themselves."""
    if loses_admin and _active_administrators(membership.council_id) <= {membership.user_id}:
        raise MoveRefused([LAST_ADMINISTRATOR])
    if membership.user_id == actor.user.pk:
        raise MoveRefused([NOT_YOURSELF])


def _save_roles(membership: Membership, chosen: set[str]) -> None:
    membership.role = main_role(chosen)
    membership.save(update_fields=["role", "team"])
    membership.extra_roles.exclude(role__in=sorted(chosen - {membership.role})).delete()
    membership.extra_roles.filter(role=membership.role).delete()
    for role in sorted(chosen - {membership.role}):
        ExtraRole.objects.get_or_create(membership=membership, role=role)
    membership.__dict__.pop("roles", None)


def _roles_in_words(roles: Iterable[str]) -> str:
    chosen = set(roles)
    return ", ".join(str(r.label).lower() for r in ASSIGNABLE_ROLES if r in chosen) or "none"


# Invitations ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Invited:
    invitation: Invitation
    link: str


@transaction.atomic
def invite(
    *,
    actor: Actor,
    full_name: str,
    email: str,
    roles: Iterable[str],
    team_id: int | None,
    site: str,
) -> Invited:
    """Make the account (it cannot sign in yet), and email the person a one-time link to set a
    password and then link an authenticator app. `site` is the service's address."""
    council_id = actor.scope.council_id
    chosen = _check_roles(roles)
    team = team_in_council(council_id=council_id, team_id=team_id)
    email = email.strip().lower()
    if (
        User.objects.filter(username__iexact=email).exists()
        or User.objects.filter(email__iexact=email).exists()
    ):
        raise MoveRefused(["There is already an account with this email address"])
    user = User(username=email, email=email, full_name=full_name.strip())
    user.set_unusable_password()
    user.save()
    membership = Membership.objects.create(
        user=user, council_id=council_id, role=main_role(chosen), team=team
    )
    _save_roles(membership, chosen)
    _record(
        actor,
        user,
        f"Invited as {_roles_in_words(chosen)}" + (f", {team.name}" if team else ""),
        action=Action.CREATE,
    )
    return _send_invitation(actor, user, chosen, site)


def _send_invitation(actor: Actor, user: User, chosen: Iterable[str], site: str) -> Invited:
    """Make a one-time link for the person and email it to them."""
    council_id = actor.scope.council_id
    email = user.email
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation.objects.create(
        user=user,
        council_id=council_id,
        invited_by=actor.user,
        token_hash=_token_hash(token),
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    link = site.rstrip("/") + reverse("accounts:invitation", kwargs={"invite_token": token})
    council = Council.objects.get(pk=council_id)
    expires = timezone.localtime(invitation.expires_at).strftime("%-d %B %Y at %-I:%M%p").lower()
    # Sent through the queue once the invitation is saved: never inside the transaction.
    email_after_commit(
        to=[email],
        subject=f"You are invited to Support First for {council.name}",
        body=f"Hello {user.full_name or email},\n\n"
        f"{actor.user} has given you an account on Support First for {council.name}, "
        f"as {_roles_in_words(chosen)}.\n\n"
        f"Open this link to set your password and link an authenticator app on your phone:\n"
        f"{link}\n\n"
        f"The link works once, until {expires[0].upper() + expires[1:]}. "
        "If it has run out, ask your council administrator to invite you again.\n\n"
        "If you were not expecting this, you can ignore this email.\n",
    )
    return Invited(invitation, link)


@transaction.atomic
def invite_again(*, actor: Actor, person_id: int, site: str) -> Invited:
    """A new one-time link for someone whose invitation ran out before they used it. Any
    earlier link stops working."""
    membership = staff_member(council_id=actor.scope.council_id, person_id=person_id, lock=True)
    user = membership.user
    _guard_change(actor, membership, loses_admin=False)
    if not user.is_active:
        raise MoveRefused([f"{user}'s account is closed. Open it again first"])
    if user.has_usable_password():
        raise MoveRefused([f"{user} has already set a password from their invitation"])
    if not user.email:
        raise MoveRefused([f"{user} has no email address to send the new link to"])
    user.invitations.filter(used_at__isnull=True).update(expires_at=timezone.now())
    _record(actor, user, "Invited again: a new link emailed")
    return _send_invitation(actor, user, membership.roles, site)


def invitation_for(token: str) -> Invitation | None:
    """The invitation a link is for, if it still works: not used, not run out, and the account
    not closed. Otherwise None."""
    invitation = (
        Invitation.objects.select_related("user", "council")
        .filter(token_hash=_token_hash(token))
        .first()
    )
    if (
        invitation is None
        or invitation.used_at is not None
        or invitation.expires_at <= timezone.now()
        or not invitation.user.is_active
    ):
        return None
    # The link says which council this request is for (the second wall, kernel/councilwall.py).
    councilwall.enter_council(invitation.council_id)
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, password: str, request_id: str = "") -> User:
    """Set the person's password from their link; the link then never works again."""
    found = invitation_for(token)
    if found is None:
        raise MoveRefused(["This link has been used or has run out"])
    invitation = Invitation.objects.select_for_update().get(pk=found.pk)
    if invitation.used_at is not None:
        raise MoveRefused(["This link has been used or has run out"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    actor = Actor(user, scope_for(user), request_id)
    _record(actor, user, "Set a password from the invitation link")
    return user


# Roles, teams and accounts -------------------------------------------------------------------


@transaction.atomic
def change_roles(
    *, actor: Actor, person_id: int, roles: Iterable[str], team_id: int | None
) -> Membership:
    membership = staff_member(council_id=actor.scope.council_id, person_id=person_id, lock=True)
    chosen = _check_roles(roles)
    before = set(membership.roles)
    _guard_change(
        actor,
        membership,
        loses_admin=Role.COUNCIL_ADMIN in before and Role.COUNCIL_ADMIN not in chosen,
    )
    team = team_in_council(council_id=actor.scope.council_id, team_id=team_id)
    changes = []
    if chosen != before:
        changes.append(f"Roles changed from {_roles_in_words(before)} to {_roles_in_words(chosen)}")
    if (team.pk if team else None) != membership.team_id:
        old = membership.team.name if membership.team else "no team"
        changes.append(f"Team changed from {old} to {team.name if team else 'no team'}")
    if not changes:
        return membership
    membership.team = team
    _save_roles(membership, chosen)
    _record(actor, membership.user, "; ".join(changes))
    return membership


@transaction.atomic
def add_team(*, actor: Actor, name: str) -> Team:
    name = " ".join(name.split())
    if Team.objects.filter(council_id=actor.scope.council_id, name__iexact=name).exists():
        raise MoveRefused([f"There is already a team called {name}"])
    team = Team.objects.create(council_id=actor.scope.council_id, name=name)
    log_access(actor, family_id=None, record=team, action=Action.CREATE)
    return team


def teams(*, council_id: int) -> list[Team]:
    return list(Team.objects.filter(council_id=council_id).order_by("name"))


@transaction.atomic
def close_account(*, actor: Actor, person_id: int) -> Membership:
    """Close the account: the person cannot sign in and leaves every list of workers to choose.
    Their families keep them as worker until a manager gives each a new one."""
    membership = staff_member(council_id=actor.scope.council_id, person_id=person_id, lock=True)
    user = membership.user
    if not user.is_active:
        raise MoveRefused([f"{user}'s account is already closed"])
    _guard_change(actor, membership, loses_admin=Role.COUNCIL_ADMIN in membership.roles)
    user.is_active = False
    user.save(update_fields=["is_active"])
    _record(actor, user, "Account closed")
    return membership


@transaction.atomic
def reopen_account(*, actor: Actor, person_id: int) -> Membership:
    membership = staff_member(council_id=actor.scope.council_id, person_id=person_id, lock=True)
    user = membership.user
    if user.is_active:
        raise MoveRefused([f"{user}'s account is already open"])
    _guard_change(actor, membership, loses_admin=False)
    user.is_active = True
    user.save(update_fields=["is_active"])
    _record(actor, user, "Account opened again")
    return membership


def set_up_link(user: User, site: str) -> str:
    """The emailed link to set a password and then, in the same browser, link a new
    authenticator app (accounts.views.SetPasswordFromLinkView)."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return site.rstrip("/") + path


@transaction.atomic
def reset_second_factor(*, actor: Actor, person_id: int, reason: str, site: str) -> Membership:
    """Unlink the person's authenticator app (lost or changed phone), with the reason, and email
    them a one-time link to set a password and link a new one."""
    membership = staff_member(council_id=actor.scope.council_id, person_id=person_id, lock=True)
    user = membership.user
    _guard_change(actor, membership, loses_admin=False)
    if not user.is_active:
        raise MoveRefused([f"{user}'s account is closed. Open it again first"])
    if not user.email:
        raise MoveRefused([f"{user} has no email address to send the new link to"])
    TOTPDevice.objects.filter(user=user).delete()
    _record(actor, user, "Second factor reset", reason=reason.strip())
    council = Council.objects.get(pk=actor.scope.council_id)
    # Sent through the queue once the reset is saved: never inside the transaction.
    email_after_commit(
        to=[user.email],
        subject="Your authenticator app for Support First has been reset",
        body=f"Hello {user},\n\n"
        f"{actor.user}, an administrator at {council.name}, has unlinked your authenticator "
        f"app from your Support First account. The reason they gave:\n\n{reason.strip()}\n\n"
        "Open this link to set a new password, then sign in in the same browser and link "
        f"the app on your phone again:\n{set_up_link(user, site)}\n\n"
        "The link works once. If you did not ask for this, tell your council administrator "
        "straight away.\n",
    )
    return membership


def changes_for(*, council_id: int, person_id: int) -> list[AccountChange]:
    return list(
        AccountChange.objects.filter(council_id=council_id, person_id=person_id).select_related(
            "changed_by"
        )
    )


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def open_invitation(user: User) -> Invitation | None:
    return user.invitations.filter(used_at__isnull=True, expires_at__gt=timezone.now()).first()
