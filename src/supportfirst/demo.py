"""Demo data that tells a story: two invented councils, their disabled children's teams, a
parent carer forum member, a council administrator each, and a dozen families at different
stages of the support pathway. Every name is invented. The families are in `families/demo.py`;
each app tells its own part of the story in its `demo.py`, run here in order.

Loaded by `supportfirst serve --demo` on first start only; run again, it keeps what is there.
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.demo import SECOND_ROLES
from supportfirst.accounts.models import User
from supportfirst.councils.models import CASEWORK_ROLES, Council, Membership, Role, Team
from supportfirst.families.demo import (
    COUNCILS,
    DEMO_PASSWORD,
    demo_user,
    family_create,
    is_young_person,
)
from supportfirst.kernel.dbstats import refresh_statistics
from supportfirst.notifications.services import not_telling_families

ALSO_ADMINISTRATORS = frozenset(manager for _admin, manager in SECOND_ROLES)

__all__ = ["DEMO_PASSWORD", "NotADemoAccount", "current_code", "load", "load_if_empty"]


class NotADemoAccount(Exception):
    pass


def sign_in_help() -> str:
    lines = [
        f"Demo sign-ins (password for every account: {DEMO_PASSWORD}):",
    ]
    for council in COUNCILS:
        lines.append(f"  {council.name}:")
        for person in council.staff:
            also = " and council administrator" if person.username in ALSO_ADMINISTRATORS else ""
            lines.append(f"    {person.username:<20} {person.role.label}{also}")
        for family in council.families:
            if family.account:
                role = "Young person" if is_young_person(family) else "Family member"
                lines.append(f"    {family.account:<20} {role} ({family.surname} family)")
    lines.append(
        "Staff accounts need a code from an authenticator app. For a demo account, "
        "get the current code with: supportfirst demo code USERNAME"
    )
    return "\n".join(lines)


def current_code(username: str) -> str:
    """The current TOTP code of a demo account. Refuses for any account not made by the loader."""
    user = User.objects.filter(username=username, is_demo_account=True).first()
    if user is None:
        raise NotADemoAccount(
            f"{username} is not a demo account: codes are only shown for demo accounts."
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise NotADemoAccount(f"{username} is a demo account with no authenticator (not staff).")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def load_if_empty() -> bool:
    """Load the demo data unless the database already has councils. True if it loaded."""
    if Council.objects.exists():
        return False
    load()
    return True


def load() -> None:
    """Load the demo councils and families. The families are invented: nobody is emailed.
    Then the database's statistics are refreshed, as after any bulk load (kernel/dbstats.py)."""
    with not_telling_families(), transaction.atomic():
        _load()
    refresh_statistics()


def _load() -> None:
    for number, spec in enumerate(COUNCILS, start=1):
        council = Council.objects.create(
            name=spec.name,
            la_code=spec.la_code,
            slug=spec.slug,
            contact_email=spec.email,
            contact_phone=spec.phone,
            is_demo=True,
        )
        team = Team.objects.create(council=council, name="Disabled Children's Team")
        staff: dict[str, User] = {}
        for position, person in enumerate(spec.staff):
            user = demo_user(person.username, person.full_name)
            # Work phones in the same range as the council's own (kept for drama by Ofcom).
            casework = person.role in CASEWORK_ROLES
            work_phone = f"{spec.phone[:-3]}{300 + position:03d}" if casework else ""
            Membership.objects.create(
                user=user,
                council=council,
                role=person.role,
                team=team if person.role in (Role.PRACTITIONER, Role.TEAM_MANAGER) else None,
                job_title=person.job_title,
                work_phone=work_phone,
            )
            TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
            staff[person.username] = user
        for index, fam in enumerate(spec.families, start=1):
            family_create(council, number, index, fam, staff)
    _load_app_stories()


def _load_app_stories() -> None:
    """Each app may add its own part of the demo story in `<app>/demo.py`: a function
    `load_demo()` that works on the demo councils and families already loaded, and an
    integer `DEMO_ORDER` (lower runs first; eligibility decisions come before plans)."""
    steps = []
    for config in apps.get_app_configs():
        if not config.name.startswith("supportfirst."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        load_demo = getattr(module, "load_demo", None)
        if load_demo is None:  # the families' demo module holds the story's data
            continue
        steps.append((getattr(module, "DEMO_ORDER", 100), config.name, load_demo))
    for _order, _name, load_demo in sorted(steps, key=lambda step: step[:2]):
        load_demo()
