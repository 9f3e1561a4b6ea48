"""Eligibility decisions: the case from the assessment, the criteria version kept, departures
only with a reason, a manager's confirmation, and guards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus, Kind
from supportfirst.audit.models import AccessEvent
from supportfirst.councils.models import Council
from supportfirst.eligibility import selectors
from supportfirst.eligibility.adoption import criteria_adopt
from supportfirst.eligibility.models import EligibilityDecision, PublishedCriteria
from supportfirst.eligibility.publishing import criteria_publish_text
from supportfirst.eligibility.services import (
    Answers,
    Departure,
    Departures,
    case_for,
    eligibility_check,
    eligibility_confirm,
    eligibility_decide,
    eligibility_return,
)
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.pathway.models import PathwayEvent
from tests.assessments.factories import NeedFactory, ParentCarerAssessmentFactory
from tests.eligibility.conftest import shipped_text
from tests.eligibility.factories import YES, actor_for, authorised_assessment


def _decide(assessment, user, departures=None, **kwargs):
    return eligibility_decide(
        actor=actor_for(user),
        assessment=assessment,
        answers=YES,
        departures=departures or Departures(),
        **kwargs,
    )


def test_the_case_holds_each_need_and_the_two_answers(ashvale_family):
    assessment = authorised_assessment(ashvale_family)
    case = case_for(assessment, YES)
    assert {n.area for n in case.needs} == {"sleep", "personal_care"}
    assert all(n.id.startswith("need-") and n.person == "child" for n in case.needs)
    assert case.arises_from_impairment_or_illness
    assert case.significant_impact_on_wellbeing
    assert case.child_age == assessment.child.age_on(timezone.localdate())


def test_needs_of_a_combined_parent_carer_assessment_are_included(ashvale_family):
    assessment = authorised_assessment(ashvale_family)
    carer = ParentCarerAssessmentFactory(request=assessment.request, combined_with=assessment)
    NeedFactory(area=carer.areas.get(code="carer_health"), description="No sleep for months.")
    case = case_for(assessment, YES)
    assert [n.person for n in case.needs].count("parent_carer") == 1


def test_the_councils_own_published_criteria_are_used(ashvale_family, worker):
    decision = _decide(authorised_assessment(ashvale_family), worker)
    assert (decision.criteria.set_id, decision.criteria.version) == ("957-ashvale", "2.1")
    assert decision.status == "awaiting_confirmation"
    assert decision.eligible
    short_breaks = next(s for s in decision.final_services() if s.code == "short-breaks")
    assert short_breaks.met
    assert not short_breaks.departed
    assert "Children Act 1989" in short_breaks.legal_basis_citations[0]
    # Short breaks are a general duty to provide a range, not a promise of a break (LAW.md).
    assert short_breaks.duty_or_power == "general"
    needs = decision.final_needs()
    assert len(needs) == 2
    assert all(n.met and n.reason for n in needs)


def test_rule_a_council_without_its_own_criteria_cannot_decide_with_the_model(family, practitioner):
    # The Support First model criteria are never applied by default (issue 13 point 6).
    with pytest.raises(IllegalMove, match="no eligibility criteria of its own"):
        _decide(authorised_assessment(family), practitioner)


def test_only_an_authorised_childs_assessment_can_be_decided(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    assessment.status = AssessmentStatus.READY_FOR_FAMILY
    assessment.save()
    with pytest.raises(IllegalMove, match="authorised"):
        _decide(assessment, worker)
    # A parent carer's assessment done together with the child's is decided with it.
    combined = ParentCarerAssessmentFactory(request=assessment.request, combined_with=assessment)
    with pytest.raises(IllegalMove, match="decided with the child's needs assessment"):
        eligibility_check(assessment=combined, answers=YES)
    assert combined.kind == Kind.PARENT_CARER
    # One done on its own is decided on its own, once authorised.
    combined.delete()
    separate = ParentCarerAssessmentFactory(request=assessment.request)
    with pytest.raises(IllegalMove, match="authorised"):
        eligibility_check(assessment=separate, answers=YES)


def test_the_impact_on_wellbeing_must_be_described(ashvale_family, worker):
    with pytest.raises(MoveRefused):
        eligibility_decide(
            actor=actor_for(worker),
            assessment=authorised_assessment(ashvale_family),
            answers=Answers(True, True, "  "),
            departures=Departures(),
        )


def test_a_departure_needs_a_professional_reason(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    departures = Departures(services={"help-at-home": Departure(True, "  ")})
    with pytest.raises(MoveRefused, match="professional reason"):
        _decide(assessment, worker, departures)
    assert not EligibilityDecision.objects.exists()


def test_a_departure_is_applied_and_kept_beside_the_criteria_result(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family, needs=("communication",))
    checked = eligibility_check(assessment=assessment, answers=YES)
    not_met = next(s for s in checked.decision.services if not s.met)
    need_id = checked.decision.needs[0].need_id
    reason = "The family has no one else who can help at bedtime."
    departures = Departures(
        services={not_met.service_code: Departure(True, reason)},
        needs={need_id: Departure(not checked.decision.needs[0].met, reason)},
    )
    decision = _decide(assessment, worker, departures)
    line = next(s for s in decision.final_services() if s.code == not_met.service_code)
    assert line.met
    assert line.departed
    assert line.departure_reason == reason
    assert line.criteria_met is False
    assert decision.result["services"] == checked.decision.to_dict()["services"]
    need = decision.final_needs()[0]
    assert need.departed
    assert need.met != need.criteria_met


def test_a_departure_that_agrees_with_the_criteria_is_not_recorded(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    departures = Departures(services={"short-breaks": Departure(True, "Agree anyway.")})
    decision = _decide(assessment, worker, departures)
    assert decision.departures == {"services": {}, "needs": {}}


def test_one_live_decision_per_assessment(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    _decide(assessment, worker)
    with pytest.raises(IllegalMove):
        _decide(assessment, worker)


def test_criteria_published_while_deciding_must_be_checked_again(ashvale_family, worker):
    assessment = authorised_assessment(ashvale_family)
    seen = eligibility_check(assessment=assessment, answers=YES).criteria
    newer = _new_version("2.5")
    with pytest.raises(MoveRefused, match="New criteria were published"):
        _decide(assessment, worker, criteria_id=seen.pk)
    assert _decide(assessment, worker, criteria_id=newer.pk).criteria == newer


def _new_version(version: str) -> PublishedCriteria:
    """A later Ashvale version, in force from yesterday, with short breaks named differently."""
    yesterday = timezone.localdate() - timedelta(days=1)
    text = (
        shipped_text("957-ashvale.yaml")
        .replace('version: "2.1"', f'version: "{version}"')
        .replace("effective_from: 2026-12-01", f"effective_from: {yesterday.isoformat()}")
        .replace("name: Short breaks", "name: Short breaks and holidays", 1)
    )
    row = criteria_publish_text(text, f"957-ashvale-{version}.yaml").row
    criteria_adopt(
        council=Council.objects.get(la_code="957"),
        criteria=row,
        council_signatory="Morgan Ellis, Director of Children's Services",
        forum_signatory="Helen Marsh, Ashvale Parent Carer Forum",
        adopted_on=yesterday,
        equality_impact_summary="Considered with the forum.",
    )
    return row


def test_a_later_version_never_changes_an_old_decision(ashvale_family, worker, manager):
    old = _decide(authorised_assessment(ashvale_family), worker)
    eligibility_confirm(actor=actor_for(manager), decision=old)
    before = (old.final_services(), old.final_needs(), old.result)
    newer = _new_version("3.0")
    old = EligibilityDecision.objects.get(pk=old.pk)
    assert old.criteria.version == "2.1"
    assert (old.final_services(), old.final_needs(), old.result) == before
    assert "Short breaks" in [s.name for s in old.final_services()]
    fresh = _decide(authorised_assessment(ashvale_family), worker)
    assert fresh.criteria == newer
    assert "Short breaks and holidays" in [s.name for s in fresh.final_services()]


def test_a_manager_confirms_and_the_family_is_told(sent_at_once, ashvale_family, worker, manager):
    ashvale_family.parent_carers.update(email="parent@family.example")
    decision = _decide(authorised_assessment(ashvale_family), worker)
    eligibility_confirm(actor=actor_for(manager), decision=decision)
    decision.refresh_from_db()
    assert decision.status == "confirmed"
    assert decision.confirmed_by == manager
    assert decision.confirmed_at is not None
    assert len(mail.outbox) == 1
    assert f"/family/eligibility/{decision.pk}/" in mail.outbox[0].body
    moves = list(
        PathwayEvent.objects.filter(record_id=decision.pk, record_type="eligibility decision")
        .order_by("pk")
        .values_list("move", flat=True)
    )
    assert moves == ["decide", "confirm"]
    assert mail.outbox[0].to == ["parent@family.example"]


def test_nobody_confirms_their_own_decision(ashvale_family, manager):
    decision = _decide(authorised_assessment(ashvale_family), manager)
    with pytest.raises(MoveRefused, match="cannot confirm a decision you made"):
        eligibility_confirm(actor=actor_for(manager), decision=decision)


def test_a_practitioner_cannot_confirm(ashvale_family, worker):
    decision = _decide(authorised_assessment(ashvale_family), worker)
    with pytest.raises(MoveRefused, match="Only a team manager"):
        eligibility_confirm(actor=actor_for(worker), decision=decision)


def test_a_returned_decision_needs_a_reason_and_can_be_made_again(ashvale_family, worker, manager):
    assessment = authorised_assessment(ashvale_family)
    decision = _decide(assessment, worker)
    with pytest.raises(MoveRefused):
        eligibility_return(actor=actor_for(manager), decision=decision, reason=" ")
    ashvale_family.parent_carers.update(email="parent@family.example")
    eligibility_return(actor=actor_for(manager), decision=decision, reason="Look at sleep again.")
    decision.refresh_from_db()
    assert decision.status == "returned"
    assert decision.return_reason == "Look at sleep again."
    with pytest.raises(IllegalMove):
        eligibility_confirm(actor=actor_for(manager), decision=decision)
    assert _decide(assessment, worker).status == "awaiting_confirmation"
    assert not mail.outbox


def test_reading_a_decision_is_logged(ashvale_family, worker):
    decision = _decide(authorised_assessment(ashvale_family), worker)
    before = AccessEvent.objects.count()
    selectors.decision_read(actor=actor_for(worker), decision_id=decision.pk)
    event = AccessEvent.objects.order_by("-sequence").first()
    assert AccessEvent.objects.count() == before + 1
    assert event.record_type == "eligibility.eligibilitydecision"
    assert event.family_id == ashvale_family.pk
