"""The support plan part of the demo story: each demo family with a confirmed eligibility
decision has a plan written with them, through the same services the pages use. Families
further along have shared their view: most agreed; one family disagreed in their own words;
a family at review has had a review recorded and has asked for another as things changed."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Membership, Role
from supportfirst.councils.scoping import scope_for
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.families.advocacy import AdvocacyAnswer, AdvocacyInput
from supportfirst.families.models import Family, Stage
from supportfirst.plans import services
from supportfirst.plans.catalogue import OTHER
from supportfirst.plans.models import DirectPaymentChoice, DirectPaymentWish, SupportPlan
from supportfirst.rules import shortbreaks

DEMO_ORDER = 20

AGREES = frozenset({Stage.SUPPORT_IN_PLACE, Stage.REVIEW})


def _actor(user: object) -> Actor:
    return Actor(user, scope_for(user), "demo-loader")  # type: ignore[arg-type]


def _family_member(family: Family) -> object | None:
    membership = (
        Membership.objects.filter(family=family, role__in=[Role.FAMILY_MEMBER, Role.YOUNG_PERSON])
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def load_demo() -> None:
    decisions = (
        EligibilityDecision.objects.filter(
            family__council__is_demo=True, status=DecisionStatus.CONFIRMED
        )
        .select_related("family", "family__allocated_worker", "assessment__request__child")
        .order_by("pk")
    )
    for number, decision in enumerate(decisions):
        request = decision.assessment.request
        if SupportPlan.objects.filter(request=request).exists():
            continue
        _write_plan(decision, number)


def _write_plan(decision: EligibilityDecision, number: int) -> None:
    family = decision.family
    stage = family.stage
    worker = _actor(family.allocated_worker or decision.made_by)
    request = decision.assessment.request
    name = request.child.first_name
    today = timezone.localdate()
    plan = services.plan_start(actor=worker, request=request, today=today)
    carer = family.parent_carers.order_by("pk").first()
    said_by = f"{carer.full_name} ({carer.relationship})" if carer else family.name
    services.outcome_add(
        actor=worker,
        plan=plan,
        text=f"We want {name} to have fun with other children at the weekend, like their friends.",
        said_by=said_by,
    )
    services.outcome_add(
        actor=worker,
        plan=plan,
        text="We need one full night's sleep a week so we can keep going.",
        said_by=said_by,
    )
    choices = services.service_choices(plan)
    for choice in choices[:2]:
        short_break = shortbreaks.needs_route(choice.legal_basis, for_carer=choice.for_carer)
        services.service_add(
            actor=worker,
            plan=plan,
            given=services.ServiceInput(
                code=choice.code,
                route=shortbreaks.OUTSIDE if short_break else "",
                dp_wish=DirectPaymentWish.DECLINED,
                provider="Riverside Saturday Club"
                if "break" in choice.name.lower()
                else ("Care at Home Ltd"),
                amount="6 hours",
                frequency="every week",
                start_on=today,
                cost=Decimal("96.00"),
                cost_period="week",
            ),
        )
    if not choices:
        services.service_add(
            actor=worker,
            plan=plan,
            given=services.ServiceInput(
                code=OTHER,
                other_name="Short breaks",
                other_legal_basis="Children Act 1989, Schedule 2, paragraph 6",
                route=shortbreaks.OUTSIDE,
                dp_wish=DirectPaymentWish.DECLINED,
                provider="Riverside Saturday Club",
                amount="6 hours",
                frequency="every week",
                start_on=today,
                cost=Decimal("96.00"),
                cost_period="week",
            ),
        )
    paying = DirectPaymentChoice.MIX if number % 2 else DirectPaymentChoice.COUNCIL_ARRANGES
    services.plan_details_save(
        actor=worker,
        plan=plan,
        given=services.DetailsInput(
            starts_on=today,
            review_due_on=plan.review_due_on,
            direct_payment_choice=paying,
            direct_payment_words=(
                "We would like to choose the carer ourselves, but the council can book the club."
                if paying == DirectPaymentChoice.MIX
                else "We would rather the council arranged it for now."
            ),
        ),
    )
    services.advocacy_save(
        actor=worker,
        plan=plan,
        given=AdvocacyInput(
            answer=AdvocacyAnswer.ACCEPTED if number % 2 else AdvocacyAnswer.DECLINED,
            on=today,
            organisation="Young Voices Advocacy" if number % 2 else "",
        ),
    )
    services.plan_share(actor=worker, plan=plan, tell_family=False)
    parent = _family_member(family)
    if parent is not None and stage in AGREES:
        services.plan_respond(
            actor=_actor(parent), plan=plan, agree=True, words="Thank you. This will help a lot."
        )
    elif parent is not None:
        services.plan_respond(
            actor=_actor(parent),
            plan=plan,
            agree=False,
            words="Six hours a week is not enough. We asked for an overnight break once a month.",
        )
    if stage == Stage.REVIEW:
        services.review_record(
            actor=worker,
            plan=plan,
            given=services.ReviewInput(
                reviewed_on=today,
                what_changed=f"{name} now goes to the club every Saturday and enjoys it.",
                family_view="The Saturday club has made a real difference to all of us.",
                next_review_on=today + datetime.timedelta(days=182),
            ),
        )
        if parent is not None:
            services.review_ask(
                actor=_actor(parent),
                plan=plan,
                what_changed=f"{name} is moving school in January and needs help getting there.",
            )
    # The family's stage is the pathway's story; writing the plan does not move it.
    Family.objects.filter(pk=family.pk).update(stage=stage)
