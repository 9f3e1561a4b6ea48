"""The forms of the training page (GOV.UK layout; every box of text has a maximum)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import timezone

from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.training.models import Course

ONE_LINE = 300


class TrainingForm(forms.Form):
    person = forms.TypedChoiceField(
        label="Who completed the training?",
        coerce=int,
        error_messages={
            "required": "Select the person who completed the training",
            "invalid_choice": "Select a person from the list",
        },
    )
    course = forms.ChoiceField(
        label="Which training?",
        choices=Course.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select which training they completed"},
    )
    completed_on = RealDateField(label="Date they completed it", help_text="For example 27 3 2026")
    renew_by = RealDateField(
        label="Date it must be renewed by",
        help_text="After this day the training is out of date. For example 27 3 2028",
    )
    delivered_by = forms.CharField(
        label="Who from the council delivered it",
        help_text="Their names and roles, for example Priya Shah, practice lead.",
        max_length=ONE_LINE,
        error_messages={"required": "Enter who from the council delivered the training"},
    )
    parent_carers = forms.CharField(
        label="The parent carers who delivered it",
        help_text="Their names and roles, for example Dawn Clarke, parent carer forum trainer. "
        "The council's training is written and delivered with parent carers.",
        max_length=ONE_LINE,
        error_messages={"required": "Enter the parent carers who delivered the training"},
    )

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {p.pk: p for p in people}
        cast(forms.ChoiceField, self.fields["person"]).choices = [("", "Choose a person")] + [
            (p.pk, str(p)) for p in people
        ]
        self.helper = gds_helper(
            Field.select("person"),
            Field.radios("course", legend_size=Size.SMALL),
            Field("completed_on"),
            Field("renew_by"),
            Field.text("delivered_by"),
            Field.text("parent_carers"),
            button="Record the training",
        )

    @property
    def chosen(self) -> Any:
        return self.people[self.cleaned_data["person"]]

    def clean_completed_on(self) -> date:
        day: date = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date they completed it must be today or earlier")
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        done, renew = data.get("completed_on"), data.get("renew_by")
        if done and renew and renew <= done:
            self.add_error("renew_by", "The renewal date must be after the date they completed it")
        return data


class RuleForm(forms.Form):
    trained_only = forms.TypedChoiceField(
        label="Who can be a family's worker on the support pathway?",
        choices=[
            ("yes", "Only practitioners whose training is in date"),
            ("no", "Any practitioner or manager"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="With the rule on, a young carer's assessment also needs the young carers' "
        "training to be in date.",
        error_messages={"required": "Select who can be a family's worker"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("trained_only", legend_size=Size.SMALL),
            button="Save the rule",
            name="rule",
        )
