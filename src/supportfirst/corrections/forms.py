"""The family's correction request and the staff answer."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.kernel.formsupport import gds_helper

LONG_TEXT = 20_000


class CorrectionForm(forms.Form):
    what_is_wrong = forms.CharField(
        label="What is wrong",
        help_text="Tell us what is wrong or missing, in your own words.",
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter what is wrong",
            "max_length": f"What is wrong must be {LONG_TEXT:,} characters or fewer",
        },
    )
    what_it_should_say = forms.CharField(
        label="What it should say (optional)",
        help_text="If you know, tell us what the record should say instead.",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": f"What it should say must be {LONG_TEXT:,} characters or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("what_is_wrong", rows=6),
            Field.textarea("what_it_should_say", rows=6),
            button="Send your request",
        )


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Will you correct the record?",
        choices=[
            ("corrected", "Yes: I have corrected the record"),
            ("not_corrected", "No: the record stays as it is"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you will correct the record"},
    )
    what_we_changed = forms.CharField(
        label="What you changed",
        help_text="The family reads this. Say exactly what the record says now.",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5, "data-wording-check": ""}),
    )
    reason_not_corrected = forms.CharField(
        label="Why the record is not being changed",
        help_text="The family reads this. Their view stays with the record either way.",
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5, "data-wording-check": ""}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.textarea("what_we_changed", rows=5),
            Field.textarea("reason_not_corrected", rows=5),
            button="Send the answer",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if outcome == "corrected" and not data.get("what_we_changed", "").strip():
            self.add_error("what_we_changed", "Write what you changed, so the family can check it")
        if outcome == "not_corrected" and not data.get("reason_not_corrected", "").strip():
            self.add_error(
                "reason_not_corrected", "Write the reason the record is not being changed"
            )
        return data
