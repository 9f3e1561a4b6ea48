"""A need recorded as fluctuating over the week reaches the decision, which names the rule."""

from __future__ import annotations

from supportfirst.assessments.models import Need
from supportfirst.eligibility.services import case_for
from supportfirst.rules.criteria import evaluate, load_file, shipped_set_paths
from tests.eligibility.factories import YES, authorised_assessment

NORTHMOOR = load_file(next(p for p in shipped_set_paths() if p.name == "958-northmoor.yaml"))


def test_a_fluctuating_need_is_judged_by_its_hard_days_in_the_decision(ashvale_family):
    assessment = authorised_assessment(ashvale_family, needs=("health",))
    Need.objects.filter(area__assessment=assessment).update(
        fluctuates=True, more_than_same_age=True
    )
    case = case_for(assessment, YES)
    assert [n.fluctuates for n in case.needs] == [True]
    decision = evaluate(NORTHMOOR, case)
    assert decision.eligible
    assert "has hard days on which it can only be managed with help" in decision.needs[0].reason


def test_a_need_not_recorded_as_fluctuating_is_not_enough_alone(ashvale_family):
    assessment = authorised_assessment(ashvale_family, needs=("health",))
    case = case_for(assessment, YES)
    assert [n.fluctuates for n in case.needs] == [False]
    assert not evaluate(NORTHMOOR, case).eligible
