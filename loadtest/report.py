"""Helpers for loadtest/run: watch the server's memory, and summarise the run.

python loadtest/report.py watch PID OUT      every half second, the resident memory of the
                                             process PID and all its children (gunicorn's
                                             master and workers), until PID ends; the peak
                                             is written to OUT in MB
python loadtest/report.py summary PREFIX PEAK TIMINGLOG
                                             p50/p95/p99 per page, requests per second and
                                             errors from Locust's PREFIX_stats.csv, the
                                             server's peak memory, and from the service's
                                             own timing log the queries each page made
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(status.parent.name))
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def watch(pid: int, out: Path) -> None:
    peak = 0.0
    while Path(f"/proc/{pid}").exists():
        total = _rss_mb(pid) + sum(_rss_mb(child) for child in _children(pid))
        if total > peak:
            peak = total
            out.write_text(f"{peak:.0f}\n")
        time.sleep(0.5)


_LINE = re.compile(r"^(GET|POST) (\S+) (\d{3}) ([\d.]+) ms (\d+) queries ([\d.]+) ms db$")
_IDS = re.compile(r"/\d+(?=/|$)")


def _timing_log(path: Path) -> dict[str, list[tuple[float, int]]]:
    pages: dict[str, list[tuple[float, int]]] = defaultdict(list)
    if not path.exists():
        return pages
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            found = _LINE.match(line.strip())
            if found:
                page = f"{found[1]} {_IDS.sub('/[id]', found[2])}"
                pages[page].append((float(found[4]), int(found[5])))
    return pages


def summary(prefix: str, peak_file: Path, timing_log: Path) -> None:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(f"{'page':<30} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all pages"
        if name == "all pages":
            print("-" * 70)
        print(
            f"{name:<30} {int(row['Request Count']):>8} {int(row['Failure Count']):>6} "
            f"{row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print(f"Requests per second: {float(total['Requests/s']):.1f}")
    print(f"Errors: {total['Failure Count']} of {total['Request Count']} requests")
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        for row in list(csv.DictReader(failures.open(encoding="utf-8")))[:10]:
            print(f"  {row['Occurrences']} x {row['Method']} {row['Name']}: {row['Error']}")
    peak = peak_file.read_text().strip() if peak_file.exists() else "?"
    print(f"Server's peak memory (gunicorn master and workers, resident): {peak} MB")
    pages = _timing_log(timing_log)
    if pages:
        print("\nThe service's own timing (Server-Timing log), slowest median first:")
        print(f"{'request':<44} {'count':>6} {'median ms':>9} {'queries':>8}")
        ranked = sorted(pages.items(), key=lambda item: -statistics.median(t for t, _ in item[1]))
        for page, seen in ranked[:15]:
            queries = statistics.median(q for _, q in seen)
            median = statistics.median(t for t, _ in seen)
            print(f"{page:<44} {len(seen):>6} {median:>9.1f} {queries:>8.0f}")


def main() -> None:
    if sys.argv[1:2] == ["watch"]:
        watch(int(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1:2] == ["summary"]:
        summary(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
