"""A need recorded as fluctuating over the week reaches the decision, which judges it by its hard
days: never better, and never worse, than the same need every day."""

from __future__ import annotations

from supportfirst.assessments.models import Need
from supportfirst.eligibility.services import case_for
from supportfirst.rules.criteria import evaluate, load_file, shipped_set_paths
from supportfirst.rules.criteria.evaluate import HARD_DAYS
from tests.eligibility.factories import YES, authorised_assessment

NORTHMOOR = load_file(next(p for p in shipped_set_paths() if p.name == "958-northmoor-1.2.yaml"))


def test_a_fluctuating_need_is_judged_by_its_hard_days_in_the_decision(ashvale_family):
    assessment = authorised_assessment(ashvale_family, needs=("health",))
    Need.objects.filter(area__assessment=assessment).update(
        fluctuates=True, only_with_danger=True, more_than_same_age=True
    )
    case = case_for(assessment, YES)
    assert [n.fluctuates for n in case.needs] == [True]
    decision = evaluate(NORTHMOOR, case)
    assert decision.eligible
    assert HARD_DAYS in decision.needs[0].reason
    assert "has hard days on which it can only be managed with danger to someone" in (
        decision.needs[0].reason
    )


def test_the_same_need_every_day_is_met_too(ashvale_family):
    assessment = authorised_assessment(ashvale_family, needs=("health",))
    Need.objects.filter(area__assessment=assessment).update(
        only_with_danger=True, more_than_same_age=True
    )
    case = case_for(assessment, YES)
    assert [n.fluctuates for n in case.needs] == [False]
    decision = evaluate(NORTHMOOR, case)
    assert decision.eligible
    assert "hard days" not in decision.needs[0].reason


def test_help_only_on_the_hard_days_in_one_area_is_not_enough_alone(ashvale_family):
    assessment = authorised_assessment(ashvale_family, needs=("health",))
    Need.objects.filter(area__assessment=assessment).update(
        fluctuates=True, more_than_same_age=True
    )
    decision = evaluate(NORTHMOOR, case_for(assessment, YES))
    assert not decision.eligible
    assert decision.needs[0].reason.startswith(f"Health and medication: not met. {HARD_DAYS}")
