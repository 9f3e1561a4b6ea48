"""The managers' and data team's dashboard: the council's figures month by month, for a date
range and (where a record has one) a team.

Every figure is counted by the database: one grouped query (the month by `MonthIndex`, then
Count with a filter for each column) per figure, or per date a figure is counted by, so the
number of queries is the same for ten families or ten thousand and no row is read into Python. Only
counts leave here. The data team never opens a family's record, so rows are counted for the
council (``family__council_id``, or a request's own ``council_id``) without ``visible_to``, as
the census check does.

A record's team is the team of the family's named worker (a move to safeguarding keeps the
team it was decided in). The survey's answers hold no family, so they have no team; a month
with fewer than SMALLEST_FIGURE answers is held back, as the survey's own page does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateField,
    DateTimeField,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models import Assessment, AssessmentStatus
from supportfirst.assessments.models.assessment import CLOCK_RUNNING
from supportfirst.complaints.models import ComplaintStage, Stage
from supportfirst.councils.models import Team
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.feedback.models import SurveyAnswer
from supportfirst.kernel.months import MonthIndex
from supportfirst.pathway.models import (
    EnquiryOutcome,
    MoveStatus,
    RequestStatus,
    SafeguardingMove,
    SupportRequest,
)
from supportfirst.plans.models import PlannedService, PlanStatus, SupportPlan
from supportfirst.rules.smallfigures import SMALLEST_FIGURE

TEAM_OF_FAMILY = "family__allocated_worker__membership__team_id"
NO_TEAM = "No team filter"
Cell = int | None
"""A figure, or None when it is held back (a small count from the anonymous survey)."""


@dataclass(frozen=True)
class Filters:
    start: dt.date
    end: dt.date
    team_id: int | None = None

    def months(self) -> list[dt.date]:
        """The first day of each month in the range, oldest first."""
        month = self.start.replace(day=1)
        out = []
        while month <= self.end:
            out.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return out

    def moment(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), timezone.get_current_timezone())

    def between(self, field: str) -> Q:
        """A date-and-time field inside the range (whole days, in the council's time)."""
        return Q(
            **{
                f"{field}__gte": self.moment(self.start),
                f"{field}__lt": self.moment(self.end + dt.timedelta(days=1)),
            }
        )

    def on_days(self, field: str) -> Q:
        """A date field inside the range."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lte": self.end})

    def team(self, path: str = TEAM_OF_FAMILY) -> Q:
        return Q(**{path: self.team_id}) if self.team_id is not None else Q()


@dataclass(frozen=True)
class Figure:
    """One figure: a chart, the table beside it and its CSV file."""

    key: str
    title: str
    about: str
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    by_team: bool = True
    """False when the figure cannot be split by team (the survey)."""

    @property
    def any_held_back(self) -> bool:
        return any(cell is None for _, cells in self.rows for cell in cells)

    @property
    def labels(self) -> list[str]:
        return [label for label, _ in self.rows]

    def column(self, index: int) -> tuple[Cell, ...]:
        return tuple(cells[index] for _, cells in self.rows)


def _label(month: dt.date) -> str:
    return f"{month:%B %Y}"


def _month_of(field: str, filters: Filters, *, at: bool) -> MonthIndex:
    ends = [(m + dt.timedelta(days=32)).replace(day=1) for m in filters.months()]
    return MonthIndex(field, [filters.moment(end) for end in ends] if at else ends)


def _by_month(
    rows: QuerySet[Any],
    field: str,
    cells: Mapping[str, Q | None],
    filters: Filters,
    *,
    at: bool = False,
) -> dict[dt.date, dict[str, int]]:
    """One query: the rows (already inside the range) grouped by month, each cell counted with
    its own condition."""
    counts = {
        name: Count("pk", filter=condition) if condition is not None else Count("pk")
        for name, condition in cells.items()
    }
    found = (
        rows.annotate(dash_month=_month_of(field, filters, at=at))
        .values("dash_month")
        .annotate(**counts)
        .order_by()
    )
    months = filters.months()
    return {months[r["dash_month"]]: r for r in found if r["dash_month"] is not None}


def _monthly(
    filters: Filters, counted: Mapping[dt.date, Mapping[str, int]], names: tuple[str, ...]
) -> tuple[tuple[str, tuple[Cell, ...]], ...]:
    return tuple(
        (_label(m), tuple(int(counted.get(m, {}).get(n) or 0) for n in names))
        for m in filters.months()
    )


# What came in and what was decided.


def requests(council_id: int, filters: Filters, today: dt.date) -> Figure:
    # The request's own council column: no look-up of each request's family to count them.
    rows = SupportRequest.objects.filter(
        filters.between("received_at"), filters.team(), council_id=council_id
    )
    counted = _by_month(rows, "received_at", {"all": None}, filters, at=True)
    return Figure(
        "requests",
        "Requests for help",
        "Requests for help received, by the month they arrived.",
        "Month",
        ("Requests received",),
        _monthly(filters, counted, ("all",)),
    )


def safeguarding(council_id: int, filters: Filters, today: dt.date) -> Figure:
    moves = SafeguardingMove.objects.filter(filters.team("team_id"), family__council_id=council_id)
    proposed = _by_month(
        moves.filter(filters.between("proposed_at")), "proposed_at", {"n": None}, filters, at=True
    )
    decided = _by_month(
        moves.filter(filters.between("decided_at")),
        "decided_at",
        {"moved": Q(status=MoveStatus.APPROVED), "declined": Q(status=MoveStatus.DECLINED)},
        filters,
        at=True,
    )
    returned = _by_month(
        moves.filter(filters.between("outcome_at")),
        "outcome_at",
        {"returned": Q(outcome=EnquiryOutcome.NO_FURTHER_ACTION)},
        filters,
        at=True,
    )
    counted = {
        m: {**proposed.get(m, {}), **decided.get(m, {}), **returned.get(m, {})}
        for m in filters.months()
    }
    return Figure(
        "safeguarding",
        "Moves to safeguarding",
        "Moves to safeguarding proposed (by the month proposed); moves a manager approved and "
        "proposals not approved (by the month decided); and returns to the support pathway "
        "after enquiries found no further action was needed (by the month recorded). The team "
        "is the one the move was decided in.",
        "Month",
        ("Proposed", "Moved to safeguarding", "Not approved", "Returned to the support pathway"),
        _monthly(filters, counted, ("n", "moved", "declined", "returned")),
    )


def eligibility(council_id: int, filters: Filters, today: dt.date) -> Figure:
    rows = EligibilityDecision.objects.filter(
        filters.between("confirmed_at"),
        filters.team(),
        family__council_id=council_id,
        status=DecisionStatus.CONFIRMED,
    )
    counted = _by_month(
        rows,
        "confirmed_at",
        {"all": None, "eligible": Q(result__eligible=True), "not": ~Q(result__eligible=True)},
        filters,
        at=True,
    )
    return Figure(
        "eligibility",
        "Eligibility outcomes",
        "Eligibility decisions a manager confirmed, by the month confirmed: how many found "
        "needs the council will meet under its published criteria, and how many found none.",
        "Month",
        ("Decisions confirmed", "Needs eligible", "No needs eligible"),
        _monthly(filters, counted, ("all", "eligible", "not")),
    )


def plans(council_id: int, filters: Filters, today: dt.date) -> Figure:
    rows = SupportPlan.objects.filter(filters.team(), family__council_id=council_id)
    shared = _by_month(
        rows.filter(filters.between("shared_at")), "shared_at", {"shared": None}, filters, at=True
    )
    answered = _by_month(
        rows.filter(filters.between("responded_at")),
        "responded_at",
        {"agreed": Q(status=PlanStatus.AGREED), "disagreed": Q(status=PlanStatus.DISAGREED)},
        filters,
        at=True,
    )
    counted = {m: {**shared.get(m, {}), **answered.get(m, {})} for m in filters.months()}
    return Figure(
        "plans",
        "Support plans",
        "Support plans shared with the family (by the month shared), and the family's answer "
        "(by the month they answered): agreed, or disagreed.",
        "Month",
        ("Shared with the family", "Agreed", "Disagreed"),
        _monthly(filters, counted, ("shared", "agreed", "disagreed")),
    )


def complaints(council_id: int, filters: Filters, today: dt.date) -> Figure:
    rows = ComplaintStage.objects.filter(
        filters.on_days("opened_on"), filters.team(), family__council_id=council_id
    )
    names = tuple(f"s{stage.value}" for stage in Stage)
    counted = _by_month(
        rows, "opened_on", {f"s{stage.value}": Q(stage=stage) for stage in Stage}, filters
    )
    return Figure(
        "complaints",
        "Complaints",
        "Complaint stages opened, by the month they opened: stage 1 (local resolution), "
        "stage 2 (investigation) and stage 3 (review panel).",
        "Month",
        tuple(str(stage.label) for stage in Stage),
        _monthly(filters, counted, names),
    )


SURVEY_GOOD = {
    "listened": ("4", "5"),
    "respected": ("4", "5"),
    "blamed": ("1", "2"),
    "understood": ("4", "5"),
}


def survey(council_id: int, filters: Filters, today: dt.date) -> Figure:
    # An answer holds only the first day of its month: a range starting mid-month counts it.
    rows = SurveyAnswer.objects.filter(
        council_id=council_id, month__gte=filters.start.replace(day=1), month__lte=filters.end
    )
    cells: dict[str, Q | None] = {"all": None}
    cells |= {key: Q(**{f"{key}__in": good}) for key, good in SURVEY_GOOD.items()}
    counted = _by_month(rows, "month", cells, filters)
    names = ("all", *SURVEY_GOOD)
    out: list[tuple[str, tuple[Cell, ...]]] = []
    for month in filters.months():
        got = counted.get(month, {})
        answers = int(got.get("all") or 0)
        if 0 < answers < SMALLEST_FIGURE:
            out.append((_label(month), tuple(None for _ in names)))
        else:
            out.append((_label(month), tuple(int(got.get(n) or 0) for n in names)))
    return Figure(
        "survey",
        "Survey: how it felt",
        "Answers to the anonymous survey families are asked after each stage, by the month "
        "answered: how many answered, and how many said they felt listened to (mostly or "
        "completely), felt respected (mostly or completely), did not feel blamed (not at all or "
        "a little) and understood the decision (mostly or completely). The answers hold no "
        "family, so they are not split by team.",
        "Month",
        (
            "Answers",
            "Felt listened to",
            "Felt respected",
            "Did not feel blamed",
            "Understood the decision",
        ),
        tuple(out),
        by_team=False,
    )


# Timeliness: each clock, met in time or late, by the month it was due.


@dataclass(frozen=True)
class Clock:
    key: str
    name: str
    about: str
    rows: Callable[[int], QuerySet[Any]]
    due: str | Expression
    done_at: str | Expression | Subquery
    """When it was done: a date, or a date and time (then `moment` is True)."""
    moment: bool = True
    team: str = TEAM_OF_FAMILY

    @property
    def done_on(self) -> Any:
        """The day it was done, in the council's time zone."""
        done = F(self.done_at) if isinstance(self.done_at, str) else self.done_at
        return TruncDate(done) if self.moment else done


def _first(rows: QuerySet[Any], field: str) -> Subquery:
    return Subquery(rows.order_by(field).values(field)[:1], output_field=DateTimeField())


CLOCKS: tuple[Clock, ...] = (
    Clock(
        "next-step",
        "Next-step decision",
        "a request's next-step decision, due 1 working day after it arrived",
        lambda council_id: SupportRequest.objects.filter(council_id=council_id),
        "next_step_due",
        "next_step_decision__decided_at",
    ),
    Clock(
        "assessment",
        "Needs assessment",
        "each needs assessment authorised, due 45 working days after the request arrived",
        lambda council_id: Assessment.objects.filter(family__council_id=council_id),
        "request__assessment_due",
        "authorised_at",
    ),
    Clock(
        "decision",
        "Eligibility decision",
        "the eligibility decision confirmed after a child's assessment is authorised, due the "
        "council's working days after authorisation",
        lambda council_id: Assessment.objects.filter(
            family__council_id=council_id, kind=Kind.CHILD, decision_due__isnull=False
        ),
        "decision_due",
        _first(
            EligibilityDecision.objects.filter(
                assessment_id=OuterRef("pk"), status=DecisionStatus.CONFIRMED
            ),
            "confirmed_at",
        ),
    ),
    Clock(
        "plan",
        "Support plan shared",
        "the support plan shared with the family after a confirmed decision, due the council's "
        "working days after the decision",
        lambda council_id: EligibilityDecision.objects.filter(
            family__council_id=council_id, status=DecisionStatus.CONFIRMED, plan_due__isnull=False
        ),
        "plan_due",
        _first(
            SupportPlan.objects.filter(
                request_id=OuterRef("assessment__request_id"), shared_at__isnull=False
            ),
            "shared_at",
        ),
    ),
    Clock(
        "service-start",
        "Service starting",
        "each service in an agreed plan starting, due the council's working days after the "
        "family agreed (or the start date in the plan, if later)",
        lambda council_id: PlannedService.objects.filter(
            family__council_id=council_id, start_due__isnull=False
        ),
        "start_due",
        "started_on",
        moment=False,
    ),
    Clock(
        "complaint",
        "Complaint response",
        "the response at each complaint stage, due on its statutory date (or the date it was "
        "extended to)",
        lambda council_id: ComplaintStage.objects.filter(family__council_id=council_id),
        Coalesce("extended_to", "due_on"),
        "response_on",
        moment=False,
    ),
)
TIMELINESS_COLUMNS = ("Met in time", "Late", "Not done yet and overdue")


def _clock_rows(
    clock: Clock, council_id: int, filters: Filters, today: dt.date, *, in_range: bool = True
) -> QuerySet[Any]:
    due = F(clock.due) if isinstance(clock.due, str) else clock.due
    done_at = F(clock.done_at) if isinstance(clock.done_at, str) else clock.done_at
    rows = (
        clock.rows(council_id)
        .filter(filters.team(clock.team))
        .annotate(dash_due=_as_date(due), dash_done_at=done_at, dash_done=_as_date(clock.done_on))
    )
    return rows.filter(dash_due__gte=filters.start, dash_due__lte=filters.end) if in_range else rows


def _as_date(expression: Any) -> ExpressionWrapper:
    """An expression whose value is a date, for grouping and comparing."""
    return ExpressionWrapper(expression, output_field=DateField())


def timeliness(
    clock: Clock,
    council_id: int,
    filters: Filters,
    today: dt.date,
    counted: Mapping[dt.date, Mapping[str, int]] | None = None,
) -> Figure:
    if counted is None:
        counted, _ = _clock_counts(clock, council_id, filters, today)
    return Figure(
        f"clock-{clock.key}",
        f"On time: {clock.name.lower()}",
        f"The clock for {clock.about}, by the month it was due: done by the date it was due, "
        "done after it, or not done yet and past it.",
        "Month due",
        TIMELINESS_COLUMNS,
        _monthly(filters, counted, ("met", "late", "overdue")),
    )


def _clock_counts(
    clock: Clock,
    council_id: int,
    filters: Filters,
    today: dt.date,
    also: Mapping[str, Any] | None = None,
) -> tuple[dict[dt.date, dict[str, int]], dict[str, int]]:
    """One query: the clock's figures by the month due and, when asked (`also`: aggregates by
    name), figures over every row of the clock's records whatever the range (what is waiting
    now), so that a table is read once for both."""
    rows = _clock_rows(clock, council_id, filters, today, in_range=also is None)
    month: Any = _month_of("dash_due", filters, at=False)
    # With `also`, every row is read: the clock's own cells count only those in the range.
    in_range = filters.on_days("dash_due") if also is not None else Q()
    if also is not None:  # outside the range: no month, but still counted for `also`
        month = Case(When(in_range, then=month), default=Value(None), output_field=IntegerField())
    done = in_range & Q(dash_done_at__isnull=False)
    cells = {
        "done": Count("pk", filter=done),
        # Only for what was done in the range: the day is not worked out for the rest (on
        # SQLite that is a call into Python); everything else by plain comparisons.
        "met": Count("pk", filter=done & Q(dash_done__lte=F("dash_due"))),
        "overdue": Count("pk", filter=in_range & Q(dash_done_at__isnull=True, dash_due__lt=today)),
        **(also or {}),
    }
    found = rows.annotate(dash_month=month).values("dash_month").annotate(**cells).order_by()
    months = filters.months()
    counted: dict[dt.date, dict[str, int]] = {}
    totals = dict.fromkeys(also or {}, 0)
    for row in found:
        for name in totals:
            totals[name] += int(row[name] or 0)
        if row["dash_month"] is not None:
            # "Late" is what was done less what was done in time.
            row["late"] = row["done"] - row["met"]
            counted[months[row["dash_month"]]] = row
    return counted, totals


def timeliness_summary(figures: list[Figure]) -> Figure:
    """The clocks side by side: each one's totals over the range (worked out from the monthly
    figures already counted, so no more queries)."""
    rows = []
    for figure in figures:
        totals = tuple(
            sum(c or 0 for c in figure.column(i)) for i in range(len(TIMELINESS_COLUMNS))
        )
        rows.append((figure.title.removeprefix("On time: ").capitalize(), totals))
    return Figure(
        "timeliness",
        "Timeliness at each clock",
        "For each statutory clock, over the whole date range: how many were done by the date "
        "they were due, how many after it, and how many are not done yet and past it.",
        "Clock",
        TIMELINESS_COLUMNS,
        tuple(rows),
    )


# The waiting list now.


def _step_counts(steps: Mapping[str, tuple[Q, str]], today: dt.date) -> dict[str, Any]:
    """For each step (a condition and its due date): how many, and how many late."""
    counts: dict[str, Any] = {}
    for i, (condition, due) in enumerate(steps.values()):
        counts[f"n{i}"] = Count("pk", filter=condition)
        counts[f"n{i}_late"] = Count("pk", filter=condition & Q(**{f"{due}__lt": today}))
    return counts


def _read_steps(steps: Mapping[str, Any], got: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    return {
        name: (int(got[f"n{i}"] or 0), int(got[f"n{i}_late"] or 0)) for i, name in enumerate(steps)
    }


def _counts(
    rows: QuerySet[Any], steps: Mapping[str, tuple[Q, str]], today: dt.date
) -> dict[str, Any]:
    """One query: for each step (a condition and its due date), how many and how many late."""
    return _read_steps(steps, rows.aggregate(**_step_counts(steps, today)))


# A request's steps while it waits (the requests' own part of "Waiting now").
REQUEST_STEPS: dict[str, tuple[Q, str]] = {
    "Next-step decision": (Q(status=RequestStatus.AWAITING_DECISION), "next_step_due"),
    "A named worker": (
        Q(
            status__in=(RequestStatus.AWAITING_DECISION, RequestStatus.SUPPORT_PATHWAY),
            family__allocated_worker__isnull=True,
        ),
        "next_step_due",
    ),
}


def waiting_now(
    council_id: int,
    filters: Filters,
    today: dt.date,
    requests: Mapping[str, tuple[int, int]] | None = None,
) -> Figure:
    """What is waiting today, whatever the date range: at each step, how many, and how many are
    past their date. One query for each kind of record (four in all; three when the requests'
    steps were counted with the next-step clock, `requests`)."""
    team = filters.team()
    if requests is None:
        requests = _counts(
            SupportRequest.objects.filter(team, council_id=council_id), REQUEST_STEPS, today
        )
    got = dict(requests)
    decided = Exists(
        EligibilityDecision.objects.filter(
            assessment_id=OuterRef("pk"), status=DecisionStatus.CONFIRMED
        )
    )
    got |= _counts(
        Assessment.objects.filter(team, family__council_id=council_id),
        {
            "Needs assessment": (Q(status__in=CLOCK_RUNNING), "request__assessment_due"),
            "Eligibility decision": (
                Q(kind=Kind.CHILD, status=AssessmentStatus.AUTHORISED, authorised_at__isnull=False)
                & ~Q(decided),
                "decision_due",
            ),
        },
        today,
    )
    shared = Exists(
        SupportPlan.objects.filter(
            request_id=OuterRef("assessment__request_id"), shared_at__isnull=False
        )
    )
    got |= _counts(
        EligibilityDecision.objects.filter(
            team,
            family__council_id=council_id,
            status=DecisionStatus.CONFIRMED,
            confirmed_at__isnull=False,
        ),
        {"Support plan shared": (~Q(shared), "plan_due")},
        today,
    )
    got |= _counts(
        PlannedService.objects.filter(team, family__council_id=council_id),
        {
            "Service starting": (
                Q(
                    plan__status=PlanStatus.AGREED,
                    plan__responded_at__isnull=False,
                    started_on__isnull=True,
                ),
                "start_due",
            )
        },
        today,
    )
    names = (
        "Next-step decision",
        "A named worker",
        "Needs assessment",
        "Eligibility decision",
        "Support plan shared",
        "Service starting",
    )
    rows = tuple((name, got[name]) for name in names)
    return Figure(
        "waiting",
        "Waiting now",
        f"What is waiting today ({today.day} {today:%B %Y}), at each step, and how many are "
        "past the date they were due. A request waiting for a named worker has no team yet, so "
        "it is counted only when no team is chosen.",
        "Waiting for",
        ("Waiting", "Past the date due"),
        rows,
    )


MONTHLY: tuple[Callable[[int, Filters, dt.date], Figure], ...] = (
    requests,
    safeguarding,
    eligibility,
    plans,
    complaints,
    survey,
)


@dataclass(frozen=True)
class Dashboard:
    waiting: Figure
    timeliness: Figure
    clocks: tuple[Figure, ...]
    monthly: tuple[Figure, ...]

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.waiting, self.timeliness, *self.clocks, *self.monthly)


def waiting_and_clocks(
    council_id: int, filters: Filters, today: dt.date
) -> tuple[Figure, Figure, tuple[Figure, ...]]:
    """The first dashboard: what is waiting now, the timeliness summary and each clock. The
    requests are read once for their clock and for what is waiting now."""
    next_step = next(clock for clock in CLOCKS if clock.key == "next-step")
    counted, got = _clock_counts(
        next_step, council_id, filters, today, also=_step_counts(REQUEST_STEPS, today)
    )
    clocks = tuple(
        timeliness(c, council_id, filters, today, counted if c is next_step else None)
        for c in CLOCKS
    )
    waiting = waiting_now(council_id, filters, today, _read_steps(REQUEST_STEPS, got))
    return waiting, timeliness_summary(list(clocks)), clocks


def month_by_month(council_id: int, filters: Filters, today: dt.date) -> tuple[Figure, ...]:
    """The second dashboard: requests, safeguarding, eligibility, plans, complaints, survey."""
    return tuple(make(council_id, filters, today) for make in MONTHLY)


def dashboard(council_id: int, filters: Filters, today: dt.date) -> Dashboard:
    clocks = tuple(timeliness(c, council_id, filters, today) for c in CLOCKS)
    return Dashboard(
        waiting=waiting_now(council_id, filters, today),
        timeliness=timeliness_summary(list(clocks)),
        clocks=clocks,
        monthly=tuple(make(council_id, filters, today) for make in MONTHLY),
    )


def one_figure(council_id: int, filters: Filters, today: dt.date, key: str) -> Figure | None:
    """One figure by its key, counting only what it needs (the summary needs every clock)."""
    if key == "timeliness":
        return timeliness_summary([timeliness(c, council_id, filters, today) for c in CLOCKS])
    if key == "waiting":
        return waiting_now(council_id, filters, today)
    for clock in CLOCKS:
        if key == f"clock-{clock.key}":
            return timeliness(clock, council_id, filters, today)
    for make in MONTHLY:
        if key == make.__name__:
            return make(council_id, filters, today)
    return None


def teams(council_id: int) -> list[tuple[int, str]]:
    return list(Team.objects.filter(council_id=council_id).values_list("pk", "name"))
