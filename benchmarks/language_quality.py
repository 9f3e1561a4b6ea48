"""How well the language checker tells the sentences to flag from the ones that are fine.

    python benchmarks/language_quality.py [FILE.tsv ...]

Each file has a header and rows of: label (flag or ok), category, sentence.

What counts as "flagged": a sentence is flagged when the checker finds anything from the
respectful-language vocabulary (the five categories safeguarding-lens, parent-blame,
parent-judgement, deficit-language, jargon). The plain-English findings (very long sentences,
unexplained acronyms) are left out: they are about readability, not respect, and the labelled
data does not treat them as flags ("The family agreed that we could ask the school for a copy
of Lily's EHC plan." is labelled ok, though "EHC" is not explained). System acronyms that are
jargon (CIN, TAC, CWD, ...) are in the vocabulary, so they do count. The script also prints
the false-alarm rate if plain-English findings counted, to show why they are left out.

Prints recall on flag rows and the false-alarm rate on ok rows for each file, recall by
labelled category, and lists every miss and false alarm. With no FILE it scores:

- ../shared/data/language-dev.tsv (the development set);
- benchmarks/language_heldout.tsv: sentences written by the developers in the style of the
  development set, without copying it. Each batch was scored once before any vocabulary
  change it prompted; those first scores are in the report of the change that added it.
  The vocabulary has since been improved with them, so they are a regression check;
- benchmarks/language_heldout_final.tsv: a last batch written after the vocabulary was
  finished and scored once, as the best estimate here of how the checker does on sentences
  it has never seen. Tuning the vocabulary on it makes it a regression check too.

- benchmarks/language_tuning_2026-12.tsv and benchmarks/language_heldout_2026-12.tsv: for
  the three families of judgement added in December 2026 (doubt cast on a parent's account, a
  child's behaviour put down to the home, a parent's circumstances framed as damage to their
  parenting) and for concerns a sentence rules out. The held-out file was written before the
  change and scored once before and once after tuning on the tuning file; its header has both
  scores.

Lines beginning with "#" are comments.

The goals (recall at least 0.9, false alarms at most 0.05) are for sentences never seen.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from supportfirst.rules.language import RESPECTFUL_LANGUAGE, check  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "language-dev.tsv"
DEFAULT_FILES = [
    DEV,
    ROOT / "benchmarks" / "language_heldout.tsv",
    ROOT / "benchmarks" / "language_heldout_final.tsv",
    ROOT / "benchmarks" / "language_tuning_2026-12.tsv",
    ROOT / "benchmarks" / "language_heldout_2026-12.tsv",
]


def flagged(sentence: str) -> bool:
    """Does the checker flag this sentence? (Respectful-language findings only.)"""
    return any(f.category in RESPECTFUL_LANGUAGE for f in check(sentence))


def anything_found(sentence: str) -> bool:
    return bool(check(sentence))


def read(path: Path) -> list[dict[str, str]]:
    """The rows of a file; lines beginning with "#" are comments (a file's history)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def score(path: Path) -> tuple[float, float]:
    rows = read(path)
    flags = [r for r in rows if r["label"] == "flag"]
    oks = [r for r in rows if r["label"] == "ok"]
    missed = [r for r in flags if not flagged(r["sentence"])]
    false_alarms = [r["sentence"] for r in oks if flagged(r["sentence"])]
    with_plain = [r["sentence"] for r in oks if anything_found(r["sentence"])]
    recall = 1 - len(missed) / len(flags) if flags else 1.0
    false_alarm_rate = len(false_alarms) / len(oks) if oks else 0.0
    print(f"{path.name}: {len(flags)} flag rows, {len(oks)} ok rows")
    print(f"  recall on flag rows:        {recall:.3f}   (goal: at least 0.9)")
    print(f"  false alarms on ok rows:    {false_alarm_rate:.3f}   (goal: at most 0.05)")
    if oks:
        print(
            f"  (false alarms if plain-English findings counted too: "
            f"{len(with_plain) / len(oks):.3f})"
        )
    by_category = Counter(r["category"] for r in flags)
    missed_by_category = Counter(r["category"] for r in missed)
    print(
        "  recall by category:         "
        + ", ".join(
            f"{category} {1 - missed_by_category[category] / count:.2f}"
            for category, count in sorted(by_category.items())
        )
    )
    for row in missed:
        print(f"  missed:      {row['sentence']}")
    for sentence in false_alarms:
        print(f"  false alarm: {sentence}")
    return recall, false_alarm_rate


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or DEFAULT_FILES
    for path in files:
        if not path.exists():
            print(f"{path}: not found", file=sys.stderr)
            return 2
        score(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
