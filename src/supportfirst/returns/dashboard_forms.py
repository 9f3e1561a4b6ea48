"""The dashboard's filters: a date range (GOV.UK date inputs) and a team. Sent by GET, so a
chosen view of the figures can be bookmarked or shared, and its CSV links keep the same filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.kernel.formsupport import RealDateField, gds_helper

#: The longest range one page shows (five years of months).
MOST_MONTHS = 60
EARLIEST = dt.date(2000, 1, 1)


def default_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last 12 months: from the first day of the month 11 months ago to today."""
    month = today.replace(day=1)
    for _ in range(11):
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return month, today


class DashboardFilterForm(forms.Form):
    start = RealDateField(label="From", help_text="For example, 1 4 2026", required=False)
    end = RealDateField(label="To", help_text="For example, 31 3 2027", required=False)
    team = forms.TypedChoiceField(
        label="Team",
        coerce=int,
        empty_value=None,
        required=False,
        choices=[],
        error_messages={"invalid_choice": "Choose a team from the list"},
    )

    def __init__(
        self, *args: Any, teams: list[tuple[int, str]], today: dt.date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["team"].choices = [("", "All teams"), *teams]  # type: ignore[attr-defined]
        self.helper = gds_helper(
            Field("start", legend_size=Size.SMALL),
            Field("end", legend_size=Size.SMALL),
            Field("team"),
            button="Show these figures",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if self.errors:
            return data
        default_start, default_end = default_range(self.today)
        start = start or (end.replace(day=1) if end and end < default_start else default_start)
        end = end or default_end
        if start < EARLIEST:
            self.add_error("start", "The date from must be 1 January 2000 or later")
        elif end < start:
            self.add_error("end", "The date to must be the same as or after the date from")
        elif (end.year - start.year) * 12 + end.month - start.month >= MOST_MONTHS:
            self.add_error("end", "Choose a range of 5 years or less")
        data["start"], data["end"] = start, end
        return data
