"""Reads for growing up. Every read goes through the scoping layer; every read of one family's
record is written to the access log. A young person reads only their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from supportfirst.asking.selectors import children_keeping_views_private
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.models import Child
from supportfirst.plans.models import IN_PLACE, PlannedService, SupportPlan
from supportfirst.rules import transition as rules
from supportfirst.transition.models import EhcAdviceRequest, EhcLink, Transition, TransitionEvent


def _children(scope: Scope) -> QuerySet[Child]:
    rows = Child.objects.visible_to(scope).select_related("family")
    if scope.role == Role.YOUNG_PERSON:
        rows = rows.filter(pk=scope.child_id)
    return rows


@dataclass(frozen=True)
class GrowingUp:
    """One child's page: the plan for adult life (if started), its timeline, the EHC plan link
    and the requests for social care advice."""

    child: Child
    today: date
    transition: Transition | None
    events: list[TransitionEvent] = field(default_factory=list)
    ehc: EhcLink | None = None
    advice: list[EhcAdviceRequest] = field(default_factory=list)
    own_words_private: bool = False
    """For a parent's page: the young person keeps their own words between themselves and
    the council (their own choice, `asking.YoungPersonSharing`)."""

    @property
    def age(self) -> int:
        return self.child.age_on(self.today)

    @property
    def prompt(self) -> bool:
        return rules.transition_prompt_due(
            self.child.date_of_birth, self.today, has_record=self.transition is not None
        )

    @property
    def may_start(self) -> bool:
        return self.transition is None and self.age >= rules.TRANSITION_AGE


def growing_up_read(*, actor: Actor, child_id: int, today: date) -> GrowingUp:
    """One child's growing-up page, logged as a view of the child's record and of each record
    shown."""
    child = get_visible_or_404(_children(actor.scope), actor.scope, pk=child_id)
    transition = Transition.objects.filter(child=child).first()
    ehc = EhcLink.objects.filter(child=child).first()
    advice = list(EhcAdviceRequest.objects.filter(child=child))
    log_access(actor, family_id=child.family_id, record=child)
    for record in (transition, ehc, *advice):
        if record is not None:
            log_access(actor, family_id=child.family_id, record=record)
    events = list(transition.events.select_related("by")) if transition else []
    return GrowingUp(
        child=child,
        today=today,
        transition=transition,
        events=events,
        ehc=ehc,
        advice=advice,
        own_words_private=child.pk in children_keeping_views_private(scope=actor.scope),
    )


def transition_read(*, actor: Actor, transition_id: int) -> Transition:
    rows = Transition.objects.visible_to(actor.scope).select_related("child", "family")
    transition = get_visible_or_404(rows, actor.scope, pk=transition_id)
    log_access(actor, family_id=transition.family_id, record=transition)
    return transition


def child_read(*, actor: Actor, child_id: int) -> Child:
    child = get_visible_or_404(_children(actor.scope), actor.scope, pk=child_id)
    log_access(actor, family_id=child.family_id, record=child)
    return child


def advice_read(*, actor: Actor, advice_id: int) -> EhcAdviceRequest:
    rows = EhcAdviceRequest.objects.visible_to(actor.scope).select_related("child", "family")
    advice = get_visible_or_404(rows, actor.scope, pk=advice_id)
    log_access(actor, family_id=advice.family_id, record=advice)
    return advice


def to_plan_for(*, scope: Scope, worker_id: int | None, today: date) -> QuerySet[Child]:
    """Young people of 14 to 17 with no plan for adult life yet: for the family's worker (or
    anyone, when the family has none), oldest first. One query however many there are."""
    rows = Child.objects.visible_to(scope).filter(
        date_of_birth__lte=rules.born_on_or_before(today, rules.TRANSITION_AGE),
        date_of_birth__gt=rules.born_on_or_before(today, rules.ADULT_AGE),
        transition__isnull=True,
    )
    if worker_id is not None:
        rows = rows.filter(
            Q(family__allocated_worker_id=worker_id) | Q(family__allocated_worker__isnull=True)
        )
    return rows.select_related("family").order_by("date_of_birth", "pk")


@dataclass(frozen=True)
class ProvisionExport:
    child: Child
    plan: SupportPlan | None
    provisions: list[rules.Provision]

    @property
    def sections(self) -> rules.Sections:
        return rules.split(self.provisions)

    @property
    def paragraphs(self) -> list[str]:
        """The text as the page shows it: the same words, a paragraph per block."""
        return [block for block in self.text.split("\n\n") if block.strip()]

    @property
    def text(self) -> str:
        if self.plan is None:
            return ""
        return rules.export_text(
            name=self.child.first_name,
            plan_starts_on=self.plan.starts_on,
            provisions=self.provisions,
        )


def provision_export(*, actor: Actor, child_id: int) -> ProvisionExport:
    """The social care provision in the child's latest support plan shared with the family, as
    the EHC plan's sections H1 and H2. Logged as a view of the plan."""
    child = child_read(actor=actor, child_id=child_id)
    plan = (
        SupportPlan.objects.visible_to(actor.scope)
        .filter(child=child, status__in=IN_PLACE)
        .order_by("-starts_on", "-pk")
        .first()
    )
    if plan is None:
        return ProvisionExport(child=child, plan=None, provisions=[])
    log_access(actor, family_id=child.family_id, record=plan)
    services = PlannedService.objects.filter(plan=plan).order_by("start_on", "pk")
    provisions = [
        rules.Provision(
            name=service.name,
            amount=service.amount,
            frequency=service.frequency,
            provider=service.provider,
            start_on=service.start_on,
            legal_basis=service.legal_basis,
            for_child=not service.for_carer,
            under_18=child.age_on(timezone.localdate()) < rules.ADULT_AGE,
        )
        for service in services
    ]
    return ProvisionExport(child=child, plan=plan, provisions=provisions)
