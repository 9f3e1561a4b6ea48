"""The one sign-off form of everything a council writes with its parent carer forum (the local
assessment protocol, the eligibility criteria): a named person, their role, a date."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from supportfirst.kernel.formsupport import RealDateField, gds_helper

ONE_LINE = 120


class SignOffForm(forms.Form):
    name = forms.CharField(
        label="Full name",
        max_length=ONE_LINE,
        error_messages={"required": "Enter the full name of the person signing off"},
    )
    role = forms.CharField(
        label="Role",
        help_text="For example, head of service, or chair of the parent carer forum.",
        max_length=ONE_LINE,
        error_messages={"required": "Enter the role of the person signing off"},
    )
    on = RealDateField(
        label="Date signed off",
        help_text="For example 27 3 2027",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("name"), Field.text("role"), Field("on"), button="Sign off this draft"
        )
