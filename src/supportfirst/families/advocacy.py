"""Independent advocacy for the child or young person, offered during an assessment and a plan.

What the law says (LAW.md, the project's catalogue): before deciding what services to provide,
the council must find out the child's wishes and feelings and give them due consideration
(Children Act 1989, section 17(4A)); an independent advocate is one way to help a child say
them. The one duty to provide advocacy is for a child or young person who makes, or wants to
make, a complaint (section 26A). So the product records that advocacy was offered and the
answer, and tells the family who it is for and how to get one; it never says the law gives
the child an advocate for the assessment itself.

The record is the same on an assessment and on a plan: `AdvocacyRecord` gives each its fields,
`advocacy_problems` says what is missing, and `AdvocacyForm` asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.conf import settings
from django.db import models

from supportfirst.kernel.formsupport import RealDateField, gds_helper

ORGANISATION_MAX = 200
REASON_MAX = 2000


class AdvocacyAnswer(models.TextChoices):
    NOT_RECORDED = "", "Not recorded yet"
    ACCEPTED = "accepted", "Accepted: they want an advocate"
    DECLINED = "declined", "Declined: they do not want an advocate now"
    UNDECIDED = "undecided", "Not decided yet: they are thinking about it"
    NOT_APPROPRIATE = "not_appropriate", "Not appropriate, for a reason you write"


# What the family reads for each answer (the child's name goes in {name}).
FAMILY_WORDS = {
    AdvocacyAnswer.ACCEPTED: "{name} wanted an advocate.",
    AdvocacyAnswer.DECLINED: "{name} did not want an advocate.",
    AdvocacyAnswer.UNDECIDED: "{name} had not decided yet whether to have an advocate.",
    AdvocacyAnswer.NOT_APPROPRIATE: "We did not offer {name} an advocate, because:",
}


class AdvocacyRecord(models.Model):
    """The offer of independent advocacy to the child or young person, and their answer: who
    recorded it and the date it was offered (or decided not to be appropriate)."""

    advocacy_answer = models.CharField(
        max_length=20, choices=AdvocacyAnswer.choices, blank=True, default=""
    )
    advocacy_on = models.DateField(
        null=True, blank=True, help_text="When advocacy was offered, or found not appropriate."
    )
    advocate_organisation = models.CharField(max_length=ORGANISATION_MAX, blank=True)
    advocacy_reason = models.TextField(
        blank=True, help_text="Why offering an advocate is not appropriate, when it is not."
    )
    advocacy_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def advocacy_recorded(self) -> bool:
        return bool(self.advocacy_answer)

    @property
    def advocacy_family_words(self) -> str:
        """The answer in plain words for the family, with the child's name."""
        if not self.advocacy_answer:
            return ""
        words = FAMILY_WORDS[AdvocacyAnswer(self.advocacy_answer)]
        return words.format(name=self.advocacy_child_name)

    @property
    def advocacy_child_name(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class AdvocacyInput:
    answer: str
    on: date | None
    organisation: str = ""
    reason: str = ""


def advocacy_problems(given: AdvocacyInput, *, today: date) -> list[str]:
    """What is missing or wrong in an advocacy record, as messages for the error summary."""
    problems = []
    if given.answer not in {a.value for a in AdvocacyAnswer if a.value}:
        problems.append("Select the answer about advocacy.")
    if given.on is None:
        problems.append("Enter the date advocacy was offered.")
    elif given.on > today:
        problems.append("The date advocacy was offered must be today or in the past.")
    if given.answer == AdvocacyAnswer.ACCEPTED and not given.organisation.strip():
        problems.append("Enter the advocate's organisation.")
    if given.answer == AdvocacyAnswer.NOT_APPROPRIATE and not given.reason.strip():
        problems.append("Write why offering an advocate is not appropriate.")
    return problems


def advocacy_values(given: AdvocacyInput, *, user: Any) -> dict[str, Any]:
    """The fields to store: the organisation only when accepted, the reason only when not
    appropriate."""
    return {
        "advocacy_answer": given.answer,
        "advocacy_on": given.on,
        "advocate_organisation": (
            given.organisation.strip() if given.answer == AdvocacyAnswer.ACCEPTED else ""
        ),
        "advocacy_reason": (
            given.reason.strip() if given.answer == AdvocacyAnswer.NOT_APPROPRIATE else ""
        ),
        "advocacy_recorded_by": user,
    }


def advocacy_initial(record: AdvocacyRecord) -> dict[str, Any]:
    if not record.advocacy_answer:
        return {}
    return {
        "on": record.advocacy_on,
        "answer": record.advocacy_answer,
        "organisation": record.advocate_organisation,
        "reason": record.advocacy_reason,
    }


class AdvocacyForm(forms.Form):
    """The worker records the offer of an independent advocate to the child and the answer."""

    on = RealDateField(
        label="Date advocacy was offered",
        help_text=(
            "Or the date you decided it was not appropriate to offer it. For example, 27 3 2026"
        ),
    )
    answer = forms.ChoiceField(
        label="What was the answer?",
        choices=[(a.value, a.label) for a in AdvocacyAnswer if a.value],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the answer about advocacy"},
    )
    organisation = forms.CharField(
        label="The advocate's organisation",
        help_text="If they want an advocate: the advocacy service that will provide one.",
        max_length=ORGANISATION_MAX,
        required=False,
    )
    reason = forms.CharField(
        label="Why is offering an advocate not appropriate?",
        help_text="Only if it is not appropriate. The family reads this.",
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answer"].label = f"What was {name}'s answer?"
        self.helper = gds_helper(
            Field("on"),
            Field.radios("answer", legend_size=Size.SMALL),
            Field.text("organisation", field_width=Fluid.TWO_THIRDS),
            Field.textarea("reason", rows=4),
            button="Save the advocacy offer",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answer = data.get("answer")
        if answer == AdvocacyAnswer.ACCEPTED and not data.get("organisation", "").strip():
            self.add_error("organisation", "Enter the advocate's organisation")
        if answer == AdvocacyAnswer.NOT_APPROPRIATE and not data.get("reason", "").strip():
            self.add_error("reason", "Write why offering an advocate is not appropriate")
        return data

    def to_input(self) -> AdvocacyInput:
        data = self.cleaned_data
        return AdvocacyInput(
            answer=data["answer"],
            on=data["on"],
            organisation=data.get("organisation", ""),
            reason=data.get("reason", ""),
        )
