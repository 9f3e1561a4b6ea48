"""Ofsted's Annex A lists stream: memory stays flat however many children a council has.

    python benchmarks/annex_a_stream.py [--children 20000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench python benchmarks/annex_a_stream.py

Builds the same throwaway database as `census_stream.py` (one council, N children each with a
request for help received 40 days ago and its details for the returns). Then for N/10 and for N
children it writes, as the page and the command line do, the workbook (four sheets, openpyxl's
write-only mode) to a temporary file and List 6 as CSV to /dev/null, and prints the time of each
(by the clock) and the peak of Python memory allocated while each ran (tracemalloc, in a
separate run). Streaming means the peaks do not grow with N. (Keep N at 10,000 or more, so
that N/10 already fills more than one batch of 500: the peak holds two batches.) On SQLite at
1,000 and 10,000 children the peaks were 3.7 and 3.9 MB (workbook), 3.8 and 4.2 MB (CSV).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from census_stream import _make, _measure  # sets up the environment first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=20_000)
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


def _run(n: int, connection) -> None:
    from django.utils import timezone

    from supportfirst.councils.models import Role
    from supportfirst.returns import annex_a
    from tests.accounts.factories import staff_user
    from tests.councils.factories import CouncilFactory

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    user = staff_user(council, Role.PRACTITIONER)
    today = timezone.localdate()
    period = annex_a.Period(today - dt.timedelta(days=182), today)
    small = max(n // 10, 1)
    _make(council, user, 0, small)
    peaks = {}
    for size, add in ((small, 0), (n, n - small)):
        if add:
            _make(council, user, small, add)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        def workbook() -> None:
            with tempfile.TemporaryFile() as out:
                annex_a.write_workbook(council, period, out)

        def list_6() -> None:
            with open(os.devnull, "w", encoding="utf-8") as out:
                out.writelines(annex_a.csv_chunks(council, period, 6))

        book, csv = _measure(workbook), _measure(list_6)
        peaks[size] = (book[1], csv[1])
        print(
            f"{size:>9,} children on {connection.vendor}: workbook {book[0]:.2f} s, peak "
            f"{book[1]:.1f} MB; List 6 as CSV {csv[0]:.2f} s, peak {csv[1]:.1f} MB"
        )
    print(
        f"Peak memory at {n:,} children is {peaks[n][0] / peaks[small][0]:.2f}x (workbook) and "
        f"{peaks[n][1] / peaks[small][1]:.2f}x (CSV) its peak at {small:,}: flat means streaming."
    )


if __name__ == "__main__":
    main()
