"""Forms for assessment pages, in the GOV.UK style (crispy-forms-gds). Labels use the name of
the person assessed, never "the child"."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Div, Field, Fieldset, Fluid, Size
from django import forms

from supportfirst.assessments.areas import prompts_for
from supportfirst.assessments.models import (
    AssessmentArea,
    ChildViewHow,
    HowOften,
    Kind,
    OfferAnswer,
)
from supportfirst.assessments.services import AreaInput, DecisionsInput, NeedInput
from supportfirst.kernel.formsupport import gds_helper

FAMILY_ACCOUNT_HINT = "Write it as they said it. Once saved it cannot be changed, only added to."


def _describe(field: forms.Field, label: str, hint: str) -> None:
    field.label = label
    field.help_text = hint


class AreaForm(forms.Form):
    """One area of life: the family's account (added to, never changed), the child's own view,
    the practitioner's analysis, and whether the area is complete."""

    family_account = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    family_account_by = forms.CharField(
        label="Who told us",
        help_text="Their name and who they are, for example “Claire Hughes (Mum)”.",
        max_length=200,
        required=False,
    )
    child_view = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    child_view_how = forms.MultipleChoiceField(
        choices=ChildViewHow.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    child_view_through_whom = forms.CharField(max_length=200, required=False)
    practitioner_analysis = forms.CharField(
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 6}), required=False
    )
    nothing_to_add = forms.BooleanField(required=False)
    completed = forms.BooleanField(label="This area is complete", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, area: AssessmentArea, **kwargs: Any) -> None:
        initial = {
            "child_view": area.child_view,
            "child_view_how": area.child_view_how,
            "child_view_through_whom": area.child_view_through_whom,
            "practitioner_analysis": area.practitioner_analysis,
            "nothing_to_add": area.nothing_to_add,
            "completed": area.completed,
            "version": area.version,
        }
        kwargs["initial"] = {**initial, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        assessment = area.assessment
        self.name = name = assessment.subject_name
        self.is_child = assessment.kind == Kind.CHILD
        told = "the family" if self.is_child else name
        fields = self.fields
        adding = bool(area.family_accounts.all())
        _describe(fields["family_account"], "In their words", FAMILY_ACCOUNT_HINT)
        _describe(
            fields["practitioner_analysis"],
            "Your analysis",
            prompts_for(assessment.kind, name).analysis,
        )
        fields["nothing_to_add"].label = f"I have nothing to add to what {told} told us"
        layout: list[Any] = [
            Fieldset(
                Field.textarea("family_account", rows=5),
                Field.text("family_account_by", field_width=Fluid.TWO_THIRDS),
                legend=f"{'Add to what' if adding else 'What'} {told} told us",
                legend_size=Size.MEDIUM,
            )
        ]
        if self.is_child:
            _describe(
                fields["child_view"],
                f"What {name} told us or showed us",
                f"In {name}'s own words, signs or choices, as exactly as you can.",
            )
            _describe(fields["child_view_how"], f"How {name} told us", "Select all that apply.")
            _describe(
                fields["child_view_through_whom"],
                f"Who helped {name} tell us (if anyone)",
                "For example their teaching assistant, or their brother.",
            )
            layout.append(
                Fieldset(
                    Field.textarea("child_view", rows=4),
                    Field.checkboxes("child_view_how", small=True),
                    Field.text("child_view_through_whom", field_width=Fluid.TWO_THIRDS),
                    legend=f"{name}'s own view",
                    legend_size=Size.MEDIUM,
                )
            )
        else:
            for field_name in ("child_view", "child_view_how", "child_view_through_whom"):
                del fields[field_name]
        layout += [
            Field.textarea("practitioner_analysis", rows=6, label_size=Size.MEDIUM),
            Field.checkbox("nothing_to_add", small=True),
            Field.checkbox("completed"),
            "version",
        ]
        self.helper = gds_helper(*layout, button="Save and return to the task list")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("family_account", "").strip() and not data.get("family_account_by", "").strip():
            self.add_error(
                "family_account_by", "Enter who told us, for example “Claire Hughes (Mum)”"
            )
        if self.is_child:
            how = data.get("child_view_how") or []
            if data.get("child_view", "").strip() and not how:
                self.add_error("child_view_how", f"Select how {self.name} told us")
            if (
                ChildViewHow.TRUSTED_ADULT in how
                and not data.get("child_view_through_whom", "").strip()
            ):
                self.add_error("child_view_through_whom", f"Enter who helped {self.name} tell us")
        if data.get("completed") and not (
            data.get("practitioner_analysis", "").strip() or data.get("nothing_to_add")
        ):
            self.add_error(
                "completed",
                "Write your analysis, or tick that you have nothing to add, before marking this "
                "area as complete",
            )
        return data

    def to_input(self) -> AreaInput:
        data = self.cleaned_data
        return AreaInput(
            family_account=data["family_account"],
            family_account_by=data["family_account_by"],
            child_view=data.get("child_view", ""),
            child_view_how=tuple(data.get("child_view_how") or ()),
            child_view_through_whom=data.get("child_view_through_whom", ""),
            practitioner_analysis=data["practitioner_analysis"],
            nothing_to_add=data["nothing_to_add"],
            completed=data["completed"],
        )


UNABLE = (
    "cannot_without_help",
    "only_with_pain_distress_or_anxiety",
    "only_with_danger",
    "takes_much_longer",
)


class NeedForm(forms.Form):
    """A need in one area. The four ways a need can be hard to achieve come from the adult
    eligibility rules (Care and Support (Eligibility Criteria) Regulations 2015, reg 2)."""

    prefix = "need"

    description = forms.CharField(
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 3}),
        error_messages={"required": "Describe the need"},
    )
    # A need that fluctuates over the week is judged at the level of its hard days, as often
    # as they come: ticking this reveals "How often do the hard days come?" (the GOV.UK
    # conditional reveal) and the ticks below are about the hard days.
    fluctuates = forms.BooleanField(
        label="Some days are much harder than others",
        help_text="For example, needs change from day to day or week to week.",
        required=False,
    )
    hard_days_how_often = forms.ChoiceField(
        label="How often do the hard days come?",
        # Not "every day": a need whose hard days came every day would not come and go.
        choices=[c for c in HowOften.choices if c[0] != HowOften.EVERY_DAY],
        widget=forms.RadioSelect,
        required=False,
    )
    unable = forms.MultipleChoiceField(
        label="Which of these are true?",
        help_text="Select all that apply. If some days are much harder than others, answer for "
        "the hard days. They help decide which needs the council must meet.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    how_often = forms.ChoiceField(
        label="How often is help needed?",
        choices=HowOften.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, name: str, kind: str = Kind.CHILD, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.for_child = kind == Kind.CHILD
        if self.for_child:
            # The age comparator: needs are judged against what is typical at this age.
            self.fields["same_age"] = _yes_no(
                f"Is this more than other children of {name}'s age need?",
                f"Say whether this is more than other children of {name}'s age need",
                "For example, every two-year-old needs help to dress and eat: that is not "
                "more than other children of the same age need.",
            )
        prompts = prompts_for(kind, name)
        _describe(self.fields["description"], prompts.need_label, prompts.need_example)
        self.fields["fluctuates"].label = f"Some days are much harder than others for {name}"
        self.fields["how_often"].help_text = (
            f"If some days are much harder than others for {name}, you have said how often the "
            "hard days come: you do not need to answer this."
        )
        cast(forms.MultipleChoiceField, self.fields["unable"]).choices = [
            (flag, getattr(prompts, flag)) for flag in UNABLE
        ]
        layout = [
            Field.textarea("description", rows=3),
            Div(
                Field.checkbox("fluctuates", small=True, data_aria_controls="need-hard-days"),
                Div(
                    Field.radios("hard_days_how_often", legend_size=Size.SMALL, small=True),
                    css_id="need-hard-days",
                    css_class="govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden",
                ),
                data_module="govuk-checkboxes",
            ),
            Field.checkboxes("unable", legend_size=Size.SMALL),
            Field.radios("how_often", legend_size=Size.SMALL),
        ]
        if self.for_child:
            layout.append(Field.radios("same_age", legend_size=Size.SMALL, inline=True))
        self.helper = gds_helper(*layout, button="Add this need", name="add_need")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # One frequency question is asked, by whether some days are much harder.
        if data.get("fluctuates"):
            if not data.get("hard_days_how_often"):
                self.add_error("hard_days_how_often", "Select how often the hard days come")
        elif not data.get("how_often"):
            self.add_error("how_often", "Select how often help is needed")
        return data

    def to_input(self) -> NeedInput:
        data = self.cleaned_data
        unable = set(data["unable"])
        fluctuates = bool(data.get("fluctuates"))
        return NeedInput(
            description=data["description"],
            how_often=data["hard_days_how_often"] if fluctuates else data["how_often"],
            more_than_same_age=data["same_age"] if self.for_child else None,
            fluctuates=fluctuates,
            **{flag: flag in unable for flag in UNABLE},
        )


YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, error: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": error},
    )


def _reason(label: str, error: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=2000,
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 3}),
        error_messages={"required": error},
    )


class CarerDecisionsForm(forms.Form):
    """The four decisions that end a parent carer's assessment (Children Act 1989 s17ZF)."""

    def __init__(self, *args: Any, carer: str, child: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        questions = [
            ("carer_has_needs", f"Does {carer} have needs for support?", "", f"{carer}'s needs"),
            ("child_has_needs", f"Does {child} have needs for support?", "", f"{child}'s needs"),
            (
                "services_could_meet",
                "Could these needs be met by services for children and families?",
                "Services the council can provide under section 17 of the Children Act 1989.",
                "whether services could meet them",
            ),
            (
                "council_will_provide",
                "Will the council provide any of these services?",
                "",
                "whether the council will provide them",
            ),
        ]
        layout = []
        for name, question, hint, about in questions:
            self.fields[name] = _yes_no(
                question, f"Select yes or no: {question[:-1].lower()}", hint
            )
            self.fields[f"{name}_reason"] = _reason(
                f"Your reason about {about}", f"Write your reason about {about}"
            )
            layout += [
                Field.radios(name, legend_size=Size.SMALL, inline=True),
                Field.textarea(f"{name}_reason", rows=3),
            ]
        self.helper = gds_helper(*layout, button="Save the decisions")

    def to_input(self) -> DecisionsInput:
        return DecisionsInput(**self.cleaned_data)


class OfferAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        widget=forms.RadioSelect, error_messages={"required": "Select their answer"}
    )

    def __init__(self, *args: Any, person: str, child: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answer = cast(forms.ChoiceField, self.fields["answer"])
        answer.label = f"What did {person} say?"
        answer.help_text = (
            "They can change their mind later: if they ask, the assessment must be done."
        )
        answer.choices = [
            (OfferAnswer.ACCEPTED, "Yes, an assessment of their own"),
            (OfferAnswer.COMBINED, f"Yes, done together with {child}'s assessment"),
            (OfferAnswer.DECLINED, "No, not now"),
        ]
        self.helper = gds_helper(
            Field.radios("answer", legend_size=Size.MEDIUM), button="Save their answer"
        )


class AuthoriseForm(forms.Form):
    """The late reason is asked for only when the assessment is late; the guard enforces it."""

    late_reason = forms.CharField(
        label="Why is this assessment late?",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, late: bool, due_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: list[Any] = []
        if late:
            self.fields["late_reason"].help_text = (
                f"It was due on {due_text}, 45 working days after the request. "
                "Write the reason in plain English: the family can read it."
            )
            fields.append(Field.textarea("late_reason", rows=4))
        else:
            del self.fields["late_reason"]
        self.helper = gds_helper(*fields, button="Authorise the assessment")


class FamilyCommentForm(forms.Form):
    text = forms.CharField(
        label="Your comments",
        help_text="Tell us what is wrong or missing, or anything you want to add. We keep your "
        "comments as you write them, next to what we wrote.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter your comments"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=6), button="Send your comments")
