"""Seeded cases and a canonical form of a decision, for proving that the evaluator decides and
words everything exactly as it did when the digests in `golden/` were written.

The digests and `golden/cases.json.gz` were made once, with the evaluator as it was before it was
compiled into tables (`python tests/criteria/golden.py --write`); the evaluator itself was not
kept. `test_golden.py` recomputes them with today's evaluator; `benchmarks/criteria_speed.py
--check` does the same for the full 100,000 cases per set.

The cases go further than the benchmark's: carers' own gate answers (or none), the age
comparator, needs that fluctuate over the week, a carer's own assessment without the child, no
age, no needs. Beside the four
shipped sets there are seeded variants of each (ages, one area enough, gates switched off,
services limited to areas), so every sentence the evaluator can write is exercised.

Whether a need fluctuates is drawn from a generator of its own, so every other draw is as it
was before it was added: a case with no fluctuating need is the case it always was, with the
decision it always had. The files were written again for that reason (December 2026), checked
so: every recorded case with no fluctuating need kept its decision word for word.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from supportfirst.rules.criteria import (  # noqa: E402
    AssessedNeed,
    CarerGates,
    Case,
    CriteriaSet,
    Decision,
    evaluate,
    load_file,
    shipped_set_paths,
)
from supportfirst.rules.criteria.areas import (  # noqa: E402
    CHILD,
    FLAGS,
    HOW_OFTEN,
    PARENT_CARER,
    YOUNG_CARER,
    areas_of,
)

HERE = Path(__file__).resolve().parent / "golden"
SEED = 20261204
FULL = 100_000  # cases per set for the full check (benchmark --check)
QUICK = 10_000  # cases per set in the normal test suite
GOLDEN_PER_SET = 30  # whole decisions kept in cases.json.gz, per set
VARIANTS_PER_SET = 2


def criteria_sets() -> list[tuple[str, CriteriaSet]]:
    """The shipped sets, each followed by its seeded variants, as (name, set)."""
    found = []
    for path in shipped_set_paths():
        base = load_file(path)
        found.append((path.stem, base))
        for number in range(1, VARIANTS_PER_SET + 1):
            found.append((f"{path.stem}~{number}", _variant(base, number)))
    return found


def _variant(base: CriteriaSet, number: int) -> CriteriaSet:
    rng = random.Random(f"{base.id}-{number}")
    criteria = []
    for c in base.criteria:
        own = areas_of(c.for_whom)
        counts = tuple(f for f in FLAGS if rng.random() < 0.6) or (FLAGS[rng.randrange(4)],)
        single_when = tuple(f for f in FLAGS if rng.random() < 0.25)
        single_in = tuple(a for a in own if rng.random() < 0.15)
        chosen = tuple(a for a in own if rng.random() < 0.6) if rng.random() < 0.7 else ()
        min_age = rng.choice([None, None, 3, 10]) if c.for_whom == CHILD else None
        max_age = rng.choice([None, None, 12, 17]) if c.for_whom == CHILD else None
        criteria.append(
            replace(
                c,
                areas=chosen,
                counts=counts,
                at_least=rng.choice(list(HOW_OFTEN)),
                outcomes_needed=rng.choice([1, 2, 2, 3, 5]),
                one_area_enough_when=single_when,
                one_area_enough_in=single_in,
                compare_with_same_age=rng.random() < 0.7,
                needs_impairment_or_illness=rng.random() < 0.8,
                needs_significant_impact=rng.random() < 0.8,
                min_age=min_age,
                max_age=max_age,
            )
        )
    by_id = {c.id: c for c in criteria}
    services = []
    for service in base.services:
        own = by_id[service.criterion].counted_areas
        limited = tuple(a for a in own if rng.random() < 0.4) if rng.random() < 0.5 else ()
        services.append(replace(service, areas=limited))
    return replace(
        base,
        criteria=tuple(criteria),
        services=tuple(services),
        digest=f"{base.digest}~{number}",
    )


def _gates(rng: random.Random) -> CarerGates | None:
    if rng.random() < 0.35:
        return None
    return CarerGates(
        from_caring=rng.random() < 0.85,
        impact_on_wellbeing=rng.random() < 0.7,
        health_at_risk=rng.random() < 0.3,
    )


def cases(count: int, seed: int) -> Iterator[Case]:
    """`count` seeded cases; the same seed always gives the same cases."""
    rng = random.Random(seed)
    hard_days = random.Random(f"{seed}-hard-days")  # apart: see the module's text
    how_often = list(HOW_OFTEN)
    people = [CHILD] * 6 + [PARENT_CARER] * 3 + [YOUNG_CARER]
    for _ in range(count):
        child_assessed = rng.random() < 0.9
        who = people if child_assessed else [PARENT_CARER, PARENT_CARER, YOUNG_CARER]
        needs = []
        for index in range(rng.randint(0, 10)):
            person = rng.choice(who)
            comparator = rng.choice([None, None, True, False]) if person == CHILD else None
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
                    more_than_same_age=comparator,
                    fluctuates=hard_days.random() < 0.2,
                )
            )
        yield Case(
            needs=tuple(needs),
            arises_from_impairment_or_illness=rng.random() < 0.9,
            significant_impact_on_wellbeing=rng.random() < 0.75,
            child_age=rng.randint(0, 19) if rng.random() < 0.85 else None,
            parent_carer=_gates(rng),
            young_carer=_gates(rng),
            child_assessed=child_assessed,
        )


def canonical(decision: Decision) -> str:
    """The whole decision as one line of JSON: every field, every reason, every change."""
    return json.dumps(decision.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(criteria_set: CriteriaSet, name: str, count: int) -> str:
    """sha256 over the canonical decisions for `count` seeded cases of one set."""
    hashed = hashlib.sha256()
    for case in cases(count, _seed(name)):
        hashed.update(canonical(evaluate(criteria_set, case)).encode())
        hashed.update(b"\n")
    return hashed.hexdigest()


def _seed(name: str) -> int:
    return SEED + sum(name.encode())


def golden_cases(criteria_set: CriteriaSet, name: str) -> list[dict]:
    return [
        {"set": name, "index": index, "case": case.to_dict()}
        for index, case in enumerate(cases(GOLDEN_PER_SET, _seed(name) + 1))
    ]


def recorded_digests() -> dict:
    return json.loads((HERE / "digests.json").read_text())


def recorded_cases() -> list[dict]:
    with gzip.open(HERE / "cases.json.gz", "rt", encoding="utf-8") as file:
        return json.load(file)


def write() -> None:
    HERE.mkdir(exist_ok=True)
    digests: dict[str, dict[str, str]] = {"quick": {}, "full": {}}
    golden = []
    for name, criteria_set in criteria_sets():
        digests["quick"][name] = digest(criteria_set, name, QUICK)
        digests["full"][name] = digest(criteria_set, name, FULL)
        for entry in golden_cases(criteria_set, name):
            decision = evaluate(criteria_set, Case.from_dict(entry["case"]))
            golden.append({**entry, "decision": decision.to_dict()})
        print(name, digests["full"][name], flush=True)
    meta = {"seed": SEED, "quick_cases": QUICK, "full_cases": FULL}
    (HERE / "digests.json").write_text(json.dumps({**meta, **digests}, indent=1) + "\n")
    text = "[\n" + ",\n".join(json.dumps(g, ensure_ascii=False) for g in golden) + "\n]\n"
    # Gzipped: the decisions repeat themselves (4 MB of text, 140 KB stored).
    with (
        (HERE / "cases.json.gz").open("wb") as out,
        gzip.GzipFile("cases.json", "wb", compresslevel=9, fileobj=out, mtime=0) as file,
    ):
        file.write(text.encode())


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/criteria/golden.py --write  (only with the old evaluator)")
    write()
