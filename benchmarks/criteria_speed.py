"""How fast the criteria evaluator decides, on one core.

    python benchmarks/criteria_speed.py [--cases N] [--seed S]

Makes N synthetic cases (default 100,000) from a seeded random generator, so every run sees
the same cases: 1 to 10 needs each, areas of the child, a parent carer and sometimes a young
carer, random flags and frequencies, a child's age from 0 to 17, and the two wellbeing
answers. Each case is decided against each shipped set in turn (national model, Ashvale
2025 and 2026, Northmoor), with every reason and "what would change" written, as a running
service does. Prints decisions per second of processor time (the median of three runs; what one core
does, whatever else the machine is running), the same by the clock, and how many cases were
eligible, as a check that the cases are not all one way. The evaluator is plain Python with no
threads, so it uses one core.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()

    sets = [load_file(path) for path in shipped_set_paths()]
    cases = synthetic_cases(args.cases, args.seed)
    needs = sum(len(case.needs) for case in cases)
    print(
        f"{len(cases):,} synthetic cases (seed {args.seed}), {needs / len(cases):.1f} needs "
        f"each on average; {len(sets)} criteria sets, taken in turn"
    )
    cpu_runs = []
    wall_runs = []
    eligible = 0
    for _ in range(3):
        eligible = 0
        cpu, wall = time.process_time(), time.perf_counter()
        for index, case in enumerate(cases):
            if evaluate(sets[index % len(sets)], case).eligible:
                eligible += 1
        cpu_runs.append(time.process_time() - cpu)
        wall_runs.append(time.perf_counter() - wall)
    cpu_seconds = statistics.median(cpu_runs)
    wall_seconds = statistics.median(wall_runs)
    print(
        f"{len(cases) / cpu_seconds:,.0f} decisions per second on one core "
        f"({cpu_seconds:.2f} s of processor time for {len(cases):,}; median of 3 runs)"
    )
    print(
        f"{len(cases) / wall_seconds:,.0f} decisions per second by the clock "
        f"({wall_seconds:.2f} s; lower when other programs share the core)"
    )
    print(f"{eligible:,} eligible, {len(cases) - eligible:,} not")


if __name__ == "__main__":
    main()
