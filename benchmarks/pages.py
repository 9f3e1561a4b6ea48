"""The heaviest practitioner and family pages against a minimal page, side by side in one run.

    python benchmarks/pages.py [--families 1000] [--rounds 30]

Builds a throwaway SQLite database with one council of N families, each with a child, a parent
carer, a brother or sister and a request for help waiting for its decision, all allocated to one
practitioner. Then it times, in turn and interleaved, the public start page (the minimal page)
and the practitioner's heaviest pages, and prints each page's median time, its ratio to the
minimal page and to a signed-in page with nothing to show (the same "my work" page for a
practitioner with no families), and its query count. The design's bar: the heaviest
practitioner page within 2x a minimal page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SUPPORTFIRST_DATA_DIR"] = tempfile.mkdtemp(prefix="supportfirst-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportfirst.test_settings")
os.environ.pop("DATABASE_URL", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)

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
    from django.test import Client

    anonymous = Client()
    newcomer = signed_in_client(staff_user(council, Role.PRACTITIONER))
    from tests.accounts.factories import family_user

    parent = signed_in_client(family_user(family))
    pages = {
        "start page (minimal)": (anonymous, "/"),
        "my work, nothing due": (newcomer, "/staff/my-work/"),
        "my work": (client, "/staff/my-work/"),
        "families (all)": (client, "/staff/?show=all"),
        "family record": (client, f"/staff/families/{family.pk}/"),
        "request": (client, f"/staff/requests/{request.pk}/"),
        "family: home": (parent, "/family/"),
        "family: a request": (parent, f"/family/requests/{request.pk}/"),
    }
    timings: dict[str, list[float]] = {name: [] for name in pages}
    queries: dict[str, int] = {}
    for name, (who, url) in pages.items():  # warm up, and count queries once
        with CaptureQueriesContext(connection) as captured:
            assert who.get(url).status_code == 200, url
        queries[name] = len(captured)
    for _ in range(args.rounds):
        for name, (who, url) in pages.items():
            started = time.perf_counter()
            who.get(url)
            timings[name].append(time.perf_counter() - started)
    base = statistics.median(timings["start page (minimal)"])
    signed_in = statistics.median(timings["my work, nothing due"])
    print(f"{args.families} families, {args.rounds} rounds, SQLite, one process")
    print(f"{'page':<22} {'median ms':>10} {'x minimal':>10} {'x signed-in':>12} {'queries':>8}")
    for name in pages:
        median = statistics.median(timings[name])
        print(
            f"{name:<22} {median * 1000:>10.1f} {median / base:>10.2f} "
            f"{median / signed_in:>12.2f} {queries[name]:>8}"
        )


if __name__ == "__main__":
    main()
