"""Each step of a young person's plan for adult life, and the EHC advice clock: the rule it
checks, the step on the timeline and the access log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.transition import services
from supportfirst.transition.models import EhcStatus, Transition
from supportfirst.transition.services import AssessmentAnswers
from tests.families.factories import ChildFactory
from tests.letters.factories import actor_for
from tests.transition.factories import AdviceRequestFactory, TransitionFactory, born_years_ago


@pytest.fixture
def young_person(family):
    return ChildFactory(family=family, first_name="Sam", date_of_birth=born_years_ago(15))


def test_starting_writes_the_first_step_and_logs_it(worker, young_person):
    transition = services.transition_start(actor=actor_for(worker), child=young_person)
    assert [e.summary for e in transition.events.all()] == [
        "Planning for Sam's adult life started."
    ]
    assert AccessEvent.objects.filter(
        record_type="transition.transition", record_id=str(transition.pk), action="create"
    ).exists()


def test_planning_cannot_start_before_14(worker, family):
    child = ChildFactory(family=family, first_name="Ana", date_of_birth=born_years_ago(14, days=-1))
    with pytest.raises(MoveRefused) as refused:
        services.transition_start(actor=actor_for(worker), child=child)
    assert refused.value.messages == [
        "Planning for adult life starts when Ana is 14: wait until then"
    ]
    assert not Transition.objects.exists()


def test_planning_starts_on_the_14th_birthday(worker, family):
    child = ChildFactory(family=family, first_name="Ana", date_of_birth=born_years_ago(14))
    assert services.transition_start(actor=actor_for(worker), child=child).child == child


def test_starting_twice_is_a_conflict(worker, young_person):
    services.transition_start(actor=actor_for(worker), child=young_person)
    with pytest.raises(IllegalMove):
        services.transition_start(actor=actor_for(worker), child=young_person)


def _asked(**changes):
    given = {
        "benefit": "yes",
        "consent_asked": "young_person",
        "consent": "given",
        "consent_on": timezone.localdate(),
    }
    return AssessmentAnswers(**{**given, **changes})


def test_the_young_person_agreeing_is_on_the_timeline(worker, young_person):
    transition = TransitionFactory(child=young_person)
    services.transition_assessment_record(
        actor=actor_for(worker), transition=transition, given=_asked()
    )
    transition.refresh_from_db()
    assert (transition.benefit, transition.consent) == ("yes", "given")
    today = timezone.localdate()
    assert transition.events.last().summary == (
        f"A transition assessment would be of significant benefit to Sam. On {today.day} "
        f"{today:%B %Y}, Sam agreed to it."
    )


def test_consent_on_their_behalf_is_refused_without_the_reason(worker, young_person):
    transition = TransitionFactory(child=young_person)
    with pytest.raises(MoveRefused) as refused:
        services.transition_assessment_record(
            actor=actor_for(worker),
            transition=transition,
            given=_asked(consent_asked="cannot_decide", capacity_reason=""),
        )
    assert refused.value.messages[0].startswith(
        "Write why the young person cannot make this decision for themselves"
    )
    transition.refresh_from_db()
    assert transition.consent == ""
    assert not transition.events.exists()


def test_no_significant_benefit_needs_a_reason(worker, young_person):
    transition = TransitionFactory(child=young_person)
    with pytest.raises(MoveRefused) as refused:
        services.transition_assessment_record(
            actor=actor_for(worker), transition=transition, given=AssessmentAnswers(benefit="no")
        )
    assert refused.value.messages == [
        "Write why a transition assessment would not be of significant benefit now"
    ]


def test_own_words_are_kept_exactly_as_said(worker, young_person):
    transition = TransitionFactory(child=young_person)
    words = "i want to live with my mates  and work at the farm!!"
    services.own_words_record(actor=actor_for(worker), transition=transition, words=words)
    transition.refresh_from_db()
    assert transition.own_words == words


def test_a_referral_needs_the_young_persons_agreement(worker, young_person):
    transition = TransitionFactory(child=young_person)
    with pytest.raises(MoveRefused) as refused:
        services.referral_record(
            actor=actor_for(worker), transition=transition, referred_on=timezone.localdate()
        )
    assert refused.value.messages == [
        "Record that Sam agreed to a transition assessment before referring them to adult "
        "social care"
    ]


def test_a_referral_with_agreement_is_dated(worker, young_person):
    transition = TransitionFactory(
        child=young_person, benefit="yes", consent_asked="young_person", consent="given"
    )
    day = timezone.localdate() - timedelta(days=2)
    services.referral_record(actor=actor_for(worker), transition=transition, referred_on=day)
    transition.refresh_from_db()
    assert transition.referred_on == day
    assert transition.events.last().summary.startswith("Sam was referred to adult social care on")


def test_the_transfer_to_adult_services_is_at_18(worker, family):
    child = ChildFactory(family=family, first_name="Jo", date_of_birth=born_years_ago(18, days=-3))
    transition = TransitionFactory(child=child)
    with pytest.raises(MoveRefused) as refused:
        services.ending_record(
            actor=actor_for(worker),
            transition=transition,
            ending="transferred",
            ended_on=timezone.localdate(),
            reason="Adult team takes over.",
        )
    assert refused.value.messages == [
        "Jo moves to adult services at 18: the date must be on or after their 18th birthday"
    ]


def test_a_closure_ends_the_plan_and_nothing_more_can_be_recorded(worker, young_person):
    transition = TransitionFactory(child=young_person)
    services.ending_record(
        actor=actor_for(worker),
        transition=transition,
        ending="closed",
        ended_on=timezone.localdate(),
        reason="The family moved to another council's area.",
    )
    with pytest.raises(IllegalMove):
        services.own_words_record(actor=actor_for(worker), transition=transition, words="Hello")


def test_the_advice_due_date_is_stored_when_the_clock_starts(worker, young_person):
    requested = timezone.localdate() - timedelta(days=3)
    advice = services.advice_request_record(
        actor=actor_for(worker), child=young_person, requested_on=requested
    )
    advice.refresh_from_db()
    assert advice.due_on == requested + timedelta(weeks=6)


def test_advice_cannot_be_given_before_it_was_asked_for(worker, young_person):
    advice = AdviceRequestFactory(child=young_person)
    with pytest.raises(MoveRefused) as refused:
        services.advice_given_record(
            actor=actor_for(worker), advice=advice, given_on=advice.requested_on - timedelta(days=1)
        )
    assert refused.value.messages == ["The advice cannot be given before the day it was asked for"]


def test_the_ehc_plan_needs_its_issue_date(worker, young_person):
    with pytest.raises(MoveRefused) as refused:
        services.ehc_record(
            actor=actor_for(worker),
            child=young_person,
            status=EhcStatus.HAS_PLAN,
            assessment_started_on=None,
            plan_issued_on=None,
        )
    assert refused.value.messages == ["Enter the day the EHC plan was issued"]


def test_a_refusal_is_on_the_timeline_without_promising_no_assessment(worker, young_person):
    # s58(4): a refusal does not stop an assessment where the young person is experiencing, or
    # is at risk of, abuse or neglect, so the family is not told it "will not go ahead".
    transition = TransitionFactory(child=young_person)
    services.transition_assessment_record(
        actor=actor_for(worker), transition=transition, given=_asked(consent="refused")
    )
    today = timezone.localdate()
    assert transition.events.last().summary == (
        f"A transition assessment would be of significant benefit to Sam. On {today.day} "
        f"{today:%B %Y}, Sam did not agree to it. Sam can change their mind at any time."
    )


def test_for_a_young_person_who_cannot_decide_the_council_decides_best_interests(
    worker, young_person
):
    # s58(3)(b): nobody agrees on their behalf; the council must be satisfied the assessment is
    # in their best interests.
    transition = TransitionFactory(child=young_person)
    services.transition_assessment_record(
        actor=actor_for(worker),
        transition=transition,
        given=_asked(consent_asked="cannot_decide", capacity_reason="Sam's assessment says so."),
    )
    today = timezone.localdate()
    assert transition.events.last().summary == (
        f"A transition assessment would be of significant benefit to Sam. On {today.day} "
        f"{today:%B %Y}, the council decided it is in Sam's best interests, as Sam cannot "
        "make this decision themselves."
    )
    services_summary_refused = _best_interests_refused(worker, young_person)
    assert services_summary_refused.endswith(
        "the council decided it is not in Sam's best interests now, as Sam cannot make this "
        "decision themselves."
    )


def _best_interests_refused(worker, young_person):
    transition = Transition.objects.get(child=young_person)
    services.transition_assessment_record(
        actor=actor_for(worker),
        transition=transition,
        given=_asked(
            consent_asked="cannot_decide",
            capacity_reason="Sam's assessment says so.",
            consent="refused",
        ),
    )
    return transition.events.last().summary
