"""The family's choice of how to hear from the council."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Fixed, Fluid, Size
from django import forms

from supportfirst.kernel.formsupport import gds_helper
from supportfirst.notifications.models import Channel, Format
from supportfirst.notifications.services import normalise_mobile


class PreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label="How would you like us to tell you when something happens?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select email or text message"},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    mobile = forms.CharField(
        label="Mobile phone number",
        help_text="A UK mobile number, like 07700 900 982.",
        required=False,
        max_length=20,
    )
    format = forms.ChoiceField(
        label="Would you like letters in an accessible format?",
        choices=Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the format you would like"},
    )
    language = forms.CharField(
        label="Another language (optional)",
        help_text="If you would like us to use another language, tell us which. We will note it "
        "for your worker, who will arrange an interpreter or a translation.",
        required=False,
        max_length=60,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("channel", legend_size=Size.MEDIUM),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("mobile", field_width=Fixed.TWENTY),
            Field.radios("format", legend_size=Size.MEDIUM),
            Field.text("language", field_width=Fixed.TWENTY),
            button="Save your choices",
        )
        self.fields["mobile"].widget.attrs.update({"autocomplete": "tel"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        mobile = str(data.get("mobile", "")).strip()
        if mobile and not normalise_mobile(mobile):
            self.add_error("mobile", "Enter a UK mobile number, like 07700 900 982")
        elif data.get("channel") == Channel.TEXT and not mobile:
            self.add_error("mobile", "Enter your mobile phone number, to get text messages")
        if (
            data.get("channel") == Channel.EMAIL
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", "Enter your email address, to get emails")
        return data
