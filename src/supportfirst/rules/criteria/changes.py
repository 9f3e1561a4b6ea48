"""What changed between two versions of a criteria set, in plain English: for each criterion and
each service, whether it was added, removed or changed, and a sentence for each thing that
changed (the words, the rule's parts, the law). The public page of every published version
shows it against the version before; a draft's page shows it against the version it started
from. Plain Python, like the rest of the rules.

    for change in set_changes(before, after):
        print(change.heading)
        for line in change.lines:
            print("-", line)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from supportfirst.rules.criteria import areas
from supportfirst.rules.criteria.model import CriteriaSet, Criterion, Service

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"

_KIND_WORDS = {"criterion": "Criterion", "service": "Help", "set": "The criteria as a whole"}
_DUTY_WORDS = {"duty": "a duty", "general": "a general duty", "power": "a power"}
_PERSON_WORDS = {
    areas.CHILD: "the child",
    areas.PARENT_CARER: "a parent carer",
    areas.YOUNG_CARER: "a young carer",
}
_FLAG_WORDS = {
    areas.CANNOT_WITHOUT_HELP: "cannot be managed without help",
    areas.PAIN_DISTRESS_OR_ANXIETY: "only with a lot of pain, distress or anxiety",
    areas.DANGER: "only with danger",
    areas.MUCH_LONGER: "takes much longer",
}


@dataclass(frozen=True)
class PartChange:
    """One criterion, one service, or the set's own title and summary, and what changed."""

    kind: str  # "criterion", "service" or "set"
    key: str  # the criterion's id or the service's code ("" for the set)
    name: str  # its title or name as it is now (as it was, when removed)
    change: str  # "added", "removed" or "changed"
    lines: tuple[str, ...]

    @property
    def heading(self) -> str:
        if self.kind == "set":
            return f"{_KIND_WORDS['set']}: changed"
        return f"{_KIND_WORDS[self.kind]} “{self.name}”: {self.change}"


def _quoted(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def _list(codes: tuple[str, ...], words: Callable[[str], str], empty: str) -> str:
    return "; ".join(words(code) for code in codes) if codes else empty


def _area_list(codes: tuple[str, ...], empty: str) -> str:
    return _list(codes, lambda code: areas.area_name(code), empty)


def _flag_list(codes: tuple[str, ...]) -> str:
    return _list(codes, lambda flag: _FLAG_WORDS.get(flag, flag), "none")


def _how_often(code: str) -> str:
    return areas.HOW_OFTEN.get(code, code)


def _age(value: int | None) -> str:
    return "none" if value is None else str(value)


def _words(old: str, new: str) -> str:
    return f"The words changed from {_quoted(old)} to {_quoted(new)}."


def _was(now: str, was: str) -> str:
    return f"now {now} (it was {was})."


def _criterion_lines(old: Criterion, new: Criterion) -> Iterator[str]:
    if old.title != new.title:
        yield f"The title changed from {_quoted(old.title)} to {_quoted(new.title)}."
    if " ".join(old.plain_english.split()) != " ".join(new.plain_english.split()):
        yield _words(old.plain_english, new.plain_english)
    if old.for_whom != new.for_whom:
        yield f"Who it is for: {_was(_PERSON_WORDS[new.for_whom], _PERSON_WORDS[old.for_whom])}"
    if old.areas != new.areas:
        every = "every area of life"
        now, was = _area_list(new.areas, every), _area_list(old.areas, every)
        yield f"Areas of life it counts: {_was(now, was)}"
    if old.counts != new.counts:
        yield f"A need counts when it: {_was(_flag_list(new.counts), _flag_list(old.counts))}"
    if old.at_least != new.at_least:
        now, was = _how_often(new.at_least), _how_often(old.at_least)
        yield f"How often help must be needed, at least: {_was(now, was)}"
    if old.outcomes_needed != new.outcomes_needed:
        yield f"Areas of life needed: {_was(str(new.outcomes_needed), str(old.outcomes_needed))}"
    if old.one_area_enough_when != new.one_area_enough_when:
        yield (
            "One area is enough when a need: "
            + _was(_flag_list(new.one_area_enough_when), _flag_list(old.one_area_enough_when))
        )
    if old.one_area_enough_in != new.one_area_enough_in:
        yield (
            "One area is enough in: "
            + _was(
                _area_list(new.one_area_enough_in, "none"),
                _area_list(old.one_area_enough_in, "none"),
            )
        )
    yield from _gate_lines(old, new)
    if old.min_age != new.min_age:
        yield f"Youngest age: {_was(_age(new.min_age), _age(old.min_age))}"
    if old.max_age != new.max_age:
        yield f"Oldest age: {_was(_age(new.max_age), _age(old.max_age))}"


def _gate_lines(old: Criterion, new: Criterion) -> Iterator[str]:
    source = "caring" if new.for_whom != areas.CHILD else "a disability or illness"
    if old.needs_impairment_or_illness != new.needs_impairment_or_illness:
        yield (
            f"The needs must now come from {source}."
            if new.needs_impairment_or_illness
            else f"The needs no longer have to come from {source}."
        )
    if old.needs_significant_impact != new.needs_significant_impact:
        yield (
            "There must now be, or be likely to be, a big effect on wellbeing."
            if new.needs_significant_impact
            else "A big effect on wellbeing is no longer needed."
        )
    if old.compare_with_same_age != new.compare_with_same_age:
        yield (
            "A need now counts only when it is more than other children of the same age need."
            if new.compare_with_same_age
            else "A need is no longer compared with what other children of the same age need."
        )


def _citations(service: Service) -> str:
    return "; ".join(basis.citation for basis in service.legal_basis) or "none"


def _service_lines(
    old: Service, new: Service, old_titles: dict[str, str], new_titles: dict[str, str]
) -> Iterator[str]:
    if old.name != new.name:
        yield f"The name changed from {_quoted(old.name)} to {_quoted(new.name)}."
    if " ".join(old.plain_english.split()) != " ".join(new.plain_english.split()):
        yield _words(old.plain_english, new.plain_english)
    if old.for_whom != new.for_whom:
        yield f"Who it is for: {_was(_PERSON_WORDS[new.for_whom], _PERSON_WORDS[old.for_whom])}"
    if old.criterion != new.criterion:
        now = new_titles.get(new.criterion, new.criterion)
        was = old_titles.get(old.criterion, old.criterion)
        yield f"The criterion it is decided by: {_was(_quoted(now), _quoted(was))}"
    if old.areas != new.areas:
        every = "any eligible need"
        now, was = _area_list(new.areas, every), _area_list(old.areas, every)
        yield f"Needs it helps with: {_was(now, was)}"
    if old.legal_basis != new.legal_basis and _citations(old) != _citations(new):
        yield f"The law: {_was(_citations(new), _citations(old))}"
    if old.duty_or_power != new.duty_or_power:
        now = _DUTY_WORDS.get(new.duty_or_power, new.duty_or_power)
        was = _DUTY_WORDS.get(old.duty_or_power, old.duty_or_power)
        yield f"What the law gives: {_was(now, was)}"


def _parts(
    kind: str,
    old: dict[str, Any],
    new: dict[str, Any],
    name: Callable[[Any], str],
    words: Callable[[Any], str],
    lines: Callable[[Any, Any], Iterator[str]],
) -> Iterator[PartChange]:
    for key, part in new.items():
        if key not in old:
            yield PartChange(kind, key, name(part), ADDED, (f"Added: {_quoted(words(part))}",))
            continue
        found = tuple(lines(old[key], part))
        if found:
            yield PartChange(kind, key, name(part), CHANGED, found)
    for key, part in old.items():
        if key not in new:
            what = "criterion" if kind == "criterion" else "kind of help"
            yield PartChange(kind, key, name(part), REMOVED, (f"This {what} is taken out.",))


def set_changes(before: CriteriaSet | None, after: CriteriaSet) -> list[PartChange]:
    """What changed from `before` to `after`: the set's title and summary first, then each
    criterion and each service in the order of `after` (removed ones last). Empty when
    nothing changed, or when there is no version before."""
    if before is None:
        return []
    found: list[PartChange] = []
    top: list[str] = []
    if before.title != after.title:
        top.append(f"The title changed from {_quoted(before.title)} to {_quoted(after.title)}.")
    if " ".join(before.summary.split()) != " ".join(after.summary.split()):
        top.append(
            f"The summary changed from {_quoted(before.summary)} to {_quoted(after.summary)}."
        )
    if top:
        found.append(PartChange("set", "", after.title, CHANGED, tuple(top)))
    found.extend(
        _parts(
            "criterion",
            {c.id: c for c in before.criteria},
            {c.id: c for c in after.criteria},
            lambda c: c.title,
            lambda c: c.plain_english,
            _criterion_lines,
        )
    )
    old_titles = {c.id: c.title for c in before.criteria}
    new_titles = {c.id: c.title for c in after.criteria}
    found.extend(
        _parts(
            "service",
            {s.code: s for s in before.services},
            {s.code: s for s in after.services},
            lambda s: s.name,
            lambda s: s.plain_english,
            lambda old, new: _service_lines(old, new, old_titles, new_titles),
        )
    )
    return found
