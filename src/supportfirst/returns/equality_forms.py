"""The equality monitoring page's period: two GOV.UK date inputs, sent in the address (GET), so
a period can be bookmarked and downloaded. A period is whole calendar months: two periods a day
apart would, subtracted, give away one request's group and what happened to it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crispy_forms_gds.layout import Field
from django import forms
from django.http import QueryDict

from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.rules.returns.equality import years_before


class PeriodForm(forms.Form):
    start = RealDateField(
        label="From",
        help_text="The first day of a month. Requests for help received on or after this day. "
        "For example, 1 4 2025.",
    )
    end = RealDateField(
        label="To",
        help_text="The last day of a month. Requests for help received on or before this day. "
        "For example, 31 3 2026.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, what in (("start", "first"), ("end", "last")):
            messages = self.fields[name].error_messages
            messages["required"] = messages["incomplete"] = f"Enter the {what} day of the period"
        self.helper = gds_helper(Field("start"), Field("end"), button="Show these dates")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and start.day != 1:
            self.add_error(
                "start",
                "The first day of the period must be the first day of a month, like 1 4 2025",
            )
        if end and end != month_end(end):
            self.add_error(
                "end", "The last day of the period must be the last day of a month, like 31 3 2026"
            )
        if start and end and start > end and not self.errors:
            self.add_error("end", "The last day must be the same as or after the first day")
        return data


def month_end(day: dt.date) -> dt.date:
    """The last day of `day`'s month."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def sent(query: QueryDict) -> QueryDict | None:
    """The period when one was sent in the address (even half of one, so it shows its errors)."""
    return query if any(k.startswith(("start_", "end_")) for k in query) else None


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The 12 whole months up to the end of this month (what happened is counted to today)."""
    return month_end(years_before(today, 1)) + dt.timedelta(days=1), month_end(today)
