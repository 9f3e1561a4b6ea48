"""A need recorded as fluctuating over the week reaches the decision, which judges it at the
level of its hard days, as often as they come: exactly as the same need steady."""

from __future__ import annotations

from supportfirst.assessments.models import Need
from supportfirst.eligibility.demo import adopt_demo_criteria
from supportfirst.eligibility.publishing import criteria_publish_shipped
from supportfirst.eligibility.services import case_for, eligibility_check
from supportfirst.rules.criteria import Case, evaluate, load_file, load_text, shipped_set_paths
from supportfirst.rules.criteria.evaluate import HARD_DAYS
from tests.councils.factories import CouncilFactory
from tests.eligibility.factories import YES, authorised_assessment
from tests.families.factories import family_with_everyone

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
    assert "can only be managed with danger to someone" in decision.needs[0].reason
    # Decided exactly as the same need steady.
    steady = Case.from_dict(
        {
            **case.to_dict(),
            "needs": [{**n.to_dict(), "fluctuates": False} for n in case.needs],
        }
    )
    assert evaluate(NORTHMOOR, steady).eligible


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


def test_decisions_today_use_northmoor_1_1_kept_as_it_was_signed_off(db, on_5_december_2026):
    """1.2 is a new version, in force from 4 January 2027: a decision made now uses 1.1, whose
    published text and digest are the file's as signed off, so a decision made with it is
    explained again, word for word, from the text it points at."""
    criteria_publish_shipped()
    council = CouncilFactory(
        name="Northmoor City Council", la_code="958", slug="northmoor", is_demo=True
    )
    adopt_demo_criteria(council)
    assessment = authorised_assessment(family_with_everyone(council), needs=("health",))
    Need.objects.filter(area__assessment=assessment).update(
        fluctuates=True, only_with_danger=True, more_than_same_age=True
    )
    checked = eligibility_check(assessment=assessment, answers=YES)
    kept = load_file(next(p for p in shipped_set_paths() if p.name == "958-northmoor.yaml"))
    assert checked.criteria.version == "1.1"
    assert checked.criteria.digest == kept.digest == checked.decision.set_digest
    # 1.1 needs two areas, for a need every day or one that comes and goes.
    assert not checked.decision.eligible
    again = evaluate(load_text(checked.criteria.text), Case.from_dict(checked.case.to_dict()))
    assert again.to_dict() == checked.decision.to_dict()
