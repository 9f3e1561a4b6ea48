"""The one calendar month to answer a correction request (UK GDPR Article 16, ICO counting)."""

from datetime import date

import pytest

from supportfirst.corrections.clock import one_calendar_month_after, rectification_due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 11, 23), date(2026, 12, 23)),  # the same date next month
        (date(2026, 12, 15), date(2027, 1, 15)),  # into the next year
        (date(2026, 1, 31), date(2026, 3, 2)),  # no 31 February: 28th, a Saturday: Monday
        (date(2026, 3, 3), date(2026, 4, 7)),  # 3 April is Good Friday, 6 April Easter Monday
        (date(2026, 7, 31), date(2026, 9, 1)),  # 31 August is the summer bank holiday
    ],
)
def test_due_one_calendar_month_later_on_a_working_day(received, due):
    assert rectification_due(received) == due


def test_a_month_without_the_date_ends_on_its_last_day():
    assert one_calendar_month_after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert one_calendar_month_after(date(2026, 3, 31)) == date(2026, 4, 30)
