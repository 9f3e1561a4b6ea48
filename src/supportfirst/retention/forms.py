"""The council administrator's retention form: months for each kind of record."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from supportfirst.kernel.formsupport import gds_helper
from supportfirst.retention.models import LONGEST_MONTHS, SHORTEST_MONTHS, Kind


class PeriodsForm(forms.Form):
    # When the periods were last saved, as the page was opened: a later save by someone else is
    # refused, never silently replaced (no lost updates).
    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2**63 - 1, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            shortest = SHORTEST_MONTHS[kind]
            self.fields[kind.value] = forms.IntegerField(
                label=f"{kind.label}: months to keep",
                help_text=(
                    f"Counted {kind.counted_from}. The default is {kind.default_months} months; "
                    f"between {shortest} and {LONGEST_MONTHS}."
                ),
                min_value=shortest,
                max_value=LONGEST_MONTHS,
                error_messages={
                    "required": f"Enter how many months to keep {kind.label.lower()}",
                    "invalid": "Enter a whole number of months, like 24",
                    "min_value": f"Enter at least {shortest} months",
                    "max_value": f"Enter at most {LONGEST_MONTHS} months",
                },
            )
        self.helper = gds_helper(
            Field("version"),
            *(Field(kind.value, css_class="govuk-input--width-4") for kind in Kind),
            button="Save the periods",
        )
