"""The sign-off form shared by the protocol and criteria drafts."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from supportfirst.kernel.signoff import SignOffForm


def _form(on):
    return SignOffForm(
        {
            "name": "Helen Marsh",
            "role": "Chair of the parent carer forum",
            "on_0": on.day,
            "on_1": on.month,
            "on_2": on.year,
        }
    )


def test_a_sign_off_dated_in_the_future_is_refused():
    form = _form(timezone.localdate() + timedelta(days=1))
    assert not form.is_valid()
    assert form.errors["on"] == ["The date signed off must be today or in the past"]


def test_a_sign_off_dated_today_or_before_is_kept():
    assert _form(timezone.localdate()).is_valid()
    assert _form(timezone.localdate() - timedelta(days=7)).is_valid()
