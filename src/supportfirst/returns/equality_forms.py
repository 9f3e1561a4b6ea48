"""The equality monitoring page's period: two GOV.UK date inputs, sent in the address (GET), so
a period can be bookmarked and downloaded."""

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
        help_text="Requests for help received on or after this day. For example, 1 4 2025.",
    )
    end = RealDateField(
        label="To",
        help_text="Requests for help received on or before this day. For example, 31 3 2026.",
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
        if start and end and start > end:
            self.add_error("end", "The last day must be the same as or after the first day")
        return data


def sent(query: QueryDict) -> QueryDict | None:
    """The period when one was sent in the address (even half of one, so it shows its errors)."""
    return query if any(k.startswith(("start_", "end_")) for k in query) else None


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last 12 months, to today."""
    return years_before(today, 1) + dt.timedelta(days=1), today
