"""How well the language checker tells the sentences to flag from the ones that are fine.

    python benchmarks/language_quality.py [FILE.tsv ...]

Each file has a header and rows of: label (flag or ok), category, sentence. A sentence counts as
flagged when the checker finds anything from the respectful-language vocabulary (the five
vocabulary categories). The plain-English findings (long sentences, unexplained acronyms) are
left out: they are about readability, and the labelled data does not treat them as flags
(for example "Lily's EHC plan" is labelled ok).

Prints recall on flag rows and the false-alarm rate on ok rows for each file, and lists the
misses. With no FILE: ../shared/data/language-dev.tsv and benchmarks/language_heldout.tsv
(sentences written after the vocabulary, and not used to tune it; the same team wrote both,
so treat it as a check, not proof).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from supportfirst.language import check  # noqa: E402
from supportfirst.language.vocabulary import RESPECTFUL_LANGUAGE  # noqa: E402

DEFAULT_FILES = [
    ROOT.parent / "shared" / "data" / "language-dev.tsv",
    ROOT / "benchmarks" / "language_heldout.tsv",
]


def flagged(sentence: str) -> bool:
    return any(f.category in RESPECTFUL_LANGUAGE for f in check(sentence))


def score(path: Path) -> tuple[float, float]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    flags = [r for r in rows if r["label"] == "flag"]
    oks = [r for r in rows if r["label"] == "ok"]
    missed = [r["sentence"] for r in flags if not flagged(r["sentence"])]
    false_alarms = [r["sentence"] for r in oks if flagged(r["sentence"])]
    recall = 1 - len(missed) / len(flags) if flags else 1.0
    false_alarm_rate = len(false_alarms) / len(oks) if oks else 0.0
    print(f"{path.name}: {len(flags)} flag rows, {len(oks)} ok rows")
    print(f"  recall on flag rows:        {recall:.3f}   (goal: at least 0.9)")
    print(f"  false alarms on ok rows:    {false_alarm_rate:.3f}   (goal: at most 0.05)")
    for sentence in missed:
        print(f"  missed:      {sentence}")
    for sentence in false_alarms:
        print(f"  false alarm: {sentence}")
    return recall, false_alarm_rate


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or DEFAULT_FILES
    for path in files:
        score(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
