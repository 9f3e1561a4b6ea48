"""`supportfirst language check` on big files: time and peak memory, both output formats.

    python benchmarks/language_check_size.py [--megabytes 10]

Builds two files in a temporary folder from the sentences of benchmarks/*.tsv, flagged and
clean ones mixed (about half of them flagged, so there are tens of thousands of findings):
one with a sentence or two a line, and one of the same size that is one single line. Runs the
command on each, in its plain and its --json output, each in its own process, with the output
going to a file. Prints the wall time, the CPU time and the peak resident memory of that
process (from the operating system's account of the finished child, the same figure
resource.getrusage(RUSAGE_CHILDREN) gives, taken per child with os.wait4).

Goal (issue 17 point 4): each under 10 seconds and under 200 MB. The verdict uses the CPU
time: on a shared machine the wall clock also counts the time other programs held the core
(the command uses one core; on an idle machine the two are within a few per cent).

The command reads in blocks and checks in bounded windows, so time grows in step with the
size and memory stays flat: try --megabytes 1 and --megabytes 20 to see it.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 10.0
GOAL_MB = 200.0


def sentences() -> tuple[list[str], list[str]]:
    """(flagged, clean) sentences from every benchmark file."""
    flagged, clean = [], []
    for path in sorted((ROOT / "benchmarks").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2].strip():
                (flagged if parts[0] == "flag" else clean).append(parts[2].strip())
    return flagged, clean


def build(folder: Path, size: int) -> tuple[Path, Path]:
    flagged, clean = sentences()
    chosen = random.Random(17)
    lines_path, single_path = folder / "lines.txt", folder / "one-line.txt"
    written = 0
    with (
        lines_path.open("w", encoding="utf-8") as lines,
        single_path.open("w", encoding="utf-8") as single,
    ):
        while written < size:
            group = [
                chosen.choice(flagged if chosen.random() < 0.5 else clean)
                for _ in range(chosen.randint(1, 2))
            ]
            text = " ".join(group)
            lines.write(text + "\n")
            single.write(text + " ")
            written += len(text.encode("utf-8")) + 1
    return lines_path, single_path


def measure(path: Path, json_output: bool, out: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, exit code) of one run of the command."""
    command = [sys.executable, "-m", "supportfirst", "language", "check"]
    command += ["--json"] if json_output else []
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with out.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen([*command, str(path)], stdout=sink, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return wall, usage.ru_utime + usage.ru_stime, peak_mb, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    options = parser.parse_args()
    size = int(options.megabytes * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        paths = build(Path(folder), size)
        print(
            f"language check on {options.megabytes:g} MB "
            f"(goal: under {GOAL_SECONDS:g} s, under {GOAL_MB:g} MB)"
        )
        failed = False
        for path in paths:
            for json_output in (False, True):
                out = Path(folder) / "out.txt"
                wall, cpu, peak, code = measure(path, json_output, out)
                findings = _count(out, json_output)
                fine = cpu < GOAL_SECONDS and peak < GOAL_MB and code == 1
                failed = failed or not fine
                print(
                    f"  {path.name:12} {'--json' if json_output else 'plain ':6}  "
                    f"{wall:6.2f} s wall  {cpu:6.2f} s CPU  {peak:6.1f} MB peak  "
                    f"{findings:>7,} findings  {out.stat().st_size / 1e6:6.1f} MB printed  "
                    f"exit {code}  {'ok' if fine else 'OVER GOAL'}"
                )
    sys.exit(1 if failed else 0)


def _count(out: Path, json_output: bool) -> int:
    """The number of findings, read from the last line of the plain output or by counting
    the JSON rows (one '"start": ' each), without loading the output at once."""
    count = 0
    last = ""
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            if json_output:
                count += line.startswith('    "start": ')
            else:
                last = line
    if json_output:
        return count
    return int(last.split()[0]) if last[:1].isdigit() else 0


if __name__ == "__main__":
    main()
