"""The growing-up part of the demo story: Jasmine Fletcher, 17, is planning for adult life (she
agreed to a transition assessment herself, her own words are kept, and she has been referred to
adult social care); she has an education, health and care (EHC) plan. Ama Osei is being
assessed for an EHC plan, and the education team's request for social care advice has its
6-week clock running. Leo Thompson, 16, has no plan for adult life yet, so his worker's My work
prompts them to start one. Made through the services, as the pages make them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Council
from supportfirst.councils.scoping import scope_for
from supportfirst.families.models import Child
from supportfirst.transition import services
from supportfirst.transition.models import EhcStatus, Transition
from supportfirst.transition.services import AssessmentAnswers

DEMO_ORDER = 90


def _actor(user: Any) -> Actor:
    return Actor(user, scope_for(user), "demo-loader")


def _child(first_name: str, family_name: str) -> Child | None:
    return (
        Child.objects.filter(
            family__council__in=Council.objects.filter(is_demo=True),
            first_name=first_name,
            family__name__contains=family_name,
            family__allocated_worker__isnull=False,
        )
        .select_related("family__allocated_worker")
        .first()
    )


def load_demo() -> None:
    if Transition.objects.filter(family__council__is_demo=True).exists():
        return
    today = timezone.localdate()
    jasmine = _child("Jasmine", "Fletcher")
    if jasmine is not None:
        actor = _actor(jasmine.family.allocated_worker)
        transition = services.transition_start(actor=actor, child=jasmine)
        services.transition_assessment_record(
            actor=actor,
            transition=transition,
            given=AssessmentAnswers(
                benefit="yes",
                consent_asked="young_person",
                consent="given",
                consent_on=today - timedelta(days=20),
            ),
        )
        services.own_words_record(
            actor=actor,
            transition=transition,
            words="I want to go to university and live in halls with my friends. I need help "
            "learning routes with my cane and someone to check in on my blood sugar at night.",
        )
        services.referral_record(
            actor=actor, transition=transition, referred_on=today - timedelta(days=5)
        )
        services.ehc_record(
            actor=actor,
            child=jasmine,
            status=EhcStatus.HAS_PLAN,
            assessment_started_on=today - timedelta(days=900),
            plan_issued_on=today - timedelta(days=760),
        )
    ama = _child("Ama", "Osei")
    if ama is not None:
        actor = _actor(ama.family.allocated_worker)
        started = today - timedelta(days=12)
        services.ehc_record(
            actor=actor,
            child=ama,
            status=EhcStatus.ASSESSING,
            assessment_started_on=started,
            plan_issued_on=None,
        )
        services.advice_request_record(actor=actor, child=ama, requested_on=started)
