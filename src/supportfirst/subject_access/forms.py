"""Forms for marking what is withheld from a family's download, in the GOV.UK style."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.kernel.formsupport import gds_helper


class ChooseRecordForm(forms.Form):
    record = forms.ChoiceField(
        label="Which record holds information that may not be shared?",
        help_text="Every record held about this family, by kind.",
        error_messages={
            "required": "Choose a record",
            "invalid_choice": "Choose one of this family's records",
        },
    )

    def __init__(self, *args: Any, choices: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["record"]).choices = [("", "Choose a record"), *choices]
        self.helper = gds_helper(
            Field.select("record", label_size=Size.SMALL), button="Continue", name="choose"
        )


WHOLE = "whole-record"


class WithholdForm(forms.Form):
    record = forms.CharField(widget=forms.HiddenInput)
    field_name = forms.ChoiceField(
        label="What should be held back?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the whole record or one part of it",
            "invalid_choice": "Choose the whole record or one part of it",
        },
    )
    reason = forms.CharField(
        label="Why it may not be shared",
        help_text=(
            "The family reads this reason in their download. Say why, never what: for example "
            "“It is about another person who has not agreed to us sharing it.”"
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter why it may not be shared"},
    )

    def __init__(self, *args: Any, parts: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["field_name"]).choices = [
            (WHOLE, "The whole record"),
            *parts,
        ]
        self.helper = gds_helper(
            "record",
            Field.radios("field_name", legend_size=Size.MEDIUM),
            Field.textarea("reason", rows=4, label_size=Size.MEDIUM),
            button="Hold this back",
            name="withhold",
        )

    def clean_field_name(self) -> str:
        chosen = str(self.cleaned_data.get("field_name", ""))
        return "" if chosen == WHOLE else chosen

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data.get("reason", "")).strip()
        if not reason:
            raise forms.ValidationError("Enter why it may not be shared")
        return reason
