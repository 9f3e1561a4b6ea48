"""How fast the language checker runs, on one core.

    python benchmarks/language_speed.py

Reports characters per second on a 1 MB document (a case history) and the time to check one
200-word paragraph (the pause between keystrokes), as medians of repeated runs. The checker
is plain Python with no threads, so it uses one core. The 1 MB document and the paragraph are
written to be hard: a finding every hundred characters or so, quotations, acronyms, and stated
and unstated concerns, so every context rule runs. A second 1 MB document made of the
held-out sentences is closer to a real record. Goals: at least 1 MB per second, and under
5 ms per paragraph.

Times are the CPU time of this process (time.process_time), not the wall clock: the checker
runs on one core, and on a shared machine the wall clock also counts the time other programs
held the core. Compare two versions by running both, one after the other, on the same machine.

Also reports the one-time cost of building the checker (loading the vocabulary and compiling
it into one pattern), which a running service pays once, and again only when a council
changes its own entries.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from supportfirst.rules.language import Checker, check, default_checker, shipped  # noqa: E402

PARAGRAPH = (
    "Claire told us that Alfie wakes at two most nights and one of them sits with him until "
    "four. He uses a tablet with symbols to tell them what he wants, and he becomes distressed "
    "when the house is noisy. The family asked for a short break at weekends and help at "
    "bedtime. Mum said “we are at breaking point” and that she has not had a full night’s "
    "sleep for three years. We met at the children’s centre because that suited the family. "
    "The school has concerns about Alfie's safety at the gate, because he runs towards the "
    "road. Concerns were raised. Dad failed to attend the review, and the parents refused "
    "the parenting course. Alfie is non-verbal and suffers from epilepsy; his behaviour that "
    "challenges has increased since the new medicine. The occupational therapist will visit "
    "to measure the bathroom for a hoist, and will explain the CIN plan at the next TAC. "
)


def paragraph_of_words(words: int) -> str:
    tokens = PARAGRAPH.split()
    repeated = (tokens * (words // len(tokens) + 1))[:words]
    return " ".join(repeated)


def typical_document(size: int) -> str:
    """Sentences from the held-out set, one after another, as a long case history."""
    rows = (ROOT / "benchmarks" / "language_heldout.tsv").read_text(encoding="utf-8")
    sentences = [line.split("\t")[2] for line in rows.splitlines()[1:] if line.count("\t") == 2]
    text = " ".join(sentences) + "\n"
    return (text * (size // len(text) + 1))[:size]


def main() -> None:
    shipped.cache_clear()
    started = time.process_time()
    Checker(shipped())
    print(f"Building the checker (once): {(time.process_time() - started) * 1000:.0f} ms")
    default_checker()  # compile once, as a running service does

    document = (PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))[:1_000_000]
    runs = []
    for _ in range(5):
        started = time.process_time()
        findings = check(document)
        runs.append(time.process_time() - started)
    seconds = statistics.median(runs)
    print(
        f"1 MB document: {len(document) / seconds / 1e6:.2f} MB per second, "
        f"{len(document) / seconds:,.0f} characters per second "
        f"({seconds * 1000:.0f} ms, {len(findings)} findings)   (goal: at least 1 MB/s)"
    )

    typical = typical_document(1_000_000)
    runs = []
    for _ in range(5):
        started = time.process_time()
        findings = check(typical)
        runs.append(time.process_time() - started)
    seconds = statistics.median(runs)
    print(
        f"1 MB of held-out sentences, about half of them with findings: "
        f"{len(typical) / seconds / 1e6:.2f} MB per second ({seconds * 1000:.0f} ms, "
        f"{len(findings)} findings)"
    )

    paragraph = paragraph_of_words(200)
    times = []
    for _ in range(500):
        started = time.process_time()
        check(paragraph)
        times.append(time.process_time() - started)
    median = statistics.median(times)
    print(
        f"200-word paragraph ({len(paragraph)} characters): {median * 1000:.2f} ms median, "
        f"{sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms at the 95th percentile, "
        f"{len(paragraph) / median:,.0f} characters per second   (goal: under 5 ms)"
    )


if __name__ == "__main__":
    main()
