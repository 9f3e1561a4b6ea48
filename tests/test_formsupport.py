"""The date input every form uses: plain English for a date that does not exist."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms

from supportfirst.kernel.formsupport import RealDateField


class OneDate(forms.Form):
    when = RealDateField(label="When")


def _errors(day: str, month: str, year: str) -> list[str]:
    form = OneDate({"when_0": day, "when_1": month, "when_2": year})
    assert not form.is_valid()
    return form.errors["when"]


@pytest.mark.parametrize(("day", "month"), [("31", "11"), ("30", "2"), ("0", "5"), ("1", "13")])
def test_a_date_that_does_not_exist_gets_a_plain_message(day, month):
    errors = _errors(day, month, "2026")
    assert errors == ["Enter a date that exists, like 27 3 2026 (the day, the month, the year)"]
    assert "out of range" not in " ".join(errors)


def test_a_short_year_is_explained():
    assert _errors("1", "2", "26") == ["Enter the year as 4 numbers, like 2026"]


def test_letters_instead_of_numbers_are_explained():
    assert "The month must be a number" in _errors("1", "May", "2026")


def test_a_real_date_is_a_date():
    form = OneDate({"when_0": "29", "when_1": "2", "when_2": "2028"})
    assert form.is_valid()
    assert form.cleaned_data["when"] == date(2028, 2, 29)
