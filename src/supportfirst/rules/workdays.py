"""Working days and statutory clocks, in plain Python (no Django import).

A working day is any day except a Saturday, a Sunday, Christmas Day, Boxing Day, Good Friday or
a bank holiday in England and Wales. This is the definition in the complaints regulations, and
the product uses it for every clock (the 1 working day next-step decision, the 45 working day
assessment, the complaint stages).

Where the holidays come from:

- bank holidays in England and Wales, including substitute days (for example Monday
  28 December 2026, because Boxing Day is a Saturday) and one-off days proclaimed by the
  Crown, come from the `holidays` package (Wales has the same bank holidays as England);
- Christmas Day, Boxing Day and Good Friday are common-law holidays, not bank holidays in
  England. The regulations name them, so this module adds them itself for every year.

The `holidays` package only knows bank holidays for the years it covers (1872 to 2100 in the
version used when this was written). Outside those years only weekends, Christmas Day, Boxing
Day and Good Friday stop the clock: `bank_holidays_known(year)` says which case applies.

Counting follows the statutes: the day something arrives is not counted. One working day after a
request received on a Friday is the next Monday, unless that Monday is a bank holiday.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

import holidays

__all__ = [
    "add_working_days",
    "bank_holidays_known",
    "describe_days_left",
    "good_friday",
    "holidays_in",
    "is_working_day",
    "working_days_between",
    "working_days_left",
]


def good_friday(year: int) -> date:
    """Good Friday of the given year (two days before Easter Sunday, Gregorian calendar)."""
    # The anonymous Gregorian computus: the date of Easter Sunday from the year alone.
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_fix = (century + 8) // 25
    moon_shift = (century - moon_fix + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_shift + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    to_sunday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * to_sunday) // 451
    month, day = divmod(epact + to_sunday - 7 * correction + 114, 31)
    return date(year, month, day + 1) - timedelta(days=2)


@lru_cache(maxsize=1)
def _known_years() -> tuple[int, int]:
    calendar = holidays.country_holidays("GB", subdiv="ENG")
    return int(getattr(calendar, "start_year", date.min.year)), int(
        getattr(calendar, "end_year", date.max.year)
    )


def bank_holidays_known(year: int) -> bool:
    """True when the `holidays` package knows the bank holidays of this year.

    Outside those years the clock still skips weekends, Christmas Day, Boxing Day and Good
    Friday, but not the other bank holidays.
    """
    first, last = _known_years()
    return first <= year <= last


@lru_cache(maxsize=512)
def holidays_in(year: int) -> frozenset[date]:
    """Every day of the year, other than weekends, that is not a working day by its date.

    That is the bank holidays in England and Wales with their substitute days, plus Christmas
    Day, Boxing Day and Good Friday (even when they fall at a weekend). The answer is cached per
    year.
    """
    bank_holidays: set[date] = set()
    if bank_holidays_known(year):
        bank_holidays.update(holidays.country_holidays("GB", subdiv="ENG", years=year))
    named_in_the_regulations = {date(year, 12, 25), date(year, 12, 26), good_friday(year)}
    return frozenset(bank_holidays | named_in_the_regulations)


@lru_cache(maxsize=512)
def _weekday_holidays(year: int) -> tuple[date, ...]:
    """The holidays of the year that fall Monday to Friday, in date order."""
    return tuple(sorted(day for day in holidays_in(year) if day.weekday() < 5))


def _weekdays_up_to(day: date) -> int:
    """How many Mondays to Fridays there are from 1 January of year 1 to day, inclusive."""
    # Ordinal 1 (1 January of year 1, proleptic Gregorian) is a Monday, so every run of 7
    # ordinals starting at 7k + 1 is Monday to Sunday.
    weeks, extra = divmod(day.toordinal(), 7)
    return 5 * weeks + min(extra, 5)


def _weekday_holidays_after(start: date, end: date) -> int:
    """How many weekday holidays fall after start, up to and including end (start <= end)."""
    count = 0
    for year in range(start.year, end.year + 1):
        days = _weekday_holidays(year)
        count += bisect_right(days, end) - bisect_right(days, start)
    return count


def is_working_day(day: date) -> bool:
    """True unless day is a Saturday, a Sunday or one of the holidays in `holidays_in`."""
    return day.weekday() < 5 and day not in holidays_in(day.year)


def working_days_between(start: date, end: date) -> int:
    """How many working days there are after start, up to and including end.

    start itself is never counted, so the answer is 0 when start == end, and 1 from a Friday to
    the next Monday (when that Monday is a working day). When end is before start the answer is
    negative: minus the number of working days after end, up to and including start. So
    `working_days_between(a, b) == -working_days_between(b, a)`, and for any n >= 0,
    `working_days_between(d, add_working_days(d, n)) == n`.
    """
    if end < start:
        return -working_days_between(end, start)
    weekdays = _weekdays_up_to(end) - _weekdays_up_to(start)
    return weekdays - _weekday_holidays_after(start, end)


def add_working_days(start: date, n: int) -> date:
    """The date that is n working days after start.

    start itself is not counted: 1 working day after a Friday is the next Monday, unless that
    Monday is a holiday. The answer is always a working day, except that n=0 gives start
    unchanged. n must be 0 or more (ValueError otherwise); OverflowError when the answer would
    be after 31 December 9999.
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    day, remaining = start, n
    try:
        # Jump whole weeks while far from the answer: k weeks hold at most 5k working days,
        # and (remaining - 1) // 5 weeks never reach the answer, so the jump cannot overshoot.
        while remaining > 5:
            jump = day + timedelta(weeks=(remaining - 1) // 5)
            remaining -= working_days_between(day, jump)
            day = jump
        while remaining:
            day += timedelta(days=1)
            if is_working_day(day):
                remaining -= 1
    except OverflowError:
        raise OverflowError(
            f"{n} working days after {start.isoformat()} is after 31 December 9999"
        ) from None
    return day


def working_days_left(due: date, today: date) -> int:
    """Working days from today until due: 0 on the due day, negative once overdue.

    The same as `working_days_between(today, due)`: due on Monday seen on the Friday before
    gives 1; due on Friday seen on the Monday after gives -1 (1 working day overdue).
    """
    return working_days_between(today, due)


def _working_days(count: int) -> str:
    return f"{count} working day{'' if count == 1 else 's'}"


def describe_days_left(due: date, today: date) -> str:
    """The clock in plain English, for pages and letters.

    "due today", "3 working days left", "1 working day left", "2 working days overdue".
    Two rarer cases, when the due date is not a working day: "no working days left" (for
    example due on a Saturday, seen on the Friday before) and "overdue" (past the due date but
    no working day has gone by since, for example due on a Friday, seen on the Saturday).
    """
    if due == today:
        return "due today"
    left = working_days_left(due, today)
    if left > 0:
        return f"{_working_days(left)} left"
    if left < 0:
        return f"{_working_days(-left)} overdue"
    return "no working days left" if due > today else "overdue"


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when that day does not exist
    (31 January plus one month is 28 or 29 February). Calendar months, not working days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
