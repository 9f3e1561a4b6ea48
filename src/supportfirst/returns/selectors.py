"""Reading the records the returns are made from.

``census_children`` streams: it reads the council's children in batches (a fixed number of queries
per batch, whatever the batch holds), so memory stays flat however many children a council has.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Window
from django.db.models.functions import TruncDate
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
from supportfirst.returns.services import SOURCE_FROM_WHO_ASKED, default_referral_source
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
    child_seen_on: list[dt.date] = field(default_factory=list)


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
    rows = []
    for a in assessments:
        recorded = getattr(a, "census_factors", None)
        rows.append(
            AssessmentRow(
                a,
                list(recorded.factors) if recorded else [],
                recorded.seen_days if recorded else [],
            )
        )
    return RequestPage(request, details, rows)


def council_of(actor: Actor) -> Council:
    return Council.objects.get(pk=actor.scope.council_id)


def request_id_by_reference(*, actor: Actor, reference: str) -> int:
    request = get_visible_or_404(SupportRequest.objects.all(), actor.scope, reference=reference)
    return request.pk


def _open_between(start: dt.date, end: dt.date) -> Q:
    """Requests open at some point from ``start`` to ``end`` (both days included)."""
    received_by = dt.datetime.combine(
        end + dt.timedelta(days=1), dt.time(), timezone.get_current_timezone()
    )
    return Q(received_at__lt=received_by) & (
        Q(census_details__closed_on__isnull=True) | Q(census_details__closed_on__gte=start)
    )


def requests_open_between(
    council: Council, start: dt.date, end: dt.date
) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(family__council=council).filter(_open_between(start, end))


def census_requests(council: Council, year: int) -> QuerySet[SupportRequest]:
    """Requests open at some point in the collection year."""
    return requests_open_between(
        council, census.collection_start(year), census.reference_date(year)
    )


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
                reference=f"{request.reference}-A{a.pk}",
            )
            for a in assessments
        ),
        plans=tuple(
            census.CensusPlan(
                starts_on=p.starts_on, ends_on=closed_on, reference=f"{request.reference}-P{p.pk}"
            )
            for p in plans
        ),
    )


def census_children(council: Council, year: int) -> Iterator[census.CensusChild]:
    """Every child with a request open in the collection year, as plain census records."""
    return children_open_between(
        council, census.collection_start(year), census.reference_date(year)
    )


def children_open_between(
    council: Council, start: dt.date, end: dt.date
) -> Iterator[census.CensusChild]:
    """Every child with a request open at some point from ``start`` to ``end``, with those
    requests, as plain census records (the census and the Department's data feed read these).

    Reads the council's children in batches by key (never an offset, never a subquery over the
    whole council per batch), so each batch costs the same few queries and the whole return is
    one pass."""
    requests = requests_open_between(council, start, end)
    children = Child.objects.filter(family__council=council).order_by("pk")
    last = 0
    while True:
        batch = list(children.filter(pk__gt=last)[:BATCH])
        if not batch:
            return
        last = batch[-1].pk
        yield from _batch(batch, requests, end)


def _derived_upn_unknown(child: Child, on: dt.date) -> str:
    """A child under 6 on the return's date with no number: "under 6 and not in school"."""
    if child.upn or child.age_on(on) >= 6:
        return ""
    return "UN6"


def _batch(
    children: list[Child], requests: QuerySet[SupportRequest], on: dt.date
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
            continue  # no request open in the period: not in this return
        cd = child_details.get(child.pk)
        yield census.CensusChild(
            la_child_id=f"SF{child.pk}",
            name=f"{child.first_name} {child.last_name}",
            birth_date=child.date_of_birth,
            sex=cd.sex if cd else "U",
            ethnicity=cd.ethnicity if cd else codes.ETHNICITY_NOT_KNOWN,
            upn=child.upn,
            upn_unknown=(cd.upn_unknown if cd else "") or _derived_upn_unknown(child, on),
            disabilities=tuple(child.disability_codes),
            episodes=tuple(
                _episode(r, details.get(r.pk), assessments[r.pk], factors, plans[r.pk])
                for r in by_child[child.pk]
            ),
        )


@dataclass(frozen=True)
class ToFix:
    """One thing to put right before the census is sent: whose, what, and on which page."""

    child_name: str
    what: str
    child_id: int
    request_id: int | None = None


#: The most things to fix one page lists (the count above it is always the full one).
TO_FIX_LIMIT = 100


def census_to_fix(council: Council, year: int) -> tuple[list[ToFix], int]:
    """What a worker can put right on the returns pages, found by the database: a fixed number
    of queries however many children the council has (the page must stay fast at full size).
    The export's own check (`cin_census.problems`) reads every child and catches the rest."""
    requests = census_requests(council, year)
    aged_six = dt.date(year - 6, 3, 31)  # born on or before: 6 or over on the census date
    no_number = (
        Child.objects.filter(
            pk__in=requests.values("child_id"), upn="", date_of_birth__lte=aged_six
        )
        .exclude(census_details__upn_unknown__gt="")
        .order_by("first_name", "last_name", "pk")
    )
    no_source = (
        requests.exclude(who_asked__in=list(SOURCE_FROM_WHO_ASKED))
        .filter(Q(census_details__isnull=True) | Q(census_details__referral_source=""))
        .select_related("child")
        .order_by("child__first_name", "child__last_name", "pk")
    )
    closed_early = (
        requests.filter(census_details__closed_on__lt=TruncDate("received_at"))
        .select_related("child")
        .order_by("child__first_name", "child__last_name", "pk")
    )
    no_factors = (
        Assessment.objects.filter(
            request__in=requests,
            kind=Kind.CHILD,
            status=AssessmentStatus.AUTHORISED,
            census_factors__isnull=True,
        )
        .select_related("child", "request")
        .order_by("child__first_name", "child__last_name", "pk")
    )
    found: list[ToFix] = []
    total = 0
    for rows, make in (
        (
            no_number,
            lambda c: ToFix(
                _name(c), "Record the unique pupil number, or why there is none.", c.pk
            ),
        ),
        (
            no_source,
            lambda r: ToFix(
                _name(r.child),
                f"Request for help {r.reference}: who made the request is not recorded.",
                r.child_id,
                r.pk,
            ),
        ),
        (
            closed_early,
            lambda r: ToFix(
                _name(r.child),
                f"Request for help {r.reference}: it was closed before the request was received.",
                r.child_id,
                r.pk,
            ),
        ),
        (
            no_factors,
            lambda a: ToFix(
                _name(a.child),
                f"Request for help {a.request.reference}: the factors its authorised assessment "
                "found are not recorded.",
                a.child_id,
                a.request_id,
            ),
        ),
    ):
        room = TO_FIX_LIMIT - len(found)
        if room <= 0:
            total += rows.count()
            continue
        # The first rows and how many there are in all, in one query (a window count).
        first = list(rows.annotate(in_all=Window(Count("pk")))[:room])
        total += first[0].in_all if first else 0
        found.extend(make(row) for row in first)
    found.sort(key=lambda f: (f.child_name, f.child_id))
    return found, total


def _name(child: Child) -> str:
    return f"{child.first_name} {child.last_name}"
