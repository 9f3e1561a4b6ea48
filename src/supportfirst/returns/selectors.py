"""Reading the records the returns are made from.

``census_children`` streams: it reads the council's children in batches (a fixed number of queries
per batch, whatever the batch holds), so memory stays flat however many children a council has.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models import Assessment
from supportfirst.assessments.models.assessment import AssessmentStatus
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.models import Council
from supportfirst.councils.scoping import get_visible_or_404
from supportfirst.families.models import Child
from supportfirst.pathway.models import RequestStatus, SupportRequest
from supportfirst.plans.models import IN_PLACE, SupportPlan
from supportfirst.returns.models import (
    AssessmentCensusFactors,
    ChildCensusDetails,
    RequestCensusDetails,
)
from supportfirst.returns.services import default_referral_source
from supportfirst.rules.returns import cin_census as census
from supportfirst.rules.returns import codes

BATCH = 500


@dataclass(frozen=True)
class ChildPage:
    child: Child
    details: ChildCensusDetails | None
    requests: list[SupportRequest]


@dataclass(frozen=True)
class AssessmentRow:
    assessment: Assessment
    factors: list[str]


@dataclass(frozen=True)
class RequestPage:
    request: SupportRequest
    details: RequestCensusDetails | None
    assessments: list[AssessmentRow]


def child_page(*, actor: Actor, child_id: int) -> ChildPage:
    child = get_visible_or_404(Child.objects.select_related("family"), actor.scope, pk=child_id)
    log_access(actor, family_id=child.family_id, record=child)
    details = ChildCensusDetails.objects.filter(child=child).first()
    requests = list(SupportRequest.objects.filter(child=child).order_by("received_at"))
    return ChildPage(child, details, requests)


def request_page(*, actor: Actor, request_id: int) -> RequestPage:
    request = get_visible_or_404(
        SupportRequest.objects.select_related("child", "family"), actor.scope, pk=request_id
    )
    log_access(actor, family_id=request.family_id, record=request)
    details = RequestCensusDetails.objects.filter(request=request).first()
    assessments = list(
        Assessment.objects.filter(request=request, kind=Kind.CHILD)
        .select_related("census_factors")
        .order_by("started_on", "pk")
    )
    rows = [
        AssessmentRow(
            a, list((getattr(a, "census_factors", None) and a.census_factors.factors) or [])
        )
        for a in assessments
    ]
    return RequestPage(request, details, rows)


def council_of(actor: Actor) -> Council:
    return Council.objects.get(pk=actor.scope.council_id)


def request_id_by_reference(*, actor: Actor, reference: str) -> int:
    request = get_visible_or_404(SupportRequest.objects.all(), actor.scope, reference=reference)
    return request.pk


def _in_year(year: int) -> Q:
    """Requests open at some point in the collection year."""
    start, end = census.collection_start(year), census.reference_date(year)
    received_by = dt.datetime.combine(
        end + dt.timedelta(days=1), dt.time(), timezone.get_current_timezone()
    )
    return Q(received_at__lt=received_by) & (
        Q(census_details__closed_on__isnull=True) | Q(census_details__closed_on__gte=start)
    )


def census_requests(council: Council, year: int) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(family__council=council).filter(_in_year(year))


def _episode(
    request: SupportRequest,
    details: RequestCensusDetails | None,
    assessments: list[Assessment],
    factors: dict[int, list[str]],
    plans: list[SupportPlan],
) -> census.CensusEpisode:
    no_further_action = request.status == RequestStatus.INFORMATION_GIVEN
    closed_on = details.closed_on if details else None
    return census.CensusEpisode(
        reference=request.reference,
        referral_date=timezone.localdate(request.received_at),
        referral_source=(details.referral_source if details else "")
        or default_referral_source(request),
        primary_need=details.primary_need if details else codes.PRIMARY_NEED_DEFAULT,
        closed_on=closed_on,
        closure_reason=(details.closure_reason or None) if details else None,
        no_further_action=no_further_action,
        assessments=tuple(
            census.CensusAssessment(
                started_on=a.started_on,
                authorised_on=timezone.localdate(a.authorised_at)
                if a.status == AssessmentStatus.AUTHORISED and a.authorised_at
                else None,
                factors=tuple(factors.get(a.pk, ())),
            )
            for a in assessments
        ),
        plans=tuple(census.CensusPlan(starts_on=p.starts_on, ends_on=closed_on) for p in plans),
    )


def census_children(council: Council, year: int) -> Iterator[census.CensusChild]:
    """Every child with a request open in the collection year, as plain census records.

    Reads the council's children in batches by key (never an offset, never a subquery over the
    whole council per batch), so each batch costs the same few queries and the whole census is
    one pass."""
    requests = census_requests(council, year)
    children = Child.objects.filter(family__council=council).order_by("pk")
    last = 0
    while True:
        batch = list(children.filter(pk__gt=last)[:BATCH])
        if not batch:
            return
        last = batch[-1].pk
        yield from _batch(batch, requests, year)


def _derived_upn_unknown(child: Child, year: int) -> str:
    """A child under 6 on the census date with no number: "under 6 and not in school"."""
    if child.upn or child.age_on(census.reference_date(year)) >= 6:
        return ""
    return "UN6"


def _batch(
    children: list[Child], requests: QuerySet[SupportRequest], year: int
) -> Iterator[census.CensusChild]:
    ids = [c.pk for c in children]
    child_details = {d.child_id: d for d in ChildCensusDetails.objects.filter(child_id__in=ids)}
    by_child: dict[int, list[SupportRequest]] = defaultdict(list)
    for r in requests.filter(child_id__in=ids).order_by("received_at", "pk"):
        by_child[r.child_id].append(r)
    request_ids = [r.pk for rs in by_child.values() for r in rs]
    details = {
        d.request_id: d for d in RequestCensusDetails.objects.filter(request_id__in=request_ids)
    }
    assessments: dict[int, list[Assessment]] = defaultdict(list)
    for a in Assessment.objects.filter(request_id__in=request_ids, kind=Kind.CHILD).order_by(
        "started_on", "pk"
    ):
        assessments[a.request_id].append(a)
    factors = {
        f.assessment_id: list(f.factors)
        for f in AssessmentCensusFactors.objects.filter(assessment__request_id__in=request_ids)
    }
    plans: dict[int, list[SupportPlan]] = defaultdict(list)
    for p in SupportPlan.objects.filter(request_id__in=request_ids, status__in=IN_PLACE).order_by(
        "starts_on", "pk"
    ):
        plans[p.request_id].append(p)
    for child in children:
        if not by_child[child.pk]:
            continue  # no request open in the year: not in this census
        cd = child_details.get(child.pk)
        yield census.CensusChild(
            la_child_id=f"SF{child.pk}",
            name=f"{child.first_name} {child.last_name}",
            birth_date=child.date_of_birth,
            sex=cd.sex if cd else "U",
            ethnicity=cd.ethnicity if cd else codes.ETHNICITY_NOT_KNOWN,
            upn=child.upn,
            upn_unknown=(cd.upn_unknown if cd else "") or _derived_upn_unknown(child, year),
            disabilities=tuple(child.disability_codes),
            episodes=tuple(
                _episode(r, details.get(r.pk), assessments[r.pk], factors, plans[r.pk])
                for r in by_child[child.pk]
            ),
        )


def pre_export_problems(
    council: Council, year: int
) -> list[tuple[census.CensusChild, list[census.Problem]]]:
    """Every child with something to fix, with what to fix."""
    found = []
    for child in census_children(council, year):
        problems = census.problems(child, year)
        if problems:
            found.append((child, problems))
    return found
