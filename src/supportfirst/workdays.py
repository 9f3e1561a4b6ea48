"""Working days and statutory clocks, in plain Python (no Django import).

A working day is not a Saturday, a Sunday, Christmas Day, Boxing Day, Good Friday or a bank
holiday in England and Wales (the complaints regulations' definition). Bank holidays,
including substitute days when a holiday falls at a weekend, come from the `holidays` package.

Counting follows the statutes: the day something arrives is not counted. One working day after
a request received on a Friday is the next Monday, unless that Monday is a bank holiday.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays_in(year: int) -> frozenset[date]:
    days = set(holidays.country_holidays("GB", subdiv="ENG", years=year))
    # Named in the regulations even when they fall at a weekend (the substitute day is also
    # in the bank holidays above).
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_in(day.year)


def add_working_days(start: date, n: int) -> date:
    """The date n working days after start (start itself is not counted; n=0 gives start)."""
    if n < 0:
        raise ValueError("n must be 0 or more")
    day = start
    remaining = n
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after start, up to and including end. Negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def working_days_left(due: date, today: date) -> int:
    """Working days from today until due: 0 on the due day, negative once overdue."""
    return working_days_between(today, due)


def describe_days_left(due: date, today: date) -> str:
    """The clock in plain English, for pages: "3 working days left", "due today", "2 working
    days overdue"."""
    if due == today:
        return "due today"
    left = working_days_left(due, today)
    if due > today:
        if left == 0:
            return "due on the next working day"
        return f"{left} working day{'s' if left != 1 else ''} left"
    late = max(1, -left)
    return f"{late} working day{'s' if late != 1 else ''} overdue"
