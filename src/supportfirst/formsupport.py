"""Small helpers every form page shares: what was sent, the status to answer with, and a
refused move's messages shown in the error summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

if TYPE_CHECKING:
    from supportfirst.pathway.workflow import MoveRefused


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
