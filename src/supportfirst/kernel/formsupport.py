"""Small helpers every form page shares: what was sent, the status to answer with, and a
refused move's messages shown in the error summary."""

from __future__ import annotations

from datetime import date
from typing import Any

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from supportfirst.kernel.workflow import MoveRefused


def submitted(request: HttpRequest) -> QueryDict | None:
    """The form data when a form was sent (even an empty one, so it shows its errors)."""
    return request.POST if request.method == "POST" else None


def form_status(form: forms.Form) -> int:
    """400 when a sent form has problems, so tools and tests can tell."""
    return 400 if form.is_bound and form.errors else 200


def add_refusal(form: forms.Form, error: MoveRefused) -> None:
    """A refused move's messages, at the top of the form's error summary."""
    for message in error.messages:
        form.add_error(None, message)


def conflict(
    request: HttpRequest, message: str, *, back_url: str = "", back_text: str = ""
) -> HttpResponse:
    """The 409 page for a change that cannot be made now (someone else changed the record)."""
    return render(
        request,
        "conflict.html",
        {"message": message, "back_url": back_url, "back_text": back_text},
        status=409,
    )


class RealDateField(DateInputField):
    """A GOV.UK date input whose messages are plain English: a date that does not exist (31
    November) or a two-figure year gets a message saying what to type, never Python's own."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fields[0].validators[0].message = "The day must be a number"
        self.fields[1].validators[0].message = "The month must be a number"
        self.fields[2].validators[0].message = "The year must be a number"

    def compress(self, data_list: Any) -> date | None:
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(str(year)) != 4 or int(year) < 1900:
            raise forms.ValidationError("Enter the year as 4 numbers, like 2026")
        try:
            return date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise forms.ValidationError(
                "Enter a date that exists, like 27 3 2026 (the day, the month, the year)"
            ) from error
