"""Which month of a range a row falls in (kernel/months.py), worked out by the database with
nested comparisons, against the same rule in Python, for dates and for moments on each side of
every month's end (British Summer Time included)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from supportfirst.kernel.months import MonthIndex
from supportfirst.pathway.models import SupportRequest
from tests.families.factories import ChildFactory, FamilyFactory
from tests.pathway.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _month_ends(first: dt.date, count: int) -> list[dt.date]:
    ends, day = [], first
    for _ in range(count):
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        ends.append(day)
    return ends


def _expected(value, ends) -> int | None:
    return next((i for i, end in enumerate(ends) if value < end), None)


@pytest.mark.parametrize("count", [1, 2, 5, 12, 13])
def test_each_day_falls_in_the_month_python_would_put_it_in(council, count):
    ends = _month_ends(dt.date(2026, 1, 1), count)
    child = ChildFactory(family=FamilyFactory(council=council))
    days = {dt.date(2025, 12, 31)}
    for end in ends:
        days |= {end - dt.timedelta(days=1), end, end + dt.timedelta(days=1)}
    for day in sorted(days):
        SupportRequestFactory(child=child, next_step_due=day)

    found = SupportRequest.objects.annotate(month=MonthIndex("next_step_due", ends)).values_list(
        "next_step_due", "month"
    )

    assert len(found) == len(days)
    for day, month in found:
        assert month == _expected(day, ends), day


@pytest.mark.parametrize("count", [3, 12])
def test_each_moment_falls_in_the_month_of_its_day_in_the_councils_time_zone(council, count):
    ends = [
        dt.datetime.combine(end, dt.time(), tzinfo=LONDON)
        for end in _month_ends(dt.date(2026, 1, 1), count)
    ]
    child = ChildFactory(family=FamilyFactory(council=council))
    moments = set()
    for end in ends:  # a second either side of midnight, and an hour after it
        moments |= {end - dt.timedelta(seconds=1), end, end + dt.timedelta(hours=1)}
    for moment in sorted(moments):
        SupportRequestFactory(child=child, received_at=moment)

    found = SupportRequest.objects.annotate(month=MonthIndex("received_at", ends)).values_list(
        "received_at", "month"
    )

    assert len(found) == len(moments)
    for moment, month in found:
        assert month == _expected(moment, ends), moment
