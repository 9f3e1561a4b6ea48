"""Applying a criteria set to a case: a decision for each need and each service, with reasons.

Fast, in three steps. Each criteria set is compiled once (`_compiled`): a criterion becomes the
set of need keys that count under it (a need's key is one whole number made of who, the area,
how often, its four flags, the age comparator and whether it fluctuates over the week), so
deciding is a few set look-ups per need. `decide` stops there and gives a `Verdict` (met or
not, no words): what trying a draft against a council's history needs. `evaluate` gives a
`Decision` whose reasons are written only when read; each sentence depends only on the
criterion, the need's key and how the criterion came out, so it is written once (by the
functions below) and then looked up: for a case, one look-up by how every criterion came out
gives the services' outcomes and a table of the needs' outcomes by key (`_write`).

Deterministic: the same set and case always give the same decision, word for word (no
clock, no randomness, no dictionary-order surprises: everything follows the order of the
file and of the case). The reasons are written for the family in short sentences: the area
of life, what makes it hard, how often, which criteria, whether the help is a duty, a general
duty or a power, and what would change the outcome. The law itself is in each service
outcome's `legal_basis`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import cast

from supportfirst.rules.criteria import areas
from supportfirst.rules.criteria.lawkinds import DUTY, GENERAL, POWER, service_sentence
from supportfirst.rules.criteria.model import (
    AssessedNeed,
    CarerGates,
    Case,
    CriteriaSet,
    Criterion,
    Decision,
    NeedOutcome,
    Service,
    ServiceOutcome,
)

_WHO = {areas.CHILD: "your child", areas.PARENT_CARER: "you", areas.YOUNG_CARER: "the young carer"}
_WHOSE = {
    areas.CHILD: "your child's",
    areas.PARENT_CARER: "your own",
    areas.YOUNG_CARER: "the young carer's",
}
# A carer's criteria read the carer's own answers (Case.parent_carer, Case.young_carer). When
# they were not given, this is said as it is.
_GATES_NOT_ASKED = {
    areas.PARENT_CARER: (
        "The questions about your own wellbeing as a parent carer were not answered in this "
        "assessment.",
        "If we answer the questions about your own wellbeing, this would be looked at again. "
        "Ask us to do this.",
    ),
    areas.YOUNG_CARER: (
        "The questions about the young carer's own wellbeing were not answered in this assessment.",
        "If we answer the questions about the young carer's own wellbeing, this would be "
        "looked at again. Ask us to do this.",
    ),
}
# The carer's health limb (Care and Support (Eligibility Criteria) Regulations 2015, reg
# 3(1)(b)(i), as the model): health getting worse, or at risk of it, is enough without areas.
_HEALTH_LIMB = {
    areas.PARENT_CARER: "Your own physical or mental health is getting worse, or is at risk of "
    "getting worse, because of caring.",
    areas.YOUNG_CARER: "The young carer's physical or mental health is getting worse, or is at "
    "risk of getting worse, because of caring.",
}
_CAUSE = {
    areas.CHILD: "the needs come from a disability or illness",
    areas.PARENT_CARER: "the needs come from caring for a disabled child",
    areas.YOUNG_CARER: "the needs come from helping to care for someone in the family",
}
# Names used inside sentences where the assessment's own name has an acronym.
_SENTENCE_NAMES = {"learning": "Learning and school"}
# Said of a need that fluctuates over the week: its flags and how often are the hard days'.
HARD_DAYS = "Some days are much harder than others, so this need is judged by the hard days."
_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
_LIST_AT_MOST = 4

DUTY_SENTENCE = service_sentence(DUTY)
GENERAL_SENTENCE = service_sentence(GENERAL)
POWER_SENTENCE = service_sentence(POWER)


def _number(count: int) -> str:
    return _NUMBERS.get(count, str(count))


def _areas_phrase(count: int) -> str:
    return f"{_number(count)} area{'s' if count != 1 else ''} of life"


def _join(items: list[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _lower(name: str) -> str:
    """A name inside a sentence: "sleep"; a name starting with an acronym keeps it."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


# Each area's name at the start of a sentence, and inside one.
_NAME = {code: _SENTENCE_NAMES.get(code) or name for code, (name, _) in areas.AREAS.items()}
_INSIDE = {code: _lower(name) for code, name in _NAME.items()}


def _name(code: str) -> str:
    return _NAME.get(code, code)


def _names(codes: list[str] | tuple[str, ...], last: str = "and") -> str:
    """Area names for a sentence; a long list is shortened so the sentence stays readable."""
    names = [_INSIDE.get(code, code) for code in codes]
    if len(names) > _LIST_AT_MOST:
        rest = len(names) - (_LIST_AT_MOST - 1)
        names = [*names[: _LIST_AT_MOST - 1], f"{_number(rest)} other areas"]
    return _join(names, last)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _flag_sentence(flag: str, person: str) -> str:
    who = _WHO[person]
    return {
        areas.CANNOT_WITHOUT_HELP: f"{who} cannot manage this without help.",
        areas.PAIN_DISTRESS_OR_ANXIETY: f"{who} can only manage it with a lot of pain, "
        "distress or anxiety.",
        areas.DANGER: f"managing it puts {who} or other people in danger.",
        areas.MUCH_LONGER: f"it takes {who} much longer than usual.",
    }[flag]


# (flag, person) -> the sentence saying what makes the need hard to meet.
_FLAG_SENTENCES = {
    (flag, person): _capital(_flag_sentence(flag, person))
    for flag in areas.FLAGS
    for person in areas.PERSONS
}


_FLAG_COUNTED = {
    areas.CANNOT_WITHOUT_HELP: "needing help",
    areas.PAIN_DISTRESS_OR_ANXIETY: "a lot of pain, distress or anxiety",
    areas.DANGER: "danger to someone",
    areas.MUCH_LONGER: "taking much longer than usual",
}
_FLAG_CONDITION = {
    areas.CANNOT_WITHOUT_HELP: "with help",
    areas.PAIN_DISTRESS_OR_ANXIETY: "with a lot of pain, distress or anxiety",
    areas.DANGER: "with danger to someone",
    areas.MUCH_LONGER: "by taking much longer than usual",
}
_FLAG_STOP = {
    areas.CANNOT_WITHOUT_HELP: "without help",
    areas.PAIN_DISTRESS_OR_ANXIETY: "without a lot of pain, distress or anxiety",
    areas.DANGER: "without danger",
    areas.MUCH_LONGER: "in about the usual time",
}


class _Rule:
    """A criterion compiled once: which needs count under it and which are enough on their own,
    as sets of need keys (see `_key`), and the sentences that never change."""

    __slots__ = (
        "area_set",
        "carer",
        "count_keys",
        "counts",
        "criterion",
        "end",
        "failed",
        "for_whom",
        "gates",
        "heads",
        "id",
        "max_age",
        "met_changes",
        "met_tail",
        "met_texts",
        "middles",
        "min_age",
        "needed",
        "needs_cause",
        "needs_impact",
        "not_counting",
        "outcomes",
        "outside_ages",
        "person",
        "rank",
        "single",
        "single_areas",
        "single_keys",
        "stop_sentence",
        "texts",
    )

    def __init__(self, c: Criterion) -> None:
        tail = []
        if c.needs_impairment_or_illness:
            tail.append(f"{_capital(_CAUSE[c.for_whom])}.")
        if c.needs_significant_impact:
            tail.append("There is, or is likely to be, a significant effect on wellbeing.")
        stop = _join([_FLAG_STOP[flag] for flag in c.counts])
        stop_sentence = (
            f"This need would stop counting if {_WHO[c.for_whom]} could manage it {stop}."
        )
        if c.at_least != "less_often":
            stop_sentence += (
                " It would also stop counting if help were needed less often than "
                f"{areas.HOW_OFTEN[c.at_least]}."
            )
        self.criterion = c
        self.id = c.id
        self.for_whom = c.for_whom
        self.carer = c.for_whom != areas.CHILD
        self.needed = c.outcomes_needed
        self.needs_cause = c.needs_impairment_or_illness
        self.needs_impact = c.needs_significant_impact
        self.min_age = c.min_age
        self.max_age = c.max_age
        self.area_set = frozenset(c.counted_areas)
        self.counts = c.counts
        self.rank = areas.HOW_OFTEN_RANK[c.at_least]
        self.single = c.one_area_enough_when
        self.single_areas = frozenset(c.one_area_enough_in)
        self.met_tail = " ".join(tail)
        self.stop_sentence = stop_sentence
        # The keys of every need that counts under it (see `_key`), and of those enough alone.
        person = areas.PERSONS.index(c.for_whom)
        flag_mask = sum(_FLAG_BITS[flag] for flag in c.counts)
        single_mask = sum(_FLAG_BITS[flag] for flag in c.one_area_enough_when)
        age_matters = c.compare_with_same_age and c.for_whom == areas.CHILD
        count_keys = set()
        single_keys = set()
        for area, by_often in _KEY_BASE[c.for_whom].items():
            if area not in self.area_set:
                continue
            for how_often, base in by_often.items():
                if areas.HOW_OFTEN_RANK[how_often] < self.rank:
                    continue
                for bits in range(_KEY_BITS):
                    if not bits & flag_mask or (age_matters and bits & _TYPICAL):
                        continue
                    count_keys.add(base + bits)
                    # A need that fluctuates is judged by its hard days exactly as the same
                    # need every day: the _FLUCTUATES bit never changes whether it counts.
                    if area in self.single_areas or bits & single_mask:
                        single_keys.add(base + bits)
        self.count_keys = frozenset(count_keys)
        self.single_keys = frozenset(single_keys)
        self.person = person
        # The gate code for each of the person's answers: 0-3 (cause not recorded: 2, no
        # significant effect: 1) and 4 for a carer whose own questions were not answered.
        self.gates = (
            *tuple(
                (1 if self.needs_cause and answers & 2 else 0)
                + (2 if self.needs_impact and answers & 1 else 0)
                for answers in range(4)
            ),
            _NOT_ASKED if self.needs_cause or self.needs_impact else 0,
        )
        self.outside_ages = frozenset(
            age
            for age in range(-1, 200)
            if (c.min_age is not None and age < c.min_age)
            or (c.max_age is not None and age > c.max_age)
        )
        # Sentences already written for this criterion, by what they depend on.
        self.texts: dict[object, tuple] = {}
        self.heads: dict[int, str] = {}
        self.met_texts: dict[int, tuple[str, str]] = {}
        self.failed: dict[tuple, dict[str, tuple[str, str]]] = {}
        self.middles: dict[tuple[int, ...], str] = {}
        self.met_changes: list[str | None] = [None, None]
        self.end = f" {self.met_tail}" if self.met_tail else ""
        # How the criterion has come out in cases written so far (see `_Outcome`), and the
        # whole outcome of a need that counts under no criterion, by its key.
        self.outcomes: dict[tuple, _Outcome] = {}
        self.not_counting: dict[int, _NeedTexts] = {}


# A need's key is one whole number: who, which area, how often, whether it fluctuates over the
# week (32), its four flags (16, 8, 4, 2) and whether it is recorded as what other children of
# the same age need too (1). Every key is known in advance, so a criterion is compiled into
# the set of keys that count under it.
_FLAG_BITS = {flag: 2 << index for index, flag in enumerate(reversed(areas.FLAGS))}
_TYPICAL = 1
_FLUCTUATES = 32
_KEY_BITS = 64  # the bits above, all of them: a key's area number is key >> _AREA_SHIFT
_AREA_SHIFT = 8  # log2(_KEY_BITS * len(areas.HOW_OFTEN))
if _KEY_BITS * len(areas.HOW_OFTEN) != 1 << _AREA_SHIFT:  # pragma: no cover - a wrong edit
    raise RuntimeError("_AREA_SHIFT must be log2(_KEY_BITS * the number of frequencies).")
_AREA_INDEX = {area: index for index, area in enumerate(areas.AREAS)}
_AREA_CODES = list(areas.AREAS)
_KEY_BASE: dict[str, dict[str, dict[str, int]]] = {
    person: {
        area: {
            how_often: ((p * len(areas.AREAS) + a) * len(areas.HOW_OFTEN) + h) * _KEY_BITS
            for h, how_often in enumerate(areas.HOW_OFTEN)
        }
        for a, area in enumerate(areas.AREAS)
    }
    for p, person in enumerate(areas.PERSONS)
}

# The same by area alone: every area belongs to one person (`areas.AREAS`).
_AREA_KEY_BASE = {area: _KEY_BASE[person][area] for area, (_, person) in areas.AREAS.items()}


def _key(need: AssessedNeed) -> int:
    return (
        _AREA_KEY_BASE[need.area][need.how_often]
        + 16 * need.cannot_without_help
        + 8 * need.only_with_pain_distress_or_anxiety
        + 4 * need.only_with_danger
        + 2 * need.takes_much_longer
        + (need.more_than_same_age is False)
        + _FLUCTUATES * need.fluctuates
    )


@dataclass
class _State:
    """How one criterion came out for the case, in full: made only when a sentence that has not
    been written before needs it. `failures` and `changes` are sentences."""

    rule: _Rule
    counting: list[AssessedNeed]
    counted_areas: tuple[str, ...]
    met: bool
    failures: list[str]
    changes: list[str]
    counting_ids: set[int]
    health_limb: bool = False


def _typical_for_age(rule: _Rule, need: AssessedNeed) -> bool:
    """The age comparator: the assessment records that other children of the same age need
    this help too (a two-year-old needing help to dress), so it is not a need that counts."""
    return (
        rule.criterion.compare_with_same_age
        and need.person == areas.CHILD
        and need.more_than_same_age is False
    )


def _single(rule: _Rule, need: AssessedNeed) -> bool:
    """A counting need that is enough on its own: it has a flag, or is in an area, that the
    criterion says makes one area enough."""
    return need.area in rule.single_areas or any(getattr(need, flag) for flag in rule.single)


def _single_words(rule: _Rule, need: AssessedNeed | None = None) -> str:
    """How the criteria say one area is enough, e.g. "with danger to someone, or in keeping
    safe". For a need, only what applies to it."""
    flags = [f for f in rule.single if need is None or getattr(need, f)]
    in_areas = [a for a in rule.single_areas if need is None or need.area == a]
    parts = [f"can only be managed {_FLAG_CONDITION[flag]}" for flag in flags]
    parts += [f"is in {_lower(_name(area))}" for area in sorted(in_areas)]
    return _join(parts, "or")


def _area_failure(rule: _Rule, counted_areas: list[str]) -> tuple[str, list[str]]:
    """Why too few areas count, and what would change it."""
    c = rule.criterion
    have = len(counted_areas)
    whose = _WHOSE[c.for_whom]
    if have:
        failure = (
            f"{_capital(_areas_phrase(have))} can only be managed with help "
            f"({_names(counted_areas)}). The criteria need {_number(c.outcomes_needed)}."
        )
        short = c.outcomes_needed - have
        more = "one more area" if short == 1 else f"{_number(short)} more areas"
    else:
        failure = f"No area of {whose} life is recorded as one that can only be managed with help."
        more = "one area" if c.outcomes_needed == 1 else f"{_number(c.outcomes_needed)} areas"
    changes = [f"If {more} of {whose} life could only be managed with help, this would be met."]
    if (rule.single or rule.single_areas) and c.outcomes_needed > 1:
        changes.append(f"One area is enough when a need that counts {_single_words(rule)}.")
    return failure, changes


def _age_range(c: Criterion) -> str:
    if c.min_age is not None and c.max_age is not None:
        return f"children aged {c.min_age} to {c.max_age}"
    if c.min_age is not None:
        return f"children aged {c.min_age} or over"
    return f"children aged {c.max_age} or under"


def _need_met(need: AssessedNeed, state: _State) -> NeedOutcome:
    rule = state.rule
    parts = [_met_head(rule, need), _met_middle(rule, need, state.counted_areas)]
    if rule.met_tail:
        parts.append(rule.met_tail)
    change = _met_change(rule, len(state.counted_areas), _single(rule, need))
    return NeedOutcome(need.id, True, rule.criterion.id, " ".join(parts), change)


def _met_head(rule: _Rule, need: AssessedNeed) -> str:
    """The area, what makes it hard and how often: the start of a met need's reason."""
    flags = [flag for flag in areas.FLAGS if getattr(need, flag) and flag in rule.counts]
    parts = [f"{_name(need.area)}: met."]
    if need.fluctuates and flags:
        # Judged by the hard days: an average over the week would hide them.
        parts.append(HARD_DAYS)
    parts += [_FLAG_SENTENCES[flag, need.person] for flag in flags]
    parts.append(_how_often_sentence(need))
    return " ".join(parts)


def _met_middle(rule: _Rule, need: AssessedNeed, counted_areas: tuple[str, ...]) -> str:
    """Why the areas counted are enough."""
    c = rule.criterion
    counted = len(counted_areas)
    if counted >= c.outcomes_needed and counted > 1:
        return _met_areas(rule, counted_areas)
    if counted >= c.outcomes_needed:
        return f"The criteria “{c.title}” need one area of life like this."
    return (
        f"The criteria “{c.title}” accept one area of life when a need {_single_words(rule, need)}."
    )


def _met_areas(rule: _Rule, counted_areas: tuple[str, ...]) -> str:
    c = rule.criterion
    counted = len(counted_areas)
    return (
        f"{_capital(_areas_phrase(counted))} can only be managed with help "
        f"({_names(counted_areas)}). "
        f"The criteria “{c.title}” need {_number(c.outcomes_needed)} or more."
    )


def _met_change(rule: _Rule, counted: int, single: bool) -> str:
    c = rule.criterion
    changes = [rule.stop_sentence]
    if counted == c.outcomes_needed and counted > 1 and not single:
        changes.append(
            f"The criteria need {_number(c.outcomes_needed)} areas of life, and that is how "
            "many count now."
        )
    elif counted < c.outcomes_needed:
        changes.append(
            f"Otherwise the criteria would need {_number(c.outcomes_needed)} areas of life."
        )
    return " ".join(changes)


def _how_often_sentence(need: AssessedNeed) -> str:
    """How often help is needed; for a need that comes and goes, how often the hard days come."""
    if need.fluctuates:
        return f"The hard days come {areas.HOW_OFTEN[need.how_often]}."
    return f"Help is needed {areas.HOW_OFTEN[need.how_often]}."


def _need_not_met(need: AssessedNeed, state: _State) -> NeedOutcome:
    c = state.rule.criterion
    rule = state.rule
    who = _WHO[need.person]
    reasons: list[str] = []
    changes: list[str] = []
    if need.area not in rule.area_set:
        reasons.append(f"The criteria “{c.title}” do not look at {_lower(_name(need.area))}.")
        reasons.append(f"They look at {_names(c.counted_areas)}.")
        changes.append(
            "A need in one of those areas that can only be managed with help would count."
        )
    else:
        if need.fluctuates:
            reasons.append(HARD_DAYS)
        if not any(getattr(need, flag) for flag in rule.counts):
            counted = _join([_FLAG_COUNTED[flag] for flag in rule.counts], "or")
            reasons.append(f"The criteria “{c.title}” count {counted}.")
            reasons.append("The assessment does not record any of these for this need.")
            first, *others = rule.counts
            changes.append(
                f"It would count if {who} could only manage it {_FLAG_CONDITION[first]}."
            )
            if others:
                rest = _join([_FLAG_COUNTED[flag] for flag in others], "or")
                changes.append(f"The same goes for {rest}.")
        if _typical_for_age(rule, need):
            reasons.append(
                "The assessment records that other children of the same age need this help "
                "too. The criteria count needs that are more than other children of the same "
                "age have."
            )
            changes.append(
                f"It would count if {who} needed more help with this than other children of "
                "the same age."
            )
        if areas.HOW_OFTEN_RANK[need.how_often] < rule.rank:
            reasons.append(_how_often_sentence(need))
            reasons.append(
                f"The criteria “{c.title}” count a need when help is needed "
                f"{areas.HOW_OFTEN[c.at_least]} or more often."
            )
            changes.append(
                f"If {'the hard days came' if need.fluctuates else 'help were needed'} "
                f"{areas.HOW_OFTEN[c.at_least]} or more often, it would count."
            )
    if not reasons or reasons == [HARD_DAYS]:
        reasons.append(f"This need counts, but the criteria “{c.title}” are not met.")
        reasons.extend(state.failures)
        changes.extend(state.changes)
    reason = f"{_name(need.area)}: not met. {' '.join(reasons)}"
    return NeedOutcome(need.id, False, c.id, reason, " ".join(changes))


# Help for a carer whose own needs are not in the child's case. Said so it is true whether or
# not they had a separate assessment: its decisions are made and written to them on their own.
NOT_ASSESSED = {
    areas.PARENT_CARER: (
        "Your own needs as a parent carer were not part of this decision. If you have had a "
        "parent carer's assessment, we tell you our decisions about your own needs separately "
        "(Children Act 1989, section 17ZF). If you have not, you can ask for one at any time."
    ),
    areas.YOUNG_CARER: (
        "The needs of a brother or sister who helps to care were not part of this decision. A "
        "young carer's assessment ends with our decision about their needs (Children Act 1989, "
        "section 17ZC). Ask your worker for it. If they have not had one, you or they can ask "
        "for one at any time."
    ),
}
NOT_ASSESSED[areas.CHILD] = (
    "This decision is about a carer's own needs. Your child's needs are decided after your "
    "child's own assessment."
)
NOT_ASSESSED_CHANGE = {
    areas.CHILD: "An assessment of your child's needs would show whether this help is needed.",
    areas.PARENT_CARER: "A parent carer's assessment would show whether this help is needed.",
    areas.YOUNG_CARER: "A young carer's assessment would show whether this help is needed.",
}


def _not_assessed(service: Service) -> ServiceOutcome:
    """Help for a parent carer or young carer whose own needs are not in this case: not refused."""
    return ServiceOutcome(
        service_code=service.code,
        service_name=service.name,
        met=False,
        criterion_id=service.criterion,
        legal_basis=service.legal_basis,
        duty_or_power=service.duty_or_power,
        reason=NOT_ASSESSED[service.for_whom],
        what_would_change=NOT_ASSESSED_CHANGE[service.for_whom],
        assessed=False,
    )


def _assessed(person: str, case: Case) -> bool:
    """Whether this person's needs are part of this case."""
    if person == areas.CHILD:
        return case.child_assessed
    return case.gates(person) is not None or any(need.person == person for need in case.needs)


def _service_outcome(service: Service, state: _State, case: Case) -> ServiceOutcome:
    if not _assessed(service.for_whom, case):
        return _not_assessed(service)
    c = state.rule.criterion
    law = service_sentence(service.duty_or_power)
    helped: list[str] = []
    for need in state.counting:
        if (not service.areas or need.area in service.areas) and need.area not in helped:
            helped.append(need.area)
    if state.met and helped:
        reason = f"The criteria “{c.title}” are met. This can help with {_names(helped)}. {law}"
        change = (
            "This would change only if a review found that none of the needs it helps with "
            "still counts."
        )
        met = True
    elif state.met and state.health_limb and not service.areas:
        reason = f"The criteria “{c.title}” are met. {_HEALTH_LIMB[c.for_whom]} {law}"
        change = (
            "This would change only if a review found that caring no longer puts "
            "this health at risk and no need counts."
        )
        met = True
    elif state.met:
        reason = (
            f"The criteria “{c.title}” are met. But this helps with {_names(service.areas, 'or')}, "
            f"and no need that counts is in those areas. {law}"
        )
        change = f"This would change if a need that counts were in {_names(service.areas, 'or')}."
        met = False
    else:
        reason = f"The criteria “{c.title}” are not met. {' '.join(state.failures)} {law}"
        change = " ".join(state.changes)
        met = False
    return ServiceOutcome(
        service_code=service.code,
        service_name=service.name,
        met=met,
        criterion_id=c.id,
        legal_basis=service.legal_basis,
        duty_or_power=service.duty_or_power,
        reason=reason,
        what_would_change=change,
    )


# ---------------------------------------------------------------------------------------------
# Compiling a set, deciding, then writing.

_NOT_ASKED = 4  # gate codes: 1 cause not recorded, 2 no significant effect, 4 gates not asked
_TEXTS_AT_MOST = 50_000  # sentences kept per criterion or service before starting afresh


class _Service:
    __slots__ = (
        "area_ids",
        "areas",
        "for_whom",
        "not_assessed",
        "person",
        "rule",
        "service",
        "texts",
    )

    def __init__(self, service: Service, rule: int, person: int) -> None:
        self.service = service
        self.rule = rule
        self.for_whom = service.for_whom
        self.person = areas.PERSONS.index(service.for_whom)
        self.areas = frozenset(service.areas)
        self.area_ids = frozenset(person * _AREA_IDS + _AREA_INDEX[a] for a in service.areas)
        self.not_assessed = _not_assessed(service)
        self.texts: dict[object, ServiceOutcome] = {}


class _Compiled:
    """A criteria set compiled once: its criteria as tables, its services, and for each person
    the criteria that cover their needs, in file order."""

    __slots__ = (
        "blocks",
        "counted_by",
        "criteria",
        "first",
        "ids",
        "in_order",
        "only",
        "results",
        "rows",
        "rules",
        "service_rows",
        "services",
        "set",
        "uncovered",
    )

    def __init__(self, criteria_set: CriteriaSet) -> None:
        self.set = criteria_set
        self.criteria = criteria_set.criteria
        self.rules = tuple(_Rule(c) for c in criteria_set.criteria)
        # What deciding reads of each criterion, as plain tuples (quicker than attributes).
        self.rows = tuple(
            (r.count_keys, r.single_keys, r.person, r.gates, r.outside_ages, r.needed)
            for r in self.rules
        )
        # Criterion ids by number; number -1 (no criterion covers the need) gives "".
        self.ids = (*(r.id for r in self.rules), "")
        index = {rule.id: number for number, rule in enumerate(self.rules)}
        self.services = tuple(
            _Service(s, index[s.criterion], self.rules[index[s.criterion]].person)
            for s in criteria_set.services
        )
        # For each need key, the criteria it counts under, in file order.
        counted_by: dict[int, list[int]] = {}
        for number, rule in enumerate(self.rules):
            for key in rule.count_keys:
                counted_by.setdefault(key, []).append(number)
        self.counted_by = {key: tuple(numbers) for key, numbers in counted_by.items()}
        # The keys that count under one criterion only, with its number.
        self.only = {key: numbers[0] for key, numbers in counted_by.items() if len(numbers) == 1}
        # What deciding reads of each service: who it is for, its criterion, and the keys of
        # the needs that count under it in the service's areas (None: any area).
        self.service_rows = tuple(
            (
                s.person,
                s.rule,
                frozenset(
                    k for k in self.rules[s.rule].count_keys if k >> _AREA_SHIFT in s.area_ids
                )
                if s.areas
                else None,
            )
            for s in self.services
        )
        # For each person, the first criterion for them (-1: none): a need that counts under
        # none of them is answered by it.
        self.first = tuple(
            next((n for n, rule in enumerate(self.rules) if rule.for_whom == person), -1)
            for person in areas.PERSONS
        )
        self.uncovered: dict[tuple[str, str], tuple[str, str]] = {}
        # The services of each criterion, as blocks: how a criterion came out (and who was
        # assessed) decides every outcome in its block, so a block is written once and reused.
        self.blocks = tuple(
            _Block(number, [(p, s) for p, s in enumerate(self.services) if s.rule == number])
            for number in dict.fromkeys(s.rule for s in self.services)
        )
        # What was written for cases, by who was assessed and the codes of how each criterion
        # came out (see `_write`).
        self.results: dict[tuple, _Result] = {}
        self.in_order = [p for block in self.blocks for p in block.positions] == list(
            range(len(self.services))
        )


class _Block:
    __slots__ = ("number", "positions", "services", "texts")

    def __init__(self, number: int, services: list[tuple[int, _Service]]) -> None:
        self.number = number
        self.positions = tuple(position for position, _ in services)
        self.services = tuple(service for _, service in services)
        self.texts: dict[object, tuple[ServiceOutcome, ...]] = {}


_COMPILED: dict[str, _Compiled] = {}


# Compiled sets by the set object itself (kept alive here, so its id is not reused), then by
# id and digest, so a set loaded again from the same text is not compiled again.
_BY_OBJECT: dict[int, tuple[CriteriaSet, _Compiled]] = {}


def _compiled(criteria_set: CriteriaSet) -> _Compiled:
    found = _BY_OBJECT.get(id(criteria_set))
    if found is not None and found[0] is criteria_set:
        return found[1]
    compiled = _compiled_by_digest(criteria_set)
    if len(_BY_OBJECT) > 256:
        _BY_OBJECT.clear()
    _BY_OBJECT[id(criteria_set)] = (criteria_set, compiled)
    return compiled


def _compiled_by_digest(criteria_set: CriteriaSet) -> _Compiled:
    key = criteria_set.id + criteria_set.digest
    found = _COMPILED.get(key)
    if found is not None and (
        found.set is criteria_set
        or (found.criteria == criteria_set.criteria and found.set.services == criteria_set.services)
    ):
        return found
    compiled = _Compiled(criteria_set)
    if len(_COMPILED) > 256:
        _COMPILED.clear()
    _COMPILED[key] = compiled
    return compiled


def _failure_texts(rule: _Rule, failure: tuple) -> tuple[list[str], list[str]]:
    """Why a criterion is not met and what would change it: (failures, changes), shared, so
    never changed by the caller. `failure` is (the counted areas as numbers when too few
    count, else None; the gate code; the age when outside the criterion's ages, else None)."""
    found = rule.texts.get(failure)
    if found is not None:
        return found
    counted_ids, gate, age = failure
    c = rule.criterion
    failures: list[str] = []
    changes: list[str] = []
    if counted_ids is not None:
        sentence, more = _area_failure(rule, [_AREA_CODES[i % _AREA_IDS] for i in counted_ids])
        failures.append(sentence)
        changes.extend(more)
    if gate & _NOT_ASKED:
        sentence, change = _GATES_NOT_ASKED[c.for_whom]
        failures.append(sentence)
        changes.append(change)
    else:
        if gate & 1:
            failures.append(f"The assessment does not record that {_CAUSE[c.for_whom]}.")
            changes.append(f"If the assessment found that {_CAUSE[c.for_whom]}, this would count.")
        if gate & 2:
            failures.append(
                f"The assessment does not record a significant effect on {_WHOSE[c.for_whom]} "
                "wellbeing."
            )
            changes.append(
                f"If there were, or were likely to be, a significant effect on "
                f"{_WHOSE[c.for_whom]} wellbeing, this would count."
            )
    if age is not None:
        ages = _age_range(c)
        failures.append(f"These criteria are for {ages}, and {_WHO[c.for_whom]} is {age}.")
        changes.append(f"These criteria apply to {ages}.")
    _remember(rule.texts, failure, (failures, changes))
    return failures, changes


def _remember(texts: dict, key: object, value: object) -> None:
    if len(texts) >= _TEXTS_AT_MOST:
        texts.clear()
    texts[key] = value


class Verdict:
    """The decision alone, without a word of its reasons: what trying a draft against a
    council's history needs. `needs` is, for each need in case order, (met, criterion id: ""
    when no criterion covers it); `services` is, for each service in file order, met."""

    __slots__ = ("eligible", "needs", "services")

    def __init__(
        self, eligible: bool, needs: tuple[tuple[bool, str], ...], services: tuple[bool, ...]
    ) -> None:
        self.eligible = eligible
        self.needs = needs
        self.services = services

    def __repr__(self) -> str:
        return f"Verdict(eligible={self.eligible}, needs={self.needs}, services={self.services})"


_AREA_IDS = len(areas.AREAS)  # a key shifted right by 8 is person * _AREA_IDS + area
_PERSON_KEYS = _AREA_IDS * len(areas.HOW_OFTEN) * _KEY_BITS  # a key divided by this: the person
# A key's area number (key >> 8) and person (key // _PERSON_KEYS), as functions `map` can
# call without a Python frame.
_AREA_OF = (_AREA_SHIFT).__rrshift__
_PERSON_OF = _PERSON_KEYS.__rfloordiv__


def _keys(case: Case) -> list[int]:
    # By area alone: an area belongs to one person (the case's checks refuse a need whose area
    # is not its person's), and one look-up fewer pays for reading `fluctuates`.
    return [
        _AREA_KEY_BASE[n.area][n.how_often]
        + (16 if n.cannot_without_help else 0)
        + (8 if n.only_with_pain_distress_or_anxiety else 0)
        + (4 if n.only_with_danger else 0)
        + (2 if n.takes_much_longer else 0)
        + (n.more_than_same_age is False)
        + (_FLUCTUATES if n.fluctuates else 0)
        for n in case.needs
    ]


def _answers(gates: CarerGates | None) -> tuple[int, bool]:
    if gates is None:
        return 4, False
    return (0 if gates.from_caring else 2) + (0 if gates.impact_on_wellbeing else 1), bool(
        gates.health_at_risk
    )


def _criteria(compiled: _Compiled, case: Case, keys: list[int]) -> tuple[bool, list[tuple]]:
    """Each criterion's result, as (met, keys of the needs that count, health limb, enough
    areas, gate code, the age when outside its ages), and whether any need is met."""
    parent = case.parent_carer
    young = case.young_carer
    answers = (
        (
            (0 if case.arises_from_impairment_or_illness else 2)
            + (0 if case.significant_impact_on_wellbeing else 1),
            False,
        ),
        _NO_ANSWERS if parent is None else _answers(parent),
        _NO_ANSWERS if young is None else _answers(young),
    )
    age = case.child_age
    eligible = False
    states: list[tuple] = []
    for count_keys, single_keys, person, gates, outside, needed in compiled.rows:
        counting = list(filter(count_keys.__contains__, keys))
        given, health = answers[person]
        gate = gates[given]
        too = age if age in outside else None
        if counting:
            enough = (
                needed <= 1
                or len(set(map(_AREA_OF, counting))) >= needed
                or not single_keys.isdisjoint(counting)
                or health
            )
        else:
            enough = health or needed <= 0
        if enough and not gate and too is None:
            if counting:
                eligible = True
            states.append((True, counting, health, enough, gate, too))
        else:
            states.append((False, counting, health, enough, gate, too))
    return eligible, states


_NO_ANSWERS = (4, False)


def _needs(compiled: _Compiled, keys: list[int], states: list[tuple]) -> list[tuple[bool, int]]:
    """For each need: (met, the number of the criterion that decided it, or -1 for none): the
    first criterion met under which it counts, else the first it counts under, else the
    first criterion for its person."""
    counted_by = compiled.counted_by
    first = compiled.first
    decided = []
    for key in keys:
        numbers = counted_by.get(key)
        if numbers is None:
            decided.append((False, first[key // _PERSON_KEYS]))
        elif len(numbers) == 1:
            number = numbers[0]
            decided.append((states[number][0], number))
        else:
            for number in numbers:
                if states[number][0]:
                    decided.append((True, number))
                    break
            else:
                decided.append((False, numbers[0]))
    return decided


def _services(compiled: _Compiled, case: Case, keys: list[int], states: list[tuple]) -> list:
    """For each service: met or not (not when nobody it is for was assessed)."""
    assessed = _who_assessed(case, keys)
    met = []
    for person, number, area_keys in compiled.service_rows:
        state = states[number]
        if not (assessed[person] and state[0]):
            met.append(False)
        elif area_keys is None:
            met.append(bool(state[1]) or state[2])
        else:
            met.append(not area_keys.isdisjoint(state[1]))
    return met


def decide(criteria_set: CriteriaSet, case: Case) -> Verdict:
    """The decision alone, fast (no reasons): see `Verdict`. The same decision as `evaluate`."""
    compiled = _compiled(criteria_set)
    keys = _keys(case)
    eligible, states = _criteria(compiled, case, keys)
    ids = compiled.ids
    return Verdict(
        eligible,
        tuple([(met, ids[number]) for met, number in _needs(compiled, keys, states)]),
        tuple(_services(compiled, case, keys, states)),
    )


def _failure(rule: _Rule, case: Case, keys: list[int], state: tuple) -> tuple | None:
    """What `_failure_texts` needs to say why a criterion is not met; None when it is met."""
    met, counting, _, enough, gate, too = state
    if met:
        return None
    return (None if enough else _ids(counting), gate, too)


def _ids(counting: list[int]) -> tuple[int, ...]:
    """The areas of the needs that count, in case order, each once, as numbers."""
    if not counting:
        return ()
    return tuple(dict.fromkeys([key >> _AREA_SHIFT for key in counting]))


def _counted(case: Case, keys: list[int], counting: list[int]) -> tuple[str, ...]:
    """The areas of the needs that count, in case order, each once."""
    if not counting:
        return ()
    wanted = set(counting)
    return tuple(
        dict.fromkeys(n.area for n, key in zip(case.needs, keys, strict=True) if key in wanted)
    )


def _state(compiled: _Compiled, case: Case, keys: list[int], number: int, state: tuple) -> _State:
    """One criterion's result in full, for writing a sentence not written before."""
    rule = compiled.rules[number]
    failure = _failure(rule, case, keys, state)
    failures, changes = ([], []) if failure is None else _failure_texts(rule, failure)
    wanted = set(state[1])
    needs = [n for n, key in zip(case.needs, keys, strict=True) if key in wanted]
    return _State(
        rule,
        needs,
        _counted(case, keys, state[1]),
        state[0],
        failures,
        changes,
        {id(n) for n in needs},
        health_limb=state[2],
    )


class _Written:
    """What writing one case's sentences needs about each criterion, worked out once: the
    areas counted, the failure (None when met), and the full state for sentences not yet
    written."""

    __slots__ = (
        "case",
        "compiled",
        "counted",
        "failed_tables",
        "failures",
        "full",
        "ids",
        "keys",
        "states",
    )

    def __init__(self, compiled: _Compiled, case: Case, keys: list[int], states: list) -> None:
        self.compiled = compiled
        self.case = case
        self.keys = keys
        self.states = states
        count = len(states)
        self.counted: list[tuple[str, ...] | None] = [None] * count
        self.ids: list[tuple[int, ...] | None] = [None] * count
        self.failures: list[tuple | None] = [None] * count
        self.failed_tables: list[dict | None] = [None] * count
        self.full: dict[int, _State] = {}

    def areas(self, number: int) -> tuple[str, ...]:
        counted = self.counted[number]
        if counted is None:
            counted = self.counted[number] = _counted(self.case, self.keys, self.states[number][1])
        return counted

    def area_ids(self, number: int) -> tuple[int, ...]:
        """The areas counted as numbers (quicker to make than names, and as good a key)."""
        ids = self.ids[number]
        if ids is None:
            ids = self.ids[number] = _ids(self.states[number][1])
        return ids

    def failure(self, number: int) -> tuple:
        failure = self.failures[number]
        if failure is None:
            _met, _, _, enough, gate, too = self.states[number]
            failure = self.failures[number] = (None if enough else self.area_ids(number), gate, too)
        return failure

    def failed(self, number: int) -> dict:
        """The sentences, by area, of needs that count under a criterion failed this way."""
        rule = self.compiled.rules[number]
        failure = self.failure(number)
        table = rule.failed.get(failure)
        if table is None:
            table = {}
            _remember(rule.failed, failure, table)
        self.failed_tables[number] = table
        return table

    def state(self, number: int) -> _State:
        full = self.full.get(number)
        if full is None:
            full = self.full[number] = _state(
                self.compiled, self.case, self.keys, number, self.states[number]
            )
        return full


# A need's outcome but its id: met, the criterion's id, the reason, what would change.
_NeedTexts = tuple[bool, str, str, str]


class _Outcome:
    """One way a criterion can come out, as far as any sentence is concerned (`sig`: for a
    criterion met, the areas counted as numbers in case order and the health limb; else the
    failure, as `_failure_texts` takes it). Kept on the criterion and shared by every case
    in which it comes out the same way, with the outcome (but the id) of each need that
    counts under it already written, by the need's key."""

    __slots__ = ("met", "sig", "texts")

    def __init__(self, sig: tuple) -> None:
        self.sig = sig
        self.met = len(sig) == 2
        self.texts: dict[int, _NeedTexts] = {}


def _outcome(rule: _Rule, sig: tuple) -> _Outcome:
    out = rule.outcomes.get(sig)
    if out is None:
        out = _Outcome(sig)
        _remember(rule.outcomes, sig, out)
    return out


def _write(
    compiled: _Compiled, case: Case, keys: list[int], states: list[tuple]
) -> tuple[tuple[NeedOutcome, ...], tuple[ServiceOutcome, ...]]:
    """Every reason and "what would change", for a case already decided.

    What any sentence depends on is how each criterion came out (its `sig`: for a criterion
    met, the areas counted as numbers in case order and the health limb; else the failure,
    as `_failure_texts` takes it), who was assessed, and each need's key. So the services'
    outcomes are one look-up (a `_Result`), by who was assessed and the criteria's sigs, and
    each need's outcome but its id one more, by its key. What is not there yet comes from
    what is kept for each criterion's result (`_Outcome`), or is written (`_new_texts`,
    `_all_services` and the functions they call)."""
    sigs: list[tuple] = []
    for met, counting, health, enough, gate, too in states:
        if met:
            sigs.append((tuple(dict.fromkeys(map(_AREA_OF, counting))), health))
        elif enough:
            sigs.append((None, gate, too))
        else:
            sigs.append((tuple(dict.fromkeys(map(_AREA_OF, counting))), gate, too))
    # Who was assessed (as `_who_assessed` says), worked out here as it is on every case.
    parent = case.parent_carer is not None
    young = case.young_carer is not None
    if not (parent and young):
        persons = set(map(_PERSON_OF, keys))
        parent = parent or 1 in persons
        young = young or 2 in persons
    assessed = (case.child_assessed, parent, young)
    written: _Written | None = None  # what writing a new sentence needs, made when first needed
    result_key = (assessed, *sigs)
    result = compiled.results.get(result_key)
    if result is None:
        written = _Written(compiled, case, keys, states)
        result = _Result(_all_services(written, assessed, result_key))
        _remember(compiled.results, result_key, result)
    table = result.needs
    found = list(map(table.get, keys))
    if None in found:
        written = written or _Written(compiled, case, keys, states)
        outs = [_outcome(rule, sig) for rule, sig in zip(compiled.rules, sigs, strict=True)]
        for index, need in enumerate(case.needs):
            if found[index] is None:
                key = keys[index]
                found[index] = _need_texts(written, outs, need, key)
                _remember(table, key, found[index])
    new = tuple.__new__
    return tuple(
        [
            new(NeedOutcome, (need.id, texts[0], texts[1], texts[2], texts[3]))
            for need, texts in zip(case.needs, cast("list[_NeedTexts]", found), strict=True)
        ]
    ), result.services


class _Result:
    """Everything written for cases in which every criterion came out the same way (and the
    same people were assessed): the services' outcomes, and each need's outcome but its id
    (met, criterion id, reason, what would change), by the need's key."""

    __slots__ = ("needs", "services")

    def __init__(self, services: tuple[ServiceOutcome, ...]) -> None:
        self.services = services
        self.needs: dict[int, _NeedTexts] = {}


def _need_texts(
    written: _Written, outs: list[_Outcome], need: AssessedNeed, key: int
) -> _NeedTexts:
    """A need's outcome but its id, not yet kept for this way the criteria came out: from
    the criterion that decides it (as `_needs` finds it), kept there too, or written."""
    compiled = written.compiled
    number = compiled.only.get(key)
    if number is None:
        numbers = compiled.counted_by.get(key)
        if numbers is not None:
            number = _deciding(numbers, written.states)
    if number is not None:
        out = outs[number]
        found = out.texts.get(key)
        if found is None:
            found = _new_texts(written, number, out, need, key)
        return found
    number = compiled.first[key // _PERSON_KEYS]
    if number < 0:
        return (False, "", *_uncovered(compiled, need))
    rule = compiled.rules[number]
    found = rule.not_counting.get(key)
    if found is None:
        outcome = _need_not_met(need, written.state(number))
        found = (False, rule.id, outcome.reason, outcome.what_would_change)
        _remember(rule.not_counting, key, found)
    return found


def _new_texts(
    written: _Written, number: int, out: _Outcome, need: AssessedNeed, key: int
) -> _NeedTexts:
    """The whole outcome of a need that counts under a criterion that came out as `out`, not
    yet kept there: put together from the parts already written for the criterion (by
    `_met_texts`, or in the tables by number of areas or by way of failing), or written."""
    rule = written.compiled.rules[number]
    texts: tuple[str, str] | None
    if out.met:
        ids = out.sig[0]
        have = len(ids)
        if have >= rule.needed and have > 1:
            texts = _met_texts(written, number, need, key, ids)
        else:
            texts = rule.met_texts.get(key * 32 + have)
            if texts is None:
                outcome = _need_met(need, written.state(number))
                texts = (outcome.reason, outcome.what_would_change)
                _remember(rule.met_texts, key * 32 + have, texts)
    else:
        table = written.failed(number)
        # By area, in a table for this way of failing (a need that comes and goes is said to
        # be judged by its hard days, so it has its own entry).
        place = f"{need.area}~" if need.fluctuates else need.area
        texts = table.get(place)
        if texts is None:
            outcome = _need_not_met(need, written.state(number))
            texts = (outcome.reason, outcome.what_would_change)
            _remember(table, place, texts)
    found = (out.met, rule.id, texts[0], texts[1])
    _remember(out.texts, key, found)
    return found


def _deciding(numbers: tuple[int, ...], states: list[tuple]) -> int:
    """Of the criteria a need counts under, the first met, else the first."""
    if len(numbers) > 1:
        for number in numbers:
            if states[number][0]:
                return number
    return numbers[0]


def _met_texts(
    written: _Written, number: int, need: AssessedNeed, key: int, ids: tuple[int, ...]
) -> tuple[str, str]:
    """A need met in two or more areas: its reason made of three parts, each written once
    (what the need is, the areas counted, the end), so that every order of areas is not a
    sentence of its own."""
    rule = written.compiled.rules[number]
    head = rule.heads.get(key)
    if head is None:
        head = _met_head(rule, need)
        _remember(rule.heads, key, head)
    middle = rule.middles.get(ids)
    if middle is None:
        middle = _met_areas(rule, written.areas(number))
        _remember(rule.middles, ids, middle)
    single = key in rule.single_keys
    exactly = len(ids) == rule.needed and not single
    change = rule.met_changes[exactly]
    if change is None:
        change = rule.met_changes[exactly] = _met_change(rule, len(ids), single)
    return f"{head} {middle}{rule.end}", change


def _uncovered(compiled: _Compiled, need: AssessedNeed) -> tuple[str, str]:
    found = compiled.uncovered.get((need.person, need.area))
    if found is None:
        found = (
            f"{_name(need.area)}: not met. These criteria do not cover "
            f"{_WHOSE[need.person]} needs.",
            "Ask the council which criteria cover these needs.",
        )
        compiled.uncovered[need.person, need.area] = found
    return found


def _who_assessed(case: Case, keys: list[int]) -> tuple[bool, bool, bool]:
    """Whether the child, a parent carer and a young carer are part of this case."""
    parent = case.parent_carer is not None
    young = case.young_carer is not None
    if not (parent and young):
        persons = {key // _PERSON_KEYS for key in keys}
        parent = parent or 1 in persons
        young = young or 2 in persons
    return case.child_assessed, parent, young


def _all_services(
    written: _Written, assessed: tuple[bool, bool, bool], text_key: tuple
) -> tuple[ServiceOutcome, ...]:
    found: list[ServiceOutcome] = []
    for block in written.compiled.blocks:
        block_key = (assessed, text_key[block.number + 1])
        outcomes = block.texts.get(block_key)
        if outcomes is None:
            outcomes = tuple(
                _write_service(written, service, assessed) for service in block.services
            )
            _remember(block.texts, block_key, outcomes)
        found.extend(outcomes)
    if written.compiled.in_order:
        return tuple(found)
    ordered: list[ServiceOutcome] = [found[0]] * len(found)
    positions = [p for block in written.compiled.blocks for p in block.positions]
    for position, outcome in zip(positions, found, strict=True):
        ordered[position] = outcome
    return tuple(ordered)


def _write_service(
    written: _Written, service: _Service, assessed: tuple[bool, bool, bool]
) -> ServiceOutcome:
    """One service's outcome, kept by what its words depend on: the areas it helps with (a
    long list only by its first three and its length, as `_names` says it), whether the
    health limb met it, or why the criterion failed."""
    if not assessed[service.person]:
        return service.not_assessed
    number = service.rule
    state = written.states[number]
    text_key: object
    if state[0]:
        counted = written.areas(number)
        helped = tuple(a for a in counted if a in service.areas) if service.areas else counted
        if len(helped) > _LIST_AT_MOST:
            text_key = (*helped[: _LIST_AT_MOST - 1], len(helped))
        else:
            text_key = helped or (not service.areas and state[2])
    else:
        text_key = ("failed", written.failure(number))
    outcome = service.texts.get(text_key)
    if outcome is None:
        outcome = _service_outcome(service.service, written.state(number), written.case)
        _remember(service.texts, text_key, outcome)
    return outcome


def evaluate(criteria_set: CriteriaSet, case: Case) -> Decision:
    """The decision the criteria give for this case: each need, then each service.

    Decided at once; the reasons are written the first time `needs` or `services` is read
    (or the decision is stored with `to_dict`)."""
    compiled = _compiled(criteria_set)
    keys = _keys(case)
    eligible, states = _criteria(compiled, case, keys)
    return Decision.deferred(
        criteria_set.id,
        criteria_set.version,
        criteria_set.digest,
        eligible,
        partial(_write, compiled, case, keys, states),
    )
