"""Needs that fluctuate over the week (issue 13 point 5): one area is enough where the criteria
say so, when a need is much harder on some days than others and, on the hard days, is intense.
A fluctuating need is judged by its hard days: its flags say how the hard days are."""

from __future__ import annotations

import copy
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
from supportfirst.rules.criteria.changes import _criterion_lines
from supportfirst.rules.criteria.evaluate import decide
from supportfirst.rules.criteria.examples import run_examples

from .loader_helpers import only, problems_after, text_of, valid

SETS = {path.name: path for path in shipped_set_paths()}
NORTHMOOR = load_file(SETS["958-northmoor.yaml"])
ASHVALE = load_file(SETS["957-ashvale.yaml"])
NATIONAL = load_file(SETS["national-model.yaml"])


def seizures(*, fluctuates=True, help=True, distress=False) -> AssessedNeed:
    return AssessedNeed(
        id="seizures",
        person="child",
        area="health",
        description="",
        cannot_without_help=help,
        only_with_pain_distress_or_anxiety=distress,
        only_with_danger=False,
        takes_much_longer=False,
        how_often="several_times_a_week",
        more_than_same_age=True,
        fluctuates=fluctuates,
    )


def case(*needs: AssessedNeed) -> Case:
    return Case(
        needs=needs,
        arises_from_impairment_or_illness=True,
        significant_impact_on_wellbeing=True,
        child_age=8,
    )


def test_rule_one_fluctuating_area_that_needs_help_on_the_hard_days_is_met():
    decision = evaluate(NORTHMOOR, case(seizures()))
    assert decision.eligible
    outcome = decision.need("seizures")
    assert outcome.met
    assert outcome.criterion_id == "child"
    assert decision.service("help-at-home").met
    # The reason names the rule in plain English, and that the hard days were judged.
    assert "Some days are much harder than others, and this is judged by the hard days." in (
        outcome.reason
    )
    assert (
        "accept one area of life when a need has hard days on which it can only be managed "
        "with help." in outcome.reason
    )
    assert decide(NORTHMOOR, case(seizures())).eligible


def test_rule_not_met_when_the_hard_days_are_not_intense():
    # Much harder on some days, but even then managed without help (in a lot of pain).
    decision = evaluate(NORTHMOOR, case(seizures(help=False, distress=True)))
    assert not decision.eligible
    outcome = decision.need("seizures")
    assert not outcome.met
    assert "The criteria need two." in outcome.reason
    assert (
        "One area is enough when a need that counts has hard days on which it can only be "
        "managed with help." in outcome.what_would_change
    )
    assert not decide(NORTHMOOR, case(seizures(help=False, distress=True))).eligible


def test_rule_not_met_when_the_need_is_the_same_every_day():
    # The same need without "some days are much harder": one area is not enough.
    decision = evaluate(NORTHMOOR, case(seizures(fluctuates=False)))
    assert not decision.eligible
    assert "judged by the hard days" not in decision.need("seizures").reason


@pytest.mark.parametrize("criteria_set", [ASHVALE, NATIONAL], ids=["ashvale", "national"])
def test_rule_not_applied_in_a_set_that_does_not_say_so(criteria_set):
    assert all(not c.one_area_enough_on_hard_days for c in criteria_set.criteria)
    decision = evaluate(criteria_set, case(seizures()))
    assert not decision.eligible
    assert not decision.need("seizures").met
    assert "hard days" not in decision.need("seizures").what_would_change


def test_rule_two_areas_count_as_before_when_one_fluctuates():
    other = AssessedNeed(
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
    for criteria_set in (ASHVALE, NORTHMOOR):
        decision = evaluate(criteria_set, case(seizures(help=False, distress=True), other))
        assert decision.eligible
        assert decision.need("seizures").met


def _without_example(name: str, example: str) -> list:
    text = SETS[name].read_text(encoding="utf-8")
    start = text.index(f"  - name: {example}\n")
    end = text.find("\n  - name: ", start + 1)
    text = text[:start] + text[end + 1 :]
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text, name)
    return caught.value.problems


def test_worked_example_in_northmoor_would_fail_without_the_rule():
    problems = _without_example("958-northmoor.yaml", "Seizures on some days of the week")
    found = [p for p in problems if "fluctuates over the week" in p.message]
    assert [p.field_path for p in found] == ["criteria[0].plain_english"]
    assert "no worked example tests it" in found[0].message


def test_worked_examples_in_northmoor_come_out_as_the_file_says():
    results = {r.example.name: r for r in run_examples(NORTHMOOR)}
    assert results["Seizures on some days of the week"].passed
    assert results["Some days are harder, but the hard days can be managed without help"].passed
    assert results["Seizures on some days of the week"].decision.eligible


def test_format_flags_must_be_counted():
    def change(data):
        data["criteria"][0]["counts"] = ["cannot_without_help"]
        data["criteria"][0]["one_area_enough_on_hard_days"] = ["only_with_danger"]

    problems = problems_after(change)
    assert only(problems, "criteria[0].one_area_enough_on_hard_days[0]")


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
    old = NORTHMOOR.criteria[0]

    lines = list(_criterion_lines(replace(old, one_area_enough_on_hard_days=()), old))
    assert any("fluctuates over the week and on the hard days" in line for line in lines)
