"""Which month of a range a row falls in, worked out by the database with plain comparisons.

Used by the dashboard (`returns/dashboard.py`) and the forum's figures (`figures/selectors.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Func, IntegerField


class MonthIndex(Func):
    """Which month of the range a row falls in (0 for the first), worked out by the database
    by comparing the field with where each month ends: the first day of the next month, or (for
    a date and time) its first moment in the council's time zone. Plain comparisons, so the
    month is exact on every database and the database runs no function for each row (on SQLite,
    `TruncMonth` calls back into Python once a row). The field is compiled once, not once a
    month, so the query is as quick to build as one with `TruncMonth`."""

    output_field = IntegerField()

    def __init__(self, field: str, ends: list[dt.date] | list[dt.datetime]) -> None:
        super().__init__(F(field))
        self.ends = ends

    def as_sql(  # type: ignore[override]  # one form of SQL, for every database
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        column, column_params = compiler.compile(self.source_expressions[0])
        parts, params = [], []
        for i, end in enumerate(self.ends):
            parts.append(f"WHEN {column} < %s THEN {i}")
            if isinstance(end, dt.datetime):
                value = connection.ops.adapt_datetimefield_value(end)
            else:
                value = connection.ops.adapt_datefield_value(end)
            params += [*column_params, value]
        return f"CASE {' '.join(parts)} END", params
