"""Which month of a range a row falls in, worked out by the database with plain comparisons.

Used by the dashboard (`returns/dashboard.py`) and the forum's figures (`figures/selectors.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Func, IntegerField


class MonthIndex(Func):
    """Which month of the range a row falls in (0 for the first; NULL after the last), worked
    out by the database by comparing the field with where each month ends: the first day of
    the next month, or (for a date and time) its first moment in the council's time zone. Plain
    comparisons, so the month is exact on every database and the database runs no function for
    each row (on SQLite, `TruncMonth` calls back into Python once a row), nested so that each
    row needs only a few. The field is compiled once, not once a month, so the query is as
    quick to build as one with `TruncMonth`."""

    output_field = IntegerField()

    def __init__(self, field: str, ends: list[dt.date] | list[dt.datetime]) -> None:
        super().__init__(F(field))
        if list(ends) != sorted(ends):
            raise ValueError("The months' ends must be in order, the first month's first.")
        self.ends = ends

    def as_sql(  # type: ignore[override]  # one form of SQL, for every database
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        column, column_params = compiler.compile(self.source_expressions[0])
        values = [
            connection.ops.adapt_datetimefield_value(end)
            if isinstance(end, dt.datetime)
            else connection.ops.adapt_datefield_value(end)
            for end in self.ends
        ]
        return _search(column, column_params, values, 0, len(values))


def _search(
    column: str, column_params: list[Any], ends: list[Any], low: int, high: int
) -> tuple[str, list[Any]]:
    """The first month (from `low` to `high`, where `high` is past the last) whose end is after
    the row, found by halving: about four comparisons a row for a year, not up to twelve (on
    SQLite the comparisons were half of a 10,000-row count's time)."""
    if low == high:
        return ("NULL" if low == len(ends) else str(low)), []
    middle = (low + high) // 2
    before, before_params = _search(column, column_params, ends, low, middle)
    after, after_params = _search(column, column_params, ends, middle + 1, high)
    return (
        f"CASE WHEN {column} < %s THEN {before} ELSE {after} END",
        [*column_params, ends[middle], *before_params, *after_params],
    )
