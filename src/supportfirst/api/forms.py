"""The council administrator's form for a new API token."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from supportfirst.api.models import DEFAULT_DAYS, Scope
from supportfirst.kernel.formsupport import gds_helper

EXPIRY_CHOICES = [
    ("30", "In 30 days"),
    (str(DEFAULT_DAYS), f"In {DEFAULT_DAYS} days"),
    ("180", "In 180 days"),
    ("365", "In a year (the longest a token can last)"),
]


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Which system will use it?",
        help_text="For example, Mosaic case management or the data warehouse.",
        max_length=120,
        error_messages={
            "required": "Enter which system will use the token",
            "max_length": "The system's name must be 120 characters or fewer",
        },
    )
    account = forms.TypedChoiceField(
        label="Which staff account does it act as?",
        help_text=(
            "The system sees what this person can see in the service, and nothing more. Only "
            "practitioners and team managers can have tokens."
        ),
        coerce=int,
        error_messages={"required": "Select the staff account the token acts as"},
    )
    scope = forms.ChoiceField(
        label="What can the system do with it?",
        choices=Scope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the system can do with the token"},
    )
    days = forms.TypedChoiceField(
        label="When does it stop working?",
        choices=EXPIRY_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when the token stops working"},
    )

    def __init__(self, *args: Any, accounts: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        account = self.fields["account"]
        assert isinstance(account, forms.TypedChoiceField)
        account.choices = [("", "Choose a staff account"), *accounts]
        self.fields["account"].error_messages["invalid_choice"] = (
            "Select a staff account from the list"
        )
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.select("account"),
            Field.radios("scope", legend_size=Size.SMALL),
            Field.radios("days", legend_size=Size.SMALL),
            button="Make the token",
        )
