"""Reading a family's own record for the family's pages: their requests with the next-step
decision and its reasons, the dates with working days left, every contact and intrusion record,
the timeline of each request, the parent carer's four decisions, who their worker is, and who
has looked at their record.

Everything goes through the scoping layer (`visible_to`); a young person sees only what is about
them. Proposed moves to safeguarding the family has not been told about are left out everywhere,
by the one rule in `pathway.visibility` (also used by the download): their
events are not on the timeline, and the request's status reads as it did before the proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import CharField, Count, Q, QuerySet
from django.db.models.functions import Cast

from supportfirst.asking.holdback import ADDRESSED_TO_THEM, OF_A_COMPLAINT, OWN_WORDS
from supportfirst.asking.selectors import authors_keeping_words_private
from supportfirst.assessments.models import Assessment, AssessmentStatus, CarerDecisions, Kind
from supportfirst.assessments.selectors import decisions_of, family_visible
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.families.models import Family
from supportfirst.families.selectors import AccessLogLine, access_log_for_family
from supportfirst.notifications.family_events import what_it_involves
from supportfirst.pathway.models import (
    Contact,
    ContactStatus,
    PathwayEvent,
    RequestStatus,
    SupportRequest,
)
from supportfirst.pathway.visibility import HiddenMoves, access_log_held_back


@dataclass(frozen=True)
class NextDate:
    """What happens next, said so the date follows: "We will finish your assessments by"."""

    what: str
    due: date


@dataclass(frozen=True)
class FamilyRequest:
    """One request for help as the family sees it."""

    request: SupportRequest
    status: str
    status_label: str
    next_date: NextDate | None

    @property
    def decision(self) -> Any:
        return getattr(self.request, "next_step_decision", None)


def _for_family(request: SupportRequest, hidden: HiddenMoves) -> FamilyRequest:
    status = request.status
    if hidden.hides_status_of(request):
        status = hidden.status_before_proposal(request)
    next_date = None
    if status == RequestStatus.AWAITING_DECISION:
        next_date = NextDate("We will decide the next step by", request.next_step_due)
    elif status == RequestStatus.SUPPORT_PATHWAY and (
        request.assessments_total == 0 or request.assessments_open > 0  # type: ignore[attr-defined]
    ):
        next_date = NextDate("We will finish your assessments by", request.assessment_due)
    return FamilyRequest(request, status, str(RequestStatus(status).label), next_date)


def _requests(scope: Scope) -> QuerySet[SupportRequest]:
    rows = (
        SupportRequest.objects.visible_to(scope)
        .select_related("child", "next_step_decision", "next_step_decision__decided_by")
        .annotate(
            assessments_total=Count("assessments", distinct=True),
            assessments_open=Count(
                "assessments",
                filter=~Q(assessments__status=AssessmentStatus.AUTHORISED),
                distinct=True,
            ),
        )
    )
    if scope.role == Role.YOUNG_PERSON:
        rows = rows.filter(child_id=scope.child_id)
    return rows


def family_requests(*, actor: Actor) -> list[FamilyRequest]:
    """The family's requests for help, newest first; logged as one view of the family's record."""
    scope = actor.scope
    assert scope.family_id is not None
    hidden = HiddenMoves.of_family(scope.family_id)
    rows = _requests(scope).order_by("-received_at", "-pk")
    log_access(actor, family_id=scope.family_id, record=Family(pk=scope.family_id))
    return [_for_family(r, hidden) for r in rows]


@dataclass(frozen=True)
class CarerDecisionsShown:
    assessment: Assessment
    decisions: CarerDecisions


@dataclass(frozen=True)
class ContactShown:
    """A contact as the family reads it, with what it involves in their words."""

    contact: Contact
    involves: list[str]

    @property
    def planned(self) -> bool:
        return self.contact.status == ContactStatus.PLANNED

    @property
    def cancelled(self) -> bool:
        return self.contact.status == ContactStatus.CANCELLED


@dataclass(frozen=True)
class RequestPage:
    item: FamilyRequest
    contacts: list[Contact]
    events: list[PathwayEvent]
    assessments: list[Assessment]
    carer_decisions: list[CarerDecisionsShown]

    @property
    def request(self) -> SupportRequest:
        return self.item.request

    @property
    def planned(self) -> list[ContactShown]:
        """Planned and cancelled contacts, soonest first: what we plan, why, and their view."""
        return [
            ContactShown(c, what_it_involves(c))
            for c in self.contacts
            if c.status != ContactStatus.DONE
        ]

    @property
    def done(self) -> list[Contact]:
        return [c for c in self.contacts if c.status == ContactStatus.DONE]


def family_request_read(*, actor: Actor, request_id: int) -> RequestPage:
    """One of the family's requests with everything about it the family may see; logged."""
    scope = actor.scope
    assert scope.family_id is not None
    request = get_visible_or_404(_requests(scope), scope, pk=request_id)
    log_access(actor, family_id=request.family_id, record=request)
    hidden = HiddenMoves.of_family(request.family_id)
    contacts = list(
        Contact.objects.visible_to(scope)
        .filter(request=request)
        .select_related("intrusion_record", "recorded_by", "approved_by", "request__child")
        .order_by("happened_at", "pk")
    )
    events = [
        e
        for e in PathwayEvent.objects.visible_to(scope)
        .filter(request=request)
        .select_related("actor")
        .order_by("at", "pk")
        if not hidden.hides(e)
    ]
    assessments = list(
        family_visible(scope)
        .filter(request=request)
        .select_related("child", "parent_carer", "sibling", "carer_decisions")
        .order_by("pk")
    )
    carer_decisions = [
        CarerDecisionsShown(a, d)
        for a in assessments
        if a.kind == Kind.PARENT_CARER and (d := decisions_of(a)) is not None
    ]
    return RequestPage(_for_family(request, hidden), contacts, events, assessments, carer_decisions)


@dataclass(frozen=True)
class Worker:
    name: str
    job_title: str
    email: str
    phone: str
    team_email: str
    team_phone: str


def family_home_read(*, actor: Actor) -> tuple[Family, Worker | None, list[FamilyRequest]]:
    """The family's home page: their details, their worker and how to reach them, and their
    requests. Logged as one view of the family's record."""
    scope = actor.scope
    assert scope.family_id is not None
    queryset = Family.objects.select_related(
        "council", "allocated_worker", "allocated_worker__membership"
    ).prefetch_related("children", "parent_carers", "siblings")
    family = get_visible_or_404(queryset, scope, pk=scope.family_id)
    log_access(actor, family_id=family.pk, record=family)
    hidden = HiddenMoves.of_family(family.pk)
    requests = [_for_family(r, hidden) for r in _requests(scope).order_by("-received_at", "-pk")]
    worker = None
    if family.allocated_worker is not None:
        person = family.allocated_worker
        membership = getattr(person, "membership", None)
        worker = Worker(
            name=str(person),
            job_title=getattr(membership, "job_title", "") or "",
            email=person.email,
            phone=getattr(membership, "work_phone", "") or "",
            team_email=family.council.contact_email,
            team_phone=family.council.contact_phone,
        )
    return family, worker, requests


ACCESS_LOG_LINES_SHOWN = 200


def family_access_log(*, scope: Scope) -> list[AccessLogLine]:
    """Who has looked at or changed the family's record, newest first, leaving out whatever
    would give away a proposal the family has not been told about."""
    assert scope.family_id is not None
    return access_log_for_family(
        scope=scope,
        family_id=scope.family_id,
        limit=ACCESS_LOG_LINES_SHOWN,
        held_back={
            **access_log_held_back(scope.family_id),
            **young_peoples_words_held_back(scope),
        },
    )


def young_peoples_words_held_back(scope: Scope) -> dict[str, QuerySet[Any]]:
    """For a parent's access log: the records a young person keeps private by their choice
    (what they wrote, and the letters and messages sent to them alone about it), by the text
    ids the log stores, so the log does not give away that they exist. The same lists as the
    download's rule (asking.holdback)."""
    authors = authors_keeping_words_private(scope=scope)
    if not authors:
        return {}
    held: dict[str, QuerySet[Any]] = {}
    lookups = {
        **{label: f"{by}__in" for label, by in OWN_WORDS.items()},
        **{label: f"{to}__in" for label, to in ADDRESSED_TO_THEM.items()},
        **{label: "complaint__made_by_id__in" for label in OF_A_COMPLAINT},
    }
    for label, lookup in lookups.items():
        model = apps.get_model(label)
        held[label] = (
            model._default_manager.filter(family_id=scope.family_id, **{lookup: authors})
            .annotate(text_id=Cast("pk", output_field=CharField()))
            .values("text_id")
        )
    return held
