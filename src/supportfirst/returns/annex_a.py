"""Ofsted's Annex A lists from the council's records, for a period: reading them (council-level,
never through a family's record page), counting them, writing them and logging their download.

Which records make each list (the writer, ``rules/returns/annex_a.py``, says why):

- List 1 and List 3: requests for help received in the period.
- List 4: children's needs assessments started or authorised in the period.
- List 6: requests open at some time in the period (received by its last day, and not closed
  before its first), as the census chooses them, whatever their status today.

Each list is read in batches by key, a fixed number of queries per batch whatever it holds, so a
download's cost grows with the rows it writes and the page's counts are one query per list.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models import Assessment
from supportfirst.assessments.models.assessment import AssessmentStatus
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, append_event
from supportfirst.councils.models import Council
from supportfirst.families.models import Child, Family
from supportfirst.pathway.models import RequestStatus, SupportRequest
from supportfirst.plans.models import IN_PLACE, SupportPlan
from supportfirst.returns.models import (
    AssessmentCensusFactors,
    ChildCensusDetails,
    RequestCensusDetails,
    seen_days,
)
from supportfirst.returns.selectors import requests_open_between
from supportfirst.returns.services import default_referral_source
from supportfirst.rules.returns import annex_a as annex
from supportfirst.rules.returns import codes

BATCH = 500
WORKER = "family__allocated_worker__membership__team"

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def received_from(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), timezone.get_current_timezone())

    @property
    def received_before(self) -> dt.datetime:
        """The first moment after the period's last day."""
        return dt.datetime.combine(
            self.end + dt.timedelta(days=1), dt.time(), timezone.get_current_timezone()
        )


def received_in(council: Council, period: Period) -> QuerySet[SupportRequest]:
    """Lists 1 and 3: requests for help received in the period."""
    return SupportRequest.objects.filter(
        family__council=council,
        received_at__gte=period.received_from,
        received_at__lt=period.received_before,
    )


def assessments_in(council: Council, period: Period) -> QuerySet[Assessment]:
    """List 4: children's needs assessments started or authorised in the period."""
    return Assessment.objects.filter(family__council=council, kind=Kind.CHILD).filter(
        Q(started_on__gte=period.start, started_on__lte=period.end)
        | Q(
            authorised_at__gte=period.received_from,
            authorised_at__lt=period.received_before,
        )
    )


def in_need_in(council: Council, period: Period) -> QuerySet[SupportRequest]:
    """List 6: requests open at some time in the period (received by its last day, not closed
    before its first), chosen as the census chooses its requests. Today's status plays no part:
    a request moved to safeguarding after the period was a child in need during it."""
    return requests_open_between(council, period.start, period.end)


def counts(council: Council, period: Period) -> dict[int, int]:
    """The rows in each list: one query per list, whatever the council's size."""
    received = received_in(council, period).count()
    return {
        1: received,
        3: received,
        4: assessments_in(council, period).count(),
        6: in_need_in(council, period).count(),
    }


def _batches(rows: QuerySet[M]) -> Iterator[list[M]]:
    last = 0
    while True:
        batch = list(rows.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            return
        last = batch[-1].pk
        yield batch


def _people(children: Iterable[Child]) -> dict[int, annex.AnnexChild]:
    children = list(children)
    details = {
        d.child_id: d
        for d in ChildCensusDetails.objects.filter(child_id__in=[c.pk for c in children])
    }
    people = {}
    for child in children:
        d = details.get(child.pk)
        people[child.pk] = annex.AnnexChild(
            child_id=f"SF{child.pk}",
            sex=d.sex if d else "U",
            ethnicity=d.ethnicity if d else codes.ETHNICITY_NOT_KNOWN,
            birth_date=child.date_of_birth,
            disabled=any(code != codes.NO_DISABILITY for code in child.disability_codes),
        )
    return people


def _allocated(family: Family) -> annex.Allocated:
    worker = family.allocated_worker
    if worker is None:
        return annex.Allocated()
    membership = getattr(worker, "membership", None)
    team = membership.team.name if membership is not None and membership.team else ""
    return annex.Allocated(team=team, worker=str(worker))


def _request_details(requests: list[SupportRequest]) -> dict[int, RequestCensusDetails]:
    return {
        d.request_id: d
        for d in RequestCensusDetails.objects.filter(request_id__in=[r.pk for r in requests])
    }


def _source(request: SupportRequest, details: RequestCensusDetails | None) -> str:
    return (details.referral_source if details else "") or default_referral_source(request)


def contacts(council: Council, period: Period) -> Iterator[annex.Contact]:
    rows = received_in(council, period).select_related("child")
    for batch in _batches(rows):
        people = _people(r.child for r in batch)
        details = _request_details(batch)
        for r in batch:
            yield annex.Contact(
                people[r.child_id], timezone.localdate(r.received_at), _source(r, details.get(r.pk))
            )


def _a_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _earlier_referrals(batch: list[SupportRequest]) -> dict[int, int]:
    """How many requests each child's request had in the 12 months before it."""
    earliest = min(r.received_at for r in batch) - dt.timedelta(days=366)
    latest = max(r.received_at for r in batch)
    received: dict[int, list[dt.datetime]] = defaultdict(list)
    for child_id, at in SupportRequest.objects.filter(
        child_id__in={r.child_id for r in batch},
        received_at__gte=earliest,
        received_at__lt=latest,
    ).values_list("child_id", "received_at"):
        received[child_id].append(at)
    found = {}
    for r in batch:
        since = _a_year_before(timezone.localdate(r.received_at))
        found[r.pk] = sum(
            1
            for at in received[r.child_id]
            if at < r.received_at and timezone.localdate(at) >= since
        )
    return found


def referrals(council: Council, period: Period) -> Iterator[annex.Referral]:
    rows = received_in(council, period).select_related("child", WORKER)
    for batch in _batches(rows):
        people = _people(r.child for r in batch)
        details = _request_details(batch)
        earlier = _earlier_referrals(batch)
        for r in batch:
            yield annex.Referral(
                people[r.child_id],
                timezone.localdate(r.received_at),
                _source(r, details.get(r.pk)),
                no_further_action=r.status == RequestStatus.INFORMATION_GIVEN,
                referrals_in_last_12_months=earlier[r.pk],
                allocated=_allocated(r.family),
            )


def assessments(council: Council, period: Period) -> Iterator[annex.Assessment]:
    rows = assessments_in(council, period).select_related("child", WORKER)
    for batch in _batches(rows):
        people = _people(a.child for a in batch)
        planned = set(
            SupportPlan.objects.filter(request_id__in={a.request_id for a in batch}).values_list(
                "request_id", flat=True
            )
        )
        # Seen during the assessment: a day recorded by the period's last day.
        seen = {
            assessment_id
            for assessment_id, days in AssessmentCensusFactors.objects.filter(
                assessment__in=batch
            ).values_list("assessment_id", "child_seen_on")
            if any(day <= period.end for day in seen_days(days))
        }
        for a in batch:
            authorised = a.status == AssessmentStatus.AUTHORISED and a.authorised_at is not None
            yield annex.Assessment(
                people[a.child_id],
                a.started_on,
                timezone.localdate(a.authorised_at) if authorised and a.authorised_at else None,
                child_seen=True if a.pk in seen else None,
                needs_support=(a.request_id in planned) if authorised else None,
                allocated=_allocated(a.family),
            )


def children_in_need(council: Council, period: Period) -> Iterator[annex.ChildInNeed]:
    rows = in_need_in(council, period).select_related("child", WORKER)
    for batch in _batches(rows):
        people = _people(r.child for r in batch)
        details = _request_details(batch)
        planned = set(
            SupportPlan.objects.filter(
                request_id__in=[r.pk for r in batch], status__in=IN_PLACE
            ).values_list("request_id", flat=True)
        )
        last_seen = _last_seen(batch, period.end)
        for r in batch:
            d = details.get(r.pk)
            yield annex.ChildInNeed(
                people[r.child_id],
                timezone.localdate(r.received_at),
                d.primary_need if d else codes.PRIMARY_NEED_DEFAULT,
                last_seen=last_seen.get(r.pk),
                closed_on=d.closed_on if d else None,
                closure_reason=d.closure_reason if d else "",
                has_plan=r.pk in planned,
                allocated=_allocated(r.family),
            )


def _last_seen(batch: list[SupportRequest], end: dt.date) -> dict[int, dt.date]:
    """The last day, up to the end of the period, a worker met each request's child during an
    assessment of their needs."""
    found: dict[int, dt.date] = {}
    for request_id, days in AssessmentCensusFactors.objects.filter(
        assessment__request_id__in=[r.pk for r in batch], assessment__kind=Kind.CHILD
    ).values_list("assessment__request_id", "child_seen_on"):
        for day in seen_days(days):
            if day <= end and day > found.get(request_id, dt.date.min):
                found[request_id] = day
    return found


#: Each list's records, by list number.
RECORDS: dict[int, Callable[[Council, Period], Iterator[Any]]] = {
    1: contacts,
    3: referrals,
    4: assessments,
    6: children_in_need,
}


def csv_chunks(council: Council, period: Period, number: int) -> Iterator[str]:
    return annex.write_csv(annex.BY_NUMBER[number], RECORDS[number](council, period), period.end)


def write_workbook(council: Council, period: Period, target: str | IO[bytes]) -> dict[int, int]:
    return annex.write_xlsx(
        target,
        ((lst, RECORDS[lst.number](council, period)) for lst in annex.LISTS),
        period.end,
    )


def filename(council: Council, period: Period, number: int | None = None) -> str:
    base = f"annex-a-{council.la_code}-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}"
    return f"{base}-list-{number}.csv" if number else f"{base}.xlsx"


def log_download(*, actor: Actor, period: Period, what: str) -> None:
    """Annex A names children: each download is in the council's access log."""
    append_event(
        actor_id=actor.scope.user_id,
        actor_username=actor.user.get_username(),
        role=actor.scope.role,
        council_id=actor.scope.council_id,
        family_id=None,
        record_type="return",
        record_id=f"annex-a:{period.start:%Y-%m-%d}:{period.end:%Y-%m-%d}:{what}",
        action=Action.DOWNLOAD,
        request_id=actor.request_id,
    )
