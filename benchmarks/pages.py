"""The heaviest practitioner and family pages against a minimal page, side by side in one run.

    python benchmarks/pages.py [--families 1000] [--rounds 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        python benchmarks/pages.py --families 10000

Builds a throwaway database (SQLite in memory; or, when DATABASE_URL is set, a fresh "test_"
database beside the one it names, dropped at the end) with one council of N families, each with
a child, a parent carer, a brother or sister and a request for help waiting for its decision, all
allocated to one practitioner. Then it times, in turn and interleaved, the public start page,
a signed-in page with nothing to show (My work for a practitioner with no families) and the
staff's and the family's pages, and prints each page's median time, its ratio to the public page
and to the signed-in page, and its query count. The bar (issue 17): every page within 2x the
signed-in page at 10,000 families, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SUPPORTFIRST_DATA_DIR"] = tempfile.mkdtemp(prefix="supportfirst-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportfirst.test_settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--slowest",
        action="store_true",
        help="after the table, each page over 2x: its three slowest queries (SQL cut short)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    test_name = connection.creation.create_test_db(verbosity=0)
    try:
        _run(args, connection, CaptureQueriesContext)
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)


def _run(args: argparse.Namespace, connection: Any, CaptureQueriesContext: Any) -> None:
    from supportfirst.councils.models import Role
    from tests.accounts.factories import staff_user
    from tests.conftest import signed_in_client
    from tests.councils.factories import CouncilFactory
    from tests.pathway.test_pages import _add_requests

    council = CouncilFactory()
    worker = staff_user(council, Role.PRACTITIONER)
    _add_requests(council, worker, args.families)
    family = council.families.order_by("pk").first()
    request = family.support_requests.first()
    client = signed_in_client(worker)
    manager = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    child = family.children.first()
    # As after any bulk load (demo data, the load test's families): fresh statistics, on both
    # databases (kernel/dbstats.py).
    from supportfirst.kernel.dbstats import refresh_statistics

    refresh_statistics()
    from django.test import Client

    anonymous = Client()
    newcomer = signed_in_client(staff_user(council, Role.PRACTITIONER))
    from tests.accounts.factories import family_user

    parent = signed_in_client(family_user(family))
    admin = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    forum = signed_in_client(staff_user(council, Role.FORUM_MEMBER))
    analyst = signed_in_client(staff_user(council, Role.DATA_TEAM))
    pages = {
        "public start page": (anonymous, "/"),
        "my work, nothing due": (newcomer, "/staff/my-work/"),
        "my work": (client, "/staff/my-work/"),
        "families (all)": (client, "/staff/?show=all"),
        "team (manager)": (manager, "/staff/team/"),
        "my work (manager)": (manager, "/staff/my-work/"),
        "staff home": (client, "/staff/"),
        "family record": (client, f"/staff/families/{family.pk}/"),
        "child": (client, f"/staff/children/{child.pk}/"),
        "request": (client, f"/staff/requests/{request.pk}/"),
        "request timeline": (client, f"/staff/requests/{request.pk}/timeline/"),
        "withholding": (client, f"/staff/families/{family.pk}/withholding/"),
        "downloads": (client, "/staff/downloads/"),
        "family: home": (parent, "/family/"),
        "family: child": (parent, f"/family/children/{child.pk}/"),
        "family: requests": (parent, "/family/requests/"),
        "family: a request": (parent, f"/family/requests/{request.pk}/"),
        "family: who looked": (parent, "/family/who-has-looked/"),
        # Pages added since the first measurement (co-production, transition, returns, retention).
        "people (admin)": (admin, "/staff/people/"),
        "retention (admin)": (admin, "/staff/retention/"),
        "criteria (manager)": (manager, "/staff/criteria/"),
        "training (manager)": (manager, "/staff/training/"),
        "forum figures": (forum, "/staff/forum-figures/"),
        "growing up": (client, f"/staff/children/{child.pk}/growing-up/"),
        "EHC plan": (client, f"/staff/children/{child.pk}/ehc-plan/"),
        "returns: child": (client, f"/staff/returns/children/{child.pk}/"),
        "returns: request": (client, f"/staff/returns/requests/{request.pk}/"),
        "census check (manager)": (manager, "/staff/returns/cin-census/"),
        "dashboard (manager)": (manager, "/staff/returns/dashboard/"),
        "dashboard (data team)": (analyst, "/staff/returns/dashboard/"),
        "dashboard: months (manager)": (manager, "/staff/returns/dashboard/months/"),
        "dashboard: months (data)": (analyst, "/staff/returns/dashboard/months/"),
        "family: growing up": (parent, f"/family/children/{child.pk}/growing-up/"),
        "family: messages": (parent, "/family/notifications/"),
    }
    timings: dict[str, list[float]] = {name: [] for name in pages}
    queries: dict[str, int] = {}
    captured_sql: dict[str, list[dict[str, str]]] = {}
    for name, (who, url) in pages.items():  # warm up, and count queries once
        with CaptureQueriesContext(connection) as captured:
            assert who.get(url).status_code == 200, url
        queries[name] = len(captured)
    for name, (who, url) in pages.items():  # once more, warm, to see where the time goes
        with CaptureQueriesContext(connection) as captured:
            who.get(url)
        captured_sql[name] = list(captured.captured_queries)
    for _ in range(args.rounds):
        for name, (who, url) in pages.items():
            started = time.perf_counter()
            who.get(url)
            timings[name].append(time.perf_counter() - started)
    base = statistics.median(timings["public start page"])
    signed_in = statistics.median(timings["my work, nothing due"])
    database = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    print(f"{args.families} families, {args.rounds} rounds, {database}, one process")
    print(f"{'page':<24} {'median ms':>10} {'x public':>10} {'x signed-in':>12} {'queries':>8}")
    for name in pages:
        median = statistics.median(timings[name])
        print(
            f"{name:<24} {median * 1000:>10.1f} {median / base:>10.2f} "
            f"{median / signed_in:>12.2f} {queries[name]:>8}"
        )
    if args.slowest:
        for name in pages:
            if statistics.median(timings[name]) <= 2 * signed_in:
                continue
            print(f"\n{name}: slowest queries (seconds, once, warm)")
            slow = sorted(captured_sql[name], key=lambda q: -float(q["time"]))[:3]
            for query in slow:
                print(f"  {float(query['time']):.4f}  {query['sql'][:400]}")


if __name__ == "__main__":
    main()
