"""Does every statement a criterion makes have a worked example that tests it?

A criterion's plain-English text says several things: how many areas of life, how often help
is needed, which ways of being hard count, when one area is enough, that the needs come from
a disability or illness (or from caring), that there is a big effect on wellbeing, that the
need is more than other children of the same age have, and which ages or areas it is for.
Each is a field of the rule. For each one we make the rule *without* it (or with it changed)
and run the file's worked examples again: if no example comes out differently, nothing shows
that the rule does what the words say, and `untested_statements` reports it. The loader turns
each report into a problem with the criterion's place in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from supportfirst.rules.criteria import areas
from supportfirst.rules.criteria.evaluate import evaluate
from supportfirst.rules.criteria.model import CriteriaSet, Criterion

_FLAG_WORDS = {
    areas.CANNOT_WITHOUT_HELP: "a need counts when it cannot be managed without help",
    areas.PAIN_DISTRESS_OR_ANXIETY: (
        "a need counts when it can only be managed with a lot of pain, distress or anxiety"
    ),
    areas.DANGER: "a need counts when it can only be managed with danger to someone",
    areas.MUCH_LONGER: "a need counts when it takes much longer than usual",
}


@dataclass(frozen=True)
class Untested:
    """A statement of one criterion that no worked example tests."""

    criterion_index: int
    criterion_id: str
    field: str
    statement: str

    @property
    def message(self) -> str:
        return (
            f"The criterion “{self.criterion_id}” says {self.statement}, but no worked example "
            "tests it: every example would come out the same if the rule did not say it. Add "
            "a worked example that depends on it (see docs/criteria-format.md, “Worked "
            "examples test every statement”)."
        )


def _variants(c: Criterion) -> Iterator[tuple[str, str, Criterion]]:
    """(field, statement, the criterion without that statement) for each thing it says."""
    if c.outcomes_needed > 1:
        yield (
            "outcomes_needed",
            f"at least {c.outcomes_needed} areas of life are needed",
            replace(c, outcomes_needed=c.outcomes_needed - 1),
        )
    elif len(c.counted_areas) > 1:
        yield (
            "outcomes_needed",
            "one area of life is enough",
            replace(c, outcomes_needed=2, one_area_enough_when=(), one_area_enough_in=()),
        )
    if c.at_least != "less_often":
        yield (
            "at_least",
            f"help must be needed at least {areas.HOW_OFTEN[c.at_least]}",
            replace(c, at_least="less_often"),
        )
    for flag in c.counts:
        if len(c.counts) > 1:
            without = tuple(f for f in c.counts if f != flag)
            yield (
                "counts",
                _FLAG_WORDS[flag],
                replace(
                    c,
                    counts=without,
                    one_area_enough_when=tuple(f for f in c.one_area_enough_when if f in without),
                ),
            )
    yield from _one_area_variants(c)
    yield from _gate_variants(c)


def _one_area_variants(c: Criterion) -> Iterator[tuple[str, str, Criterion]]:
    for flag in c.one_area_enough_when:
        rest = tuple(f for f in c.one_area_enough_when if f != flag)
        yield (
            "one_area_enough_when",
            f"one area is enough when {_FLAG_WORDS[flag].removeprefix('a need counts when ')}",
            replace(c, one_area_enough_when=rest),
        )
    for area in c.one_area_enough_in:
        rest = tuple(a for a in c.one_area_enough_in if a != area)
        yield (
            "one_area_enough_in",
            f"one area is enough when it is {areas.area_name(area).lower()}",
            replace(c, one_area_enough_in=rest),
        )


def _gate_variants(c: Criterion) -> Iterator[tuple[str, str, Criterion]]:
    if c.needs_impairment_or_illness:
        yield (
            "needs_impairment_or_illness",
            "the needs must come from a disability or illness"
            if c.for_whom == areas.CHILD
            else "the needs must come from caring",
            replace(c, needs_impairment_or_illness=False),
        )
    if c.needs_significant_impact:
        yield (
            "needs_significant_impact",
            "there must be, or be likely to be, a big effect on wellbeing",
            replace(c, needs_significant_impact=False),
        )
    if c.for_whom == areas.CHILD and c.compare_with_same_age:
        yield (
            "compare_with_same_age",
            "a need counts only when it is more than other children of the same age need",
            replace(c, compare_with_same_age=False),
        )
    if c.areas and set(c.areas) != set(areas.areas_of(c.for_whom)):
        yield ("areas", "only some areas of life count", replace(c, areas=()))
    if c.min_age is not None:
        yield ("min_age", f"it is for children aged {c.min_age} or over", replace(c, min_age=None))
    if c.max_age is not None:
        yield ("max_age", f"it is for children aged {c.max_age} or under", replace(c, max_age=None))


def _outcomes(
    criteria_set: CriteriaSet,
) -> list[tuple[bool, tuple[bool, ...], tuple[bool, ...]]]:
    results = []
    for example in criteria_set.examples:
        decision = evaluate(criteria_set, example.case)
        results.append(
            (
                decision.eligible,
                tuple(n.met for n in decision.needs),
                tuple(s.met for s in decision.services),
            )
        )
    return results


def untested_statements(criteria_set: CriteriaSet) -> list[Untested]:
    """Each statement of each criterion that no worked example would notice missing."""
    expected = _outcomes(criteria_set)
    found = []
    for index, criterion in enumerate(criteria_set.criteria):
        for field, statement, changed in _variants(criterion):
            criteria = tuple(
                changed if i == index else c for i, c in enumerate(criteria_set.criteria)
            )
            mutated = replace(criteria_set, criteria=criteria, digest=f"{field}:{index}")
            if _outcomes(mutated) == expected:
                found.append(Untested(index, criterion.id, field, statement))
    return found
