"""Fill a fresh database for the load test, and write what the simulated people need.

    DATABASE_URL=... python loadtest/prepare.py OUT.json [--families 10000] [--sessions 200]

Run by loadtest/run with the service's own settings (supportfirst.settings, on PostgreSQL),
after `supportfirst migrate`. Loads the demo data (the two invented councils), adds N invented
families to the first council (each with a child, a parent carer, a brother or sister and a
request for help waiting for its decision, the same rows as benchmarks/pages.py), shared among
its practitioners and team managers, then refreshes the database's statistics.

Signing in: the staff accounts need a second factor, so, as the tests and benchmarks/pages.py
do, each simulated person gets a session made here (signed in, and for staff with their
authenticator confirmed) rather than typing a password and a code; each session is a real
row in the session table, read and written by every request as a real one is. Writes to OUT:
the session keys (staff and families), the ids each of them may open, an API token, and the
first council's address on the public form.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportfirst.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--families", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=200, help="of each kind, staff and family")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        load_backend,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from supportfirst import demo
    from supportfirst.accounts.models import User
    from supportfirst.api.auth import token_create
    from supportfirst.councils.models import (
        CASEWORK_ROLES,
        MANAGER_ROLES,
        Council,
        Membership,
        Role,
    )
    from supportfirst.families.models import Family
    from supportfirst.kernel.dbstats import refresh_statistics
    from supportfirst.pathway.models import SupportRequest
    from tests.pathway.test_pages import _add_requests

    started = time.perf_counter()
    demo.load()
    council = Council.objects.order_by("pk").first()
    assert council is not None
    workers = list(
        User.objects.filter(
            membership__council=council, membership__role__in=CASEWORK_ROLES
        ).order_by("pk")
    )
    per_worker = args.families // len(workers)
    with transaction.atomic():
        for number, worker in enumerate(workers):
            count = per_worker if number else args.families - per_worker * (len(workers) - 1)
            _add_requests(council, worker, count)
    refresh_statistics()
    print(
        f"Loaded the demo data and {args.families:,} families "
        f"({Family.objects.count():,} in all) in {time.perf_counter() - started:.0f} s"
    )

    # As Client.force_login chooses: the first backend that can load a user from a session.
    backend = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
    )

    def session_for(user: User) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        assert session.session_key is not None
        return session.session_key

    staff = []
    for index in range(args.sessions):
        worker = workers[index % len(workers)]
        families = list(
            Family.objects.filter(council=council, allocated_worker=worker)
            .order_by("?")
            .values_list("pk", flat=True)[:20]
        )
        requests = list(
            SupportRequest.objects.filter(family_id__in=families).values_list("pk", flat=True)
        )
        staff.append(
            {
                "session": session_for(worker),
                "manager": worker.membership.role in MANAGER_ROLES,
                "families": families,
                "requests": requests,
            }
        )

    # Families: an account for each of the first families of the bulk load (their own pages).
    family_sessions = []
    bulk = Family.objects.filter(council=council, reference__startswith="SF-Q-").order_by("pk")
    for index, family in enumerate(bulk[: args.sessions]):
        user = User.objects.create_user(
            username=f"loadtest-family-{index:04d}", full_name=f"Load test parent {index}"
        )
        Membership.objects.create(
            user=user, council=council, role=Role.FAMILY_MEMBER, family=family
        )
        family_sessions.append(
            {
                "session": session_for(user),
                "children": list(family.children.values_list("pk", flat=True)),
                "requests": list(family.support_requests.values_list("pk", flat=True)),
            }
        )

    token = token_create(user=workers[0], name="Load test", days=1)
    api_requests = list(
        SupportRequest.objects.filter(family__council=council)
        .order_by("?")
        .values_list("pk", flat=True)[:200]
    )
    args.out.write_text(
        json.dumps(
            {
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "csrf_cookie": settings.CSRF_COOKIE_NAME,
                "staff": staff,
                "families": family_sessions,
                "api_token": token,
                "api_requests": api_requests,
                "council_slug": council.slug,
            }
        ),
        encoding="utf-8",
    )
    print(f"{len(staff)} staff and {len(family_sessions)} family sessions written to {args.out}")


if __name__ == "__main__":
    main()
