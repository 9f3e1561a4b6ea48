"""The criteria file loader's rules for ids and references: unique ids, services that point at a
criterion, areas, counts, frequencies and ages."""

from __future__ import annotations

import copy

from tests.criteria.loader_helpers import only, problems_after

# --- ids and references ---------------------------------------------------------------------


def test_rule_criterion_ids_are_unique():
    def change(d):
        d["criteria"].append(copy.deepcopy(d["criteria"][0]))

    problems = problems_after(change)
    assert "used more than once" in only(problems, "criteria[1].id").message


def test_rule_service_codes_are_unique():
    problems = problems_after(lambda d: d["services"][1].update({"code": "help-at-home"}))
    assert "used more than once" in only(problems, "services[1].code").message


def test_rule_ids_are_lower_case_with_hyphens():
    problems = problems_after(lambda d: d["services"][1].update({"code": "Family Support"}))
    assert "lower-case" in only(problems, "services[1].code").message


def test_rule_services_reference_an_existing_criterion():
    problems = problems_after(lambda d: d["services"][1].update({"criterion": "children"}))
    message = only(problems, "services[1].criterion").message
    assert "no criterion with the id “children”" in message
    assert "The criteria are: child." in message


def test_rule_service_is_for_the_person_its_criterion_is_about():
    problems = problems_after(lambda d: d["services"][1].update({"for_whom": "parent_carer"}))
    assert "about a child's needs" in only(problems, "services[1].for_whom").message


def test_rule_areas_belong_to_the_person():
    problems = problems_after(lambda d: d["criteria"][0].update({"areas": ["sleep", "carer_work"]}))
    assert "areas of a child's needs" in only(problems, "criteria[0].areas[1]").message


def test_rule_service_areas_are_counted_by_its_criterion():
    def change(d):
        d["criteria"][0]["areas"] = ["sleep", "personal_care"]
        d["services"][0]["areas"] = ["travel"]

    problems = problems_after(change)
    assert "could never be met" in only(problems, "services[0].areas").message


def test_rule_counts_are_the_four_flags():
    problems = problems_after(lambda d: d["criteria"][0].update({"counts": ["is_tired"]}))
    assert "ways a need can be hard" in only(problems, "criteria[0].counts[0]").message


def test_rule_one_area_enough_uses_a_counted_flag():
    def change(d):
        d["criteria"][0]["counts"] = ["cannot_without_help"]
        d["criteria"][0]["one_area_enough_when"] = ["only_with_danger"]

    problems = problems_after(change)
    assert only(problems, "criteria[0].one_area_enough_when[0]")


def test_rule_how_often_values():
    problems = problems_after(lambda d: d["criteria"][0].update({"at_least": "daily"}))
    assert "every_day" in only(problems, "criteria[0].at_least").message


def test_rule_outcomes_needed_fits_the_areas():
    def change(d):
        d["criteria"][0]["areas"] = ["sleep", "personal_care"]
        d["criteria"][0]["outcomes_needed"] = 3

    problems = problems_after(change)
    assert "from 1 to 2" in only(problems, "criteria[0].outcomes_needed").message


def test_rule_ages():
    problems = problems_after(lambda d: d["criteria"][0].update({"min_age": 14, "max_age": 10}))
    assert "must not be less than" in only(problems, "criteria[0].max_age").message
