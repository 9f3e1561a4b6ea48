"""Things with a statutory clock, as a worker's list shows them, and the clock in plain words.

Each feature app says what it has due in its own `due.py` (one function, `due_items`); the
front door gathers them for My work and the Team page. This module is below every app: it
imports only Django and the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import CharField, DateField, F, IntegerField, QuerySet, Value
from django.db.models.functions import Collate, Concat
from django.urls import reverse
from django.utils import timezone

from supportfirst.rules import workdays


def clock(due: date, today: date) -> str:
    """The clock in plain words: "5 working days left", "due today", "3 working days overdue"."""
    return workdays.describe_days_left(due, today)


@dataclass(frozen=True)
class DueItem:
    """Something with a statutory clock: what it is, when it is due, and where to act."""

    what: str
    family: str
    due: date
    view_name: str
    record_id: int
    today: date
    kind: str = ""
    """Which clock this is, as the Team page counts overdue items ("Eligibility decision")."""
    for_family: str = ""
    """What happens next, in plain words for the family's pages ("" when not for the family)."""

    @property
    def url(self) -> str:
        """Worked out only for the items a page shows."""
        kwarg = self.view_name.split(":")[-1] + "_id"
        return reverse(self.view_name, kwargs={kwarg: self.record_id})

    @property
    def days_left(self) -> int:
        return workdays.working_days_left(self.due, self.today)

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def clock(self) -> str:
        return clock(self.due, self.today)


def soonest_first(items: list[DueItem]) -> list[DueItem]:
    """Due items in the order a worker's list shows them: soonest (so overdue) first."""
    return sorted(items, key=lambda item: (item.due, item.what))


LATE = (
    "This is later than the council's own target. You can ask your worker when it will "
    "happen, or make a complaint."
)


def long_date(day: date) -> str:
    """A date as the family's pages write it: "5 March 2027"."""
    return f"{day.day} {day:%B %Y}"


def for_family(promise: str, due: date, today: date) -> str:
    """What happens next and when, in plain words: "<promise> by 5 March 2027." and, once the
    date has passed, that it is late and what the family can do."""
    sentence = f"{promise} by {long_date(due)}."
    if workdays.working_days_left(due, today) < 0:
        sentence += " " + LATE
    return sentence


def clock_due(started_at: datetime | None, working_days: int) -> date | None:
    """When a clock that runs for the council's working days from a moment is due (None while
    it has not started). Stored on the record when the clock starts, so that lists can sort,
    page and count what is due in the database."""
    if started_at is None:
        return None
    return workdays.add_working_days(timezone.localdate(started_at), working_days)


def with_stored(update_fields: Iterable[str] | None, *, when: set[str], stored: str) -> Any:
    """The fields a model's save writes, with a stored due date added when its inputs change;
    None (write everything) stays None."""
    if update_fields is None:
        return None
    fields = set(update_fields)
    return fields | {stored} if fields & when else fields


def stored_changes(update_fields: Iterable[str] | None, when: set[str]) -> bool:
    """True when a save writes any of the fields a stored due date is worked out from."""
    return update_fields is None or bool(set(update_fields) & when)


def due_columns(
    rows: QuerySet[Any],
    *,
    due: Any,
    what: Any,
    kind: str,
    view_name: str,
    source: int,
    family: str = "family__name",
    record_id: str = "pk",
    since: Any = None,
) -> QuerySet[Any]:
    """One part of a worker's list as rows the database sorts, pages and counts with the other
    parts (`DueRows`): the due date, what is due in words (written by the database, so that
    ties sort by the words as Python sorts them), the family's name, the record and where to
    act on it, which clock it is, which part (for ties) and, for an item that says how long it
    has waited, the day it started waiting."""
    return (
        rows.order_by()
        .annotate(
            clock_due_on=F(due) if isinstance(due, str) else due,
            clock_what=Collate(what, binary_collation()),
            clock_family=F(family),
            clock_record=F(record_id),
            clock_since=Value(None, output_field=DateField()) if since is None else since,
            clock_kind=Value(kind, output_field=CharField()),
            clock_view=Value(view_name, output_field=CharField()),
            clock_source=Value(source, output_field=IntegerField()),
        )
        .values_list(*DUE_COLUMNS)
    )


DUE_COLUMNS = (
    "clock_due_on",
    "clock_what",
    "clock_family",
    "clock_record",
    "clock_since",
    "clock_kind",
    "clock_view",
    "clock_source",
)


def _day(value: Any) -> Any:
    """A date read without the ORM: SQLite gives it as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def waited(days: int) -> str:
    return f"{days} working day{'' if days == 1 else 's'}"


# How many of a list's rows (`t`) are overdue: those due before the day given.
_OVERDUE = "SUM(CASE WHEN t.clock_due_on < %s THEN 1 ELSE 0 END)"

# The highest page number passed on to the database: any higher is past the end of any list.
LAST_PAGE_ASKED = 1_000_000


@dataclass(frozen=True)
class DueRows:
    """Every part of a worker's list, sorted, paged and counted by the database: soonest (so
    overdue) first, then by the words, as `soonest_first` sorts."""

    parts: list[QuerySet[Any]]
    today: date

    def _union(self, parts: list[QuerySet[Any]]) -> QuerySet[Any]:
        first, *rest = parts
        return first.union(*rest, all=True) if rest else first

    def ordered(self) -> QuerySet[Any]:
        return self._union(self.parts).order_by(
            "clock_due_on", "clock_what", "clock_source", "clock_record"
        )

    def overdue_ordered(self) -> QuerySet[Any]:
        before = latest_working_day(self.today)
        overdue = [part.filter(clock_due_on__lt=before) for part in self.parts]
        return self._union(overdue).order_by(
            "clock_due_on", "clock_what", "clock_source", "clock_record"
        )

    def count(self) -> int:
        """How many there are: one query that reads no words (only which part each row is in)."""
        return self._union([part.values_list("clock_source") for part in self.parts]).count()

    def overdue_count(self) -> int:
        before = latest_working_day(self.today)
        overdue = [part.filter(clock_due_on__lt=before) for part in self.parts]
        return self._union([part.values_list("clock_source") for part in overdue]).count()

    def page(self, number: Any, size: int) -> tuple[Page[DueItem], int]:
        """One page of the list as `Paginator.get_page` would give it (a page number that is not
        a number is the first page; one past the end is the last), and how many items are
        overdue. On PostgreSQL one query gives the page's rows and both counts (window
        functions); on SQLite, where a window made it sort every row, the page's rows come from
        one query (it keeps only those while it sorts) and the counts from another."""
        try:
            # A page number too big for the database's OFFSET is simply past the end.
            wanted = min(int(number), LAST_PAGE_ASKED)
        except (TypeError, ValueError):
            wanted = 1
        # The union is put together once (building its SQL costs more than running it when
        # there is little to show) and read once or twice.
        sql, params = self._union(self.parts).query.sql_with_params()
        if connection.vendor == "postgresql":
            # The rows and both counts in one pass (window functions).
            rows, total, overdue = self._page(sql, params, wanted, size, counted=True)
            if not rows and wanted != 1:
                wanted = max(1, -(-self.count() // size))
                rows, total, overdue = self._page(sql, params, wanted, size, counted=True)
        else:
            # SQLite sorts every row to work out a window: the page's rows (it keeps only those
            # while it sorts), then the counts.
            rows, _, _ = self._page(sql, params, wanted, size, counted=False)
            total, overdue = self._counts(sql, params)
            if not rows and wanted != 1:
                wanted = max(1, -(-total // size))
                rows, _, _ = self._page(sql, params, wanted, size, counted=False)
        paginator: Paginator[DueItem] = Paginator([], size)
        paginator.count = total  # counted by the database, above
        return Page(self.items(rows), wanted, paginator), overdue

    def _before(self) -> Any:
        """The day before which an item is overdue, as the database compares it."""
        return connection.ops.adapt_datefield_value(latest_working_day(self.today))

    def _page(
        self, sql: str, params: tuple[Any, ...], number: int, size: int, *, counted: bool
    ) -> tuple[list[tuple[Any, ...]], int, int]:
        """One page of the sorted list and, when `counted`, how many items there are and how
        many are overdue, from the same query (window functions; otherwise 0 and 0)."""
        if number < 1:
            return [], 0, 0
        collation = connection.ops.quote_name(binary_collation())
        counts, counts_params = (
            (f", COUNT(*) OVER (), {_OVERDUE} OVER ()", (self._before(),)) if counted else ("", ())
        )
        query = (
            f"SELECT t.*{counts} FROM ({sql}) t ORDER BY t.clock_due_on, t.clock_what COLLATE "
            f"{collation}, t.clock_source, t.clock_record LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, (*counts_params, *params, size, (number - 1) * size))
            found = cursor.fetchall()
        rows = [(_day(r[0]), r[1], r[2], r[3], _day(r[4]), r[5], r[6], r[7]) for r in found]
        if not counted or not found:
            return rows, 0, 0
        return rows, int(found[0][-2]), int(found[0][-1] or 0)

    def _counts(self, sql: str, params: tuple[Any, ...]) -> tuple[int, int]:
        """How many there are and how many are overdue."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*), {_OVERDUE} FROM ({sql}) t", (self._before(), *params))
            total, overdue = cursor.fetchone()
        return int(total), int(overdue or 0)

    def items(self, rows: Iterable[tuple[Any, ...]]) -> list[DueItem]:
        return [self.item(row) for row in rows]

    def item(self, row: tuple[Any, ...]) -> DueItem:
        due, what, family, record_id, since, kind, view_name, _ = row
        if since is not None:  # how long it has waited, worked out for today
            days = max(0, workdays.working_days_between(since, self.today))
            what = f"{what} (waited {waited(days)})"
        return DueItem(
            what=what,
            family=family,
            due=due,
            view_name=view_name,
            record_id=record_id,
            today=self.today,
            kind=kind,
        )


def binary_collation() -> str:
    """The collation that orders text by code point, as Python sorts strings."""
    return "C" if connection.vendor == "postgresql" else "BINARY"


def text(*parts: Any) -> Any:
    """Words put together by the database: plain strings are literal text."""
    pieces = [Value(part) if isinstance(part, str) else part for part in parts]
    return Concat(*pieces, output_field=CharField())


def latest_working_day(today: date) -> date:
    """The last working day on or before today: anything due before it is overdue (at least
    one working day has gone by since it was due)."""
    day = today
    while not workdays.is_working_day(day):
        day = date.fromordinal(day.toordinal() - 1)
    return day


def when_target_changes(field: str, refresh: Any) -> Any:
    """A receiver for a council being saved that works out again the due dates stored from one
    of its working-day targets, when that target may have changed."""

    def receiver(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if not created and (fields is None or field in fields):
            refresh(council_id=instance.pk)

    return receiver
