"""Applying a criteria set to a case: a decision for each need and each service, with reasons.

Deterministic: the same set and case always give the same decision, word for word (no
clock, no randomness, no dictionary-order surprises: everything follows the order of the
file and of the case). The reasons are written for the family: the area of life, what makes
it hard, how often, which criteria, the law, whether it is a duty or a power, and what would
change the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportfirst.criteria import areas
from supportfirst.criteria.law import DUTY
from supportfirst.criteria.model import (
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
_CAUSE = {
    areas.CHILD: "the needs come from a disability or illness",
    areas.PARENT_CARER: "the needs come from caring for a disabled child",
    areas.YOUNG_CARER: "the needs come from helping to care for someone in the family",
}
_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _number(count: int) -> str:
    return _NUMBERS.get(count, str(count))


def _areas_phrase(count: int) -> str:
    return f"{_number(count)} area{'s' if count != 1 else ''} of life"


def _join(items: list[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _flag_phrase(flag: str, person: str) -> str:
    who = _WHO[person]
    return {
        areas.CANNOT_WITHOUT_HELP: f"{who} cannot manage this without help",
        areas.PAIN_DISTRESS_OR_ANXIETY: f"{who} can only manage it with a lot of pain, "
        "distress or anxiety",
        areas.DANGER: f"managing it puts {who} or other people in danger",
        areas.MUCH_LONGER: f"it takes {who} much longer than usual",
    }[flag]


def _flag_condition(flag: str) -> str:
    return {
        areas.CANNOT_WITHOUT_HELP: "with help",
        areas.PAIN_DISTRESS_OR_ANXIETY: "with a lot of pain, distress or anxiety",
        areas.DANGER: "with danger to someone",
        areas.MUCH_LONGER: "by taking much longer than usual",
    }[flag]


def _flags_of(need: AssessedNeed) -> tuple[str, ...]:
    return tuple(flag for flag in areas.FLAGS if getattr(need, flag))


@dataclass(frozen=True)
class _Rule:
    """A criterion made ready to apply quickly."""

    criterion: Criterion
    area_set: frozenset[str]
    counts: tuple[str, ...]
    rank: int
    single: tuple[str, ...]


@dataclass
class _State:
    """How one criterion came out for the case."""

    rule: _Rule
    counting: list[AssessedNeed]
    counted_areas: list[str]
    single_area: bool
    met: bool
    failures: list[str]
    changes: list[str]


_RULES: dict[str, tuple[_Rule, ...]] = {}


def _rules(criteria_set: CriteriaSet) -> tuple[_Rule, ...]:
    key = criteria_set.digest + criteria_set.id
    found = _RULES.get(key)
    if found is None or tuple(rule.criterion for rule in found) != criteria_set.criteria:
        found = tuple(
            _Rule(
                criterion=c,
                area_set=frozenset(c.counted_areas),
                counts=c.counts,
                rank=areas.HOW_OFTEN_RANK[c.at_least],
                single=c.one_area_enough_when,
            )
            for c in criteria_set.criteria
        )
        if len(_RULES) > 256:
            _RULES.clear()
        _RULES[key] = found
    return found


def _counts(rule: _Rule, need: AssessedNeed) -> bool:
    return (
        need.person == rule.criterion.for_whom
        and need.area in rule.area_set
        and areas.HOW_OFTEN_RANK[need.how_often] >= rule.rank
        and any(getattr(need, flag) for flag in rule.counts)
    )


def _apply(rule: _Rule, case: Case) -> _State:
    c = rule.criterion
    counting = [need for need in case.needs if _counts(rule, need)]
    counted_areas: list[str] = []
    for need in counting:
        if need.area not in counted_areas:
            counted_areas.append(need.area)
    single = bool(rule.single) and any(
        getattr(need, flag) for need in counting for flag in rule.single
    )
    failures: list[str] = []
    changes: list[str] = []
    who = _WHO[c.for_whom]
    enough = len(counted_areas) >= c.outcomes_needed or (single and counted_areas)
    if not enough:
        have = len(counted_areas)
        if have:
            names = _join([_lower(areas.area_name(code)) for code in counted_areas])
            failures.append(
                f"{_areas_phrase(have)} can only be managed with help ({names}), and these "
                f"criteria need {_number(c.outcomes_needed)} or more"
            )
        else:
            failures.append(
                f"no area of {_WHOSE[c.for_whom]} life is recorded as one that can only be "
                "managed with help"
            )
        short = c.outcomes_needed - have
        more = "one more area" if short == 1 else f"{_number(short)} more areas"
        if have == 0:
            more = "one area" if c.outcomes_needed == 1 else _areas_phrase(c.outcomes_needed)
        changes.append(
            f"If {more} of {_WHOSE[c.for_whom]} life could only be managed with help, the "
            "criteria would be met."
        )
        if rule.single and c.outcomes_needed > 1:
            conditions = _join([_flag_condition(flag) for flag in rule.single], "or")
            changes.append(f"One area is enough when something can only be managed {conditions}.")
    if c.needs_impairment_or_illness and not case.arises_from_impairment_or_illness:
        failures.append(f"the assessment does not record that {_CAUSE[c.for_whom]}")
        changes.append(
            f"If the assessment found that {_CAUSE[c.for_whom]}, this part would be met."
        )
    if c.needs_significant_impact and not case.significant_impact_on_wellbeing:
        failures.append(
            "the assessment does not record a significant effect on wellbeing, now or likely"
        )
        changes.append(
            f"If there were, or were likely to be, a significant effect on {_WHOSE[c.for_whom]} "
            "wellbeing, this part would be met."
        )
    age = case.child_age
    if age is not None and (
        (c.min_age is not None and age < c.min_age) or (c.max_age is not None and age > c.max_age)
    ):
        ages = _age_range(c)
        failures.append(f"these criteria are for {ages}, and {who} is {age}")
        changes.append(f"These criteria apply to {ages}.")
    return _State(rule, counting, counted_areas, bool(enough), not failures, failures, changes)


def _age_range(c: Criterion) -> str:
    if c.min_age is not None and c.max_age is not None:
        return f"children aged {c.min_age} to {c.max_age}"
    if c.min_age is not None:
        return f"children aged {c.min_age} or over"
    return f"children aged {c.max_age} or under"


def _need_met(need: AssessedNeed, state: _State) -> NeedOutcome:
    c = state.rule.criterion
    area = areas.area_name(need.area)
    flags = [flag for flag in _flags_of(need) if flag in state.rule.counts]
    what = _join([_flag_phrase(flag, need.person) for flag in flags])
    often = areas.HOW_OFTEN[need.how_often]
    names = _join([_lower(areas.area_name(code)) for code in state.counted_areas])
    single = [flag for flag in flags if flag in state.rule.single]
    if len(state.counted_areas) >= c.outcomes_needed:
        count = (
            f"This is one of {_areas_phrase(len(state.counted_areas))} that can only be managed "
            f"with help ({names}), and the criteria “{c.title}” need {_number(c.outcomes_needed)} "
            "or more."
            if len(state.counted_areas) > 1
            else f"The criteria “{c.title}” need one area of life that can only be managed with "
            "help."
        )
    else:
        because = _join([_flag_condition(flag) for flag in single], "or")
        count = (
            f"The criteria “{c.title}” accept one area of life when it can only be managed "
            f"{because}."
        )
    parts = [f"{area}: {what}; help is needed {often}.", count]
    extra = []
    if c.needs_impairment_or_illness:
        extra.append(_CAUSE[c.for_whom])
    if c.needs_significant_impact:
        extra.append("there is, or is likely to be, a significant effect on wellbeing")
    if extra:
        parts.append(f"{_capital(_join(extra))}.")
    stop = _join(
        [
            {
                areas.CANNOT_WITHOUT_HELP: "without help",
                areas.PAIN_DISTRESS_OR_ANXIETY: "without a lot of pain, distress or anxiety",
                areas.DANGER: "without danger",
                areas.MUCH_LONGER: "in about the usual time",
            }[flag]
            for flag in state.rule.counts
        ]
    )
    change = f"This need would stop counting if {_WHO[need.person]} could manage it {stop}"
    if c.at_least != "less_often":
        change += f", or if help were needed less often than {areas.HOW_OFTEN[c.at_least]}"
    change += "."
    if len(state.counted_areas) == c.outcomes_needed and c.outcomes_needed > 1 and not single:
        change += (
            f" The criteria need {_number(c.outcomes_needed)} areas of life, and exactly that "
            "many are recorded now."
        )
    return NeedOutcome(need.id, True, c.id, " ".join(parts), change)


def _need_not_met(need: AssessedNeed, state: _State) -> NeedOutcome:
    c = state.rule.criterion
    rule = state.rule
    area = areas.area_name(need.area)
    who = _WHO[need.person]
    reasons: list[str] = []
    changes: list[str] = []
    if need.area not in rule.area_set:
        looked_at = _join([_lower(areas.area_name(code)) for code in c.counted_areas])
        reasons.append(
            f"{area} is not one of the areas of life the criteria “{c.title}” look at ({looked_at})"
        )
        changes.append(
            "If something in one of those areas could only be managed with help, that would count."
        )
    else:
        if not any(getattr(need, flag) for flag in rule.counts):
            conditions = _join([_flag_condition(flag) for flag in rule.counts], "or")
            reasons.append(
                f"the assessment does not record that {who} can only manage this {conditions}"
            )
            changes.append(f"If {who} could only manage this {conditions}, it would count.")
        if areas.HOW_OFTEN_RANK[need.how_often] < rule.rank:
            reasons.append(
                f"help is needed {areas.HOW_OFTEN[need.how_often]}, and the criteria “{c.title}” "
                f"count needs where help is needed {areas.HOW_OFTEN[c.at_least]} or more often"
            )
            changes.append(
                f"If help were needed {areas.HOW_OFTEN[c.at_least]} or more often, it would count."
            )
    if not reasons:
        reasons.append(
            f"this need counts, but the criteria “{c.title}” are not met: {_join(state.failures)}"
        )
        changes.extend(state.changes)
    reason = f"{area}: not met, because {_join(reasons)}."
    return NeedOutcome(need.id, False, c.id, reason, " ".join(changes))


def _need_outcome(need: AssessedNeed, states: list[_State]) -> NeedOutcome:
    mine = [state for state in states if state.rule.criterion.for_whom == need.person]
    if not mine:
        return NeedOutcome(
            need.id,
            False,
            "",
            f"{areas.area_name(need.area)}: these criteria do not cover {_WHOSE[need.person]} "
            "needs.",
            "Ask the council which criteria cover these needs.",
        )
    counted = [state for state in mine if _counts(state.rule, need)]
    for state in counted:
        if state.met:
            return _need_met(need, state)
    return _need_not_met(need, counted[0] if counted else mine[0])


def _law_sentence(service: Service) -> str:
    cited = "; ".join(basis.citation for basis in service.legal_basis)
    if service.duty_or_power == DUTY:
        return (
            f"This is a duty: once the council agrees it is needed, it must provide it ({cited})."
        )
    return (
        f"This is a power: the council may provide it, and decides with you whether it is the "
        f"right help ({cited})."
    )


def _service_outcome(service: Service, state: _State) -> ServiceOutcome:
    c = state.rule.criterion
    law = _law_sentence(service)
    matching = [need for need in state.counting if not service.areas or need.area in service.areas]
    if state.met and matching:
        names: list[str] = []
        for need in matching:
            name = _lower(areas.area_name(need.area))
            if name not in names:
                names.append(name)
        reason = (
            f"The criteria “{c.title}” are met, and this service can help with "
            f"{_join(names)}. {law}"
        )
        change = (
            "This would change only if none of the needs it helps with could any longer be "
            "counted, for example after a review finds they can now be managed without help."
        )
        met = True
    elif state.met:
        helps = _join([_lower(areas.area_name(code)) for code in service.areas], "or")
        reason = (
            f"The criteria “{c.title}” are met, but none of the needs that count is in the "
            f"areas this service helps with ({helps}). {law}"
        )
        change = f"If a need in {helps} could only be managed with help, this would be met."
        met = False
    else:
        reason = f"The criteria “{c.title}” are not met: {_join(state.failures)}. {law}"
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


def _lower(name: str) -> str:
    """An area's name inside a sentence: "sleep", but "EHC plan" keeps its capitals."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def evaluate(criteria_set: CriteriaSet, case: Case) -> Decision:
    """The decision the criteria give for this case: each need, then each service."""
    states = [_apply(rule, case) for rule in _rules(criteria_set)]
    by_id = {state.rule.criterion.id: state for state in states}
    needs = tuple(_need_outcome(need, states) for need in case.needs)
    services = tuple(
        _service_outcome(service, by_id[service.criterion]) for service in criteria_set.services
    )
    return Decision(
        set_id=criteria_set.id,
        set_version=criteria_set.version,
        set_digest=criteria_set.digest,
        eligible=any(outcome.met for outcome in needs),
        needs=needs,
        services=services,
    )
