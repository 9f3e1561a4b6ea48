"""What every form page shares: what was sent, the status to answer with, the GOV.UK layout of
a form, and the form-and-move shape of a staff or family page (a sent, valid form moves a
record; a move that cannot be made now gets the one 409 page; a refused move's reasons go to
the error summary; a move made gets a message and a redirect)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout
from django import forms
from django.contrib import messages
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from supportfirst.kernel.versioning import (
    conflict_block,
    in_conflict,
    is_versioned,
    version_claimed,
    versioned,
)
from supportfirst.kernel.workflow import IllegalMove, MoveRefused

__all__ = [
    "IllegalMove",
    "MoveRefused",
    "NoNulCharacter",
    "RealDateField",
    "add_refusal",
    "button_move",
    "conflict",
    "form_move",
    "form_page",
    "form_status",
    "gds_helper",
    "guard_input",
    "is_id",
    "limit_text",
    "submitted",
    "version_claimed",
    "versioned",
]

Result = TypeVar("Result")

# What to tell the person and where to send them once a move is made: (message, url). An
# empty message redirects without one.
Done = tuple[str, str]


def is_id(text: str) -> bool:
    """Whether text sent as a record's id can be one: ASCII digits only (not "²" or an Arabic
    figure, which `str.isdigit` lets through and `int` refuses) and short enough to store."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def submitted(request: HttpRequest) -> QueryDict | None:
    """The form data when a form was sent (even an empty one, so it shows its errors)."""
    return request.POST if request.method == "POST" else None


def form_status(form: forms.Form) -> int:
    """409 when someone else saved the record first (kernel/versioning.py), 400 when a sent
    form has problems, so tools and tests can tell."""
    if in_conflict(form):
        return 409
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
        except (ValueError, OverflowError) as error:  # 31 November; a 40-figure day
            raise forms.ValidationError(
                "Enter a date that exists, like 27 3 2026 (the day, the month, the year)"
            ) from error


# The longest text a person may type where a form says nothing else: a box of free text (a
# request, a comment, contact notes, a complaint) and a one-line answer (a name, a place).
FREE_TEXT_MAX = 5000
ONE_LINE_MAX = 200


class TooLong(MaxLengthValidator):
    """The GOV.UK message for text that is too long: it names the field when the label is short,
    says the limit and how much was typed. What was typed stays in the box."""

    def __init__(self, limit_value: int, name: str = "") -> None:
        subject = (name or "This answer").replace("%", "%%")
        super().__init__(
            limit_value,
            message=(
                f"{subject} must be {limit_value:,} characters or fewer. You have typed "
                "%(show_value)s: make it shorter and try again."
            ),
        )

    def __call__(self, value: Any) -> None:
        if self.clean(value) > self.limit_value:
            raise forms.ValidationError(
                self.message, code=self.code, params={"show_value": f"{len(value):,}"}
            )


class NoNulCharacter(ProhibitNullCharactersValidator):
    """Text holding a NUL character (an invisible character some programs put in copied text;
    PostgreSQL cannot store it) is refused with a message saying what to do, naming the field
    when its label is short. What was typed stays in the box."""

    def __init__(self, name: str = "") -> None:
        subject = name or "This answer"
        super().__init__(
            message=(
                f"{subject} has an invisible character in it that cannot be saved (a NUL "
                "character, which can come with text copied from another program). Type "
                "the text instead of pasting it, or delete and retype the end of it."
            )
        )


# The largest whole number a form takes where it says nothing else: the smallest integer
# column the databases have (so a huge number is an error message, never a database error).
LARGEST_WHOLE_NUMBER = 2_147_483_647


class NotTooBig(MaxValueValidator):
    """A whole number too big to be meant (or to store)."""

    def __init__(self) -> None:
        super().__init__(LARGEST_WHOLE_NUMBER, message="Enter a smaller number")


class NotTooSmall(MinValueValidator):
    """A whole number too far below zero to be meant (or to store)."""

    def __init__(self) -> None:
        super().__init__(-LARGEST_WHOLE_NUMBER, message="Enter a larger number")


def guard_input(fields: Mapping[str, forms.Field]) -> None:
    """Make every field safe from hostile input: `limit_text`, then every text field (also a
    password, hidden or email field) refuses a NUL character with a plain message, and every
    whole-number field without its own bounds refuses a number too big to store. Run on every
    form class at start-up (kernel/apps.py) and on each form `form_move` checks or draws.
    Safe to run more than once."""
    limit_text(fields)
    for field in fields.values():
        if isinstance(field, forms.MultiValueField):
            # The parts of a date (day, month, year) are text fields of their own.
            _refuse_nul([part for part in field.fields if isinstance(part, forms.CharField)])
        if isinstance(field, forms.CharField):
            _refuse_nul([field])
        elif isinstance(field, forms.IntegerField):
            if field.max_value is None and not _has(field, MaxValueValidator):
                field.validators.append(NotTooBig())
            if field.min_value is None and not _has(field, MinValueValidator):
                field.validators.append(NotTooSmall())


def _refuse_nul(fields: list[forms.CharField]) -> None:
    for field in fields:
        field.validators = [
            v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ] + [NoNulCharacter(_short_label(field))]


def _has(field: forms.Field, kind: type) -> bool:
    return any(isinstance(v, kind) for v in field.validators)


def _short_label(field: forms.Field) -> str:
    label = str(field.label or "").strip()
    if not label or len(label) > 40 or "?" in label or "<" in label:
        return ""
    return label


def _free_text(field: forms.Field) -> bool:
    if not isinstance(field, forms.CharField):
        return False
    return not isinstance(field.widget, forms.PasswordInput | forms.HiddenInput)


def limit_text(fields: Mapping[str, forms.Field]) -> None:
    """Give every text field a maximum, enforced with the GOV.UK message: the form's own
    `max_length`, or FREE_TEXT_MAX for a box of text and ONE_LINE_MAX for one line. Run on
    every form class at start-up (kernel/apps.py) and on each form `form_move` checks, so a
    field added in a form's __init__ is limited too. Safe to run more than once."""
    for field in fields.values():
        if not _free_text(field):
            continue
        assert isinstance(field, forms.CharField)
        if field.max_length is None:
            multi_line = isinstance(field.widget, forms.Textarea)
            field.max_length = FREE_TEXT_MAX if multi_line else ONE_LINE_MAX
        field.validators = [
            v for v in field.validators if not isinstance(v, MaxLengthValidator)
        ] + [TooLong(int(field.max_length), _short_label(field))]


def _counted(form: Any, name: Any) -> int:
    """The maximum to count down from, for a box of text with one; else 0."""
    field = form.fields.get(name) if isinstance(name, str) else None
    if field is None or not isinstance(field.widget, forms.Textarea):
        return 0
    # crispy-forms-gds adds its "-info" id to the box's aria-describedby, and raised KeyError
    # when the box had no hint (so no aria-describedby yet): start it empty.
    field.widget.attrs.setdefault("aria-describedby", "")
    return int(getattr(field, "max_length", 0) or 0)


def _character_counts(form: Any, layout: Any) -> None:
    """Every box of text with a maximum becomes the GOV.UK character count, wherever the
    layout names it (as a field name, a Field, or inside a fieldset or other part)."""
    parts = getattr(layout, "fields", None)
    if parts is None:
        return
    for index, part in enumerate(parts):
        if isinstance(part, Field):
            if len(part.fields) == 1 and "max_characters" not in part.context:
                limit = _counted(form, part.fields[0])
                if limit:
                    part.context["max_characters"] = limit
                    classes = part.attrs.get("class", "")
                    part.attrs["class"] = f"{classes} govuk-js-character-count".strip()
        elif isinstance(part, str):
            limit = _counted(form, part)
            if limit:
                rows = int(form.fields[part].widget.attrs.get("rows", 5))
                parts[index] = Field.textarea(part, rows=rows, max_characters=limit)
        else:
            _character_counts(form, part)


class EscapingFormHelper(FormHelper):
    """crispy-forms-gds prints labels, hints and legends as markup (`|safe`), and our forms
    build them from records (a child's name typed by the public). Just before drawing, every
    label, hint and legend that is not already marked safe is escaped, so words from a record
    can never become a link, a script or a form. A label meant to hold markup is built with
    `format_html`, which marks it safe and escapes what it puts in."""

    def render_layout(self, form: Any, context: Any, template_pack: Any = None) -> Any:
        guard_input(form.fields)
        layout: Any = getattr(self, "layout", None)
        drawn_whole = layout is None
        if drawn_whole:
            layout = self.layout = Layout(*(name for name in form.fields if name != "version"))
        _character_counts(form, layout)
        try:
            # A versioned form's hidden version, and after a conflict what is saved now.
            drawn = self._render_escaped(form, context, template_pack)
            return mark_safe(conflict_block(form) + drawn) if is_versioned(form) else drawn
        finally:
            if drawn_whole:
                self.layout = None

    def _render_escaped(self, form: Any, context: Any, template_pack: Any) -> Any:
        for field in form.fields.values():
            if field.label is not None:
                field.label = conditional_escape(field.label)
            if field.help_text:
                field.help_text = conditional_escape(field.help_text)
        if self.layout is not None:
            _escape_legends(self.layout)
        return super().render_layout(form, context, template_pack)


def _escape_legends(layout: Any) -> None:
    for part in getattr(layout, "fields", []):
        if isinstance(part, Fieldset) and part.context.get("legend"):
            part.context["legend"] = conditional_escape(part.context["legend"])
        _escape_legends(part)


def gds_helper(*fields: Any, button: str = "", name: str = "submit") -> FormHelper:
    """The GOV.UK layout of a form drawn inside a page's own <form> tag (which holds the CSRF
    token): the fields in order, then (when `button` is given) one button that cannot be
    pressed twice by accident. With neither, every field of the form is drawn in its order."""
    helper = EscapingFormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    parts = list(fields)
    if button:
        parts.append(Button(name, button, data_prevent_double_click="true"))
    if parts:
        helper.layout = Layout(*parts)
    return helper


def _made(request: HttpRequest, done: Done) -> HttpResponse:
    message, url = done
    if message:
        messages.success(request, message)
    return redirect(url)


def form_move(
    request: HttpRequest,
    form: forms.Form,
    *,
    on_valid: Callable[[], Result],
    success: Callable[[Result], Done],
    back_url: str = "",
    back_text: str = "",
) -> HttpResponse | None:
    """Run a sent, valid form's move: the response to give (the 409 page, or the message and
    redirect), or None when the page should be shown again (not sent, has errors, the move
    was refused: its reasons are then in the form's error summary; or, for a versioned form,
    someone else saved the record first: `form_status` is then 409)."""
    guard_input(form.fields)
    if not (form.is_bound and form.is_valid()):
        return None
    try:
        with version_claimed(form, request.user) as go_ahead:
            if not go_ahead:
                return None
            result = on_valid()
    except IllegalMove as error:
        return conflict(request, str(error), back_url=back_url, back_text=back_text)
    except MoveRefused as error:
        add_refusal(form, error)
        return None
    return _made(request, success(result))


def form_page(
    request: HttpRequest,
    form: forms.Form,
    template: str,
    context: Mapping[str, Any],
    *,
    on_valid: Callable[[], Result],
    success: Callable[[Result], Done],
    back_url: str = "",
    back_text: str = "",
) -> HttpResponse:
    """A form page that moves a record: `form_move`, then the page (with `form` in its
    context) answered with 400 when the sent form has errors, 200 otherwise."""
    made = form_move(
        request, form, on_valid=on_valid, success=success, back_url=back_url, back_text=back_text
    )
    if made is not None:
        return made
    return render(request, template, {**context, "form": form}, status=form_status(form))


def button_move(
    request: HttpRequest,
    on_valid: Callable[[], Result],
    *,
    success: Callable[[Result], Done],
    refused: Callable[[list[str]], HttpResponse],
    back_url: str = "",
    back_text: str = "",
) -> HttpResponse:
    """A button with nothing to fill in that moves a record: the 409 page, the page shown by
    `refused` with the reasons, or the message and redirect."""
    try:
        result = on_valid()
    except IllegalMove as error:
        return conflict(request, str(error), back_url=back_url, back_text=back_text)
    except MoveRefused as error:
        return refused(error.messages)
    return _made(request, success(result))
