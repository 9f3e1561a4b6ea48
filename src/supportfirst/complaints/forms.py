"""Forms for the complaint pages, in the GOV.UK style (crispy-forms-gds)."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone

from supportfirst.complaints.models import AdvocacyAnswer, Outcome
from supportfirst.kernel.formsupport import RealDateField, gds_helper


def _not_in_future(form: forms.Form, name: str, what: str) -> None:
    day = form.cleaned_data.get(name)
    if day and day > timezone.localdate():
        form.add_error(name, f"The date{' ' + what if what else ''} must be today or in the past")


# A complaint may need room: about 3,500 words.
COMPLAINT_MAX = 20000


class ComplaintForm(forms.Form):
    """A family's complaint: what it is about, what went wrong, what would put it right."""

    about = forms.ChoiceField(
        label="What is your complaint about?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your complaint is about"},
    )
    about_other = forms.CharField(
        label="If it is about something else, tell us what",
        max_length=300,
        required=False,
    )
    summary = forms.CharField(
        label="What went wrong?",
        help_text="Tell us in your own words.",
        max_length=COMPLAINT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Tell us what went wrong"},
    )
    put_right = forms.CharField(
        label="What would put it right? (optional)",
        help_text="For example an apology, a change to a record, or a different decision.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    happened_on = RealDateField(
        label="When did it happen? (optional)",
        help_text="If you know, for example 27 3 2026. If it was more than a year ago, tell us "
        "anyway: we will decide whether we can still look into it and tell you why.",
        required=False,
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["about"]).choices = [
            *choices,
            ("other", "Something else"),
        ]
        self.helper = gds_helper(
            Field.radios("about", legend_size=Size.MEDIUM),
            Field.text("about_other", field_width=Fluid.TWO_THIRDS),
            Field.textarea("summary", rows=10),
            Field.textarea("put_right", rows=5),
            Field("happened_on"),
            button="Send your complaint",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("about") == "other" and not str(data.get("about_other", "")).strip():
            self.add_error("about_other", "Tell us what your complaint is about")
        _not_in_future(self, "happened_on", "it happened")
        return data


class NextStageForm(forms.Form):
    why = forms.CharField(
        label="Why are you not satisfied? (optional)",
        help_text="This helps the people looking into it at the next stage.",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )

    def __init__(self, *args: Any, next_stage: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("why", rows=6), button=f"Ask for stage {next_stage}"
        )


class AdvocacyForm(forms.Form):
    offered_on = RealDateField(
        label="Date the advocate was offered", help_text="For example, 27 3 2026"
    )
    answer = forms.ChoiceField(
        label="What did the family say?",
        choices=AdvocacyAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the family said"},
    )
    organisation = forms.CharField(
        label="The advocate's organisation", max_length=200, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("offered_on"),
            Field.radios("answer", legend_size=Size.SMALL),
            Field.text("organisation", field_width=Fluid.TWO_THIRDS),
            button="Save the advocacy offer",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_in_future(self, "offered_on", "the advocate was offered")
        if (
            data.get("answer") == AdvocacyAnswer.ACCEPTED
            and not data.get("organisation", "").strip()
        ):
            self.add_error("organisation", "Enter the advocate's organisation")
        return data


class ExtendForm(forms.Form):
    new_due = RealDateField(label="New date for the response", help_text="For example, 27 3 2026")
    reason = forms.CharField(
        label="Why is more time needed?",
        help_text="The family will be told this reason.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write the reason for the extension"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("new_due"), Field.textarea("reason", rows=5), button="Extend the time to respond"
        )


class InvestigatorsForm(forms.Form):
    investigating_officer = forms.CharField(
        label="Investigating officer",
        max_length=200,
        error_messages={"required": "Enter the name of the investigating officer"},
    )
    independent_person = forms.CharField(
        label="Independent person",
        help_text="Someone who does not work for the council.",
        max_length=200,
        error_messages={"required": "Enter the name of the independent person"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("investigating_officer", field_width=Fluid.TWO_THIRDS),
            Field.text("independent_person", field_width=Fluid.TWO_THIRDS),
            button="Save the appointments",
        )


class PanelForm(forms.Form):
    chair = forms.CharField(
        label="Panel chair (independent)",
        max_length=200,
        error_messages={"required": "Enter the name of the panel chair"},
    )
    second_member = forms.CharField(
        label="Second panel member (independent)",
        max_length=200,
        error_messages={"required": "Enter the name of the second panel member"},
    )
    third_member = forms.CharField(
        label="Third panel member (independent)",
        max_length=200,
        error_messages={"required": "Enter the name of the third panel member"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("chair", field_width=Fluid.TWO_THIRDS),
            Field.text("second_member", field_width=Fluid.TWO_THIRDS),
            Field.text("third_member", field_width=Fluid.TWO_THIRDS),
            button="Save the panel",
        )


class DateForm(forms.Form):
    """The date the panel met, or the date of its report."""

    on = RealDateField(label="Date", help_text="For example, 27 3 2026")

    def __init__(self, *args: Any, label: str, button: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = label
        self.helper = gds_helper(Field("on"), button=button)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_in_future(self, "on", "")
        return data


class RespondForm(forms.Form):
    response = forms.CharField(
        label="The council's response",
        help_text="Write to the family in plain English: what you found, what you will do, and "
        "what they can do next.",
        widget=forms.Textarea(attrs={"rows": 10, "data-wording-check": ""}),
        error_messages={"required": "Write the council's response"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the complaint is upheld"},
    )
    responded_on = RealDateField(label="Date of the response", help_text="For example, 27 3 2026")
    remedy = forms.CharField(
        label="What the council will do to put it right",
        help_text="Needed when the complaint is upheld in whole or in part. For example an "
        "apology, a new assessment by a date, a payment, a corrected record. The family will "
        "read this.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    learning = forms.CharField(
        label="What the council has learned, and what it will change",
        help_text="Needed when the complaint is upheld in whole or in part. For example a "
        "change to how calls are returned. The family will read this.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("response", rows=10),
            Field.radios("outcome", legend_size=Size.SMALL),
            Field.textarea("remedy", rows=4),
            Field.textarea("learning", rows=4),
            Field("responded_on"),
            button="Record the response",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_in_future(self, "responded_on", "of the response")
        if data.get("outcome") in (Outcome.UPHELD, Outcome.PARTLY_UPHELD):
            if not str(data.get("remedy", "")).strip():
                self.add_error("remedy", "Write what the council will do to put it right")
            if not str(data.get("learning", "")).strip():
                self.add_error("learning", "Write what the council has learned")
        return data


class TimeLimitForm(forms.Form):
    """A complaint made more than a year after what it is about: consider it or not, and why."""

    consider = forms.ChoiceField(
        label="Will the council consider this complaint?",
        choices=[
            (
                "yes",
                "Yes: it was not reasonable to complain sooner, and it can still be looked "
                "into fairly",
            ),
            (
                "no",
                "No: it would have been reasonable to complain sooner, or it cannot now be "
                "looked into effectively and fairly",
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the council will consider the complaint"},
    )
    reason = forms.CharField(
        label="Why?",
        help_text="The family will be told this reason.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write the reason for the decision"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("consider", legend_size=Size.SMALL),
            Field.textarea("reason", rows=5),
            button="Save the decision",
        )


class StatementForm(forms.Form):
    """Stage 2: the statement of complaint, as agreed with the person complaining."""

    statement = forms.CharField(
        label="The statement of complaint",
        help_text="Each point of complaint and what the person complaining wants, in the words "
        "you agreed with them. The investigation answers each point.",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Write the statement of complaint"},
    )
    agreed_on = RealDateField(
        label="Date the person complaining agreed it", help_text="For example, 27 3 2026"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("statement", rows=10),
            Field("agreed_on"),
            button="Save the agreed statement",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_in_future(self, "agreed_on", "it was agreed")
        return data


class WorkerForm(forms.Form):
    """Which worker, if any, the complaint is about: they will not see the complaint."""

    worker = forms.ChoiceField(
        label="Which worker is the complaint about?",
        help_text="They will not be able to see this complaint, or find that it exists.",
        widget=forms.RadioSelect,
        error_messages={"required": "Select a worker, or that it is not about one worker"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["worker"]).choices = [
            *choices,
            ("none", "It is not about one worker"),
        ]
        self.helper = gds_helper(Field.radios("worker", legend_size=Size.SMALL), button="Save")
