"""The figures that matter to the parent carer forum, month by month, for one council.

Every count is made in the database, one query per chart, so the number of queries does not grow
with the number of families (tests/figures checks it). Each figure carries how many different
families it is made up from; `rules.smallfigures` holds back any made up from fewer than 5.
Only counts leave here: forum members never read a family's record, so the rows are counted for
the scope's council without `visible_to` (as `families.selectors.families_by_stage` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import (
    Avg,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from supportfirst.assessments.models import Assessment, AssessmentStatus
from supportfirst.complaints.models import ComplaintStage, Stage
from supportfirst.councils.scoping import Scope
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.kernel.months import MonthIndex
from supportfirst.pathway.models import (
    EnquiryOutcome,
    FamilyView,
    IntrusionRecord,
    MoveStatus,
    NextStepDecision,
    SafeguardingMove,
    SupportRequest,
)
from supportfirst.plans.models import PlannedService, PlanStatus, SupportPlan
from supportfirst.rules.smallfigures import SafeFigure, share
from supportfirst.training.models import Course, TrainingRecord

MONTHS_SHOWN = 12


@dataclass(frozen=True)
class Row:
    label: str  # the month, like "March 2026"
    cells: tuple[SafeFigure, ...]
    detail: str = ""  # what else the row is about: the criterion, for eligibility

    @property
    def drawn_label(self) -> str:
        return f"{self.label}: {self.detail}" if self.detail else self.label


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    about: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    detail: str = ""  # the heading of the rows' detail column, when they have one

    @property
    def any_suppressed(self) -> bool:
        return any(c.suppressed for r in self.rows for c in r.cells)


def months_shown(today: date, count: int = MONTHS_SHOWN) -> list[date]:
    """The first day of this month and the months before it, newest first."""
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return months


def _label(month: date) -> str:
    return f"{month:%B %Y}"


def _pair(
    *,
    family: str,
    cells: Mapping[str, Q | None],
) -> dict[str, Any]:
    """Count and families for each cell: {name: Count, name_f: distinct families}."""
    out: dict[str, Any] = {}
    for name, condition in cells.items():
        out[name] = Count("pk", filter=condition) if condition is not None else Count("pk")
        out[f"{name}_f"] = (
            Count(family, filter=condition, distinct=True)
            if condition is not None
            else Count(family, distinct=True)
        )
    return out


def _month_of(field: str, months: list[date], *, dates: bool = False) -> MonthIndex:
    """Which shown month a row falls in, as its place in `sorted(months)` (see `_first`): the
    database compares the stored values with each month's end, with no function called for
    each row (SQLite's month and time zone functions are Python's, row by row). Rows outside
    the months shown are left out by `_shown_only`."""
    return MonthIndex(field, [_edge(_next_month(first), dates) for first in sorted(months)])


def _first(months: list[date], place: int) -> date:
    """The first day of the month at `place` in `sorted(months)`."""
    return sorted(months)[place]


def _edge(day: date, dates: bool) -> date | datetime:
    return day if dates else timezone.make_aware(datetime.combine(day, time.min))


def _shown_only(
    rows: QuerySet[Any], field: str, months: list[date], *, dates: bool = False
) -> QuerySet[Any]:
    """The rows from the first moment of the oldest month shown to the end of the newest."""
    return rows.filter(
        **{
            f"{field}__gte": _edge(min(months), dates),
            f"{field}__lt": _edge(_next_month(max(months)), dates),
        }
    )


def _next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def _since_moment(months: list[date]) -> datetime:
    """The first moment of the earliest month shown, in the council's time zone."""
    return timezone.make_aware(datetime.combine(_since(months), time.min))


def _by_month(
    rows: QuerySet[Any],
    *,
    month_of: str,
    family: str,
    cells: Mapping[str, Q | None],
    months: list[date],
    dates: bool = False,
) -> dict[date, dict[str, int]]:
    found = (
        _shown_only(rows, month_of, months, dates=dates)
        .annotate(month=_month_of(month_of, months, dates=dates))
        .values("month")
        .annotate(**_pair(family=family, cells=cells))
        .order_by()
    )
    return {_first(months, r["month"]): r for r in found if r["month"] is not None}


def _rows(
    months: list[date], counted: dict[date, dict[str, int]], names: Iterable[str]
) -> tuple[Row, ...]:
    names = tuple(names)
    return tuple(
        Row(
            _label(m),
            tuple(
                SafeFigure(counted.get(m, {}).get(n) or 0, counted.get(m, {}).get(f"{n}_f") or 0)
                for n in names
            ),
        )
        for m in months
    )


def _since(months: list[date]) -> date:
    return months[-1]


def requests_chart(council_id: int, months: list[date]) -> Chart:
    # The request's own council column: no look-up of each request's family to count them.
    rows = SupportRequest.objects.filter(
        council_id=council_id, received_at__gte=_since_moment(months)
    )
    counted = _by_month(
        rows, month_of="received_at", family="family", cells={"all": None}, months=months
    )
    return Chart(
        "requests",
        "Requests for help",
        "Requests for help received, by the month they arrived.",
        ("Requests",),
        _rows(months, counted, ["all"]),
    )


def next_step_chart(council_id: int, months: list[date]) -> Chart:
    rows = NextStepDecision.objects.filter(
        family__council_id=council_id, decided_at__gte=_since_moment(months)
    )
    within = Q(decided_at__date__lte=F("request__next_step_due"))
    counted = _by_month(
        rows,
        month_of="decided_at",
        family="family",
        cells={"all": None, "within": within},
        months=months,
    )
    return Chart(
        "next-step",
        "Next-step decisions within 1 working day",
        "Decisions about the next step for a request, by the month decided, and how many were "
        "made within 1 working day of the request arriving.",
        ("Decisions", "Within 1 working day"),
        _rows(months, counted, ["all", "within"]),
    )


def _trained_on_the_day() -> Exists:
    return Exists(
        TrainingRecord.objects.filter(
            person_id=OuterRef("started_by_id"),
            course=Course.ASSESSMENT,
            completed_on__lte=OuterRef("authorised_day"),
            renew_by__gte=OuterRef("authorised_day"),
        )
    )


def assessments_chart(council_id: int, months: list[date]) -> Chart:
    rows = Assessment.objects.filter(
        family__council_id=council_id,
        status=AssessmentStatus.AUTHORISED,
        authorised_at__gte=_since_moment(months),
    ).annotate(authorised_day=TruncDate("authorised_at"))
    rows = rows.annotate(by_trained=_trained_on_the_day())
    counted = _by_month(
        rows,
        month_of="authorised_at",
        months=months,
        family="family",
        cells={
            "all": None,
            "within": Q(authorised_day__lte=F("request__assessment_due")),
            "trained": Q(by_trained=True),
        },
    )
    return Chart(
        "assessments",
        "Assessments within 45 working days, and by trained staff",
        "Needs assessments authorised, by the month authorised: how many were authorised within "
        "45 working days of the request arriving, and how many were done by a practitioner "
        "whose training with parent carers was in date.",
        ("Assessments", "Within 45 working days", "By trained staff"),
        _rows(months, counted, ["all", "within", "trained"]),
    )


def safeguarding_chart(council_id: int, months: list[date]) -> Chart:
    moves = SafeguardingMove.objects.filter(family__council_id=council_id)
    decided = _by_month(
        moves.filter(decided_at__gte=_since_moment(months)),
        month_of="decided_at",
        months=months,
        family="family",
        cells={
            "moved": Q(status=MoveStatus.APPROVED),
            "declined": Q(status=MoveStatus.DECLINED),
        },
    )
    returned = _by_month(
        moves.filter(outcome_at__gte=_since_moment(months)),
        month_of="outcome_at",
        months=months,
        family="family",
        cells={"returned": Q(outcome=EnquiryOutcome.NO_FURTHER_ACTION)},
    )
    counted = {m: {**decided.get(m, {}), **returned.get(m, {})} for m in months}
    return Chart(
        "safeguarding",
        "Moves to safeguarding and returns",
        "Moves to safeguarding a manager approved and proposals not approved (by the month "
        "decided), and returns to the support pathway after enquiries found no further action "
        "was needed (by the month recorded).",
        ("Moved to safeguarding", "Not approved", "Returned to the support pathway"),
        _rows(months, counted, ["moved", "declined", "returned"]),
    )


def intrusions_chart(council_id: int, months: list[date]) -> Chart:
    rows = IntrusionRecord.objects.filter(
        family__council_id=council_id, contact__happened_at__gte=_since_moment(months)
    )
    counted = _by_month(
        rows,
        month_of="contact__happened_at",
        months=months,
        family="family",
        cells={"all": None, "objected": Q(family_view=FamilyView.OBJECT)},
    )
    return Chart(
        "intrusions",
        "Intrusions recorded and objected to",
        "Visits and other steps into family life with a recorded reason, by the month of the "
        "contact, and how many the family objected to.",
        ("Recorded", "The family objected"),
        _rows(months, counted, ["all", "objected"]),
    )


def eligibility_chart(council_id: int, months: list[date]) -> Chart:
    """Needs that met or did not meet each criterion, in confirmed decisions by the month
    made. The practitioner's departures from the criteria's result count, as the family was
    told. The needs are inside each decision's stored result, so the rows are read in one
    query (only the month, the family and the two stored results) and counted here."""
    found = (
        EligibilityDecision.objects.filter(
            family__council_id=council_id,
            status=DecisionStatus.CONFIRMED,
            made_at__gte=_since_moment(months),
        )
        .filter(made_at__lt=_edge(_next_month(max(months)), False))
        .annotate(month=_month_of("made_at", months))
        .values_list("month", "family_id", "result", "departures")
    )
    counts: dict[tuple[date, str], dict[str, Any]] = {}
    for month, family_id, result, departures in found:
        for need in (result or {}).get("needs", []):
            departure = ((departures or {}).get("needs") or {}).get(need.get("need_id"))
            met = bool(departure["met"]) if isinstance(departure, dict) else bool(need["met"])
            cell = counts.setdefault(
                (_first(months, month), need.get("criterion_id") or "none"),
                {"met": 0, "not": 0, "met_f": set(), "not_f": set()},
            )
            key = "met" if met else "not"
            cell[key] += 1
            cell[f"{key}_f"].add(family_id)
    rows = tuple(
        Row(
            _label(month),
            (
                SafeFigure(cell["met"], len(cell["met_f"])),
                SafeFigure(cell["not"], len(cell["not_f"])),
            ),
            detail=criterion,
        )
        for (month, criterion), cell in sorted(
            counts.items(), key=lambda item: (-item[0][0].toordinal(), item[0][1])
        )
    )
    return Chart(
        "eligibility",
        "Eligibility outcomes by criterion",
        "Needs in confirmed eligibility decisions, by the month decided and the criterion they "
        "were weighed against: how many met it and how many did not.",
        ("Needs that met it", "Needs that did not"),
        rows,
        detail="Criterion",
    )


def plans_chart(council_id: int, months: list[date]) -> Chart:
    rows = SupportPlan.objects.filter(
        family__council_id=council_id,
        responded_at__gte=_since_moment(months),
        status__in=[PlanStatus.AGREED, PlanStatus.DISAGREED],
    )
    counted = _by_month(
        rows,
        month_of="responded_at",
        months=months,
        family="family",
        cells={
            "agreed": Q(status=PlanStatus.AGREED),
            "disagreed": Q(status=PlanStatus.DISAGREED),
        },
    )
    return Chart(
        "plans",
        "Plans agreed and disagreed",
        "Support plans the family answered, by the month they answered: agreed, or disagreed.",
        ("Agreed", "Disagreed"),
        _rows(months, counted, ["agreed", "disagreed"]),
    )


def complaints_chart(council_id: int, months: list[date]) -> Chart:
    rows = ComplaintStage.objects.filter(
        complaint__family__council_id=council_id, opened_on__gte=_since(months)
    )
    counted = _by_month(
        rows,
        month_of="opened_on",
        months=months,
        dates=True,
        family="complaint__family",
        cells={str(stage.value): Q(stage=stage) for stage in Stage},
    )
    return Chart(
        "complaints",
        "Complaints by stage",
        "Complaint stages opened, by the month they opened: stage 1 (local resolution), stage 2 "
        "(investigation) and stage 3 (review panel).",
        tuple(str(stage.label) for stage in Stage),
        _rows(months, counted, [str(stage.value) for stage in Stage]),
    )


def support_start_chart(council_id: int, months: list[date]) -> Chart:
    rows = PlannedService.objects.filter(
        family__council_id=council_id,
        started_on__isnull=False,
        started_on__gte=_since(months),
        started_on__lt=_next_month(max(months)),
    ).annotate(
        waited=ExpressionWrapper(
            F("started_on") - TruncDate("plan__request__received_at"),
            output_field=DurationField(),
        )
    )
    found = (
        rows.annotate(month=_month_of("started_on", months, dates=True))
        .values("month")
        .annotate(n=Count("pk"), f=Count("family", distinct=True), waited=Avg("waited"))
        .order_by()
    )
    counted: dict[date, dict[str, int]] = {}
    for r in found:
        waited = r["waited"]
        days = round(waited.total_seconds() / 86400) if waited is not None else 0
        counted[_first(months, r["month"])] = {
            "all": r["n"],
            "all_f": r["f"],
            "days": days,
            "days_f": r["f"],
        }
    return Chart(
        "support-start",
        "Time from request to support starting",
        "Services in agreed plans that started, by the month they started, and the average "
        "number of days from the request for help to the service starting.",
        ("Services started", "Average days from the request"),
        _rows(months, counted, ["all", "days"]),
    )


CHARTS: tuple[Callable[[int, list[date]], Chart], ...] = (
    requests_chart,
    next_step_chart,
    assessments_chart,
    safeguarding_chart,
    intrusions_chart,
    eligibility_chart,
    plans_chart,
    complaints_chart,
    support_start_chart,
)
KEYS = (
    "requests",
    "next-step",
    "assessments",
    "safeguarding",
    "intrusions",
    "eligibility",
    "plans",
    "complaints",
    "support-start",
)


@dataclass(frozen=True)
class TrainedShare:
    assessments: SafeFigure
    by_trained: SafeFigure
    percent: int | None


def trained_share(*, scope: Scope, today: date | None = None) -> TrainedShare:
    """Over the last 12 months: assessments authorised, how many were done by a practitioner
    whose training was in date that day, and the share (held back with small figures)."""
    months = months_shown(today or timezone.localdate())
    rows = (
        Assessment.objects.filter(
            family__council_id=scope.council_id,
            status=AssessmentStatus.AUTHORISED,
            authorised_at__gte=_since_moment(months),
        )
        .annotate(authorised_day=TruncDate("authorised_at"))
        .annotate(by_trained=_trained_on_the_day())
    )
    got = rows.aggregate(
        **_pair(family="family", cells={"all": None, "trained": Q(by_trained=True)})
    )
    whole = SafeFigure(got["all"] or 0, got["all_f"] or 0)
    part = SafeFigure(got["trained"] or 0, got["trained_f"] or 0)
    return TrainedShare(whole, part, share(part, whole))


def forum_figures(*, scope: Scope, today: date | None = None) -> list[Chart]:
    """Every chart for the scope's council, for the last 12 months."""
    months = months_shown(today or timezone.localdate())
    return [make(scope.council_id, months) for make in CHARTS]


def one_chart(*, scope: Scope, key: str, today: date | None = None) -> Chart | None:
    if key not in KEYS:
        return None
    months = months_shown(today or timezone.localdate())
    return CHARTS[KEYS.index(key)](scope.council_id, months)
