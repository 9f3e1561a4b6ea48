"""One test per validation rule of the criteria file loader, named after the rule."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from supportfirst.rules.criteria import (
    CriteriaFileError,
    Problem,
    load_file,
    load_text,
    run_examples,
)


def valid() -> dict[str, Any]:
    """A small valid set: one criterion, two services, one example."""
    return {
        "id": "999-testshire",
        "owner": "999",
        "version": "1.0",
        "effective_from": "2026-04-01",
        "status": "published",
        "title": "Help in Testshire",
        "summary": "When we help. You do not need a diagnosis.",
        "sign_off": [
            {
                "name": "A Person",
                "organisation": "Testshire Council",
                "kind": "council",
                "on": "2026-03-01",
            },
            {
                "name": "B Person",
                "organisation": "Testshire Parent Carer Forum",
                "kind": "parent_carer_forum",
                "on": "2026-03-02",
            },
        ],
        "criteria": [
            {
                "id": "child",
                "title": "Your child's needs",
                "plain_english": "Two areas of life your child can only manage with help.",
                "outcomes_needed": 2,
            }
        ],
        "services": [
            {
                "code": "help-at-home",
                "name": "Help at home",
                "plain_english": "Help with washing and dressing.",
                "legal_basis": [
                    {"act": "Chronically Sick and Disabled Persons Act 1970", "section": "2(1)(a)"}
                ],
                "duty_or_power": "duty",
                "criterion": "child",
                "areas": ["personal_care"],
            },
            {
                "code": "family-support",
                "name": "Family support",
                "plain_english": "A family support worker.",
                "legal_basis": [{"act": "Children Act 1989", "section": "17"}],
                "duty_or_power": "power",
                "criterion": "child",
            },
        ],
        "examples": [
            {
                "name": "Two areas",
                "case": {
                    "arises_from_impairment_or_illness": True,
                    "significant_impact_on_wellbeing": True,
                    "needs": [
                        {
                            "id": "wash",
                            "area": "personal_care",
                            "cannot_without_help": True,
                            "how_often": "every_day",
                        },
                        {
                            "id": "sleep",
                            "area": "sleep",
                            "cannot_without_help": True,
                            "how_often": "every_day",
                        },
                    ],
                },
                "expect": {
                    "eligible": True,
                    "needs": {"wash": "met", "sleep": "met"},
                    "services": {"help-at-home": "met", "family-support": "met"},
                },
            }
        ],
    }


def text_of(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def problems_after(change: Callable[[dict[str, Any]], object]) -> list[Problem]:
    data = copy.deepcopy(valid())
    change(data)
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text_of(data), "test.yaml")
    return caught.value.problems


def only(problems: list[Problem], path: str) -> Problem:
    found = [problem for problem in problems if problem.field_path == path]
    assert found, f"no problem at {path}: {[str(p) for p in problems]}"
    return found[0]


def test_the_valid_set_loads_and_its_example_passes():
    criteria_set = load_text(text_of(valid()), "test.yaml")
    assert criteria_set.services[0].legal_basis[0].citation == (
        "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"
    )
    assert all(result.passed for result in run_examples(criteria_set))


# --- the file as a whole -----------------------------------------------------------------


def test_rule_yaml_syntax_errors_give_the_line():
    with pytest.raises(CriteriaFileError) as caught:
        load_text("id: x\ntitle: [unclosed\nowner: national\n", "broken.yaml")
    (problem,) = caught.value.problems
    assert problem.where == "broken.yaml:3"  # where the unclosed list runs into the next key
    assert problem.line == 3
    assert "not valid YAML" in problem.message


def test_rule_the_file_must_be_a_set_of_fields():
    with pytest.raises(CriteriaFileError) as caught:
        load_text("- just\n- a list\n", "list.yaml")
    assert "must be a criteria set" in caught.value.problems[0].message


def test_rule_an_empty_file_is_a_problem():
    with pytest.raises(CriteriaFileError) as caught:
        load_text("", "empty.yaml")
    assert caught.value.problems[0].message == "The file is empty."


def test_rule_required_fields():
    problems = problems_after(lambda d: (d.pop("title"), d["criteria"][0].pop("plain_english")))
    messages = [p.message for p in problems]
    assert "A criteria set needs the field “title”." in messages
    assert only(problems, "criteria[0]").message == "A criterion needs the field “plain_english”."


def test_rule_unknown_fields_are_named_with_a_suggestion():
    problems = problems_after(lambda d: d["services"][0].update({"duty_or_powr": "duty"}))
    problem = only(problems, "services[0].duty_or_powr")
    assert "not a field of a service" in problem.message
    assert "Did you mean “duty_or_power”?" in problem.message


def test_rule_field_types():
    def change(d):
        d["title"] = 42
        d["criteria"][0]["outcomes_needed"] = "two"
        d["criteria"][0]["needs_significant_impact"] = "yes please"

    problems = problems_after(change)
    assert only(problems, "title").message == "“title” must be text."
    assert "whole number" in only(problems, "criteria[0].outcomes_needed").message
    assert "true or false" in only(problems, "criteria[0].needs_significant_impact").message


def test_rule_version_must_be_text_in_quotes():
    problems = problems_after(lambda d: d.update({"version": 2.1}))
    assert "Put the version in quotes" in only(problems, "version").message


def test_rule_lists_must_not_be_empty():
    problems = problems_after(lambda d: d.update({"criteria": [], "examples": []}))
    assert "at least one" in only(problems, "criteria").message
    assert "at least one" in only(problems, "examples").message


def test_rule_field_names_are_read_as_written():
    # YAML 1.1 reads a bare `on` as true; a sign-off's `on` must stay a field name.
    criteria_set = load_text(text_of(valid()).replace("'on'", "on"), "test.yaml")
    assert str(criteria_set.sign_off[0].on) == "2026-03-01"


def test_rule_a_field_given_twice():
    text = text_of(valid()).replace("title: Help in Testshire", "title: A\ntitle: B")
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text, "test.yaml")
    assert "given twice" in caught.value.problems[0].message


# --- status, owner, dates, sign-off --------------------------------------------------------


@pytest.mark.parametrize("status", ["live", "Published", ""])
def test_rule_status_values(status):
    problems = problems_after(lambda d: d.update({"status": status}))
    assert "draft, published, retired" in only(problems, "status").message


@pytest.mark.parametrize("owner", ["95", "9570", "ashvale", "National"])
def test_rule_owner_is_national_or_three_digits(owner):
    problems = problems_after(lambda d: d.update({"owner": owner}))
    assert "three-digit local authority code" in only(problems, "owner").message


@pytest.mark.parametrize("owner", ["national", "957"])
def test_rule_owner_national_or_a_code_is_fine(owner):
    data = valid()
    data["owner"] = owner
    assert load_text(text_of(data), "test.yaml").owner == owner


@pytest.mark.parametrize("value", ["2026-13-01", "1 April 2026", "tomorrow"])
def test_rule_dates_must_be_real_dates(value):
    problems = problems_after(lambda d: d.update({"effective_from": value}))
    assert "YYYY-MM-DD" in only(problems, "effective_from").message


def test_rule_unquoted_impossible_dates_are_reported_with_their_line():
    text = text_of(valid()).replace("'2026-04-01'", "2026-02-30")
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text, "test.yaml")
    problem = only(caught.value.problems, "effective_from")
    assert problem.line == 4
    assert "not a real date" in problem.message


def test_rule_sign_off_dates():
    problems = problems_after(lambda d: d["sign_off"][1].update({"on": "last week"}))
    assert "YYYY-MM-DD" in only(problems, "sign_off[1].on").message


def test_rule_sign_off_kind():
    problems = problems_after(lambda d: d["sign_off"][1].update({"kind": "forum"}))
    assert "council, parent_carer_forum" in only(problems, "sign_off[1].kind").message


@pytest.mark.parametrize(
    ("status", "missing"), [("published", 1), ("published", 0), ("retired", 1)]
)
def test_rule_published_sets_are_signed_off_by_council_and_forum(status, missing):
    def change(d):
        d["status"] = status
        d["sign_off"].pop(missing)

    problems = problems_after(change)
    who = "the parent carer forum" if missing else "the council"
    assert f"there is no sign-off by {who}" in only(problems, "sign_off").message


def test_rule_a_draft_needs_no_sign_off_yet():
    data = valid()
    data["status"] = "draft"
    data["sign_off"] = []
    assert load_text(text_of(data), "test.yaml").status == "draft"


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


# --- the law --------------------------------------------------------------------------------


@pytest.mark.parametrize("legal_basis", [None, []])
def test_rule_every_service_has_a_legal_basis(legal_basis):
    def change(d):
        if legal_basis is None:
            d["services"][1].pop("legal_basis")
        else:
            d["services"][1]["legal_basis"] = legal_basis

    problems = problems_after(change)
    if legal_basis is None:
        assert only(problems, "services[1]").message == "A service needs the field “legal_basis”."
    else:
        assert "at least one legal basis" in only(problems, "services[1].legal_basis").message


def test_rule_legal_basis_comes_from_the_catalogue():
    problems = problems_after(
        lambda d: d["services"][1].update(
            {"legal_basis": [{"act": "Mental Health Act 1983", "section": "117"}]}
        )
    )
    message = only(problems, "services[1].legal_basis[0]").message
    assert "Mental Health Act 1983, section 117" in message
    assert "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a) to (h)" in message


@pytest.mark.parametrize("section", ["2(1)(a)", "s2(1)(a)", "section 2(1)(a)", "s. 2 (1) (a)"])
def test_rule_legal_basis_accepts_usual_ways_of_writing_a_section(section):
    data = valid()
    data["services"][0]["legal_basis"][0]["section"] = section
    criteria_set = load_text(text_of(data), "test.yaml")
    basis = criteria_set.services[0].legal_basis[0]
    assert basis.section == "2(1)(a)"
    assert "practical help in the home" in basis.note


@pytest.mark.parametrize(
    ("legal_basis", "claimed", "expected"),
    [
        (
            [{"act": "Chronically Sick and Disabled Persons Act 1970", "section": "2(1)(e)"}],
            "power",
            "gives a duty",
        ),
        ([{"act": "Children Act 1989", "section": "17"}], "duty", "gives a power"),
        (
            [
                {"act": "Children Act 1989", "section": "Schedule 2, paragraph 6"},
                {
                    "act": "Breaks for Carers of Disabled Children Regulations 2011",
                    "section": "regulation 3",
                },
            ],
            "power",
            "gives a duty",
        ),
    ],
)
def test_rule_duty_or_power_matches_the_law(legal_basis, claimed, expected):
    problems = problems_after(
        lambda d: d["services"][1].update({"legal_basis": legal_basis, "duty_or_power": claimed})
    )
    assert expected in only(problems, "services[1].duty_or_power").message


def test_rule_duty_or_power_values():
    problems = problems_after(lambda d: d["services"][1].update({"duty_or_power": "maybe"}))
    assert "duty, power" in only(problems, "services[1].duty_or_power").message


@pytest.mark.parametrize(
    ("cited", "needed"),
    [
        (
            {
                "act": "Breaks for Carers of Disabled Children Regulations 2011",
                "section": "regulation 3",
            },
            "Schedule 2, paragraph 6",
        ),
        ({"act": "Children Act 1989", "section": "17A"}, "Direct Payments"),
    ],
)
def test_rule_some_laws_are_cited_together(cited, needed):
    problems = problems_after(
        lambda d: d["services"][1].update({"legal_basis": [cited], "duty_or_power": "duty"})
    )
    message = only(problems, "services[1].legal_basis").message
    assert "must be cited together with" in message
    assert needed in message


def test_rule_the_law_fits_the_person():
    def change(d):
        d["criteria"].append(
            {
                "id": "carer",
                "title": "You",
                "plain_english": "Your needs.",
                "for_whom": "parent_carer",
                "outcomes_needed": 1,
            }
        )
        d["services"][0]["criterion"] = "carer"
        d["services"][0]["for_whom"] = "parent_carer"
        d["services"][0].pop("areas")

    problems = problems_after(change)
    assert (
        "not a law for services to a parent carer"
        in only(problems, "services[0].legal_basis").message
    )


# --- needs-led, not diagnosis-led -----------------------------------------------------------


EXCLUDING = [
    "Not available to children with ADHD or autism.",
    "This service excludes autism.",
    "Only for children with a physical disability.",
    "Your child must have a diagnosis.",
    "A formal diagnosis is required.",
    "Children with autism are not eligible.",
    "Excluding children with a learning disability.",
    "Requires a diagnosis from a paediatrician.",
    "Children with ADHD cannot get short breaks.",
    "No diagnosis, no service.",
]


@pytest.mark.parametrize("wording", EXCLUDING)
def test_rule_a_criterion_may_not_exclude_a_diagnosis(wording):
    problems = problems_after(lambda d: d["criteria"][0].update({"plain_english": wording}))
    message = only(problems, "criteria[0].plain_english").message
    assert "needs-led, not diagnosis-led" in message
    assert "diagnosis or condition" in message


@pytest.mark.parametrize(
    ("field", "path"),
    [
        (lambda d: d["services"][0], "services[0].plain_english"),
        (lambda d: d["criteria"][0], "criteria[0].title"),
        (lambda d: d["services"][1], "services[1].name"),
        (lambda d: d, "summary"),
    ],
)
def test_rule_no_wording_anywhere_excludes_a_diagnosis(field, path):
    key = path.rsplit(".", 1)[-1]
    problems = problems_after(lambda d: field(d).update({key: "Not for children with autism."}))
    assert "needs-led" in only(problems, path).message


@pytest.mark.parametrize(
    "wording",
    [
        "You do not need a diagnosis.",
        "No diagnosis is needed.",
        "We never require a diagnosis.",
        "Whatever the diagnosis, we look at what is hard day to day.",
        "Short breaks for children with a physical disability, a learning disability or autism.",
        "Your child cannot manage this without help.",
    ],
)
def test_rule_needs_led_wording_is_accepted(wording):
    data = valid()
    data["criteria"][0]["plain_english"] = wording
    assert load_text(text_of(data), "test.yaml").criteria[0].plain_english == wording


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
    (result,) = run_examples(criteria_set)
    assert not result.passed
    assert result.differences == ("service family-support: expected not met, got met",)


# --- places and completeness ----------------------------------------------------------------


def test_every_problem_is_reported_with_file_line_and_field_path():
    def change(d):
        d["owner"] = "ashvale"
        d["services"][1]["criterion"] = "nope"
        d["services"][1]["duty_or_power"] = "duty"
        d["criteria"][0]["plain_english"] = "Excludes autism."

    problems = problems_after(change)
    paths = [problem.field_path for problem in problems]
    assert {
        "owner",
        "services[1].criterion",
        "services[1].duty_or_power",
        "criteria[0].plain_english",
    } <= set(paths)
    for problem in problems:
        assert problem.file == "test.yaml"
        assert problem.line is not None
        assert problem.where == f"test.yaml:{problem.line}: {problem.field_path}"
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_the_line_is_the_line_of_the_field():
    text = text_of(valid())
    lines = text.splitlines()
    problems = problems_after(lambda d: d["services"][1].update({"duty_or_power": "duty"}))
    problem = only(problems, "services[1].duty_or_power")
    assert lines[problem.line - 1].strip().startswith("duty_or_power:")


def test_load_file_names_the_file(tmp_path):
    path = tmp_path / "mine.yaml"
    data = valid()
    data["status"] = "live"
    path.write_text(text_of(data), encoding="utf-8")
    with pytest.raises(CriteriaFileError) as caught:
        load_file(path)
    assert caught.value.problems[0].where.startswith(f"{path}:")
    assert str(path) in str(caught.value)


def test_load_file_reports_an_unreadable_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(CriteriaFileError) as caught:
        load_file(path)
    assert "not UTF-8" in caught.value.problems[0].message
    with pytest.raises(CriteriaFileError):
        load_file(tmp_path / "missing.yaml")


# --- odd shapes are problems, never crashes (found by fuzzing) ------------------------------


def test_rule_a_published_set_with_no_sign_off_field():
    problems = problems_after(lambda d: d.pop("sign_off"))
    messages = [problem.message for problem in problems]
    assert "A criteria set needs the field “sign_off”." in messages
    assert any("there is no sign-off by the council" in message for message in messages)


def test_rule_a_required_field_left_empty():
    problems = problems_after(lambda d: d["services"][0].update({"criterion": None}))
    assert only(problems, "services[0].criterion").message == "“criterion” must not be empty."


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["examples"][0]["case"]["needs"][0].update({"area": ["sleep"]}),
        lambda d: d["examples"][0]["case"]["needs"][0].update({"person": {"a": 1}}),
        lambda d: d["examples"][0]["case"]["needs"][0].update({"how_often": []}),
        lambda d: d["examples"][0]["case"].update({"needs": 2.5}),
        lambda d: d["examples"][0]["expect"]["needs"].update({"wash": {"a": 1}}),
        lambda d: d["services"][0].update({"legal_basis": ""}),
        lambda d: d["criteria"][0].update({"areas": {"a": 1}}),
        lambda d: d.update({"criteria": "child"}),
    ],
)
def test_odd_shapes_are_reported_as_problems(change):
    assert problems_after(change)


def test_rule_example_names_are_unique():
    problems = problems_after(lambda d: d["examples"].append(copy.deepcopy(d["examples"][0])))
    assert "used more than once" in only(problems, "examples[1].name").message
