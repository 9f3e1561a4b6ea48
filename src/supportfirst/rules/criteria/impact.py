"""What would change: a draft criteria set tried against past decisions, before it is adopted.

Plain Python, no Django. The caller gives the set in force, the draft and the cases of past
decisions (each with an id the caller chooses: a decision's id, or an anonymised number for
the parent carer forum; no names are needed or read), and gets back how many needs and
services would change, in which direction, by criterion and by service, with a few example
case ids in each bucket:

    from supportfirst.rules.criteria.impact import what_would_change
    impact = what_would_change(current, draft, [(decision_id, case), ...], examples=5)
    impact.cases                       # how many cases were tried
    impact.eligible.newly_met.count    # cases eligible under the draft, not today
    impact.needs.no_longer_met.count   # needs met today that the draft would not meet
    impact.services.newly_met.examples # up to 5 case ids, in the order given
    for criterion_id, shift in impact.by_criterion.items(): ...  # in the order of the files
    for service_code, shift in impact.by_service.items(): ...

Each `Shift` has `newly_met` and `no_longer_met`, each a `Bucket` (`count`, `examples`,
`families`).
`needs` counts needs (a case with two needs newly met counts two); `services` counts a
service once per case; `eligible` counts cases. Examples are case ids, each once per bucket.
`families` is how many different families a bucket is made up from, for holding back small
figures (`rules.smallfigures`): give `families={case_id: family_key, ...}` (a family's cases
count once); a case not in it, or every case when it is not given, is a family of its own.

A need newly met is counted under the draft's criterion that meets it; a need no longer met,
under today's criterion that met it. Services are matched by code: a service only in the
draft is newly met wherever the draft meets it; a service only in today's set is no longer
met wherever it was met. `by_criterion` lists every criterion of either set (today's first,
then any new in the draft) and `by_service` every service, even when nothing changes, so a
page can say "no change". Needs are matched by their place in the case.

Only the decisions are made, never the reasons (`evaluate.decide`'s engine), so a council's
whole history is tried in about a second: `benchmarks/criteria_speed.py` times 10,000 cases.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from supportfirst.rules.criteria.evaluate import _compiled, _criteria, _keys, _needs, _services
from supportfirst.rules.criteria.model import Case, CriteriaSet


@dataclass(frozen=True)
class Bucket:
    count: int = 0
    examples: tuple[str, ...] = ()
    families: int = field(default=0, compare=False)
    """How many different families the count is made up from (not part of equality, so a
    bucket reads as its count and examples)."""


@dataclass(frozen=True)
class Shift:
    newly_met: Bucket = field(default_factory=Bucket)
    no_longer_met: Bucket = field(default_factory=Bucket)

    @property
    def changed(self) -> bool:
        return bool(self.newly_met.count or self.no_longer_met.count)


@dataclass(frozen=True)
class Impact:
    cases: int
    eligible: Shift
    needs: Shift
    services: Shift
    by_criterion: dict[str, Shift]
    by_service: dict[str, Shift]


class _Tally:
    """Counts and example ids for one bucket while the cases are run."""

    __slots__ = ("count", "examples", "families", "limit")

    def __init__(self, limit: int) -> None:
        self.count = 0
        self.examples: list[str] = []
        self.families: set[Hashable] = set()
        self.limit = limit

    def add(self, case_id: str, family: Hashable, count: int = 1) -> None:
        self.count += count
        self.families.add(family)
        examples = self.examples
        if len(examples) < self.limit and (not examples or examples[-1] != case_id):
            examples.append(case_id)

    def bucket(self) -> Bucket:
        return Bucket(self.count, tuple(self.examples), len(self.families))


def _shift(up: _Tally, down: _Tally) -> Shift:
    return Shift(up.bucket(), down.bucket())


def _met_codes(codes: list[str], results: list[bool]) -> set[str]:
    return {code for code, met in zip(codes, results, strict=True) if met}


def what_would_change(
    current: CriteriaSet,
    draft: CriteriaSet,
    cases: Iterable[tuple[str, Case]],
    examples: int = 5,
    families: Mapping[str, Hashable] | None = None,
) -> Impact:
    """Run every case under both sets and count what the draft would change. See the module."""
    now = _compiled(current)
    new = _compiled(draft)
    criteria = list(
        dict.fromkeys([*(c.id for c in current.criteria), *(c.id for c in draft.criteria)])
    )
    codes = list(
        dict.fromkeys([*(s.code for s in current.services), *(s.code for s in draft.services)])
    )

    def tallies(names: list[str]) -> dict[str, tuple[_Tally, _Tally]]:
        return {name: (_Tally(examples), _Tally(examples)) for name in names}

    by_criterion = tallies(criteria)
    by_service = tallies(codes)
    eligible = (_Tally(examples), _Tally(examples))
    needs = (_Tally(examples), _Tally(examples))
    services = (_Tally(examples), _Tally(examples))
    now_ids = [rule.id for rule in now.rules]
    new_ids = [rule.id for rule in new.rules]
    now_codes = [s.service.code for s in now.services]
    new_codes = [s.service.code for s in new.services]
    count = 0
    for case_id, case in cases:
        count += 1
        family = case_id if families is None else families.get(case_id, case_id)
        keys = _keys(case)
        was_eligible, now_states = _criteria(now, case, keys)
        is_eligible, new_states = _criteria(new, case, keys)
        if was_eligible != is_eligible:
            eligible[0 if is_eligible else 1].add(case_id, family)
        before = _needs(now, keys, now_states)
        after = _needs(new, keys, new_states)
        if before != after:
            for (was, was_rule), (now_met, new_rule) in zip(before, after, strict=True):
                if was == now_met:
                    continue
                if now_met:
                    needs[0].add(case_id, family)
                    by_criterion[new_ids[new_rule]][0].add(case_id, family)
                else:
                    needs[1].add(case_id, family)
                    by_criterion[now_ids[was_rule]][1].add(case_id, family)
        met_before = _met_codes(now_codes, _services(now, case, keys, now_states))
        met_after = _met_codes(new_codes, _services(new, case, keys, new_states))
        if met_before != met_after:
            for code in codes:
                was, is_met = code in met_before, code in met_after
                if was != is_met:
                    services[0 if is_met else 1].add(case_id, family)
                    by_service[code][0 if is_met else 1].add(case_id, family)
    return Impact(
        cases=count,
        eligible=_shift(*eligible),
        needs=_shift(*needs),
        services=_shift(*services),
        by_criterion={name: _shift(*pair) for name, pair in by_criterion.items()},
        by_service={code: _shift(*pair) for code, pair in by_service.items()},
    )
