"""The survey form: every question optional, GOV.UK radios, and room for their own words."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.feedback.figures import QUESTIONS
from supportfirst.kernel.formsupport import gds_helper

ANYTHING_ELSE_LIMIT = 5000


class SurveyForm(forms.Form):
    anything_else = forms.CharField(
        label="Is there anything else you want to tell us? (optional)",
        help_text="In your own words. Please do not write names: we show these words, "
        "without changing them, to the parent carer forum, team managers and the council's "
        "administrators.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=ANYTHING_ELSE_LIMIT,
        error_messages={
            "max_length": f"Your words must be {ANYTHING_ELSE_LIMIT} characters or fewer"
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        layout: list[Any] = []
        for question in QUESTIONS:
            self.fields[question.key] = forms.ChoiceField(
                label=f"{question.text} (optional)",
                help_text=question.hint,
                choices=[(o.value, o.label) for o in question.options],
                widget=forms.RadioSelect,
                required=False,
                error_messages={"invalid_choice": "Choose one of the answers"},
            )
            layout.append(Field.radios(question.key, legend_size=Size.SMALL, small=True))
        self.order_fields([q.key for q in QUESTIONS] + ["anything_else"])
        layout.append(Field.textarea("anything_else", rows=5, label_size=Size.SMALL))
        self.helper = gds_helper(*layout, button="Send your answers", name="send")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not any(data.get(q.key) for q in QUESTIONS)
            and not str(data.get("anything_else", "")).strip()
        ):
            raise forms.ValidationError(
                "Answer at least one question, or go back if you would rather not answer"
            )
        return data
