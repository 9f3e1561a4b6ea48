"""Forms for growing up, in the GOV.UK style. Labels use the young person's name."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.transition.models import (
    Benefit,
    ConsentAnswer,
    ConsentAsked,
    EhcStatus,
    Ending,
)
from supportfirst.transition.services import AssessmentAnswers


def _choices(choices: Any) -> list[tuple[str, str]]:
    return [(value, label) for value, label in choices if value]


class AssessmentForm(forms.Form):
    benefit = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=_choices(Benefit.choices),
        error_messages={
            "required": "Say whether a transition assessment would be of significant benefit"
        },
    )
    benefit_reason = forms.CharField(
        label="Why not now?",
        help_text="Only if it would not be of significant benefit now. The family reads this.",
        widget=forms.Textarea(attrs={"rows": 3, "data-wording-check": ""}),
        max_length=2000,
        required=False,
    )
    consent_asked = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=_choices(ConsentAsked.choices),
        required=False,
    )
    capacity_reason = forms.CharField(
        label="Why can they not make this decision themselves?",
        help_text="Only if they cannot. Say how you decided, and who you spoke to.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    consent = forms.ChoiceField(
        widget=forms.RadioSelect, choices=_choices(ConsentAnswer.choices), required=False
    )
    consent_on = RealDateField(label="The day they were asked", required=False)

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "benefit"
        ].label = f"Would a transition assessment be of significant benefit to {name}?"
        self.fields["consent_asked"].label = f"Who answered: was {name} asked themselves?"
        self.fields["consent_asked"].help_text = (
            f"Ask {name}, not their parent. Their answer is the one that counts when they can "
            "make this decision."
        )
        self.fields["consent"].label = f"Did {name} agree to a transition assessment?"
        # Care Act 2014 s58(3)(b) and s58(4), checked on legislation.gov.uk.
        self.fields["consent"].help_text = (
            f"If {name} cannot make this decision themselves, choose that they agreed only if "
            f"the assessment is in their best interests. If {name} does not agree but is "
            "experiencing, or at risk of, abuse or neglect, the council must still assess "
            "(Care Act 2014, section 58(4))."
        )
        self.helper = gds_helper(
            Field.radios("benefit", legend_size=Size.SMALL),
            Field.textarea("benefit_reason", rows=3),
            Field.radios("consent_asked", legend_size=Size.SMALL),
            Field.textarea("capacity_reason", rows=3),
            Field.radios("consent", legend_size=Size.SMALL),
            Field("consent_on"),
            button="Save",
        )

    def to_input(self) -> AssessmentAnswers:
        data = self.cleaned_data
        return AssessmentAnswers(
            benefit=data["benefit"],
            benefit_reason=data.get("benefit_reason", ""),
            consent_asked=data.get("consent_asked", ""),
            capacity_reason=data.get("capacity_reason", ""),
            consent=data.get("consent", ""),
            consent_on=data.get("consent_on"),
        )


class OwnWordsForm(forms.Form):
    words = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={"required": "Write what the young person said, in their own words"},
    )

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["words"].label = f"What {name} wants for adult life, in their own words"
        self.fields[
            "words"
        ].help_text = f"Write it as {name} said it: do not change or sum up their words."
        self.helper = gds_helper(Field.textarea("words", rows=8), button="Save")


class ReferralForm(forms.Form):
    referred_on = RealDateField(label="The day of the referral to adult social care")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["referred_on"].error_messages["required"] = "Enter the day of the referral"
        self.helper = gds_helper(Field("referred_on"), button="Save the referral")


class EndingForm(forms.Form):
    ending = forms.ChoiceField(
        label="What happened?",
        widget=forms.RadioSelect,
        choices=_choices(Ending.choices),
        error_messages={"required": "Say what happened"},
    )
    ended_on = RealDateField(label="The date")
    reason = forms.CharField(
        label="The reason",
        help_text="The family reads this.",
        widget=forms.Textarea(attrs={"rows": 4, "data-wording-check": ""}),
        max_length=2000,
        error_messages={"required": "Write the reason"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ended_on"].error_messages["required"] = "Enter the date"
        self.helper = gds_helper(
            Field.radios("ending", legend_size=Size.SMALL),
            Field("ended_on"),
            Field.textarea("reason", rows=4),
            button="Save",
        )


class EhcForm(forms.Form):
    status = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=EhcStatus.choices,
        error_messages={"required": "Say whether there is an EHC plan"},
    )
    assessment_started_on = RealDateField(
        label="The day the EHC needs assessment started",
        help_text="If one is under way, or led to the plan.",
        required=False,
    )
    plan_issued_on = RealDateField(
        label="The day the EHC plan was issued", help_text="If there is a plan.", required=False
    )

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].label = f"Does {name} have an education, health and care (EHC) plan?"
        self.helper = gds_helper(
            Field.radios("status", legend_size=Size.SMALL),
            Field("assessment_started_on"),
            Field("plan_issued_on"),
            button="Save",
        )


class AdviceRequestForm(forms.Form):
    requested_on = RealDateField(
        label="The day the education team asked for social care advice",
        help_text="The advice is due 6 weeks after this day.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["requested_on"].error_messages["required"] = (
            "Enter the day the advice was asked for"
        )
        self.helper = gds_helper(Field("requested_on"), button="Start the 6-week clock")


class AdviceGivenForm(forms.Form):
    given_on = RealDateField(label="The day the social care advice was given")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_on"].error_messages["required"] = "Enter the day the advice was given"
        self.helper = gds_helper(Field("given_on"), button="Save")
