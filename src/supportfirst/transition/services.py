"""Writes for growing up: each step of a young person's plan for adult life, and the EHC plan
link. Each function owns its transaction, checks its rule (a refused step raises `MoveRefused`
with the message the person reads; a step that cannot be made now raises `IllegalMove`, the
409), writes one `TransitionEvent` on the young person's timeline where there is a step, and
one access log event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.families.models import Child
from supportfirst.kernel.due import long_date
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.rules import transition as rules
from supportfirst.transition.models import (
    Benefit,
    ConsentAnswer,
    ConsentAsked,
    EhcAdviceRequest,
    EhcLink,
    EhcStatus,
    Ending,
    Transition,
    TransitionEvent,
)
from supportfirst.wording.services import Reasons, keep_reasons


def _event(actor: Actor, transition: Transition, summary: str) -> TransitionEvent:
    return TransitionEvent.objects.create(
        family_id=transition.family_id,
        transition=transition,
        at=timezone.now(),
        by=actor.user,
        summary=summary[:300],
    )


def _locked(transition: Transition) -> Transition:
    locked = Transition.objects.select_for_update().select_related("child").get(pk=transition.pk)
    if not locked.is_open:
        raise IllegalMove(
            f"{locked.child.first_name}'s plan for adult life has ended "
            f"({locked.get_ending_display().lower()}): nothing more can be recorded on it."
        )
    return locked


@transaction.atomic
def transition_start(*, actor: Actor, child: Child) -> Transition:
    """Start planning for adult life with a young person of 14 or older."""
    today = timezone.localdate()
    if child.age_on(today) < rules.TRANSITION_AGE:
        raise MoveRefused(
            [f"Planning for adult life starts when {child.first_name} is 14: wait until then"]
        )
    Child.objects.select_for_update().get(pk=child.pk)
    if Transition.objects.filter(child=child).exists():
        raise IllegalMove(f"Planning for adult life with {child.first_name} has already started.")
    transition = Transition.objects.create(
        family_id=child.family_id, child=child, started_by=actor.user, started_at=timezone.now()
    )
    _event(actor, transition, f"Planning for {child.first_name}'s adult life started.")
    log_access(actor, family_id=child.family_id, record=transition, action=Action.CREATE)
    return transition


@dataclass(frozen=True)
class AssessmentAnswers:
    """Whether a transition assessment would be of significant benefit, and the consent."""

    benefit: str
    benefit_reason: str = ""
    consent_asked: str = ""
    capacity_reason: str = ""
    consent: str = ""
    consent_on: date | None = None


def assessment_problems(given: AssessmentAnswers) -> list[str]:
    """What is missing: a reason when it would not be of significant benefit; otherwise the
    consent rule (`rules.transition.consent_problems`) and the day it was asked."""
    if given.benefit == Benefit.NO:
        if not given.benefit_reason.strip():
            return ["Write why a transition assessment would not be of significant benefit now"]
        return []
    if given.benefit != Benefit.YES:
        return ["Say whether a transition assessment would be of significant benefit"]
    problems = rules.consent_problems(
        asked=given.consent_asked, capacity_reason=given.capacity_reason, answer=given.consent
    )
    if given.consent_on is None:
        problems.append("Enter the day the young person was asked")
    elif given.consent_on > timezone.localdate():
        problems.append("The day the young person was asked must be today or in the past")
    return problems


@transaction.atomic
def transition_assessment_record(
    *,
    actor: Actor,
    transition: Transition,
    given: AssessmentAnswers,
    reasons: Reasons | None = None,
) -> Transition:
    """Record whether a transition assessment would be of significant benefit and, when it
    would, the young person's answer to being asked."""
    locked = _locked(transition)
    problems = assessment_problems(given)
    if problems:
        raise MoveRefused(problems)
    name = locked.child.first_name
    locked.benefit = given.benefit
    locked.benefit_reason = given.benefit_reason.strip()
    if given.benefit == Benefit.YES:
        locked.consent_asked = given.consent_asked
        locked.capacity_reason = (
            given.capacity_reason.strip()
            if given.consent_asked == ConsentAsked.CANNOT_DECIDE
            else ""
        )
        locked.consent = given.consent
        locked.consent_on = given.consent_on
        agreed = given.consent == ConsentAnswer.GIVEN
        assert given.consent_on is not None  # checked by assessment_problems
        if given.consent_asked == ConsentAsked.YOUNG_PERSON:
            answer = (
                f"{name} agreed to it."
                if agreed
                else f"{name} did not agree to it. {name} can change their mind at any time."
            )
        else:  # Care Act 2014 s58(3)(b): nobody agrees for them; the council decides.
            answer = (
                f"the council decided it is {'' if agreed else 'not '}in {name}'s best "
                f"interests{'' if agreed else ' now'}, as {name} cannot make this decision "
                "themselves."
            )
        summary = (
            f"A transition assessment would be of significant benefit to {name}. On "
            f"{long_date(given.consent_on)}, {answer}"
        )
    else:
        locked.consent_asked, locked.capacity_reason, locked.consent = "", "", ""
        locked.consent_on = None
        summary = f"A transition assessment would not be of significant benefit to {name} now."
    locked.save()
    _event(actor, locked, summary)
    keep_reasons(reasons, locked, actor=actor)
    log_access(actor, family_id=locked.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def own_words_record(*, actor: Actor, transition: Transition, words: str) -> Transition:
    """Keep the young person's own words about adult life, exactly as they said them."""
    locked = _locked(transition)
    if not words.strip():
        raise MoveRefused([f"Write what {locked.child.first_name} said, in their own words"])
    locked.own_words = words
    locked.save(update_fields=["own_words"])
    _event(
        actor, locked, f"{locked.child.first_name}'s own words about adult life were written down."
    )
    log_access(actor, family_id=locked.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def referral_record(*, actor: Actor, transition: Transition, referred_on: date) -> Transition:
    """Record the referral to adult social care, with its date. It needs the young person's
    agreement (or, where they cannot decide, the council's decision that it is in their best
    interests)."""
    locked = _locked(transition)
    name = locked.child.first_name
    problems = []
    if locked.consent != ConsentAnswer.GIVEN:
        problems.append(
            f"Record that {name} agreed to a transition assessment before referring them to "
            "adult social care"
        )
    if referred_on > timezone.localdate():
        problems.append("The day of the referral must be today or in the past")
    if problems:
        raise MoveRefused(problems)
    locked.referred_on = referred_on
    locked.save(update_fields=["referred_on"])
    _event(actor, locked, f"{name} was referred to adult social care on {long_date(referred_on)}.")
    log_access(actor, family_id=locked.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def ending_record(
    *,
    actor: Actor,
    transition: Transition,
    ending: str,
    ended_on: date,
    reason: str,
    reasons: Reasons | None = None,
) -> Transition:
    """At 18: the transfer to adult services, or the closure, with the date and reason."""
    locked = _locked(transition)
    name = locked.child.first_name
    problems = []
    if ending not in (Ending.TRANSFERRED, Ending.CLOSED):
        problems.append("Say whether the young person moved to adult services or the record closed")
    if ending == Ending.TRANSFERRED and locked.child.age_on(ended_on) < rules.ADULT_AGE:
        problems.append(
            f"{name} moves to adult services at 18: the date must be on or after their "
            "18th birthday"
        )
    if ended_on > timezone.localdate():
        problems.append("The date must be today or in the past")
    if not reason.strip():
        problems.append("Write the reason")
    if problems:
        raise MoveRefused(problems)
    locked.ending, locked.ended_on, locked.ending_reason = ending, ended_on, reason.strip()
    locked.save(update_fields=["ending", "ended_on", "ending_reason"])
    what = "moved to adult services" if ending == Ending.TRANSFERRED else "closed"
    _event(actor, locked, f"{name}'s plan for adult life {what} on {long_date(ended_on)}.")
    keep_reasons(reasons, locked, actor=actor)
    log_access(actor, family_id=locked.family_id, record=locked, action=Action.CHANGE)
    return locked


@transaction.atomic
def ehc_record(
    *,
    actor: Actor,
    child: Child,
    status: str,
    assessment_started_on: date | None,
    plan_issued_on: date | None,
) -> EhcLink:
    """Whether the child has an education, health and care plan, one is being assessed, or
    none, with the dates."""
    problems = []
    if status == EhcStatus.ASSESSING and assessment_started_on is None:
        problems.append("Enter the day the EHC needs assessment started")
    if status == EhcStatus.HAS_PLAN and plan_issued_on is None:
        problems.append("Enter the day the EHC plan was issued")
    today = timezone.localdate()
    if any(day and day > today for day in (assessment_started_on, plan_issued_on)):
        problems.append("Dates must be today or in the past")
    if problems:
        raise MoveRefused(problems)
    link, _ = EhcLink.objects.select_for_update().update_or_create(
        child=child,
        defaults={
            "family_id": child.family_id,
            "status": status,
            "assessment_started_on": assessment_started_on,
            "plan_issued_on": plan_issued_on if status == EhcStatus.HAS_PLAN else None,
            "recorded_by": actor.user,
            "recorded_at": timezone.now(),
        },
    )
    log_access(actor, family_id=child.family_id, record=link, action=Action.CHANGE)
    return link


@transaction.atomic
def advice_request_record(*, actor: Actor, child: Child, requested_on: date) -> EhcAdviceRequest:
    """The education team asked for social care advice for an EHC needs assessment: the
    6-week clock starts on the day they asked, and its due date is stored."""
    if requested_on > timezone.localdate():
        raise MoveRefused(["The day the advice was asked for must be today or in the past"])
    advice = EhcAdviceRequest.objects.create(
        family_id=child.family_id,
        child=child,
        requested_on=requested_on,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
    log_access(actor, family_id=child.family_id, record=advice, action=Action.CREATE)
    return advice


@transaction.atomic
def advice_given_record(
    *, actor: Actor, advice: EhcAdviceRequest, given_on: date
) -> EhcAdviceRequest:
    """The social care advice was given: the clock stops."""
    locked = EhcAdviceRequest.objects.select_for_update().get(pk=advice.pk)
    if locked.given_on is not None:
        raise IllegalMove(
            f"The advice was already recorded as given on {long_date(locked.given_on)}."
        )
    if given_on < locked.requested_on:
        raise MoveRefused(["The advice cannot be given before the day it was asked for"])
    if given_on > timezone.localdate():
        raise MoveRefused(["The day the advice was given must be today or in the past"])
    locked.given_on = given_on
    locked.save(update_fields=["given_on"])
    log_access(actor, family_id=locked.family_id, record=locked, action=Action.CHANGE)
    return locked
