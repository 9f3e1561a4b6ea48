"""The criteria file loader's rules for the worked examples: known areas, people and frequencies,
unique ids and names, and expectations that are tested."""

from __future__ import annotations

import copy

from supportfirst.rules.criteria import load_text, run_examples
from tests.criteria.loader_helpers import only, problems_after, text_of, valid

# --- worked examples ------------------------------------------------------------------------


def test_rule_example_cases_use_known_areas_people_and_frequencies():
    def change(d):
        need = d["examples"][0]["case"]["needs"][0]
        need.update({"area": "carer_work", "how_often": "daily", "person": "child"})

    problems = problems_after(change)
    assert (
        "not an area of a child's needs" in only(problems, "examples[0].case.needs[0].area").message
    )
    assert "every_day" in only(problems, "examples[0].case.needs[0].how_often").message


def test_rule_example_cases_need_the_wellbeing_answers():
    problems = problems_after(
        lambda d: d["examples"][0]["case"].pop("significant_impact_on_wellbeing")
    )
    assert only(problems, "examples[0].case.significant_impact_on_wellbeing")


def test_rule_example_need_ids_are_unique():
    def change(d):
        d["examples"][0]["case"]["needs"][1]["id"] = "wash"

    problems = problems_after(change)
    assert "used twice" in only(problems, "examples[0].case.needs[1].id").message


def test_rule_expected_decisions_cover_every_need_and_service():
    def change(d):
        d["examples"][0]["expect"]["services"].pop("family-support")
        d["examples"][0]["expect"]["needs"]["nobody"] = "met"

    problems = problems_after(change)
    assert "missing: family-support" in only(problems, "examples[0].expect.services").message
    assert "no need “nobody”" in only(problems, "examples[0].expect.needs.nobody").message


def test_rule_expected_outcomes_are_met_or_not_met():
    problems = problems_after(lambda d: d["examples"][0]["expect"]["needs"].update({"wash": "yes"}))
    assert "“met” or “not met”" in only(problems, "examples[0].expect.needs.wash").message


def test_rule_a_wrong_expectation_loads_but_fails_its_test():
    data = valid()
    data["examples"][0]["expect"]["services"]["family-support"] = "not met"
    criteria_set = load_text(text_of(data), "test.yaml")
    result, _one_area = run_examples(criteria_set)
    assert not result.passed
    assert result.differences == ("service family-support: expected not met, got met",)


def test_rule_example_names_are_unique():
    problems = problems_after(lambda d: d["examples"].append(copy.deepcopy(d["examples"][0])))
    assert "used more than once" in only(problems, "examples[2].name").message
