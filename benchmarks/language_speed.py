"""How fast the language checker runs, on one core.

    python benchmarks/language_speed.py

Reports characters per second on a 1 MB document (a case history) and the time to check one
200-word paragraph (the keystroke-pause case), as medians of repeated runs.
Goals: at least 1 MB per second, and under 5 ms per paragraph.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from supportfirst.language import check, default_checker  # noqa: E402

PARAGRAPH = (
    "Claire told us that Alfie wakes at two most nights and one of them sits with him until "
    "four. He uses a tablet with symbols to tell them what he wants, and he becomes distressed "
    "when the house is noisy. The family asked for a short break at weekends and help at "
    "bedtime. Mum said she has not had a full night's sleep for three years. We met at the "
    "children's centre because that suited the family, and we gave a week's notice. Alfie's "
    "sister Ruby helps at bath time and would like some time for herself after school. The "
    "school has concerns about Alfie's safety at the gate, because he runs towards the road. "
    "Dad failed to attend the review, and the parents refused the parenting course. Alfie is "
    "non-verbal and suffers from epilepsy; his behaviour that challenges has increased since "
    "the new medicine. The occupational therapist will visit to measure the bathroom for a "
    "hoist, as the family asked, and will explain the CIN plan at the next TAC meeting. "
)


def paragraph_of_words(words: int) -> str:
    tokens = PARAGRAPH.split()
    repeated = (tokens * (words // len(tokens) + 1))[:words]
    return " ".join(repeated)


def main() -> None:
    default_checker()  # compile once, as a running service does
    document = (PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))[:1_000_000]
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        findings = check(document)
        runs.append(time.perf_counter() - started)
    seconds = statistics.median(runs)
    print(
        f"1 MB document: {len(document) / seconds / 1e6:.2f} MB per second "
        f"({seconds * 1000:.0f} ms, {len(findings)} findings)   (goal: at least 1)"
    )
    paragraph = paragraph_of_words(200)
    times = []
    for _ in range(300):
        started = time.perf_counter()
        check(paragraph)
        times.append(time.perf_counter() - started)
    print(
        f"200-word paragraph: {statistics.median(times) * 1000:.2f} ms median, "
        f"{sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms at the 95th percentile   "
        "(goal: under 5)"
    )


if __name__ == "__main__":
    main()
