"""The council administrator's settings: the council's own working-day targets for the clocks
after an assessment is authorised (GOV.UK style)."""

from __future__ import annotations

import re
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


PHONE_CHARACTERS = re.compile(r"^[0-9 +()\-]*$")
FEWEST_PHONE_DIGITS = 6


class StaffContactForm(forms.Form):
    """How families reach a member of staff: their job and work phone, as the council records
    them (their work email is the one they sign in with)."""

    job_title = forms.CharField(
        label="Job title",
        help_text="For example, social worker. Families see it beside the worker's name.",
        max_length=120,
        required=False,
        error_messages={"max_length": "Enter a job title of 120 characters or fewer"},
    )
    work_phone = forms.CharField(
        label="Work phone number",
        help_text="A number families can call, for example 01632 960 123. Leave it empty if "
        "families should call the team instead.",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        error_messages={"max_length": "Enter a phone number of 40 characters or fewer"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("job_title"),
            Field.text("work_phone", field_width=20),
            button="Save",
        )

    def clean_work_phone(self) -> str:
        phone = " ".join(self.cleaned_data.get("work_phone", "").split())
        if phone and (
            not PHONE_CHARACTERS.match(phone)
            or sum(c.isdigit() for c in phone) < FEWEST_PHONE_DIGITS
        ):
            raise forms.ValidationError(
                "Enter a phone number using digits, spaces and brackets, like 01632 960 123"
            )
        return phone
