"""Applying a criteria set to a case: a decision for each need and each service, with reasons.

Deterministic: the same set and case always give the same decision, word for word (no
clock, no randomness, no dictionary-order surprises: everything follows the order of the
file and of the case). The reasons are written for the family in short sentences: the area
of life, what makes it hard, how often, which criteria, whether the help is a duty, a general
duty or a power, and what would change the outcome. The law itself is in each service
outcome's `legal_basis`.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportfirst.rules.criteria import areas
from supportfirst.rules.criteria.lawkinds import DUTY, GENERAL, POWER, service_sentence
from supportfirst.rules.criteria.model import (
    AssessedNeed,
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


@dataclass(frozen=True)
class _Rule:
    """A criterion made ready to apply quickly."""

    criterion: Criterion
    area_set: frozenset[str]
    counts: tuple[str, ...]
    rank: int
    single: tuple[str, ...]
    single_areas: frozenset[str]
    met_tail: str  # the sentences that end the reason of every need met under it
    stop_sentence: str  # what would make a need met under it stop counting


@dataclass
class _State:
    """How one criterion came out for the case. `failures` and `changes` are sentences."""

    rule: _Rule
    counting: list[AssessedNeed]
    counted_areas: list[str]
    met: bool
    failures: list[str]
    changes: list[str]
    counting_ids: set[int]
    health_limb: bool = False


_RULES: dict[str, tuple[tuple[Criterion, ...], tuple[_Rule, ...]]] = {}


def _rules(criteria_set: CriteriaSet) -> tuple[_Rule, ...]:
    key = criteria_set.id + criteria_set.digest
    found = _RULES.get(key)
    if found is not None and (
        found[0] is criteria_set.criteria or found[0] == criteria_set.criteria
    ):
        return found[1]
    rules = tuple(_rule(c) for c in criteria_set.criteria)
    if len(_RULES) > 256:
        _RULES.clear()
    _RULES[key] = (criteria_set.criteria, rules)
    return rules


def _rule(c: Criterion) -> _Rule:
    tail = []
    if c.needs_impairment_or_illness:
        tail.append(f"{_capital(_CAUSE[c.for_whom])}.")
    if c.needs_significant_impact:
        tail.append("There is, or is likely to be, a significant effect on wellbeing.")
    stop = _join([_FLAG_STOP[flag] for flag in c.counts])
    stop_sentence = f"This need would stop counting if {_WHO[c.for_whom]} could manage it {stop}."
    if c.at_least != "less_often":
        stop_sentence += (
            " It would also stop counting if help were needed less often than "
            f"{areas.HOW_OFTEN[c.at_least]}."
        )
    return _Rule(
        criterion=c,
        area_set=frozenset(c.counted_areas),
        counts=c.counts,
        rank=areas.HOW_OFTEN_RANK[c.at_least],
        single=c.one_area_enough_when,
        single_areas=frozenset(c.one_area_enough_in),
        met_tail=" ".join(tail),
        stop_sentence=stop_sentence,
    )


def _typical_for_age(rule: _Rule, need: AssessedNeed) -> bool:
    """The age comparator: the assessment records that other children of the same age need
    this help too (a two-year-old needing help to dress), so it is not a need that counts."""
    return (
        rule.criterion.compare_with_same_age
        and need.person == areas.CHILD
        and need.more_than_same_age is False
    )


def _counts(rule: _Rule, need: AssessedNeed) -> bool:
    return (
        need.person == rule.criterion.for_whom
        and need.area in rule.area_set
        and areas.HOW_OFTEN_RANK[need.how_often] >= rule.rank
        and any(getattr(need, flag) for flag in rule.counts)
        and not _typical_for_age(rule, need)
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


def _apply(rule: _Rule, case: Case) -> _State:
    c = rule.criterion
    counting = [need for need in case.needs if _counts(rule, need)]
    counted_areas: list[str] = []
    for need in counting:
        if need.area not in counted_areas:
            counted_areas.append(need.area)
    single = any(_single(rule, need) for need in counting)
    failures: list[str] = []
    changes: list[str] = []
    carer = c.for_whom != areas.CHILD
    gates = case.gates(c.for_whom)
    health_limb = carer and gates is not None and gates.health_at_risk
    if not (len(counted_areas) >= c.outcomes_needed or (single and counted_areas) or health_limb):
        failure, more = _area_failure(rule, counted_areas)
        failures.append(failure)
        changes.extend(more)
    if carer and gates is None and (c.needs_impairment_or_illness or c.needs_significant_impact):
        failure, change = _GATES_NOT_ASKED[c.for_whom]
        failures.append(failure)
        changes.append(change)
    else:
        arises = gates.from_caring if gates is not None else case.arises_from_impairment_or_illness
        impact = (
            gates.impact_on_wellbeing if gates is not None else case.significant_impact_on_wellbeing
        )
        if c.needs_impairment_or_illness and not arises:
            failures.append(f"The assessment does not record that {_CAUSE[c.for_whom]}.")
            changes.append(f"If the assessment found that {_CAUSE[c.for_whom]}, this would count.")
        if c.needs_significant_impact and not impact:
            failures.append(
                f"The assessment does not record a significant effect on {_WHOSE[c.for_whom]} "
                "wellbeing."
            )
            changes.append(
                f"If there were, or were likely to be, a significant effect on "
                f"{_WHOSE[c.for_whom]} wellbeing, this would count."
            )
    age = case.child_age
    if age is not None and (
        (c.min_age is not None and age < c.min_age) or (c.max_age is not None and age > c.max_age)
    ):
        ages = _age_range(c)
        failures.append(f"These criteria are for {ages}, and {_WHO[c.for_whom]} is {age}.")
        changes.append(f"These criteria apply to {ages}.")
    return _State(
        rule,
        counting,
        counted_areas,
        not failures,
        failures,
        changes,
        {id(n) for n in counting},
        health_limb=health_limb,
    )


def _age_range(c: Criterion) -> str:
    if c.min_age is not None and c.max_age is not None:
        return f"children aged {c.min_age} to {c.max_age}"
    if c.min_age is not None:
        return f"children aged {c.min_age} or over"
    return f"children aged {c.max_age} or under"


def _need_met(need: AssessedNeed, state: _State) -> NeedOutcome:
    c = state.rule.criterion
    flags = [flag for flag in areas.FLAGS if getattr(need, flag) and flag in state.rule.counts]
    parts = [f"{_name(need.area)}: met."]
    parts += [_FLAG_SENTENCES[flag, need.person] for flag in flags]
    parts.append(f"Help is needed {areas.HOW_OFTEN[need.how_often]}.")
    counted = len(state.counted_areas)
    single = _single(state.rule, need)
    if counted >= c.outcomes_needed and counted > 1:
        parts.append(
            f"{_capital(_areas_phrase(counted))} can only be managed with help "
            f"({_names(state.counted_areas)})."
        )
        parts.append(f"The criteria “{c.title}” need {_number(c.outcomes_needed)} or more.")
    elif counted >= c.outcomes_needed:
        parts.append(f"The criteria “{c.title}” need one area of life like this.")
    else:
        parts.append(
            f"The criteria “{c.title}” accept one area of life when a need "
            f"{_single_words(state.rule, need)}."
        )
    if state.rule.met_tail:
        parts.append(state.rule.met_tail)
    changes = [state.rule.stop_sentence]
    if counted == c.outcomes_needed and counted > 1 and not single:
        changes.append(
            f"The criteria need {_number(c.outcomes_needed)} areas of life, and that is how "
            "many count now."
        )
    elif counted < c.outcomes_needed:
        changes.append(
            f"Otherwise the criteria would need {_number(c.outcomes_needed)} areas of life."
        )
    return NeedOutcome(need.id, True, c.id, " ".join(parts), " ".join(changes))


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
            reasons.append(f"Help is needed {areas.HOW_OFTEN[need.how_often]}.")
            reasons.append(
                f"The criteria “{c.title}” count a need when help is needed "
                f"{areas.HOW_OFTEN[c.at_least]} or more often."
            )
            changes.append(
                f"If help were needed {areas.HOW_OFTEN[c.at_least]} or more often, it would count."
            )
    if not reasons:
        reasons.append(f"This need counts, but the criteria “{c.title}” are not met.")
        reasons.extend(state.failures)
        changes.extend(state.changes)
    reason = f"{_name(need.area)}: not met. {' '.join(reasons)}"
    return NeedOutcome(need.id, False, c.id, reason, " ".join(changes))


def _need_outcome(need: AssessedNeed, states: list[_State]) -> NeedOutcome:
    mine = [state for state in states if state.rule.criterion.for_whom == need.person]
    if not mine:
        return NeedOutcome(
            need.id,
            False,
            "",
            f"{_name(need.area)}: not met. These criteria do not cover {_WHOSE[need.person]} "
            "needs.",
            "Ask the council which criteria cover these needs.",
        )
    counted = [state for state in mine if id(need) in state.counting_ids]
    for state in counted:
        if state.met:
            return _need_met(need, state)
    return _need_not_met(need, counted[0] if counted else mine[0])


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


def evaluate(criteria_set: CriteriaSet, case: Case) -> Decision:
    """The decision the criteria give for this case: each need, then each service."""
    states = [_apply(rule, case) for rule in _rules(criteria_set)]
    by_id = {state.rule.criterion.id: state for state in states}
    needs = tuple(_need_outcome(need, states) for need in case.needs)
    services = tuple(
        _service_outcome(service, by_id[service.criterion], case)
        for service in criteria_set.services
    )
    return Decision(
        set_id=criteria_set.id,
        set_version=criteria_set.version,
        set_digest=criteria_set.digest,
        eligible=any(outcome.met for outcome in needs),
        needs=needs,
        services=services,
    )
