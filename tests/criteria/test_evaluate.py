"""The evaluator: what it decides, the reasons it gives, and that it is deterministic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from supportfirst.rules.criteria import (
    AssessedNeed,
    CarerGates,
    Case,
    CaseError,
    Decision,
    evaluate,
    load_file,
    shipped_set_paths,
)
from supportfirst.rules.language import check

SETS = {path.name: load_file(path) for path in shipped_set_paths()}
NATIONAL = SETS["national-model.yaml"]
ASHVALE = SETS["957-ashvale.yaml"]
NORTHMOOR = SETS["958-northmoor.yaml"]


def need(need_id: str, area: str, *flags: str, how_often: str = "every_day", person: str = "child"):
    return AssessedNeed(
        id=need_id,
        person=person,
        area=area,
        description="",
        cannot_without_help="help" in flags,
        only_with_pain_distress_or_anxiety="distress" in flags,
        only_with_danger="danger" in flags,
        takes_much_longer="longer" in flags,
        how_often=how_often,
    )


def case(*needs: AssessedNeed, impairment=True, impact=True, age=None) -> Case:
    return Case(
        needs=needs,
        arises_from_impairment_or_illness=impairment,
        significant_impact_on_wellbeing=impact,
        child_age=age,
    )


def every_text(decision: Decision) -> list[str]:
    texts = []
    for outcome in (*decision.needs, *decision.services):
        texts += [outcome.reason, outcome.what_would_change]
    return texts


def all_example_decisions() -> list[Decision]:
    return [evaluate(s, example.case) for s in SETS.values() for example in s.examples]


def test_two_areas_are_met_and_the_reason_names_the_area_the_flags_and_how_often():
    decision = evaluate(
        NATIONAL,
        case(need("nights", "sleep", "help"), need("wash", "personal_care", "help", "longer")),
    )
    assert decision.eligible
    outcome = decision.need("wash")
    assert (outcome.met, outcome.criterion_id) == (True, "child")
    assert outcome.reason.startswith("Personal care: met.")
    assert "Your child cannot manage this without help." in outcome.reason
    assert "It takes your child much longer than usual." in outcome.reason
    assert "Help is needed every day." in outcome.reason
    assert "(sleep and personal care)" in outcome.reason
    assert "would stop counting if your child could manage it without help" in (
        outcome.what_would_change
    )


def test_one_area_is_not_enough_and_says_one_more_area_would_change_it():
    decision = evaluate(NATIONAL, case(need("moving", "mobility", "help")))
    assert not decision.eligible
    outcome = decision.need("moving")
    assert not outcome.met
    assert "One area of life can only be managed with help (moving about and mobility)." in (
        outcome.reason
    )
    assert outcome.what_would_change.startswith(
        "If one more area of your child's life could only be managed with help"
    )


def test_a_need_with_no_flag_says_which_ways_count():
    decision = evaluate(
        NATIONAL, case(need("a", "sleep", "help"), need("b", "eating", "help"), need("c", "play"))
    )
    outcome = decision.need("c")
    assert not outcome.met
    assert "The assessment does not record any of these for this need." in outcome.reason
    assert outcome.what_would_change.startswith(
        "It would count if your child could only manage it with help."
    )


def test_a_need_less_often_than_the_criteria_count_says_how_often_would_count():
    decision = evaluate(
        ASHVALE,
        case(need("a", "sleep", "help"), need("b", "health", "distress", how_often="less_often")),
    )
    outcome = decision.need("b")
    assert not outcome.met
    assert "Help is needed less often than every week." in outcome.reason
    assert (
        outcome.what_would_change == "If help were needed every week or more often, it would count."
    )


def test_ashvale_accepts_one_area_when_keeping_safe_is_dangerous():
    decision = evaluate(ASHVALE, case(need("road", "keeping_safe", "danger")))
    assert decision.need("road").met
    assert "accept one area of life when a need is in keeping safe" in (
        decision.need("road").reason
    )
    assert "Otherwise the criteria would need two areas of life." in (
        decision.need("road").what_would_change
    )


def test_ashvale_keeping_safe_with_help_is_one_area_enough_as_its_words_say():
    # "If keeping your child or others safe can only be managed with help, one area is
    # enough": a four-year-old who needs an adult with him at all times is eligible.
    adult_near = need("adult-near", "keeping_safe", "help")
    decision = evaluate(ASHVALE, case(adult_near))
    assert decision.eligible
    assert decision.need("adult-near").met
    # One area that is not keeping safe is still not enough.
    assert not evaluate(ASHVALE, case(need("meals", "eating", "help"))).eligible


def test_no_significant_impact_and_no_impairment_are_named():
    decision = evaluate(
        NATIONAL,
        case(
            need("a", "sleep", "help"), need("b", "eating", "help"), impairment=False, impact=False
        ),
    )
    reason = decision.need("a").reason
    assert "does not record that the needs come from a disability or illness" in reason
    assert "does not record a significant effect on your child's wellbeing" in reason
    assert (
        "If there were, or were likely to be, a significant effect"
        in decision.need("a").what_would_change
    )


def test_ages_limit_a_criterion():
    young = evaluate(NORTHMOOR, case(need("college", "growing_up", "distress"), age=13))
    old = evaluate(NORTHMOOR, case(need("college", "growing_up", "distress"), age=14))
    assert not young.service("adult-life").met
    assert "children aged 14 to 17, and your child is 13" in young.service("adult-life").reason
    assert old.service("adult-life").met
    assert old.need("college").criterion_id == "growing-up"


def test_a_service_is_met_only_for_needs_in_its_areas():
    decision = evaluate(NATIONAL, case(need("a", "sleep", "help"), need("b", "eating", "help")))
    assert decision.service("help-at-home").met
    assert (
        "This can help with sleep and eating and drinking."
        in decision.service("help-at-home").reason
    )
    travel = decision.service("travel-help")
    assert not travel.met
    assert "no need that counts is in those areas" in travel.reason
    assert travel.what_would_change == (
        "This would change if a need that counts were in travel and transport or moving about "
        "and mobility."
    )


def test_service_outcomes_carry_the_law_and_say_duty_or_power():
    decision = evaluate(
        NATIONAL, case(need("a", "sleep", "help"), need("b", "behaviour", "danger"))
    )
    home = decision.service("help-at-home")
    assert home.duty_or_power == "duty"
    assert [basis.citation for basis in home.legal_basis] == [
        "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"
    ]
    assert (
        "This is a duty: once the council is satisfied it is needed, the law says it must "
        "arrange it." in home.reason
    )
    # Section 17 is a general duty, never told to a family as a mere power (LAW.md).
    support = decision.service("family-support")
    assert support.duty_or_power == "general"
    assert (
        "This is a general duty: the council must provide a range of this kind of support in "
        "its area. It is not a promise of a particular service, but the council must decide "
        "fairly about your family, and give reasons." in support.reason
    )
    assert "may provide" not in support.reason


def test_parent_carer_needs_use_the_parent_carer_criterion_and_speak_to_the_parent():
    decision = evaluate(
        NATIONAL,
        replace(
            case(need("mum", "carer_health", "distress", person="parent_carer")),
            parent_carer=CarerGates(True, True, False),
        ),
    )
    outcome = decision.need("mum")
    assert (outcome.met, outcome.criterion_id) == (True, "parent-carer")
    assert "You can only manage it with a lot of pain, distress or anxiety." in outcome.reason
    assert decision.service("parent-carer-break").met
    assert not decision.service("short-breaks").met


def test_a_need_of_someone_the_set_does_not_cover():
    decision = evaluate(
        SETS["957-ashvale-2025.yaml"], case(need("b", "yc_time", "help", person="young_carer"))
    )
    outcome = decision.need("b")
    assert (outcome.met, outcome.criterion_id) == (False, "")
    assert "do not cover the young carer's needs" in outcome.reason


def test_reasons_speak_to_the_family_in_plain_english():
    """No "the child", and nothing the respectful-language and plain-English checker finds."""
    texts = {text for decision in all_example_decisions() for text in every_text(decision)}
    assert len(texts) > 50
    for text in texts:
        assert text.strip()
        assert "the child" not in text.lower()
        assert check(text) == [], text


def test_a_long_list_of_areas_is_shortened():
    needs = [
        need(code, code, "help")
        for code in ("sleep", "eating", "mobility", "play", "travel", "home")
    ]
    decision = evaluate(NATIONAL, case(*needs))
    assert "(sleep, eating and drinking, moving about and mobility and three other areas)" in (
        decision.need("sleep").reason
    )


def test_the_decision_records_the_set_version_and_digest():
    decision = evaluate(ASHVALE, case(need("a", "sleep", "help")))
    assert (decision.set_id, decision.set_version, decision.set_digest) == (
        "957-ashvale",
        "2.1",
        ASHVALE.digest,
    )


def test_a_later_version_gives_its_own_decision_and_the_old_one_is_unchanged():
    both = case(need("a", "sleep", "help"), need("b", "personal_care", "help"))
    old = evaluate(SETS["957-ashvale-2025.yaml"], both)
    new = evaluate(ASHVALE, both)
    assert (old.eligible, new.eligible) == (False, True)
    assert old.set_digest != new.set_digest
    assert old == evaluate(SETS["957-ashvale-2025.yaml"], both)


# --- determinism and round trips ------------------------------------------------------------


def test_the_same_case_gives_the_same_decision_every_time():
    for criteria_set in SETS.values():
        for example in criteria_set.examples:
            first = evaluate(criteria_set, example.case)
            again = evaluate(load_file(criteria_set.source), Case.from_dict(example.case.to_dict()))
            assert first == again


def test_decisions_do_not_depend_on_the_hash_seed():
    code = (
        "import json; from supportfirst.rules.criteria import *\n"
        "out = [evaluate(s, e.case).to_dict() for s in shipped_sets() for e in s.examples]\n"
        "print(json.dumps(out, sort_keys=True))\n"
    )
    outputs = set()
    for seed in ("1", "2", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_the_order_of_needs_is_kept():
    needs = (need("z", "sleep", "help"), need("a", "eating", "help"), need("m", "play"))
    decision = evaluate(NATIONAL, case(*needs))
    assert [outcome.need_id for outcome in decision.needs] == ["z", "a", "m"]
    assert [outcome.service_code for outcome in decision.services] == [
        service.code for service in NATIONAL.services
    ]


def test_a_decision_survives_json_and_back():
    for decision in all_example_decisions():
        data = json.loads(json.dumps(decision.to_dict()))
        assert Decision.from_dict(data) == decision


def test_a_case_survives_json_and_back():
    for criteria_set in SETS.values():
        for example in criteria_set.examples:
            data = json.loads(json.dumps(example.case.to_dict()))
            assert Case.from_dict(data) == example.case


def test_a_changed_criterion_is_not_answered_from_the_cache():
    both = case(need("a", "sleep", "help"), need("b", "personal_care", "help"))
    assert evaluate(NATIONAL, both).eligible
    stricter = replace(
        NATIONAL,
        criteria=(replace(NATIONAL.criteria[0], outcomes_needed=3), *NATIONAL.criteria[1:]),
    )
    assert not evaluate(stricter, both).eligible


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ([], "case"),
        (
            {"needs": [], "significant_impact_on_wellbeing": True},
            "case.arises_from_impairment_or_illness",
        ),
        (
            {
                "needs": [{"id": "a", "area": "moon", "how_often": "every_day"}],
                "arises_from_impairment_or_illness": True,
                "significant_impact_on_wellbeing": True,
            },
            "case.needs[0].area",
        ),
        (
            {
                "needs": [],
                "arises_from_impairment_or_illness": True,
                "significant_impact_on_wellbeing": True,
                "child_age": "nine",
            },
            "case.child_age",
        ),
    ],
)
def test_case_from_dict_reports_what_is_wrong(data, path):
    with pytest.raises(CaseError) as caught:
        Case.from_dict(data)
    assert path in [where for where, _ in caught.value.problems]


def test_help_for_a_parent_carer_not_in_the_case_is_not_refused_and_not_called_unassessed():
    decision = evaluate(
        ASHVALE, case(need("a", "personal_care", "help"), need("b", "sleep", "help"))
    )
    outcome = decision.service("parent-carer-break")
    assert (outcome.met, outcome.assessed) == (False, False)
    # True whether or not the parent carer had a separate assessment (issue 13 point 4).
    assert outcome.reason == (
        "Your own needs as a parent carer were not part of this decision. If you have had a "
        "parent carer's assessment, we tell you our decisions about your own needs separately "
        "(Children Act 1989, section 17ZF). If you have not, you can ask for one at any time."
    )
    assert "not assessed" not in outcome.reason
    assert decision.service("short-breaks").assessed
    assert type(outcome).from_dict(outcome.to_dict()) == outcome


def test_help_for_an_assessed_parent_carer_is_assessed_even_when_not_met():
    decision = evaluate(
        ASHVALE,
        case(need("mum", "carer_leisure", "help", how_often="less_often", person="parent_carer")),
    )
    outcome = decision.service("parent-carer-break")
    assert (outcome.met, outcome.assessed) == (False, True)


def test_an_old_decision_without_the_assessed_field_reads_as_assessed():
    decision = evaluate(ASHVALE, case(need("a", "personal_care", "help")))
    data = decision.services[0].to_dict()
    del data["assessed"]
    assert type(decision.services[0]).from_dict(data).assessed


def test_a_parent_carer_whose_own_wellbeing_was_not_asked_is_told_so_not_judged_on_the_childs():
    # The child's wellbeing answers are the child's (issue 13 point 4): a parent carer whose
    # own gate questions were not answered is told so, whatever the child's answers say.
    mum = need("mum", "carer_health", "distress", person="parent_carer")
    outcome = evaluate(NATIONAL, case(mum, impact=True)).need("mum")
    assert not outcome.met
    assert "The questions about your own wellbeing as a parent carer were not answered" in (
        outcome.reason
    )
    assert "If we answer the questions about your own wellbeing" in outcome.what_would_change


def test_help_for_a_young_carer_not_in_the_case_says_where_their_decision_is():
    decision = evaluate(ASHVALE, case(need("a", "personal_care", "help")))
    outcome = decision.service("young-carer-support")
    assert not outcome.assessed
    assert "A young carer's assessment ends with our decision about their needs" in (outcome.reason)
    assert "we tell them our decisions separately" not in outcome.reason
