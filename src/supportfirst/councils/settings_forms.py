"""The council administrator's settings: the council's own working-day targets for the clocks
after an assessment is authorised (GOV.UK style)."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from supportfirst.kernel.formsupport import gds_helper

FEWEST_DAYS = 1
MOST_DAYS = 250
"""About a year of working days: a longer target is not a target."""


def _days_field(label: str, hint: str, what: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=hint,
        min_value=FEWEST_DAYS,
        max_value=MOST_DAYS,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter the number of working days {what}",
            "invalid": f"Enter the working days {what} as a whole number, like 10",
            "min_value": f"The working days {what} must be {FEWEST_DAYS} or more",
            "max_value": f"The working days {what} must be {MOST_DAYS} or fewer",
        },
    )


class ClockTargetsForm(forms.Form):
    decision_working_days = _days_field(
        "Working days from authorising a child's assessment to the eligibility decision",
        "The decision is made when a team manager confirms it.",
        "to the eligibility decision",
    )
    plan_working_days = _days_field(
        "Working days from the eligibility decision to sharing the support plan",
        "The plan is written with the family, then shared with them to agree.",
        "to sharing the support plan",
    )
    service_start_working_days = _days_field(
        "Working days from an agreed plan to each service starting",
        "If the plan gives a later start date for a service, that date is used instead.",
        "to each service starting",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("decision_working_days", field_width=4),
            Field.text("plan_working_days", field_width=4),
            Field.text("service_start_working_days", field_width=4),
            button="Save the targets",
        )
