"""No 500 from any form on any input (issue 14 point 7): every text field of every form refuses
a NUL character with a plain message, every whole-number field refuses a number too big to
store, and property tests drive every field of every form with hostile values: `clean` never
raises anything but a ValidationError, and its messages are plain."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportfirst.kernel.apps import service_form_classes
from supportfirst.kernel.formsupport import (
    LARGEST_WHOLE_NUMBER,
    NoNulCharacter,
    gds_helper,
    guard_input,
)

FORM_CLASSES = service_form_classes()
FIELDS = [
    (f"{form_class.__module__}.{form_class.__qualname__}.{name}", field)
    for form_class in FORM_CLASSES
    for name, field in form_class.base_fields.items()  # type: ignore[attr-defined]
]

# What a person (or a robot) may send: any text a browser can send (no lone surrogates), with
# NUL characters, markup, numbers too big for any column, long runs and only spaces.
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
HOSTILE = st.one_of(
    TEXT,
    TEXT.map(lambda text: f"{text}\x00{text}"),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        [
            "9" * 40,
            "-" + "9" * 40,
            "1e999",
            "NaN",
            "Infinity",
            "<script>alert(1)</script>",
            '"><a href="https://example.com">x</a>',
            "{{ request }}",
            "%(value)s %s",
            "x" * 20_000,
            " \t\r\n ",
            "\x00",
            "0x1F",
            "31/02/2026",
            "0000-00-00",
        ]
    ),
)
# What a form field may be given: one value, a list (a field with several values) or nothing.
VALUE = st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3), st.none())
# Words in a message that are Python's, not the service's.
UNPLAIN = ("%(", "Traceback", "None", "Null characters are not allowed", "object at 0x")


def test_every_form_is_found():
    names = {form_class.__name__ for form_class in FORM_CLASSES}
    assert len(FORM_CLASSES) > 50
    assert {"RequestForm", "ComplaintForm"} <= names


@pytest.mark.parametrize(("where", "field"), FIELDS, ids=[where for where, _ in FIELDS])
def test_every_text_field_refuses_nul_plainly_and_every_number_is_bounded(where, field):
    if isinstance(field, forms.CharField):
        nul = [v for v in field.validators if isinstance(v, ProhibitNullCharactersValidator)]
        assert len(nul) == 1
        assert isinstance(nul[0], NoNulCharacter)
    if isinstance(field, forms.IntegerField):
        assert field.max_value is not None or any(
            getattr(v, "limit_value", None) == LARGEST_WHOLE_NUMBER for v in field.validators
        )


class Added(forms.Form):
    """A form whose field is added when it is made: guarded when it is checked or drawn."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"] = forms.CharField(label="Name")
        self.fields["count"] = forms.IntegerField(label="How many")
        self.helper = gds_helper()


def test_a_field_added_at_run_time_is_guarded_too():
    form = Added({"name": "Ava\x00", "count": "9" * 30})
    guard_input(form.fields)
    assert not form.is_valid()
    assert "Name has an invisible character in it that cannot be saved" in form.errors["name"][0]
    assert form.errors["count"] == ["Enter a smaller number"]


def _clean(field: forms.Field, value: object) -> None:
    if isinstance(field, forms.FileField):
        return  # an upload comes from request.FILES, never as text: see test_hostile_pages.py
    try:
        field.clean(value)
    except ValidationError as error:
        for message in error.messages:
            words = message
            for sent in value if isinstance(value, list) else [value]:
                words = words.replace(str(sent), "")  # a message may quote what was sent
            assert not any(word in words for word in UNPLAIN), message
            assert message.strip()


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(value=VALUE)
def test_no_field_of_any_form_raises_on_hostile_input(value):
    for _, field in FIELDS:
        _clean(field, value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["\x00", "Ava\x00Smith", "9" * 40, "-" + "9" * 40, "x" * 20_000, "<b>bold</b>"]
)
def test_each_field_of_each_form_takes_each_known_hostile_value(value):
    for _, field in FIELDS:
        _clean(field, value)


def _made(form_class: type, data: MultiValueDict):
    """The form bound to `data`, or None when it needs more than data to be made (a record, the
    person), or is a base for others: those are driven field by field above, and through their
    pages in tests/test_hostile_pages.py."""
    try:
        return form_class(data)
    except (TypeError, KeyError, AttributeError, NotImplementedError):
        return None


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(value=HOSTILE)
def test_every_form_made_from_data_alone_checks_hostile_input(value):
    for form_class in FORM_CLASSES:
        names = list(form_class.base_fields)  # type: ignore[attr-defined]
        form = _made(form_class, MultiValueDict({name: [value] for name in names}))
        if form is None:
            continue
        if not form.is_valid():
            for messages in form.errors.values():
                for message in messages:
                    assert not any(word in message.replace(value, "") for word in UNPLAIN)


def test_most_forms_are_made_from_data_alone():
    data = MultiValueDict()
    made = [form_class for form_class in FORM_CLASSES if _made(form_class, data) is not None]
    assert len(made) > len(FORM_CLASSES) // 3
