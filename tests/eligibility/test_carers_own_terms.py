"""Parent carers and young carers on their own terms (issue 13 point 4): every authorised
carer's assessment, separate or combined, goes through the published criteria; the carer
criteria read the carer's own gate answers, never the child's; the decisions are recorded as
made under section 17ZF (parent carer) and 17ZC (young carer)."""

from __future__ import annotations

import pytest

from supportfirst.assessments.models import HowOften, Kind
from supportfirst.eligibility.publishing import criteria_publish_shipped
from supportfirst.eligibility.services import (
    Answers,
    Departures,
    eligibility_check,
    eligibility_decide,
)
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.rules.criteria import CarerGates
from tests.assessments.factories import AuthorisedAssessmentFactory, NeedFactory
from tests.conftest import signed_in_client

from .factories import YES, actor_for, authorised_assessment

OWN = CarerGates(True, True, False, "Mum has not slept a full night for a year.")
# The child's answers say no effect on the child's wellbeing and no disability: a carer's
# criteria must not read them.
CHILD_NO = Answers(False, False, "")


@pytest.fixture(autouse=True)
def _published(db):
    criteria_publish_shipped()


def carer_assessment(family, kind=Kind.PARENT_CARER, *, combined_with=None, area="carer_health"):
    child_assessment = combined_with or authorised_assessment(family)
    carer = AuthorisedAssessmentFactory(
        request=child_assessment.request,
        kind=kind,
        parent_carer=family.parent_carers.first() if kind == Kind.PARENT_CARER else None,
        sibling=family.siblings.first() if kind == Kind.YOUNG_CARER else None,
        combined_with=combined_with,
    )
    NeedFactory(
        area=carer.areas.get(code=area),
        description="Very anxious and exhausted after broken nights.",
        cannot_without_help=False,
        only_with_pain_distress_or_anxiety=True,
        how_often=HowOften.EVERY_DAY,
    )
    return carer


def test_a_separate_parent_carers_assessment_goes_through_the_criteria(ashvale_family):
    carer = carer_assessment(ashvale_family)
    checked = eligibility_check(
        assessment=carer, answers=Answers(False, False, "", parent_carer=OWN)
    )
    assert [n.person for n in checked.case.needs] == ["parent_carer"]
    assert checked.decision.service("parent-carer-break").met
    short = checked.decision.service("short-breaks")
    assert (short.met, short.assessed) == (False, False)


def test_the_parent_carers_own_answers_decide_not_the_childs(ashvale_family):
    carer = carer_assessment(ashvale_family)
    met = eligibility_check(assessment=carer, answers=Answers(True, True, "x", parent_carer=OWN))
    low = CarerGates(True, False, False, "Managing well for now.")
    refused = eligibility_check(
        assessment=carer, answers=Answers(True, True, "x", parent_carer=low)
    )
    assert met.decision.service("parent-carer-break").met
    assert not refused.decision.service("parent-carer-break").met
    assert "significant effect on your own wellbeing" in refused.decision.needs[0].reason


def test_a_combined_parent_carer_is_judged_on_their_own_answers(ashvale_family):
    child = authorised_assessment(ashvale_family)
    carer_assessment(ashvale_family, combined_with=child)
    answers = Answers(True, False, "Sam is settled.", parent_carer=OWN)
    checked = eligibility_check(assessment=child, answers=answers)
    assert checked.decision.service("parent-carer-break").met
    assert not checked.decision.service("short-breaks").met


def test_a_carers_decision_needs_the_carers_own_answers(ashvale_family, worker):
    carer = carer_assessment(ashvale_family)
    with pytest.raises(MoveRefused) as refused:
        eligibility_decide(
            actor=actor_for(worker), assessment=carer, answers=CHILD_NO, departures=Departures()
        )
    assert "own wellbeing" in str(refused.value)


def test_a_parent_carers_decision_is_recorded_under_section_17zf(ashvale_family, worker):
    carer = carer_assessment(ashvale_family)
    decision = eligibility_decide(
        actor=actor_for(worker),
        assessment=carer,
        answers=Answers(False, False, "", parent_carer=OWN),
        departures=Departures(),
    )
    assert decision.decided_under == "Children Act 1989, section 17ZF"
    assert decision.case["parent_carer"]["impact_on_wellbeing"] is True
    assert decision.case["child_assessed"] is False


def test_a_young_carers_decision_is_recorded_under_section_17zc(ashvale_family, worker):
    carer = carer_assessment(ashvale_family, Kind.YOUNG_CARER, area="yc_feelings")
    decision = eligibility_decide(
        actor=actor_for(worker),
        assessment=carer,
        answers=Answers(False, False, "", young_carer=OWN),
        departures=Departures(),
    )
    assert decision.decided_under == "Children Act 1989, section 17ZC"
    assert [line.met for line in decision.final_needs()] == [True]


def test_the_child_decision_is_recorded_under_no_carer_section(ashvale_family, worker):
    decision = eligibility_decide(
        actor=actor_for(worker),
        assessment=authorised_assessment(ashvale_family),
        answers=YES,
        departures=Departures(),
    )
    assert decision.decided_under == ""


def test_the_page_asks_the_carers_own_questions_not_the_childs(ashvale_family, worker):
    carer = carer_assessment(ashvale_family)
    page = signed_in_client(worker).get(f"/staff/assessments/{carer.pk}/eligibility/")
    text = page.content.decode()
    assert page.status_code == 200
    name = carer.subject_name
    assert f"Decide eligibility for {name}" in text
    assert f"significant impact on {name}&#x27;s own wellbeing" in text or (
        f"significant impact on {name}'s own wellbeing" in text
    )
    assert "at risk of getting worse, because of caring" in text
    assert "section 17ZF" in text
    assert "arise from a disability or illness" not in text


def test_the_page_asks_a_combined_carers_questions_beside_the_childs(ashvale_family, worker):
    child = authorised_assessment(ashvale_family)
    carer_assessment(ashvale_family, combined_with=child)
    page = signed_in_client(worker).get(f"/staff/assessments/{child.pk}/eligibility/")
    text = page.content.decode()
    assert "arise from a disability or illness" in text
    assert "own needs arise from providing necessary care" in text


def test_a_separate_carers_assessment_is_listed_ready_to_decide(ashvale_family, worker):
    carer = carer_assessment(ashvale_family)
    text = signed_in_client(worker).get("/staff/eligibility/").content.decode()
    assert f"/staff/assessments/{carer.pk}/eligibility/" in text


def _letter_text(decision) -> str:
    from supportfirst.letters import rendering, services

    letter = services.letter_prepare(
        actor=actor_for(decision.made_by),
        family=decision.family,
        kind="eligibility_decision",
        source=decision,
    )
    return " ".join(rendering.plain_text(letter.render_html()).split())


def _confirmed(assessment, answers, worker, manager):
    from supportfirst.eligibility.services import eligibility_confirm

    decision = eligibility_decide(
        actor=actor_for(worker), assessment=assessment, answers=answers, departures=Departures()
    )
    eligibility_confirm(actor=actor_for(manager), decision=decision, tell_family=False)
    decision.refresh_from_db()
    return decision


def test_no_letter_tells_a_carer_they_were_not_assessed_when_they_were(
    ashvale_family, worker, manager
):
    child = authorised_assessment(ashvale_family)
    carer = AuthorisedAssessmentFactory(
        request=child.request,
        kind=Kind.PARENT_CARER,
        parent_carer=ashvale_family.parent_carers.first(),
    )
    NeedFactory(area=carer.areas.get(code="carer_health"), how_often=HowOften.EVERY_DAY)
    child_decision = _confirmed(child, YES, worker, manager)
    name = carer.subject_name

    # While the parent carer's own decision is still to come, the child's letter says so.
    text = _letter_text(child_decision)
    assert f"{name}'s own needs as a parent carer are being assessed separately" in text
    assert "not assessed anyone's own needs as a parent carer" not in text
    assert "your own needs as a parent carer were not part" not in text
    assert "A break for you" not in text  # not listed as refused

    carer_decision = _confirmed(carer, Answers(False, False, "", parent_carer=OWN), worker, manager)
    text = _letter_text(child_decision)
    assert f"We assessed {name}'s own needs as a parent carer separately, and made a" in text
    assert "section 17ZF" in text

    # The parent carer's own letter is about their own needs, under section 17ZF.
    own = _letter_text(carer_decision)
    assert f"We have finished {carer.title}" in own
    assert f"We asked about {name}'s own wellbeing" in own
    assert "Children Act 1989, section 17ZF" in own
    assert "A break for you" in own


def test_a_childs_letter_with_no_carer_assessment_says_how_to_ask(ashvale_family, worker, manager):
    decision = _confirmed(authorised_assessment(ashvale_family), YES, worker, manager)
    text = _letter_text(decision)
    assert "We have not assessed anyone's own needs as a parent carer with this request" in text
    assert "we must do it (Children Act 1989, section 17ZD)" in text
    # The duty on request does not apply again when nothing has changed since an earlier
    # assessment of the same person (s17ZA(4)-(5); the same for s17ZD): said, not promised.
    assert "we have assessed the same person before and nothing has changed since" in text
