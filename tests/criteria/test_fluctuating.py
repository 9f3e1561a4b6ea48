"""Needs that fluctuate over the week (issue 13 point 5), judged by the hard days.

A need that fluctuates (some days are much harder than others) is judged at the level of its
hard days, as often as they come: its flags are how the hard days are, and `how_often` is how
often they come. It is decided exactly as the same need with those flags and that `how_often`
(same counting, same `one_area_enough_when`): never better, never worse. Only the words of its
reasons differ ("judged by the hard days")."""

from __future__ import annotations

import copy
import itertools
import random
from dataclasses import replace

import pytest

from supportfirst.rules.criteria import (
    AssessedNeed,
    Case,
    CaseError,
    CriteriaFileError,
    evaluate,
    load_file,
    load_text,
    shipped_set_paths,
)
from supportfirst.rules.criteria.areas import CHILD, FLAGS, HOW_OFTEN, PERSONS, areas_of
from supportfirst.rules.criteria.changes import _criterion_lines
from supportfirst.rules.criteria.evaluate import (
    _AREA_SHIFT,
    _FLUCTUATES,
    _KEY_BITS,
    HARD_DAYS,
    decide,
)
from supportfirst.rules.criteria.examples import run_examples
from supportfirst.rules.criteria.statements import untested_statements

from .loader_helpers import only, problems_after, text_of, valid

SETS = {path.name: path for path in shipped_set_paths()}
NORTHMOOR_11 = load_file(SETS["958-northmoor.yaml"])
NORTHMOOR = load_file(SETS["958-northmoor-1.2.yaml"])
ALL_SETS = [load_file(path) for path in shipped_set_paths()]


def seizures(*, fluctuates=True, danger=True, help=True, distress=False, how_often=None):
    return AssessedNeed(
        id="seizures",
        person="child",
        area="health",
        description="",
        cannot_without_help=help,
        only_with_pain_distress_or_anxiety=distress,
        only_with_danger=danger,
        takes_much_longer=False,
        how_often=how_often or "several_times_a_week",
        more_than_same_age=True,
        fluctuates=fluctuates,
    )


def case(*needs: AssessedNeed, age: int | None = 8) -> Case:
    return Case(
        needs=needs,
        arises_from_impairment_or_illness=True,
        significant_impact_on_wellbeing=True,
        child_age=age,
    )


def steady(need: AssessedNeed) -> AssessedNeed:
    return replace(need, fluctuates=False)


# --- the rule: judged by the hard days, exactly as the same need ----------------------------


def test_rule_seizures_on_some_days_are_judged_by_the_hard_days():
    decision = evaluate(NORTHMOOR, case(seizures()))
    assert decision.eligible
    outcome = decision.need("seizures")
    assert outcome.met
    assert outcome.criterion_id == "child"
    assert decision.service("help-at-home").met
    assert HARD_DAYS in outcome.reason
    assert "The hard days come several times a week." in outcome.reason
    assert "can only be managed with danger to someone" in outcome.reason
    assert decide(NORTHMOOR, case(seizures())).eligible


def test_rule_the_same_need_every_day_is_met_too():
    decision = evaluate(NORTHMOOR, case(seizures(fluctuates=False)))
    assert decision.eligible
    assert decision.need("seizures").met
    assert "hard days" not in decision.need("seizures").reason
    assert "Help is needed several times a week." in decision.need("seizures").reason


@pytest.mark.parametrize("fluctuates", [True, False], ids=["hard days", "every day"])
def test_rule_help_with_personal_care_alone_is_not_enough_either_way(fluctuates):
    """The review's example: needing help only with personal care is not met every day, so
    it is not met on the hard days either."""
    washing = AssessedNeed(
        id="washing",
        person="child",
        area="personal_care",
        description="",
        cannot_without_help=True,
        only_with_pain_distress_or_anxiety=False,
        only_with_danger=False,
        takes_much_longer=False,
        how_often="every_day",
        more_than_same_age=True,
        fluctuates=fluctuates,
    )
    decision = evaluate(NORTHMOOR, case(washing, age=15))
    assert not decision.eligible
    assert not decision.need("washing").met


def test_rule_the_not_met_reason_says_the_need_was_judged_by_its_hard_days():
    decision = evaluate(NORTHMOOR, case(seizures(danger=False, help=False, distress=True)))
    assert not decision.eligible
    outcome = decision.need("seizures")
    assert outcome.reason == (
        "Health and medication: not met. Some days are much harder than others, so this need "
        "is judged by the hard days. This need counts, but the criteria “Your child's daily "
        "life” are not met. One area of life can only be managed with help (health and "
        "medication). The criteria need two."
    )
    assert (
        "One area is enough when a need that counts can only be managed with danger to "
        "someone." in outcome.what_would_change
    )
    steady_outcome = evaluate(
        NORTHMOOR, case(seizures(fluctuates=False, danger=False, help=False, distress=True))
    ).need("seizures")
    assert "hard days" not in steady_outcome.reason


def test_rule_a_need_whose_hard_days_come_too_seldom_says_so():
    ashvale = load_file(SETS["957-ashvale.yaml"])  # counts needs every week or more often
    outcome = evaluate(ashvale, case(seizures(how_often="less_often"))).need("seizures")
    assert not outcome.met
    assert HARD_DAYS in outcome.reason
    assert "The hard days come less often than every week." in outcome.reason
    assert "If the hard days came every week or more often, it would count." in (
        outcome.what_would_change
    )


def test_rule_two_areas_count_as_before_when_one_fluctuates():
    meals = AssessedNeed(
        id="meals",
        person="child",
        area="eating",
        description="",
        cannot_without_help=True,
        only_with_pain_distress_or_anxiety=False,
        only_with_danger=False,
        takes_much_longer=False,
        how_often="every_day",
        more_than_same_age=True,
    )
    pain = seizures(danger=False, help=False, distress=True)
    two_areas = [NORTHMOOR_11, NORTHMOOR, load_file(SETS["957-ashvale.yaml"])]
    for criteria_set in two_areas:
        decision = evaluate(criteria_set, case(pain, meals))
        assert decision.eligible, criteria_set.id
        assert decision.need("seizures").met, criteria_set.id


def test_rule_version_1_1_is_unchanged_and_does_not_judge_by_the_hard_days():
    assert NORTHMOOR_11.version == "1.1"
    decision = evaluate(NORTHMOOR_11, case(seizures()))
    assert not decision.eligible  # 1.1 needs two areas for any need, steady or not
    assert not evaluate(NORTHMOOR_11, case(seizures(fluctuates=False))).eligible


# --- properties over every level, area and frequency ----------------------------------------


def _levels():
    """Every combination of the four flags (at least one), how often and the age comparator."""
    for bits in itertools.product([False, True], repeat=len(FLAGS)):
        if not any(bits):
            continue
        for how_often in HOW_OFTEN:
            for same_age in (None, True, False):
                yield dict(zip(FLAGS, bits, strict=True)), how_often, same_age


def _need(person, area, flags, how_often, same_age, fluctuates, need_id="n"):
    return AssessedNeed(
        id=need_id,
        person=person,
        area=area,
        description="",
        how_often=how_often,
        more_than_same_age=same_age if person == CHILD else None,
        fluctuates=fluctuates,
        **flags,
    )


def _met(criteria_set, the_case):
    verdict = decide(criteria_set, the_case)
    return (verdict.eligible, *[met for met, _ in verdict.needs], *verdict.services)


def _random_criteria(rng: random.Random, base):
    """The set's criteria with random rules: what counts, how often, how many areas, one area
    enough by flags and by areas, the age comparator."""
    criteria = []
    for c in base.criteria:
        counts = tuple(f for f in FLAGS if rng.random() < 0.6) or (FLAGS[rng.randrange(4)],)
        criteria.append(
            replace(
                c,
                counts=counts,
                at_least=rng.choice(list(HOW_OFTEN)),
                outcomes_needed=rng.choice([1, 2, 2, 3]),
                one_area_enough_when=tuple(f for f in counts if rng.random() < 0.4),
                one_area_enough_in=tuple(a for a in areas_of(c.for_whom) if rng.random() < 0.1),
                compare_with_same_age=rng.random() < 0.7,
            )
        )
    return replace(base, criteria=tuple(criteria), digest=f"{base.digest}~hard{rng.random()}")


def test_property_fluctuating_is_decided_exactly_as_steady():
    """For every shipped set and random sets made from each, every level, area and frequency,
    alone and beside other needs (some of them fluctuating too): the decision with the needs
    marked as fluctuating is equal to the decision with every need steady. Equality, so a
    fluctuating need is never better off and never refused because it is not every day."""
    rng = random.Random(20261205)
    sets = list(ALL_SETS)
    for base in ALL_SETS:
        sets.extend(_random_criteria(rng, base) for _ in range(6))
    checked = 0
    for criteria_set in sets:
        for person in PERSONS:
            for area in areas_of(person):
                for flags, how_often, same_age in _levels():
                    if rng.random() > 0.1:
                        continue  # a seeded tenth of the levels for each area keeps it quick
                    others = tuple(
                        _need(
                            rng.choice(PERSONS[:1] * 3 + PERSONS),
                            "",
                            {f: rng.random() < 0.4 for f in FLAGS},
                            rng.choice(list(HOW_OFTEN)),
                            rng.choice([None, True, False]),
                            rng.random() < 0.5,
                            f"other-{i}",
                        )
                        for i in range(rng.randint(0, 3))
                    )
                    others = tuple(replace(n, area=rng.choice(areas_of(n.person))) for n in others)
                    one = _need(person, area, flags, how_often, same_age, True)
                    for needs in ((one,), (one, *others)):
                        hard = case(*needs, age=rng.choice([None, 5, 15]))
                        every = replace(hard, needs=tuple(steady(n) for n in needs))
                        assert _met(criteria_set, hard) == _met(criteria_set, every), (
                            criteria_set.id,
                            criteria_set.criteria,
                            hard,
                        )
                        checked += 1
                        if checked % 25 == 0:  # the words' path too, now and then
                            worded = evaluate(criteria_set, hard)
                            plain = evaluate(criteria_set, every)
                            assert worded.eligible == plain.eligible
                            assert [n.met for n in worded.needs] == [n.met for n in plain.needs]
                            assert [s.met for s in worded.services] == [
                                s.met for s in plain.services
                            ]
    assert checked > 10_000


@pytest.mark.parametrize("criteria_set", ALL_SETS, ids=lambda s: f"{s.id}-{s.version}")
def test_property_a_fluctuating_need_is_judged_on_its_hard_days(criteria_set):
    """In every shipped set, every level of every area: a need that comes and goes alone
    gets exactly the decision of the same need steady, at the level of its hard days."""
    for person in PERSONS:
        for area in areas_of(person):
            for flags, how_often, same_age in _levels():
                hard = case(_need(person, area, flags, how_often, same_age, True))
                every = case(_need(person, area, flags, how_often, same_age, False))
                assert _met(criteria_set, hard) == _met(criteria_set, every), (area, flags)
                assert evaluate(criteria_set, hard).eligible == decide(criteria_set, hard).eligible


# --- the file: words, worked examples, the loader -------------------------------------------


def test_the_plain_english_says_the_rule():
    words = " ".join(NORTHMOOR.criterion("child").plain_english.split())
    assert (
        "When some days are much harder than others, we judge the need at the level of its "
        "hard days, as often as they come" in words
    )
    assert "One area is enough when your child can only manage it with danger" in words
    assert NORTHMOOR.criterion("child").one_area_enough_when == ("only_with_danger",)
    assert not hasattr(NORTHMOOR.criterion("child"), "one_area_enough_on_hard_days")


def test_every_statement_of_northmoor_1_2_has_an_example():
    assert untested_statements(NORTHMOOR) == []


def test_the_examples_pin_the_rule():
    """Without one area enough for danger, the three danger examples fail (seizures on some
    days, the same seizures with no easier days, danger every day); the fluctuating pain and
    personal care examples stay not met. And the twin examples pin fluctuating == steady: the
    seizures example and its steady twin have the same expected outcome, and every example
    with its needs made steady keeps its decision."""
    child = NORTHMOOR.criterion("child")
    others = NORTHMOOR.criteria[1:]
    without_when = replace(
        NORTHMOOR, criteria=(replace(child, one_area_enough_when=()), *others), digest="b"
    )
    failed = [r.example.name for r in run_examples(without_when) if not r.passed]
    assert failed == [
        "Seizures on some days of the week",
        "The same seizures, with no easier days",
        "Danger every day in one area",
    ]
    by_name = {e.name: e for e in NORTHMOOR.examples}
    twin = by_name["The same seizures, with no easier days"]
    hard = by_name["Seizures on some days of the week"]
    assert [n.fluctuates for n in hard.case.needs] == [True]
    assert [n.fluctuates for n in twin.case.needs] == [False]
    # The twin is the same need, steady (only its description differs), with the same outcome.
    assert twin.case.needs == tuple(
        replace(steady(n), description=twin.case.needs[0].description) for n in hard.case.needs
    )
    assert (twin.eligible, twin.needs, twin.services) == (hard.eligible, hard.needs, hard.services)
    for name in (
        "Pain on the hard days, in one area",
        "Help with personal care only on the hard days",
    ):
        example = by_name[name]
        assert [n.fluctuates for n in example.case.needs] == [True]
        assert not evaluate(NORTHMOOR, example.case).eligible
    for example in NORTHMOOR.examples:
        flat = replace(example.case, needs=tuple(steady(n) for n in example.case.needs))
        assert _met(NORTHMOOR, flat) == _met(NORTHMOOR, example.case), example.name


def _without_examples(name: str, *examples: str) -> list:
    text = SETS[name].read_text(encoding="utf-8")
    for example in examples:
        start = text.index(f"  - name: {example}\n")
        end = text.find("\n  - name: ", start + 1)
        text = text[:start] + text[end + 1 :]
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text, name)
    return caught.value.problems


def test_the_loader_reports_the_danger_rule_with_no_example():
    problems = _without_examples(
        "958-northmoor-1.2.yaml",
        "Seizures on some days of the week",
        "The same seizures, with no easier days",
        "Danger every day in one area",
    )
    found = [p for p in problems if "no worked example tests it" in p.message]
    assert [p.field_path for p in found] == ["criteria[0].plain_english"]
    assert "danger" in found[0].message


def test_the_key_is_constant_and_the_area_shift_agrees():
    assert _FLUCTUATES < _KEY_BITS
    assert _KEY_BITS * len(HOW_OFTEN) == 1 << _AREA_SHIFT


def test_northmoor_1_2_is_a_new_signed_off_version_and_1_1_is_kept():
    assert (NORTHMOOR.id, NORTHMOOR.version) == ("958-northmoor", "1.2")
    assert NORTHMOOR.digest != NORTHMOOR_11.digest
    signed = {s.kind: s.on.isoformat() for s in NORTHMOOR.sign_off}
    assert signed == {"council": "2026-12-05", "parent_carer_forum": "2026-12-04"}
    assert NORTHMOOR.effective_from.isoformat() == "2027-01-04"
    assert all(s.on <= NORTHMOOR.effective_from for s in NORTHMOOR.sign_off)
    assert NORTHMOOR_11.effective_from < NORTHMOOR.effective_from
    old = {s.kind: s.on.isoformat() for s in NORTHMOOR_11.sign_off}
    assert old == {"council": "2026-11-24", "parent_carer_forum": "2026-11-18"}


def test_format_there_is_no_separate_hard_days_rule():
    """`one_area_enough_when` applies to needs that fluctuate as to every other: a key of its
    own for the hard days is refused."""

    def change(data):
        data["criteria"][0]["one_area_enough_on_hard_days"] = ["only_with_danger"]

    problems = problems_after(change)
    problem = only(problems, "criteria[0].one_area_enough_on_hard_days")
    assert "is not a field of" in problem.message


def test_format_a_need_says_whether_it_fluctuates_as_true_or_false():
    data = copy.deepcopy(valid())
    data["examples"][0]["case"]["needs"][0]["fluctuates"] = "sometimes"
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text_of(data), "test.yaml")
    assert any("fluctuates must be true or false" in p.message for p in caught.value.problems)
    with pytest.raises(CaseError):
        AssessedNeed.from_dict(
            {"id": "a", "area": "health", "how_often": "every_day", "fluctuates": "yes"}
        )


def test_a_stored_need_keeps_its_form_and_a_fluctuating_one_round_trips():
    assert "fluctuates" not in seizures(fluctuates=False).to_dict()
    data = seizures().to_dict()
    assert data["fluctuates"] is True
    assert AssessedNeed.from_dict(data) == seizures()


def test_a_change_of_the_rule_is_described():
    lines = list(_criterion_lines(NORTHMOOR_11.criterion("child"), NORTHMOOR.criterion("child")))
    assert lines[1:] == ["One area is enough when a need: now only with danger (it was none)."]
