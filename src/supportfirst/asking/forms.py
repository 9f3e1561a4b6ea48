"""The question pages' forms, one thing per page, in the GOV.UK style (crispy-forms-gds).

Each form knows its page heading, how to turn its answers into JSON for the draft and back,
and how to show them on the check-your-answers page.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, ClassVar

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Button, Field, Fixed, Fluid, Size
from django import forms
from django.utils import timezone

from supportfirst.asking.models import HELP_FOR_YOU, Format
from supportfirst.families.models import ContactMethod
from supportfirst.kernel.formsupport import RealDateField, gds_helper

YES_NO = [("yes", "Yes"), ("no", "No")]
ONLINE_CONTACT = [c for c in ContactMethod.choices if c[0] != ContactMethod.LETTER]
_PHONE = re.compile(r"^\+?[\d\s()-]{7,25}$")
OLDEST_AGE = 25


def _no_more_than(limit: int, what: str) -> dict[str, str]:
    return {"max_length": f"{what} must be {limit} characters or fewer"}


def _date_field(label: str, hint: str, *, required: bool = True) -> DateInputField:
    return RealDateField(label=label, help_text=hint, required=required)


def _to_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


class QuestionForm(forms.Form):
    """A question page. `heading` is the page's h1; when `heading_field` is set, that field's
    label (or legend) is the h1 instead of a separate heading."""

    heading: ClassVar[str] = ""
    heading_field: ClassVar[str | None] = None
    intro: ClassVar[str] = ""

    def __init__(self, *args: Any, child_name: str = "", **kwargs: Any) -> None:
        self.child_name = child_name or "your child"
        super().__init__(*args, **kwargs)
        self.personalise()
        self.helper = gds_helper(*self.layout())

    def personalise(self) -> None:
        """Put the child's name in labels and hints."""

    def intro_paragraphs(self) -> list[str]:
        return [self.intro] if self.intro else []

    def layout(self) -> list[Any]:
        raise NotImplementedError

    def page_heading(self) -> str:
        if self.heading_field:
            return str(self.fields[self.heading_field].label)
        return self.heading.format(name=self.child_name)

    @classmethod
    def initial_from(cls, answers: dict[str, Any]) -> dict[str, Any]:
        initial = {}
        for name, field in cls.base_fields.items():
            if name in answers:
                value = answers[name]
                initial[name] = _to_date(value) if isinstance(field, DateInputField) else value
        return initial

    def to_answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            out[name] = value.isoformat() if isinstance(value, date) else value
        return out

    def _text(self, name: str, **kwargs: Any) -> Any:
        if name == self.heading_field:
            kwargs.update(label_tag="h1", label_size=Size.LARGE)
        return Field.text(name, **kwargs)

    def _textarea(self, name: str, **kwargs: Any) -> Any:
        if name == self.heading_field:
            kwargs.update(label_tag="h1", label_size=Size.LARGE)
        return Field.textarea(name, rows=8, **kwargs)

    def _radios(self, name: str, **kwargs: Any) -> Any:
        if name == self.heading_field:
            kwargs.update(legend_tag="h1", legend_size=Size.LARGE)
        else:
            kwargs.setdefault("legend_size", Size.MEDIUM)
        return Field.radios(name, **kwargs)


def _long_text(label: str, hint: str, required_message: str = "") -> forms.CharField:
    """Free text in the family's own words: long answers (thousands of words) are welcome."""
    return forms.CharField(
        label=label,
        help_text=hint,
        required=bool(required_message),
        max_length=60_000,
        widget=forms.Textarea,
        error_messages={
            "required": required_message,
            "max_length": "Your answer is too long to save here. Give us the main points, "
            "and tell us the rest when we talk",
        },
    )


class AboutYouForm(QuestionForm):
    heading = "About you"
    full_name = forms.CharField(
        label="Your full name",
        max_length=200,
        error_messages={"required": "Enter your full name", **_no_more_than(200, "Your name")},
    )
    relationship = forms.CharField(
        label="Your relationship to the child you are asking about",
        help_text="For example mum, dad, grandparent or foster carer.",
        max_length=60,
        error_messages={
            "required": "Enter your relationship to the child",
            **_no_more_than(60, "Your relationship"),
        },
    )

    def layout(self) -> list[Any]:
        return [
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("relationship", field_width=Fluid.ONE_HALF),
        ]


class ContactDetailsForm(QuestionForm):
    heading = "Your contact details"
    intro = "Give us at least one way to reach you."
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
            **_no_more_than(254, "Your email address"),
        },
    )
    phone = forms.CharField(
        label="Phone number",
        help_text="For a mobile, we can also send text messages.",
        required=False,
        max_length=40,
        error_messages=_no_more_than(40, "Your phone number"),
    )

    def layout(self) -> list[Any]:
        return [
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.text("phone", field_width=Fixed.TWENTY),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        phone = (data.get("phone") or "").strip()
        if phone and not _PHONE.match(phone):
            self.add_error("phone", "Enter a phone number, like 01632 960 001 or 07700 900 982")
        if not data.get("email") and not phone and not self.errors:
            self.add_error("email", "Enter an email address or a phone number")
        return data


class ChildNameForm(QuestionForm):
    heading = "Your child's name"
    intro = "Tell us about one child. You can ask for help for another child afterwards."
    first_name = forms.CharField(
        label="First name",
        max_length=100,
        error_messages={"required": "Enter your child's first name", **_no_more_than(100, "It")},
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=100,
        error_messages={"required": "Enter your child's last name", **_no_more_than(100, "It")},
    )

    def layout(self) -> list[Any]:
        return [
            Field.text("first_name", field_width=Fluid.ONE_HALF),
            Field.text("last_name", field_width=Fluid.ONE_HALF),
        ]


class ChildAgeForm(QuestionForm):
    heading = "How old is {name}?"
    date_of_birth = _date_field("Date of birth", "For example, 27 3 2015", required=False)
    age = forms.IntegerField(
        label="If you would rather not give their date of birth, their age in years",
        required=False,
        min_value=0,
        max_value=OLDEST_AGE,
        error_messages={
            "invalid": "Enter their age as a number, like 7",
            "min_value": "Enter their age as a number, like 7",
            "max_value": f"We can help children and young people aged up to {OLDEST_AGE}",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def layout(self) -> list[Any]:
        return [Field("date_of_birth"), Field.text("age", field_width=Fixed.TWO)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        born = data.get("date_of_birth")
        today = timezone.localdate()
        if born and born > today:
            self.add_error("date_of_birth", "The date of birth must be in the past")
        elif born and today.year - born.year > OLDEST_AGE + 1:
            self.add_error(
                "date_of_birth", f"We can help children and young people aged up to {OLDEST_AGE}"
            )
        if not born and data.get("age") is None and not self.errors:
            self.add_error("date_of_birth", "Enter their date of birth or their age")
        return data


class DayToDayForm(QuestionForm):
    heading_field = "day_to_day"
    day_to_day = _long_text(
        "",
        "",
        "Tell us what their disability or condition means for them day to day",
    )

    def personalise(self) -> None:
        name = self.child_name
        field = self.fields["day_to_day"]
        field.label = f"What does {name}'s disability or condition mean for them day to day?"
        field.help_text = (
            f"You do not need a diagnosis to ask for help. Tell us in your own words, for "
            f"example what {name} needs help with, what is hard, and what helps."
        )

    def layout(self) -> list[Any]:
        return [self._textarea("day_to_day")]


class HelpWantedForm(QuestionForm):
    heading_field = "help_wanted"
    help_wanted = _long_text(
        "What help would you like?",
        "In your own words. You do not need to know what help there is.",
        "Tell us what help you would like",
    )

    def layout(self) -> list[Any]:
        return [self._textarea("help_wanted")]


class GoodWeekForm(QuestionForm):
    heading_field = "good_week"
    good_week = _long_text(
        "What would a good week look like for your family?",
        "For example time for you, a club for your child, or sleeping through the night.",
        "Tell us what a good week would look like",
    )

    def layout(self) -> list[Any]:
        return [self._textarea("good_week")]


class HelpForYouForm(QuestionForm):
    heading = "Help for you as a parent carer"
    intro = (
        "Looking after a disabled child can be hard on you too. We will offer to assess what "
        "you need as a parent carer, such as a break, sleep or time for work. If you ask, we "
        "must do it (Children Act 1989, section 17ZD)."
    )
    parent_carer_help = forms.ChoiceField(
        label="Would you like help for yourself?",
        choices=HELP_FOR_YOU,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you would like help for yourself"},
    )
    parent_carer_help_details = _long_text("Tell us more (optional)", "")

    def layout(self) -> list[Any]:
        return [self._radios("parent_carer_help"), Field.textarea("parent_carer_help_details")]


class SiblingsForm(QuestionForm):
    heading_field = "siblings_help"
    siblings_help = forms.ChoiceField(
        label="",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if brothers or sisters help to look after them"},
    )

    def personalise(self) -> None:
        field = self.fields["siblings_help"]
        field.label = f"Do any of {self.child_name}'s brothers or sisters help to look after them?"
        field.help_text = "Brothers and sisters who help can have their own assessment."

    def layout(self) -> list[Any]:
        return [self._radios("siblings_help", inline=True)]


class SiblingForm(QuestionForm):
    heading = "A brother or sister who helps"
    first_name = forms.CharField(
        label="Their first name",
        max_length=100,
        error_messages={"required": "Enter their first name", **_no_more_than(100, "It")},
    )
    date_of_birth = _date_field("Their date of birth", "For example, 14 6 2013")
    how_they_help = _long_text("How do they help? (optional)", "")

    def layout(self) -> list[Any]:
        return [
            Field.text("first_name", field_width=Fluid.ONE_HALF),
            Field("date_of_birth"),
            Field.textarea("how_they_help", rows=4),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        born = data.get("date_of_birth")
        if born and born > timezone.localdate():
            self.add_error("date_of_birth", "The date of birth must be in the past")
        return data


class AddAnotherForm(QuestionForm):
    heading = "Brothers and sisters who help"
    add_another = forms.ChoiceField(
        label="Do you want to add another brother or sister?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you want to add another brother or sister"},
    )

    def layout(self) -> list[Any]:
        return [self._radios("add_another", inline=True)]


class ContactPreferenceForm(QuestionForm):
    heading_field = "preferred_contact"
    preferred_contact = forms.ChoiceField(
        label="How would you like us to contact you?",
        choices=ONLINE_CONTACT,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you would like us to contact you"},
    )

    def __init__(self, *args: Any, answers: dict[str, Any] | None = None, **kwargs: Any):
        self.answers = answers or {}
        super().__init__(*args, **kwargs)

    def layout(self) -> list[Any]:
        return [self._radios("preferred_contact")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("preferred_contact")
        if chosen == ContactMethod.EMAIL and not self.answers.get("email"):
            self.add_error(
                "preferred_contact",
                "You have not given us an email address. Choose another way, or go back and "
                "add your email address",
            )
        if chosen in (ContactMethod.PHONE, ContactMethod.TEXT) and not self.answers.get("phone"):
            self.add_error(
                "preferred_contact",
                "You have not given us a phone number. Choose another way, or go back and add "
                "your phone number",
            )
        return data


class CommunicationForm(QuestionForm):
    heading = "Communication and accessible formats"
    formats = forms.MultipleChoiceField(
        label="Would you like what we send you in another format? (optional)",
        help_text="Select all that apply.",
        choices=Format.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    communication_needs = _long_text(
        "Anything else that helps us communicate with you (optional)",
        "For example if you are deaf or use British Sign Language, or find reading hard.",
    )

    def layout(self) -> list[Any]:
        return [
            Field.checkboxes("formats", legend_size=Size.MEDIUM),
            Field.textarea("communication_needs", rows=4),
        ]


class InterpreterForm(QuestionForm):
    heading = "Interpreter"
    needs_interpreter = forms.ChoiceField(
        label="Would you like an interpreter when we talk?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you would like an interpreter"},
    )
    interpreter_language = forms.CharField(
        label="If yes, which language?",
        required=False,
        max_length=60,
        error_messages=_no_more_than(60, "The language"),
    )

    def layout(self) -> list[Any]:
        return [
            self._radios("needs_interpreter", inline=True),
            Field.text("interpreter_language", field_width=Fluid.ONE_HALF),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("needs_interpreter") == "yes" and not data.get("interpreter_language"):
            self.add_error("interpreter_language", "Enter the language you would like")
        if data.get("needs_interpreter") == "no":
            data["interpreter_language"] = ""
        return data


class ConsentForm(QuestionForm):
    heading = "Talking to other people who know {name}"
    consent = forms.ChoiceField(
        label="",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if we can contact other people, or no"},
    )

    def personalise(self) -> None:
        self.fields[
            "consent"
        ].label = f"Are you happy for us to contact other people who know {self.child_name}?"

    def intro_paragraphs(self) -> list[str]:
        name = self.child_name
        return [
            f"People such as {name}'s school, nursery, doctor or health visitor may help us "
            f"understand what {name} needs.",
            "If you say yes, we will still tell you who we want to contact and why before we "
            "do it. You can change your mind at any time.",
            "If you say no, we will still help you. We will work from what you tell us.",
        ]

    def layout(self) -> list[Any]:
        return [self._radios("consent", inline=True)]


class SaveForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We will send you a link to carry on. It works for 28 days.",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS), Button("submit", "Send me a link")
        )
