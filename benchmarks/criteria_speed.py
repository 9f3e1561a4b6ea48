"""How fast the criteria evaluator decides, on one core, and how fast "what would change" is.

    python benchmarks/criteria_speed.py [--cases N] [--seed S] [--check]

Makes N synthetic cases (default 100,000) from a seeded random generator, so every run sees
the same cases: 1 to 10 needs each, areas of the child, a parent carer and sometimes a young
carer, random flags and frequencies, a child's age from 0 to 17, and the two wellbeing
answers. Each case is decided against each shipped set in turn (national model, Ashvale
2025 and 2026, Northmoor), three ways:

- decisions alone (`decide`: every need and service met or not, no words): what trying a
  draft against a council's history needs;
- the same through `evaluate(...).eligible`, whose reasons are never read, so never written;
- with every reason and "what would change" written (`evaluate`, then reading `needs` and
  `services`), as a stored decision needs.

Prints decisions per second of processor time (the median of three runs; what one core does,
whatever else the machine is running) and, for the written reasons, the first run too: a
sentence is written once and then looked up, so the first run over new cases is the slowest.
Then times "what would change" (`impact.what_would_change`) for Ashvale's 2026 draft against
its 2025 set over the first 10,000 cases, and prints how many cases were eligible, as a check
that the cases are not all one way. The evaluator is plain Python with no threads: one core.

`--check` also recomputes the 100,000-case digests of tests/criteria/golden (written by the
evaluator before it was compiled) and says whether every decision and reason is the same.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from supportfirst.rules.criteria import (  # noqa: E402
    AssessedNeed,
    Case,
    evaluate,
    load_file,
    shipped_set_paths,
)
from supportfirst.rules.criteria.areas import (  # noqa: E402
    CHILD,
    HOW_OFTEN,
    PARENT_CARER,
    YOUNG_CARER,
    areas_of,
)
from supportfirst.rules.criteria.evaluate import decide  # noqa: E402
from supportfirst.rules.criteria.impact import what_would_change  # noqa: E402

IMPACT_CASES = 10_000


def synthetic_cases(count: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    how_often = list(HOW_OFTEN)
    people = [CHILD] * 6 + [PARENT_CARER] * 3 + [YOUNG_CARER]
    cases = []
    for _ in range(count):
        needs = []
        for index in range(rng.randint(1, 10)):
            person = rng.choice(people)
            needs.append(
                AssessedNeed(
                    id=f"need-{index}",
                    person=person,
                    area=rng.choice(areas_of(person)),
                    description="",
                    cannot_without_help=rng.random() < 0.4,
                    only_with_pain_distress_or_anxiety=rng.random() < 0.3,
                    only_with_danger=rng.random() < 0.15,
                    takes_much_longer=rng.random() < 0.25,
                    how_often=rng.choice(how_often),
                )
            )
        cases.append(
            Case(
                needs=tuple(needs),
                arises_from_impairment_or_illness=rng.random() < 0.9,
                significant_impact_on_wellbeing=rng.random() < 0.75,
                child_age=rng.randint(0, 17),
            )
        )
    return cases


def _decided(criteria_set, case) -> bool:
    return decide(criteria_set, case).eligible


def _lazy(criteria_set, case) -> bool:
    return evaluate(criteria_set, case).eligible


def _written(criteria_set, case) -> bool:
    decision = evaluate(criteria_set, case)
    for outcome in (*decision.needs, *decision.services):
        if not (outcome.reason and outcome.what_would_change):
            raise AssertionError("a reason was not written")
    return decision.eligible


def _runs(label: str, decide_one: Callable, sets: list, cases: list[Case]) -> tuple[float, int]:
    cpu_runs = []
    eligible = 0
    for _ in range(3):
        eligible = 0
        cpu = time.process_time()
        for index, case in enumerate(cases):
            if decide_one(sets[index % len(sets)], case):
                eligible += 1
        cpu_runs.append(time.process_time() - cpu)
    seconds = statistics.median(cpu_runs)
    print(
        f"{label}: {len(cases) / seconds:,.0f} decisions per second on one core "
        f"({seconds:.2f} s of processor time for {len(cases):,}; median of 3 runs; "
        f"first run {len(cases) / cpu_runs[0]:,.0f})"
    )
    return len(cases) / seconds, eligible


def _check() -> bool:
    from tests.criteria import golden

    recorded = golden.recorded_digests()
    same = True
    for name, criteria_set in golden.criteria_sets():
        found = golden.digest(criteria_set, name, golden.FULL)
        matches = found == recorded["full"][name]
        same = same and matches
        print(f"  {name}: {'same' if matches else 'DIFFERENT'} ({golden.FULL:,} cases)")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--check", action="store_true", help="check the 100,000-case digests")
    args = parser.parse_args()

    paths = shipped_set_paths()
    sets = [load_file(path) for path in paths]
    cases = synthetic_cases(args.cases, args.seed)
    needs = sum(len(case.needs) for case in cases)
    print(
        f"{len(cases):,} synthetic cases (seed {args.seed}), {needs / len(cases):.1f} needs "
        f"each on average; {len(sets)} criteria sets, taken in turn"
    )
    _runs("Decisions alone (decide)", _decided, sets, cases)
    _runs("Decisions, reasons never read (evaluate)", _lazy, sets, cases)
    _, eligible = _runs("Every reason and what would change written", _written, sets, cases)
    print(f"{eligible:,} eligible, {len(cases) - eligible:,} not")

    by_name = {path.name: criteria_set for path, criteria_set in zip(paths, sets, strict=True)}
    history = [(f"case-{n}", case) for n, case in enumerate(cases[:IMPACT_CASES])]
    cpu, wall = time.process_time(), time.perf_counter()
    impact = what_would_change(
        by_name["957-ashvale-2025.yaml"], by_name["957-ashvale.yaml"], history
    )
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(
        f"What would change, Ashvale 2026 against 2025, {impact.cases:,} past decisions: "
        f"{cpu:.2f} s of processor time ({wall:.2f} s by the clock); "
        f"{impact.needs.newly_met.count:,} needs newly met, "
        f"{impact.needs.no_longer_met.count:,} no longer met"
    )
    if args.check:
        print("Checking every decision and reason against the evaluator before it was compiled:")
        if not _check():
            sys.exit("Some decisions or reasons are not the same.")
        print("All the same.")


if __name__ == "__main__":
    main()
