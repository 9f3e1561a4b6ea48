"""The form for recording the outcome of the section 47 enquiries (GOV.UK style)."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.kernel.formsupport import gds_helper
from supportfirst.pathway.models import EnquiryOutcome

OUTCOME_REASON_MAX = 5000


class EnquiryOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did the enquiries find?",
        choices=EnquiryOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the enquiries"},
    )
    outcome_reason = forms.CharField(
        label="What the enquiries found, and why this is the outcome",
        max_length=OUTCOME_REASON_MAX,
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 5}),
        error_messages={
            "required": "Write what the enquiries found and why this is the outcome",
            "max_length": f"Write what the enquiries found in {OUTCOME_REASON_MAX:,} characters "
            "or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.textarea("outcome_reason"),
            button="Save the outcome",
        )
