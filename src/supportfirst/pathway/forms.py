"""Forms for the support pathway's staff pages, in the GOV.UK style (crispy-forms-gds)."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Fluid, Size
from django import forms
from django.utils import timezone

from supportfirst.families.models import ContactMethod
from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.pathway.models import ContactKind, FamilyView, Intrusion, Pathway, WhoAsked

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*(am|pm)?\s*$", re.IGNORECASE)


def parse_time(value: str) -> time:
    """ "9:30", "14:05", "2.15pm" -> a time; ValueError when it is not a time."""
    match = _TIME.match(value)
    if not match:
        raise ValueError(value)
    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if half == "pm" else 0)
    return time(hour, minute)


class TimeField(forms.CharField):
    default_error_messages = {"invalid": "Enter a time, like 9:30am or 14:30"}

    def clean(self, value: Any) -> time | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_time(text)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


def _on(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class RequestForm(forms.Form):
    """A request for help. For a new family, the family and child details are asked too."""

    received_on = RealDateField(
        label="Date the request was received", help_text="For example, 27 3 2026"
    )
    received_time = TimeField(
        label="Time it was received", help_text="For example, 9:30am or 14:30", max_length=10
    )
    who_asked = forms.ChoiceField(
        label="Who asked for help?",
        choices=WhoAsked.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who asked for help"},
    )
    requester_name = forms.CharField(
        label="Their name",
        max_length=200,
        error_messages={"required": "Enter the name of the person who asked"},
    )
    requester_organisation = forms.CharField(
        label="Their organisation (for a professional)", max_length=200, required=False
    )
    help_asked_for = forms.CharField(
        label="What help are they asking for?",
        help_text="Write it in their words.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what help they are asking for"},
    )
    consent_to_contact_others = forms.TypedChoiceField(
        label="Have they agreed that we can contact other people (such as the school or GP)?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if they agreed we can contact other people"},
    )
    communication_needs = forms.CharField(
        label="Communication needs (optional)",
        help_text="For example an interpreter, large print, or easy read.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    preferred_contact = forms.ChoiceField(
        label="How do they like to be contacted?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they like to be contacted"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("received_on"),
            Field.text("received_time", field_width=Fixed.TEN),
            Field.radios("who_asked", legend_size=Size.SMALL),
            Field.text("requester_name", field_width=Fluid.TWO_THIRDS),
            Field.text("requester_organisation", field_width=Fluid.TWO_THIRDS),
            Field.textarea("help_asked_for"),
            Field.radios("consent_to_contact_others", legend_size=Size.SMALL, inline=True),
            Field.textarea("communication_needs"),
            Field.radios("preferred_contact", legend_size=Size.SMALL),
            button="Save the request",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("who_asked") == WhoAsked.PROFESSIONAL and not data.get(
            "requester_organisation"
        ):
            self.add_error("requester_organisation", "Enter the professional's organisation")
        day, at = data.get("received_on"), data.get("received_time")
        if day and at:
            received = _on(day, at)
            if received > timezone.now():
                self.add_error(
                    "received_on", "The date the request was received must be today or in the past"
                )
            data["received_at"] = received
        return data


class NewFamilyRequestForm(RequestForm):
    parent_name = forms.CharField(
        label="Parent carer's full name",
        max_length=200,
        error_messages={"required": "Enter the parent carer's full name"},
    )
    parent_relationship = forms.CharField(
        label="Their relationship to the child",
        help_text="For example mum, dad, grandparent, foster carer.",
        max_length=60,
        error_messages={"required": "Enter their relationship to the child"},
    )
    parent_email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    parent_phone = forms.CharField(label="Phone number (optional)", max_length=40, required=False)
    child_first_name = forms.CharField(
        label="Child's first name",
        max_length=100,
        error_messages={"required": "Enter the child's first name"},
    )
    child_last_name = forms.CharField(
        label="Child's last name",
        max_length=100,
        error_messages={"required": "Enter the child's last name"},
    )
    child_date_of_birth = RealDateField(
        label="Child's date of birth", help_text="For example, 27 3 2015"
    )
    child_about = forms.CharField(
        label="What their disability or condition means day to day (optional)",
        help_text="No diagnosis is needed.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request_fields = list(self.helper.layout.fields[:-1])
        self.helper = gds_helper(
            Fieldset(
                Field.text("parent_name", field_width=Fluid.TWO_THIRDS),
                Field.text("parent_relationship", field_width=Fluid.ONE_HALF),
                Field.text("parent_email", field_width=Fluid.TWO_THIRDS),
                Field.text("parent_phone", field_width=Fixed.TWENTY),
                legend="The family",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("child_first_name", field_width=Fluid.ONE_HALF),
                Field.text("child_last_name", field_width=Fluid.ONE_HALF),
                Field("child_date_of_birth"),
                Field.textarea("child_about"),
                legend="The child",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(*request_fields, legend="The request", legend_size=Size.MEDIUM),
            button="Save the request",
        )
        # The parent carer or the child is named above: their name is not asked again.
        asker = self.fields["requester_name"]
        asker.required = False
        asker.label = "Their name, if they are not the parent carer or the child named above"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not str(data.get("requester_name") or "").strip():
            who = data.get("who_asked")
            child = f"{data.get('child_first_name', '')} {data.get('child_last_name', '')}"
            if who == WhoAsked.PARENT and data.get("parent_name"):
                data["requester_name"] = data["parent_name"]
            elif who == WhoAsked.YOUNG_PERSON and child.strip():
                data["requester_name"] = child.strip()
            elif who in (WhoAsked.PROFESSIONAL, WhoAsked.OTHER):
                self.add_error("requester_name", "Enter the name of the person who asked")
        born = data.get("child_date_of_birth")
        if born and born > timezone.localdate():
            self.add_error("child_date_of_birth", "The child's date of birth must be in the past")
        return data


class DecisionForm(forms.Form):
    pathway = forms.ChoiceField(
        label="What is the next step?",
        choices=[
            (Pathway.SUPPORT, Pathway.SUPPORT.label),
            (Pathway.INFORMATION, Pathway.INFORMATION.label),
        ],
        initial=Pathway.SUPPORT,
        widget=forms.RadioSelect,
        help_text="For a disabled child the support pathway is the default. "
        "A move to safeguarding is proposed separately, on written evidence.",
    )
    information_given = forms.CharField(
        label="Information and advice given (if that is the next step)",
        help_text="Write it for the family: when they prefer email, we email it to them.",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("pathway", legend_size=Size.MEDIUM),
            Field.textarea("information_given"),
            button="Confirm the next step",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("pathway") == Pathway.INFORMATION
            and not data.get("information_given", "").strip()
        ):
            self.add_error(
                "information_given", "Write what information and advice was given to the family"
            )
        return data


YES_NO_TOLD = [
    ("yes", "Yes, the family has been told"),
    ("no", "No: telling them would put the child at risk"),
]


class FamilyNoticeFields(forms.Form):
    family_told = forms.ChoiceField(
        label="Has the family been told about this proposal?",
        choices=YES_NO_TOLD,
        widget=forms.RadioSelect,
        required=False,
    )
    family_told_on = RealDateField(label="Date the family was told", required=False)
    reason_not_told = forms.CharField(
        label="Why telling the family would put the child at risk",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 3}),
        required=False,
    )

    notice_required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        told = data.get("family_told")
        if told == "yes" and not data.get("family_told_on"):
            self.add_error("family_told_on", "Enter the date the family was told")
        if told == "no" and not data.get("reason_not_told", "").strip():
            self.add_error(
                "reason_not_told", "Write why telling the family would put the child at risk"
            )
        if self.notice_required and not told:
            self.add_error("family_told", "Say whether the family has been told")
        data["family_told_bool"] = None if not told else told == "yes"
        on = data.get("family_told_on")
        data["family_told_at"] = _on(on, time(12, 0)) if told == "yes" and on else None
        return data


class SafeguardingProposalForm(FamilyNoticeFields):
    what_happened = forms.CharField(
        label="What was seen or said",
        help_text="Facts: what happened, in the words used. Words that are opinions, such as "
        "“untidy” or “lacks insight”, are flagged and you are asked why you keep them.",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 6}),
        error_messages={"required": "Write what was seen or said"},
    )
    seen_or_said_by = forms.CharField(
        label="Who saw or said it",
        max_length=200,
        error_messages={"required": "Enter who saw or said it"},
    )
    when_it_happened = forms.CharField(
        label="When it happened",
        help_text="For example, 3 March 2026 at about 4pm.",
        max_length=200,
        error_messages={"required": "Enter when it happened"},
    )
    field_order = [
        "what_happened",
        "seen_or_said_by",
        "when_it_happened",
        "family_told",
        "family_told_on",
        "reason_not_told",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("what_happened"),
            Field.text("seen_or_said_by", field_width=Fluid.TWO_THIRDS),
            Field.text("when_it_happened", field_width=Fluid.TWO_THIRDS),
            Field.radios("family_told", legend_size=Size.SMALL),
            Field("family_told_on"),
            Field.textarea("reason_not_told"),
            button="Propose the move for a manager to decide",
        )


class SafeguardingDecisionForm(FamilyNoticeFields):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("approve", "Approve the move to safeguarding"),
            ("decline", "Do not approve: keep on the support route"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select your decision"},
    )
    reason = forms.CharField(
        label="The reason for your decision",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        error_messages={"required": "Write the reason for your decision"},
    )
    field_order = ["decision", "reason", "family_told", "family_told_on", "reason_not_told"]

    def __init__(self, *args: Any, ask_about_notice: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: list[Any] = [
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("reason"),
        ]
        if ask_about_notice:
            fields += [
                Field.radios("family_told", legend_size=Size.SMALL),
                Field("family_told_on"),
                Field.textarea("reason_not_told"),
            ]
        else:
            for name in ("family_told", "family_told_on", "reason_not_told"):
                del self.fields[name]
        self.helper = gds_helper(*fields, button="Save the decision")

    def clean(self) -> dict[str, Any]:
        if "family_told" not in self.fields:
            return forms.Form.clean(self) or {}
        return super().clean()


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of contact?",
        choices=ContactKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of contact it was"},
    )
    happened_on = RealDateField(label="Date")
    happened_time = TimeField(label="Time", max_length=10, help_text="For example, 9:30am or 14:30")
    place = forms.CharField(label="Where (optional)", max_length=200, required=False)
    family_chose_time_and_place = forms.TypedChoiceField(
        initial="yes",
        label="Did the family choose the time, place and way of meeting?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the family chose the time, place and way"},
    )
    notice_given = forms.CharField(
        label="Notice given (optional)",
        help_text="For example, 5 days by email.",
        max_length=200,
        required=False,
    )
    intrusions = forms.MultipleChoiceField(
        label="Does this contact involve any of these?",
        help_text="Each needs an intrusion record below. A home visit always does.",
        choices=Intrusion.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(
        label="What happened (notes)",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 5}),
        required=False,
    )
    purpose = forms.CharField(
        label="Purpose",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 2}),
        required=False,
    )
    why_necessary = forms.CharField(
        label="Why it is necessary for this assessment",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 2}),
        required=False,
    )
    less_intrusive_option = forms.CharField(
        label="The less intrusive option you considered",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 2}),
        required=False,
    )
    why_not_enough = forms.CharField(
        label="Why that option is not enough",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 2}),
        required=False,
    )
    family_view = forms.ChoiceField(
        label="The family's view",
        choices=FamilyView.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    family_words = forms.CharField(
        label="The family's view in their own words",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    intrusion_notice_given = forms.CharField(
        label="Notice given to the family", max_length=200, required=False
    )

    INTRUSION_FIELDS = (
        "purpose",
        "why_necessary",
        "less_intrusive_option",
        "why_not_enough",
        "family_view",
        "family_words",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.SMALL),
            Field("happened_on"),
            Field.text("happened_time", field_width=Fixed.TEN),
            Field.text("place", field_width=Fluid.TWO_THIRDS),
            Field.radios("family_chose_time_and_place", legend_size=Size.SMALL, inline=True),
            Field.text("notice_given", field_width=Fluid.TWO_THIRDS),
            Field.checkboxes("intrusions", legend_size=Size.SMALL),
            Fieldset(
                *[
                    Field.textarea(n)
                    if n != "family_view"
                    else Field.radios(n, legend_size=Size.SMALL)
                    for n in self.INTRUSION_FIELDS
                ],
                Field.text("intrusion_notice_given", field_width=Fluid.TWO_THIRDS),
                legend="Intrusion record",
                legend_size=Size.MEDIUM,
            ),
            Field.textarea("notes"),
            button="Save the contact",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, at = data.get("happened_on"), data.get("happened_time")
        if day and at:
            data["happened_at"] = _on(day, at)
        data["intrusion"] = {
            **{name: data.get(name, "") for name in self.INTRUSION_FIELDS},
            "notice_given": data.get("intrusion_notice_given", ""),
        }
        return data
