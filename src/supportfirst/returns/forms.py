"""The forms of the returns pages (GOV.UK layout; every box of text has a maximum). The questions
are asked the way a family would understand them; each list offers "not known"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from crispy_forms_gds.layout import Field, Fixed, Size
from django import forms
from django.utils import timezone

from supportfirst.kernel.formsupport import RealDateField, gds_helper, guard_input
from supportfirst.rules.returns import codes

REASON_LIMIT = 1000
#: At most this many days a child was met, per assessment (a long assessment meets them weekly).
SEEN_DAYS_LIMIT = 60
_SEPARATORS = re.compile(r"[\s/.\-]+")


class DaysField(forms.CharField):
    """Days typed one a line, as a person writes them ("27 3 2026", "27/3/2026"). Each line that
    is not a real date is named in the message, and what was typed stays in the box."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 1000)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[date]:
        text = super().clean(value) or ""
        days: set[date] = set()
        # Only a real line break starts a new line (not the other characters Python counts).
        for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
            if not line.strip():
                continue
            parts = [p for p in _SEPARATORS.split(line.strip()) if p]
            try:
                if len(parts) != 3 or not all(p.isdigit() for p in parts):
                    raise ValueError
                day, month, year = (int(p) for p in parts)
                if len(parts[2]) != 4:
                    raise ValueError
                days.add(date(year, month, day))
            except (ValueError, OverflowError):
                raise forms.ValidationError(
                    f"Line {number} ({line.strip()[:30]}) is not a real date. Put each date on "
                    "its own line: the day, the month and the year, like 27 3 2026"
                ) from None
        if len(days) > SEEN_DAYS_LIMIT:
            raise forms.ValidationError(f"Enter {SEEN_DAYS_LIMIT} dates or fewer")
        return sorted(days)


def _choices(table: codes.Mapping[str, str]) -> list[tuple[str, str]]:
    return list(table.items())


class ChildDetailsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
    sex = forms.ChoiceField(
        label="Sex",
        choices=_choices(codes.SEX),
        widget=forms.RadioSelect,
        help_text="As the family told you. Choose 'not known' if they have not said.",
        error_messages={"required": "Select male, female, or not known"},
    )
    ethnicity = forms.ChoiceField(
        label="Ethnic group",
        choices=_choices(codes.ETHNICITY),
        help_text="As the family describe it. A family can prefer not to say.",
        error_messages={"required": "Select an ethnic group, or 'Not known yet'"},
    )
    upn = forms.CharField(
        label="Unique pupil number (optional)",
        help_text="13 characters, from the child's school. For example A123456789012.",
        max_length=13,
        required=False,
    )
    upn_unknown = forms.ChoiceField(
        label="If there is no unique pupil number, why not",
        choices=[("", "Choose a reason"), *_choices(codes.UPN_UNKNOWN)],
        required=False,
    )
    disability_codes = forms.MultipleChoiceField(
        label="Which of these describe the child's disability?",
        choices=_choices(codes.DISABILITY),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply. Leave them all empty if none do.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("version"),
            Field.radios("sex", legend_size=Size.SMALL, inline=True),
            Field.select("ethnicity"),
            Field.text("upn", field_width=Fixed.TEN),
            Field.select("upn_unknown"),
            Field.checkboxes("disability_codes", legend_size=Size.SMALL, small=True),
            button="Save details",
        )

    def clean_upn(self) -> str:
        upn = self.cleaned_data["upn"].strip().upper()
        if upn:
            problem = codes.upn_problem(upn)
            if problem:
                raise forms.ValidationError(problem)
        return upn

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("upn") and not data.get("upn_unknown") and not self.has_error("upn"):
            self.add_error(
                "upn_unknown", "Enter the unique pupil number, or choose why there is none"
            )
        return data


class RequestDetailsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
    referral_source = forms.ChoiceField(
        label="Who made the request?",
        choices=[("", "Choose who made the request"), *_choices(codes.REFERRAL_SOURCE)],
        error_messages={"required": "Select who made the request"},
    )
    primary_need = forms.ChoiceField(
        label="Main reason the family needs support",
        choices=_choices(codes.PRIMARY_NEED),
        help_text="For this pathway it is almost always the child's disability or illness.",
        error_messages={"required": "Select the main reason the family needs support"},
    )
    primary_need_reason = forms.CharField(
        label="Why is the main reason something else? (only if you changed it)",
        help_text="For example: the request was about a parent's illness, not the child's.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_LIMIT,
        required=False,
    )
    closed_on = RealDateField(
        label="Date the request was closed (only when it is closed)",
        help_text="For example 27 3 2026",
        required=False,
    )
    closure_reason = forms.ChoiceField(
        label="Why it was closed",
        choices=[("", "Choose a reason"), *_choices(codes.CLOSURE_REASON)],
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        assessments: Sequence[Any] = (),
        received_on: Any = None,
        child_name: str = "the child",
        today: date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.received_on = received_on
        self.today = today or date.today()
        self.assessment_fields: list[tuple[int, str]] = []
        self.seen_fields: dict[int, tuple[str, date, date | None]] = {}
        for row in assessments:
            seen = f"seen_{row.assessment.pk}"
            self.fields[seen] = DaysField(
                label=f"Days the worker met {child_name} during the assessment started "
                f"{row.assessment.started_on:%-d %B %Y}",
                help_text="Put each date on its own line, for example 27 3 2026. If no one has "
                f"met {child_name} yet, leave it empty: the return will say 'Unknown'. Meeting "
                f"{child_name} is part of hearing what they want: it does not mean seeing them "
                "alone.",
            )
            authorised = getattr(row.assessment, "authorised_at", None)
            self.seen_fields[row.assessment.pk] = (
                seen,
                row.assessment.started_on,
                timezone.localdate(authorised) if authorised else None,
            )
            name = f"factors_{row.assessment.pk}"
            self.fields[name] = forms.MultipleChoiceField(
                label="Factors identified at the assessment started "
                f"{row.assessment.started_on:%-d %B %Y}",
                choices=_choices(codes.ASSESSMENT_FACTORS),
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text="Select the factors the assessment found. Most children's "
                "assessments on this pathway find the child's own disability (5A or 6A).",
            )
            self.assessment_fields.append((row.assessment.pk, name))
        self.helper = gds_helper(
            Field("version"),
            Field.select("referral_source"),
            Field.select("primary_need"),
            Field.textarea("primary_need_reason", max_characters=REASON_LIMIT),
            Field("closed_on"),
            Field.select("closure_reason"),
            *[
                item
                for pk, name in self.assessment_fields
                for item in (
                    Field.checkboxes(name, legend_size=Size.SMALL, small=True),
                    Field.textarea(self.seen_fields[pk][0]),
                )
            ],
            button="Save details",
        )
        # The date boxes are made here, after start-up guarded the form's own fields.
        guard_input(self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        need = data.get("primary_need")
        if (
            need
            and need != codes.PRIMARY_NEED_DEFAULT
            and not (data.get("primary_need_reason") or "").strip()
        ):
            self.add_error(
                "primary_need_reason",
                "Say why the main reason is not the child's disability or illness",
            )
        closed_on = data.get("closed_on")
        if closed_on and not data.get("closure_reason"):
            self.add_error("closure_reason", "Select why the request was closed")
        if data.get("closure_reason") and not closed_on and not self.has_error("closed_on"):
            self.add_error("closed_on", "Enter the date the request was closed")
        if closed_on and self.received_on and closed_on < self.received_on:
            self.add_error(
                "closed_on",
                "The date it was closed must be on or after the day the request was received",
            )
        for name, started_on, authorised_on in self.seen_fields.values():
            for day in data.get(name) or []:
                if day < started_on:
                    self.add_error(
                        name,
                        f"{day:%-d %B %Y} is before the assessment started "
                        f"({started_on:%-d %B %Y}): check the dates",
                    )
                    break
                if authorised_on and day > authorised_on:
                    self.add_error(
                        name,
                        f"{day:%-d %B %Y} is after the assessment was authorised "
                        f"({authorised_on:%-d %B %Y}): record only the days during it",
                    )
                    break
                if day > self.today:
                    self.add_error(name, f"{day:%-d %B %Y} is in the future: check the dates")
                    break
        return data

    def factors(self) -> dict[int, list[str]]:
        return {pk: list(self.cleaned_data.get(name) or []) for pk, name in self.assessment_fields}

    def seen_on(self) -> dict[int, list[date]]:
        """The days the child was met, by assessment."""
        return {
            pk: list(self.cleaned_data.get(name) or [])
            for pk, (name, _, _) in self.seen_fields.items()
        }
