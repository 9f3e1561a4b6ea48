"""A named worker for a family: a team manager allocates (or changes) the worker, or a
practitioner takes a request that has no worker yet.

Both are declared moves of the request (`moves.ALLOCATION`), so each change is on the request's
timeline with who made it and when; the family's worker (`Family.allocated_worker`) changes in
the same transaction. A request whose family has no worker is on every manager's My work
(`due.py`) and on the online requests list until it is allocated.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import CASEWORK_ROLES, FAMILY_ROLES, holding_any
from supportfirst.councils.scoping import Scope
from supportfirst.families.models import Family
from supportfirst.kernel.workflow import apply_move
from supportfirst.pathway import moves
from supportfirst.pathway.models import PathwayEvent, RequestStatus, SupportRequest
from supportfirst.training import selectors as training

SAFEGUARDING_STATUSES = frozenset(
    {RequestStatus.SAFEGUARDING_PROPOSED, RequestStatus.MOVED_TO_SAFEGUARDING}
)


def needs_young_carers_training(request: SupportRequest) -> bool:
    """A young carer's assessment was asked for, or started, for this request."""
    return (
        request.young_carer_assessment_asked
        or request.assessments.filter(kind="young_carer").exists()
    )


def training_missing(*, council_id: int, request: SupportRequest, worker: Any) -> list[str]:
    """The courses the worker lacks (in date today) to be this family's worker, when the
    council allows only trained practitioners on the support pathway; empty otherwise."""
    if worker is None or not only_trained_apply(council_id=council_id, request=request):
        return []
    return training.missing_courses(
        council_id=council_id,
        person_id=worker.pk,
        on=timezone.localdate(),
        young_carer=needs_young_carers_training(request),
    )


def only_trained_apply(*, council_id: int, request: SupportRequest) -> bool:
    """Whether the council's training rule limits who can be this family's worker."""
    return request.status not in SAFEGUARDING_STATUSES and training.trained_only(council_id)


def workers_to_choose(*, scope: Scope, request: SupportRequest | None = None) -> QuerySet[User]:
    """The people in the council who can be a family's worker: practitioners and managers;
    when the council's training rule applies to the request, only those trained and in date."""
    people = (
        User.objects.filter(
            holding_any(CASEWORK_ROLES, via="membership__"),
            membership__council_id=scope.council_id,
            is_active=True,
        )
        .select_related("membership")
        .order_by("full_name", "username")
    )
    if request is not None and only_trained_apply(council_id=scope.council_id, request=request):
        courses = training.courses_needed(young_carer=needs_young_carers_training(request))
        people = people.filter(
            pk__in=training.trained_people(
                council_id=scope.council_id, on=timezone.localdate(), courses=courses
            )
        )
    return people


def _named(person: Any) -> str:
    membership = getattr(person, "membership", None)
    title = getattr(membership, "job_title", "") or ""
    return f"{person} ({title})" if title else str(person)


def _move(
    *, actor: Actor, request: SupportRequest, name: str, worker: Any, summaries: tuple[str, str]
) -> PathwayEvent:
    """`summaries`: the timeline's words when the family had no worker, and when it had one."""
    with transaction.atomic():
        family = Family.objects.select_for_update().get(pk=request.family_id)
        current = family.allocated_worker

        def change(_locked: SupportRequest) -> None:
            family.allocated_worker = worker
            family.save(update_fields=["allocated_worker"])

        event: PathwayEvent = apply_move(
            moves.ALLOCATION,
            request,
            name,
            actor=actor.user,
            summary=summaries[current is not None].format(
                worker=_named(worker) if worker else "",
                before=_named(current) if current else "",
            ),
            context={
                "worker": worker,
                "current_worker_id": family.allocated_worker_id,
                "training_missing": training_missing(
                    council_id=family.council_id, request=request, worker=worker
                ),
            },
            change=change,
        )
        log_access(actor, family_id=family.pk, record=family, action=Action.CHANGE)
    request.family.allocated_worker = worker
    return event


def allocate_worker(*, actor: Actor, request: SupportRequest, worker: User) -> PathwayEvent:
    """A team manager names the family's worker, or changes them."""
    return _move(
        actor=actor,
        request=request,
        name="allocate_worker",
        worker=worker,
        summaries=("Worker allocated: {worker}", "Worker changed from {before} to {worker}"),
    )


def take_request(*, actor: Actor, request: SupportRequest) -> PathwayEvent:
    """A practitioner takes a request with no worker: they become the family's worker."""
    return _move(
        actor=actor,
        request=request,
        name="take_request",
        worker=actor.user,
        summaries=("{worker} took the request and is now the family's worker",) * 2,
    )


def worker_in_council(*, scope: Scope, person_id: int) -> User:
    """A member of staff of the scope's council (open or closed account), or 404."""
    found = (
        User.objects.filter(pk=person_id, membership__council_id=scope.council_id)
        .exclude(membership__role__in=[r.value for r in FAMILY_ROLES])
        .first()
    )
    if found is None:
        raise Http404("No such person.")
    return found


def families_of_worker(*, scope: Scope, worker: User) -> list[tuple[Family, SupportRequest | None]]:
    """The families whose named worker is `worker`: their open work, which stays with them
    until a manager gives each family a new worker (for example when their account is closed).
    Each with its latest request for help, through which the worker is changed."""
    families = list(
        Family.objects.visible_to(scope)
        .filter(allocated_worker=worker)
        .prefetch_related("children")
        .order_by("name", "pk")
    )
    latest: dict[int, SupportRequest] = {}
    for request in SupportRequest.objects.visible_to(scope).filter(
        family__in=[f.pk for f in families]
    ):
        if request.family_id not in latest or request.pk > latest[request.family_id].pk:
            latest[request.family_id] = request
    return [(family, latest.get(family.pk)) for family in families]


def closed_accounts_with_families(*, scope: Scope) -> list[tuple[User, int]]:
    """People in the council whose account is closed but who are still some families' named
    worker, with how many: every manager sees them on My work until each family has a new one."""
    rows = (
        Family.objects.visible_to(scope)
        .filter(allocated_worker__isnull=False, allocated_worker__is_active=False)
        .values_list("allocated_worker_id")
        .annotate(count=Count("pk"))
    )
    counts = dict(rows)
    people = User.objects.filter(pk__in=counts).order_by("full_name", "username")
    return [(person, counts[person.pk]) for person in people]
