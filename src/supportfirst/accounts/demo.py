"""The staff accounts' part of the demo story: in each demo council the team manager is also a
council administrator (one person, two roles), given by the council's administrator through
the same service the People pages use, so the change is on the account's history and in the
access log. Sign in as sam.admin (Ashvale) or lee.admin (Brookfield) to manage people."""

from __future__ import annotations

from supportfirst.accounts import people
from supportfirst.accounts.models import AccountChange, User
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for

DEMO_ORDER = 5

# (the administrator who gives the role, the team manager who also becomes an administrator)
SECOND_ROLES = (("sam.admin", "grace.manager"), ("lee.admin", "david.manager"))


def load_demo() -> None:
    for admin_name, manager_name in SECOND_ROLES:
        admin = User.objects.filter(username=admin_name, is_demo_account=True).first()
        manager = User.objects.filter(username=manager_name, is_demo_account=True).first()
        if admin is None or manager is None or AccountChange.objects.filter(person=manager):
            continue
        people.change_roles(
            actor=Actor(admin, scope_for(admin)),
            person_id=manager.pk,
            roles=[*manager.membership.roles, Role.COUNCIL_ADMIN],
            team_id=manager.membership.team_id,
        )
