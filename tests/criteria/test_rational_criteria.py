"""Rational criteria (issue 13 point 5) and carers judged on their own terms (point 4), in the
plain-Python rules: every statement of a criterion has a worked example that would fail if the
rule did not match the words; one area is enough where the criteria say so; a child's need is
judged against other children of the same age; a carer's criteria read the carer's own gate
answers, never the child's."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from supportfirst.rules.criteria import (
    AssessedNeed,
    CarerGates,
    Case,
    CaseError,
    CriteriaFileError,
    evaluate,
    load_file,
    load_text,
    shipped_set_paths,
)
from supportfirst.rules.criteria.statements import untested_statements

from .loader_helpers import text_of, valid

SETS = {path.name: path for path in shipped_set_paths()}
ASHVALE = load_file(SETS["957-ashvale.yaml"])
NATIONAL = load_file(SETS["national-model.yaml"])
OWN = CarerGates(from_caring=True, impact_on_wellbeing=True, health_at_risk=False)


def need(need_id, area, *, person="child", same_age=None, how_often="every_day", **flags):
    return AssessedNeed(
        id=need_id,
        person=person,
        area=area,
        description="",
        cannot_without_help=flags.get("help", False),
        only_with_pain_distress_or_anxiety=flags.get("distress", False),
        only_with_danger=flags.get("danger", False),
        takes_much_longer=flags.get("longer", False),
        how_often=how_often,
        more_than_same_age=same_age,
    )


def case(*needs, impairment=True, impact=True, age=None, **gates):
    return Case(
        needs=needs,
        arises_from_impairment_or_illness=impairment,
        significant_impact_on_wellbeing=impact,
        child_age=age,
        **gates,
    )


# --- every statement has a worked example ------------------------------------------------


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_shipped_set_has_an_example_for_every_statement(name):
    assert untested_statements(load_file(SETS[name])) == []


def _without_example(name: str, *examples: str):
    """The shipped file's text with worked examples taken out, loaded: its problems."""
    text = SETS[name].read_text(encoding="utf-8")
    for example in examples:
        start = text.index(f"  - name: {example}\n")
        end = text.find("\n  - name: ", start + 1)
        text = text[:start] + (text[end + 1 :] if end != -1 else "")
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text, name)
    return [p for p in caught.value.problems if p.field_path.endswith("plain_english")]


def test_rule_the_loader_reports_keeping_safe_with_no_example():
    problems = _without_example(
        "957-ashvale.yaml",
        "A four-year-old who needs an adult with him at all times",
        "Keeping safe every day is enough on its own",
    )
    found = [p for p in problems if "one area is enough when it is keeping safe" in p.message]
    assert [p.field_path for p in found] == ["criteria[0].plain_english"]
    assert "no worked example tests it" in found[0].message


def test_rule_the_loader_reports_the_age_comparator_with_no_example():
    problems = _without_example(
        "957-ashvale.yaml",
        "A two-year-old who needs help to dress and eat, as all two-year-olds do",
    )
    assert any("more than other children of the same age" in p.message for p in problems)


def test_rule_the_loader_reports_a_carer_statement_with_no_example():
    problems = _without_example("957-ashvale.yaml", "No big effect on the carers' own wellbeing")
    assert {p.field_path for p in problems} == {
        "criteria[1].plain_english",
        "criteria[2].plain_english",
    }
    assert all("big effect on wellbeing" in p.message for p in problems)


@pytest.mark.parametrize(
    ("change", "statement"),
    [
        (lambda c: c.update(at_least="every_week"), "help must be needed at least every week"),
        (lambda c: c.update(needs_significant_impact=True), "a big effect on wellbeing"),
        (lambda c: c.update(needs_impairment_or_illness=True), "from a disability or illness"),
        (lambda c: c.update(compare_with_same_age=True), "more than other children"),
        (lambda c: c.update(counts=["cannot_without_help", "takes_much_longer"]), "much longer"),
        (lambda c: c.update(max_age=17), "aged 17 or under"),
    ],
)
def test_rule_each_kind_of_statement_needs_its_own_example(change, statement):
    data = copy.deepcopy(valid())
    change(data["criteria"][0])
    with pytest.raises(CriteriaFileError) as caught:
        load_text(text_of(data), "test.yaml")
    messages = [p.message for p in caught.value.problems]
    assert any(statement in m and "no worked example tests it" in m for m in messages), messages


def test_the_test_set_with_its_two_examples_loads():
    assert load_text(text_of(valid()), "test.yaml").id == "999-testshire"


# --- one intense area, where the criteria say so ----------------------------------------


def test_rule_a_four_year_old_who_needs_an_adult_at_all_times_is_eligible_in_ashvale():
    decision = evaluate(
        ASHVALE, case(need("adult-near", "keeping_safe", help=True, same_age=True), age=4)
    )
    assert decision.eligible
    assert "accept one area of life when a need is in keeping safe" in (
        decision.need("adult-near").reason
    )
    assert decision.service("short-breaks").met


def test_rule_one_area_that_the_criteria_do_not_name_is_not_enough():
    decision = evaluate(ASHVALE, case(need("meals", "eating", help=True, same_age=True), age=4))
    assert not decision.eligible
    assert "One area is enough when a need that counts is in keeping safe." in (
        decision.need("meals").what_would_change
    )


# --- the age comparator ------------------------------------------------------------------


def test_rule_a_two_year_old_needing_help_to_dress_and_eat_is_typical_not_eligible():
    decision = evaluate(
        ASHVALE,
        case(
            need("dressing", "personal_care", help=True, same_age=False),
            need("meals", "eating", help=True, same_age=False),
            age=2,
        ),
    )
    assert not decision.eligible
    reason = decision.need("dressing").reason
    assert "other children of the same age need this help too" in reason
    assert "more help with this than other children of the same age" in (
        decision.need("dressing").what_would_change
    )


def test_rule_the_same_needs_beyond_what_is_typical_are_eligible():
    decision = evaluate(
        ASHVALE,
        case(
            need("dressing", "personal_care", help=True, same_age=True),
            need("meals", "eating", help=True, same_age=True),
            age=7,
        ),
    )
    assert decision.eligible


def test_rule_a_criterion_can_say_it_does_not_compare_with_age():
    child = replace(ASHVALE.criteria[0], compare_with_same_age=False)
    changed = replace(ASHVALE, criteria=(child, *ASHVALE.criteria[1:]), digest="no-comparator")
    decision = evaluate(
        changed,
        case(
            need("dressing", "personal_care", help=True, same_age=False),
            need("meals", "eating", help=True, same_age=False),
        ),
    )
    assert decision.eligible


def test_the_comparator_answer_is_kept_with_the_case():
    data = case(need("a", "eating", help=True, same_age=False)).to_dict()
    assert data["needs"][0]["more_than_same_age"] is False
    assert Case.from_dict(data).needs[0].more_than_same_age is False
    data["needs"][0]["more_than_same_age"] = "no"
    with pytest.raises(CaseError):
        Case.from_dict(data)


# --- carers on their own terms -----------------------------------------------------------


def test_rule_a_parent_carer_is_judged_on_their_own_wellbeing_not_the_childs():
    mum = need("mum", "carer_health", person="parent_carer", distress=True)
    # The child's answers say no effect and no disability; the parent carer's own say yes.
    decision = evaluate(NATIONAL, case(mum, impairment=False, impact=False, parent_carer=OWN))
    assert decision.need("mum").met
    assert decision.service("parent-carer-break").met
    # And the other way round: the child's answers say yes, the parent carer's own say no.
    low = replace(OWN, impact_on_wellbeing=False)
    decision = evaluate(NATIONAL, case(mum, parent_carer=low))
    assert not decision.need("mum").met
    assert "significant effect on your own wellbeing" in decision.need("mum").reason


def test_rule_a_parent_carers_needs_must_arise_from_providing_care():
    mum = need("mum", "carer_work", person="parent_carer", help=True)
    decision = evaluate(NATIONAL, case(mum, parent_carer=replace(OWN, from_caring=False)))
    assert not decision.need("mum").met
    assert "the needs come from caring for a disabled child" in decision.need("mum").reason


def test_rule_a_carers_health_at_risk_meets_the_carer_criteria_without_an_area():
    at_risk = replace(OWN, health_at_risk=True)
    decision = evaluate(NATIONAL, case(parent_carer=at_risk))
    outcome = decision.service("parent-carer-break")
    assert outcome.met
    assert "Your own physical or mental health is getting worse, or is at risk" in (outcome.reason)
    assert not evaluate(NATIONAL, case(parent_carer=OWN)).service("parent-carer-break").met


def test_rule_a_young_carer_is_judged_on_their_own_answers():
    sister = need("sister", "yc_school", person="young_carer", help=True, how_often="every_week")
    assert evaluate(NATIONAL, case(sister, impact=False, young_carer=OWN)).need("sister").met
    refused = evaluate(NATIONAL, case(sister, young_carer=replace(OWN, impact_on_wellbeing=False)))
    assert "significant effect on the young carer's wellbeing" in refused.need("sister").reason


def test_a_separate_carers_case_leaves_the_childs_help_out_of_the_decision():
    mum = need("mum", "carer_health", person="parent_carer", distress=True)
    decision = evaluate(NATIONAL, case(mum, parent_carer=OWN, child_assessed=False))
    short = decision.service("short-breaks")
    assert (short.met, short.assessed) == (False, False)
    assert "decided after your child's own assessment" in short.reason
    assert decision.service("parent-carer-break").met


def test_carer_gates_are_kept_with_the_case_and_checked():
    data = case(parent_carer=OWN, child_assessed=False).to_dict()
    assert data["parent_carer"]["from_caring"] is True
    back = Case.from_dict(data)
    assert (back.parent_carer, back.child_assessed) == (OWN, False)
    data["parent_carer"] = {"from_caring": True}
    with pytest.raises(CaseError) as caught:
        Case.from_dict(data)
    assert "case.parent_carer.impact_on_wellbeing" in str(caught.value)
