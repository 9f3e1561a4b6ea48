"""The Children in Need census streams: memory stays flat however many children a council has.

    python benchmarks/census_stream.py [--children 100000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python benchmarks/census_stream.py

Builds a throwaway database (SQLite in memory; or, when DATABASE_URL is set, a fresh "test_"
database beside the one it names, dropped at the end) with one council and N children, each with
a request for help open in the collection year and the details the census needs. Then, side by
side in one run, for N/10 and for N children:

- the raw SELECT of the same rows (children, requests and their census details, read in chunks
  with a database cursor and thrown away): the least any export must do;
- the census written to /dev/null by the export the command line uses
  (`supportfirst export cin-census`): batches of children, plain records, the XML writer.

It prints the time of each (by the clock, no tracing) and the peak of Python memory allocated
while each ran (tracemalloc, in a separate run), and the ratios. Streaming means the census's
peak does not grow with N: compare its peak at N/10 and at N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SUPPORTFIRST_DATA_DIR"] = tempfile.mkdtemp(prefix="supportfirst-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportfirst.test_settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=100_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    test_name = connection.creation.create_test_db(verbosity=0)
    try:
        _run(args.children, connection)
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)


def _make(council, user, start: int, count: int) -> None:
    from django.utils import timezone

    from supportfirst.families.models import Child, Family
    from supportfirst.pathway.models import SupportRequest
    from supportfirst.returns.models import ChildCensusDetails, RequestCensusDetails

    now = timezone.now()
    received = now - dt.timedelta(days=40)
    step = 5000
    for first in range(start, start + count, step):
        numbers = range(first, min(first + step, start + count))
        families = Family.objects.bulk_create(
            Family(council=council, reference=f"B-{n:07d}", name=f"Family {n}") for n in numbers
        )
        children = Child.objects.bulk_create(
            Child(
                family=f,
                council=council,
                first_name="Child",
                last_name=f"Number {n}",
                date_of_birth=dt.date(2012, 1, 1) + dt.timedelta(days=n % 2000),
                disability_codes=["AUT", "COMM"] if n % 2 else ["MOB"],
                upn="",
            )
            for f, n in zip(families, numbers, strict=True)
        )
        ChildCensusDetails.objects.bulk_create(
            ChildCensusDetails(
                family=c.family,
                child=c,
                sex="MF"[n % 2],
                ethnicity="WBRI",
                upn_unknown="UN5",
                updated_at=now,
                updated_by=user,
            )
            for c, n in zip(children, numbers, strict=True)
        )
        requests = SupportRequest.objects.bulk_create(
            SupportRequest(
                family=c.family,
                council=council,
                child=c,
                reference=f"BR-{n:07d}",
                received_at=received,
                who_asked="parent",
                requester_name="A parent",
                help_asked_for="Help at home.",
                status="support_pathway",
                next_step_due=now.date(),
                assessment_due=now.date(),
            )
            for c, n in zip(children, numbers, strict=True)
        )
        RequestCensusDetails.objects.bulk_create(
            RequestCensusDetails(
                family=r.family,
                request=r,
                referral_source="1A",
                primary_need="N2",
                updated_at=now,
                updated_by=user,
            )
            for r in requests
        )


def _raw_select(connection, council_id: int) -> int:
    rows = 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.first_name, c.last_name, c.date_of_birth, c.upn, c.disability_codes, "
            "d.sex, d.ethnicity, d.upn_unknown, r.reference, r.received_at, r.who_asked, "
            "r.status, rd.referral_source, rd.primary_need, rd.closed_on, rd.closure_reason "
            "FROM families_child c JOIN families_family f ON f.id = c.family_id "
            "JOIN pathway_supportrequest r ON r.child_id = c.id "
            "LEFT JOIN returns_childcensusdetails d ON d.child_id = c.id "
            "LEFT JOIN returns_requestcensusdetails rd ON rd.request_id = r.id "
            "WHERE f.council_id = %s ORDER BY c.id",
            [council_id],
        )
        while batch := cursor.fetchmany(2000):
            rows += len(batch)
    return rows


def _measure(work: Callable[[], object]) -> tuple[float, float]:
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1_000_000


def _run(n: int, connection) -> None:
    from django.utils import timezone

    from supportfirst.councils.models import Role
    from supportfirst.returns import export
    from tests.accounts.factories import staff_user
    from tests.councils.factories import CouncilFactory

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    user = staff_user(council, Role.PRACTITIONER)
    today = timezone.localdate()
    year = today.year + 1 if today > dt.date(today.year, 3, 31) else today.year
    small = max(n // 10, 1)
    made = time.perf_counter()
    _make(council, user, 0, small)
    results = {}
    for size, add in ((small, 0), (n, n - small)):
        if add:
            _make(council, user, small, add)
            print(f"({n:,} children made in {time.perf_counter() - made:.0f} s)")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        raw = _measure(lambda: _raw_select(connection, council.pk))
        census = _measure(lambda: export.cin_census(la_code="957", year=year, output=os.devnull))
        results[size] = (raw, census)
        print(
            f"{size:>9,} children on {connection.vendor}: raw SELECT {raw[0]:.2f} s, peak "
            f"{raw[1]:.1f} MB; census to /dev/null {census[0]:.2f} s, peak {census[1]:.1f} MB; "
            f"census / raw: {census[0] / raw[0]:.1f}x the time"
        )
    (raw_s, census_s), (raw_n, census_n) = results[small], results[n]
    print(
        f"Census peak memory at {n:,} children is {census_n[1] / census_s[1]:.2f}x its peak at "
        f"{small:,} (flat means streaming; the raw SELECT's is {raw_n[1] / raw_s[1]:.2f}x)."
    )


if __name__ == "__main__":
    main()
