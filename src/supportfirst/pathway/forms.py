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
from supportfirst.pathway.models import (
    ContactKind,
    FamilyView,
    InformationBasis,
    Intrusion,
    Pathway,
    WhoAsked,
)
from supportfirst.rules.intrusion import contact_date_problem, plan_date_problem
from supportfirst.wording.services import FieldFinding, add_reason_fields

INFORMATION_MAX = 5000
# An hour, then minutes after ":" or "." (or none, with am or pm), then am or pm (with or
# without full stops or a space): "10am", "10 am", "10.30am", "10:30 a.m.", "14:00", "2pm".
_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>a\.?m\.?|p\.?m\.?)?$",
    re.IGNORECASE,
)
_NAMED_TIMES = {
    "noon": time(12, 0),
    "midday": time(12, 0),
    "12 noon": time(12, 0),
    "12 midday": time(12, 0),
    "midnight": time(0, 0),
    "12 midnight": time(0, 0),
}


def parse_time(value: str) -> time:
    """A time as a worker types it: "10am", "10 am", "10.30am", "10:30", "2pm", "14:00",
    "noon", "midday" -> a time; ValueError when it is not a time ("25:00", "13pm", "soon")."""
    text = " ".join(value.split()).lower()
    if text in _NAMED_TIMES:
        return _NAMED_TIMES[text]
    match = _TIME.match(text)
    if not match:
        raise ValueError(value)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match["minute"] is None:
        # "10" alone could be morning or evening: ask for am or pm, or the minutes.
        raise ValueError(value)
    if hour > 23 or minute > 59:
        raise ValueError(value)
    return time(hour, minute)


class TimeField(forms.CharField):
    default_error_messages = {
        "invalid": "Enter a time, like 10am, 2.30pm, 14:30 or noon",
    }

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


PARENT_OWN = "parent_own"
YOUNG_CARER = "young_carer"
ASKED_FOR_CARERS = [
    (PARENT_OWN, "Help for the parent or carer themselves (their own parent carer's assessment)"),
    (YOUNG_CARER, "A young carer's assessment for a brother or sister who helps to care"),
]


class RequestForm(forms.Form):
    """A request for help. For a new family, the family and child details are asked too."""

    received_on = RealDateField(
        label="Date the request was received", help_text="For example, 27 3 2026"
    )
    received_time = TimeField(
        label="Time it was received", help_text="For example, 10am, 2.30pm or 14:30", max_length=20
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
    asked_for_carers = forms.MultipleChoiceField(
        label="Did they also ask for any of these? (optional)",
        help_text="If they asked, the assessment is recorded as requested, and it must be done.",
        choices=ASKED_FOR_CARERS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
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
            Field.checkboxes("asked_for_carers", legend_size=Size.SMALL),
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
        max_length=INFORMATION_MAX,
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        required=False,
        error_messages={
            "max_length": f"Write the information and advice in {INFORMATION_MAX:,} "
            "characters or fewer"
        },
    )
    basis = forms.ChoiceField(
        label="Why is information and advice enough? (if that is the next step)",
        help_text="Every disabled child is a child in need, so the family can have an "
        "assessment. Without their agreement, a team manager must confirm a decision not to "
        "assess.",
        choices=InformationBasis.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    agreed_by = forms.CharField(label="Who in the family agreed", max_length=200, required=False)
    agreed_on = RealDateField(label="When they agreed", required=False)
    agreed_how = forms.CharField(
        label="How they agreed",
        help_text="For example, on the phone with me, at a meeting, or by email.",
        max_length=200,
        required=False,
    )
    not_assessing_reason = forms.CharField(
        label="The reason for not assessing",
        help_text="A team manager reads it before confirming, and the family is told it.",
        max_length=INFORMATION_MAX,
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("pathway", legend_size=Size.MEDIUM),
            Field.textarea("information_given"),
            Field.radios("basis", legend_size=Size.SMALL),
            Field.text("agreed_by", field_width=Fluid.TWO_THIRDS),
            Field("agreed_on"),
            Field.text("agreed_how", field_width=Fluid.TWO_THIRDS),
            Field.textarea("not_assessing_reason"),
            button="Confirm the next step",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("pathway") != Pathway.INFORMATION:
            return data
        if not data.get("information_given", "").strip():
            self.add_error(
                "information_given", "Write what information and advice was given to the family"
            )
        basis = data.get("basis")
        if not basis:
            self.add_error(
                "basis",
                "Select whether the family agreed, or you decided not to assess for a team "
                "manager to confirm",
            )
        elif basis == InformationBasis.FAMILY_AGREED:
            if not data.get("agreed_by", "").strip():
                self.add_error("agreed_by", "Enter who in the family agreed")
            if not data.get("agreed_on") and "agreed_on" not in self.errors:
                self.add_error("agreed_on", "Enter the date they agreed")
            elif data.get("agreed_on") and data["agreed_on"] > timezone.localdate():
                self.add_error("agreed_on", "The date they agreed must be today or in the past")
            if not data.get("agreed_how", "").strip():
                self.add_error("agreed_how", "Enter how they agreed")
        elif not data.get("not_assessing_reason", "").strip():
            self.add_error("not_assessing_reason", "Write the reason for not assessing")
        return data


class NotAssessingConfirmForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("confirm", "Confirm: information and advice only, no assessment now"),
            ("assess", "Do not confirm: assess the child's needs on the support pathway"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select your decision"},
    )
    reason = forms.CharField(
        label="The reason for your decision",
        help_text="Give the reason in a sentence.",
        max_length=INFORMATION_MAX,
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        error_messages={
            "required": "Write the reason for your decision",
            "max_length": f"Write the reason in {INFORMATION_MAX:,} characters or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("reason"),
            button="Save the decision",
        )


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


EVIDENCE_BOX = {"data-wording-check": "", "data-wording-context": "safeguarding-evidence"}
"""Evidence for a move to safeguarding is checked as typed with its own explanations."""


class SafeguardingProposalForm(FamilyNoticeFields):
    what_happened = forms.CharField(
        label="What was seen or said",
        help_text="Facts: what happened, in the words used. Words that are opinions, such as "
        "“untidy” or “lacks insight”, are flagged and you are asked why you keep them.",
        widget=forms.Textarea(attrs={**EVIDENCE_BOX, "rows": 6}),
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


DANGER_TEXT_MAX = 5000


class ImmediateDangerForm(forms.Form):
    """One short step: what was seen or heard, when, and who is at risk. Nothing else is asked
    now; the record is completed afterwards."""

    what_happened = forms.CharField(
        label="What was seen or heard",
        help_text="Facts, in the words used. Your words never hold this up: it is saved at "
        "once, and an opinion word is flagged, with the reason for keeping it asked when the "
        "record is completed.",
        max_length=DANGER_TEXT_MAX,
        widget=forms.Textarea(attrs={**EVIDENCE_BOX, "rows": 5}),
        error_messages={
            "required": "Write what was seen or heard",
            "max_length": f"Write what was seen or heard in {DANGER_TEXT_MAX:,} characters or "
            "fewer",
        },
    )
    when_it_happened = forms.CharField(
        label="When",
        help_text="For example, today at about 4pm.",
        max_length=200,
        error_messages={
            "required": "Enter when it was seen or heard",
            "max_length": "Enter when it was seen or heard in 200 characters or fewer",
        },
    )
    who_at_risk = forms.CharField(
        label="Who is at risk",
        help_text="Their name, and where they are now if you know.",
        max_length=200,
        error_messages={
            "required": "Enter who is at risk",
            "max_length": "Enter who is at risk in 200 characters or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("what_happened"),
            Field.text("when_it_happened", field_width=Fluid.TWO_THIRDS),
            Field.text("who_at_risk", field_width=Fluid.TWO_THIRDS),
            button="Record it and tell every manager now",
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
    seen_or_said_by = forms.CharField(
        label="Who saw or heard it",
        help_text="The concern was recorded in a hurry: complete the record before deciding.",
        max_length=200,
        required=False,
    )
    field_order = [
        "decision",
        "reason",
        "seen_or_said_by",
        "family_told",
        "family_told_on",
        "reason_not_told",
    ]

    def __init__(
        self, *args: Any, ask_about_notice: bool, ask_who: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.ask_who = ask_who
        self.evidence_reasons: list[FieldFinding] = []
        fields: list[Any] = [
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("reason"),
        ]
        if ask_who:
            fields.append(Field.text("seen_or_said_by", field_width=Fluid.TWO_THIRDS))
        else:
            del self.fields["seen_or_said_by"]
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

    def ask_evidence_reasons(self, unexplained: list[FieldFinding]) -> None:
        """One reason for each flagged word in the evidence that has none yet (a concern
        recorded in a hurry was saved without them). Needed to approve, not to decline."""
        add_reason_fields(self, unexplained)
        for item in unexplained:
            self.fields[item.reason_name].required = False
            self.evidence_reasons.append(item)

    def clean(self) -> dict[str, Any]:
        asks_notice = "family_told" in self.fields
        data = super().clean() if asks_notice else (forms.Form.clean(self) or {})
        approving = data.get("decision") == "approve"
        if self.ask_who and approving and not data.get("seen_or_said_by", "").strip():
            self.add_error("seen_or_said_by", "Enter who saw or heard it")
        for item in self.evidence_reasons:
            name = item.reason_name
            if approving and name not in self.errors and not str(data.get(name, "")).strip():
                self.add_error(name, self.fields[name].error_messages["required"])
        return data


AFTER_THE_FACT_VIEWS = [
    (FamilyView.AGREE, FamilyView.AGREE.label),
    (FamilyView.OBJECT, FamilyView.OBJECT.label),
]


class ContactForm(forms.Form):
    """A contact that has happened: recorded after the fact, or a planned one filled in."""

    kind = forms.ChoiceField(
        label="What kind of contact?",
        choices=ContactKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of contact it was"},
    )
    happened_on = RealDateField(label="Date", help_text="For example, 27 3 2026")
    happened_time = TimeField(
        label="Time", max_length=20, help_text="For example, 10am, 2.30pm or 14:30"
    )
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
        label="Notice given to the family",
        help_text="For example, 5 days by email. Needed for a home visit, or anything ticked "
        "below; otherwise optional.",
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
        help_text="Notes that describe seeing the child alone, looking at rooms, or asking "
        "someone else about the family need that intrusion ticked, with its record.",
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
        label="The less intrusive option offered to the family first",
        help_text="For example, meeting at the children's centre, or photos of the bathroom.",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 2}),
        required=False,
    )
    less_intrusive_answer = forms.CharField(
        label="What the family said about that option",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    why_not_enough = forms.CharField(
        label="Why that option is not enough",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 2}),
        required=False,
    )
    family_view = forms.ChoiceField(
        label="The family's view",
        choices=AFTER_THE_FACT_VIEWS,
        widget=forms.RadioSelect,
        required=False,
    )
    family_words = forms.CharField(
        label="The family's view in their own words",
        help_text="The family reads this as your note of what they said, not as their words "
        "in quotation marks: only what they write themselves is quoted.",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    INTRUSION_FIELDS = (
        "purpose",
        "why_necessary",
        "less_intrusive_option",
        "less_intrusive_answer",
        "why_not_enough",
        "family_view",
        "family_words",
    )
    button = "Save the contact"

    def __init__(
        self,
        *args: Any,
        received_at: datetime | None = None,
        view_is_kept: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.received_at = received_at
        self.view_is_kept = view_is_kept
        if view_is_kept:
            # A planned contact keeps the family's view as they gave it.
            del self.fields["family_view"], self.fields["family_words"]
        self.helper = gds_helper(*self.layout(), button=self.button)

    def record_fields(self) -> list[Any]:
        return [
            Field.radios(n, legend_size=Size.SMALL) if n == "family_view" else Field.textarea(n)
            for n in self.INTRUSION_FIELDS
            if n in self.fields
        ]

    def layout(self) -> list[Any]:
        return [
            Field.radios("kind", legend_size=Size.SMALL),
            Field("happened_on"),
            Field.text("happened_time", field_width=Fixed.TEN),
            Field.text("place", field_width=Fluid.TWO_THIRDS),
            Field.radios("family_chose_time_and_place", legend_size=Size.SMALL, inline=True),
            Field.text("notice_given", field_width=Fluid.TWO_THIRDS),
            Field.checkboxes("intrusions", legend_size=Size.SMALL),
            Fieldset(
                *self.record_fields(),
                legend="Intrusion record",
                legend_size=Size.MEDIUM,
            ),
            Field.textarea("notes"),
        ]

    def check_date(self, when: datetime) -> None:
        problem = contact_date_problem(
            when,
            request_received=self.received_at or when,
            now=timezone.now(),
        )
        if problem:
            self.add_error("happened_on", problem)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, at = data.get("happened_on"), data.get("happened_time")
        if day and at:
            data["happened_at"] = _on(day, at)
            self.check_date(data["happened_at"])
        data["intrusion"] = {
            **{name: data.get(name, "") for name in self.INTRUSION_FIELDS},
            # One notice, asked once: the contact's notice is the intrusion record's too.
            "notice_given": data.get("notice_given", ""),
        }
        return data


class ContactPlanForm(ContactForm):
    """A visit, meeting or call planned before it happens, with its intrusion record."""

    what_for = forms.CharField(
        label="What is it for?",
        help_text="Write it for the family: they are told what is planned and why.",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 3}),
        error_messages={"required": "Write what the contact is for, in words for the family"},
    )
    button = "Plan the contact and tell the family"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["notes"]
        view = self.fields["family_view"]
        assert isinstance(view, forms.ChoiceField)
        view.choices = FamilyView.choices
        view.help_text = (
            "If you have not asked yet, they are asked when they are told about the plan."
        )
        self.fields["family_words"].label = "The family's view in their own words (if given)"
        self.fields["happened_on"].help_text = "It must be in the future."
        self.helper = gds_helper(*self.layout(), button=self.button)

    def layout(self) -> list[Any]:
        fields = super().layout()[:-1]  # no notes: it has not happened yet
        fields.insert(1, Field.textarea("what_for"))
        return fields

    def check_date(self, when: datetime) -> None:
        if problem := plan_date_problem(when, now=timezone.now()):
            self.add_error("happened_on", problem)


class FamilyViewForm(forms.Form):
    family_view = forms.ChoiceField(
        label="What did the family say?",
        choices=AFTER_THE_FACT_VIEWS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the family agreed or objected"},
    )
    family_words = forms.CharField(
        label="Their view in their own words",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write the family's view in their own words"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("family_view", legend_size=Size.SMALL),
            Field.textarea("family_words"),
            button="Save the family's view",
        )


class ReasonForm(forms.Form):
    """One written reason the family will read (approving despite an objection, cancelling)."""

    reason = forms.CharField(
        label="Your reason",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 4}),
        error_messages={"required": "Write your reason"},
    )

    def __init__(self, *args: Any, label: str, hint: str, button: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = hint
        self.helper = gds_helper(Field.textarea("reason"), button=button)
