"""One test per validation rule of the criteria file loader, named after the rule: the file as a
whole, and its status, owner, dates and sign-off."""

from __future__ import annotations

import pytest

from supportfirst.rules.criteria import CriteriaFileError, load_text, run_examples
from tests.criteria.loader_helpers import only, problems_after, text_of, valid


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
