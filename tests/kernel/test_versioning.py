"""The conflict page's words for a value (kernel/versioning.py): a choice's label, yes or no,
a date as the pages write it, "nothing" for an empty answer."""

from __future__ import annotations

from datetime import date

from django import forms

from supportfirst.kernel.versioning import _comparable, _shown

CHANNEL = forms.ChoiceField(choices=[("email", "Email"), ("text", "Text message")])


def test_a_choice_is_shown_by_its_label():
    assert _shown(CHANNEL, "text") == "Text message"


def test_yes_no_dates_lists_and_empty_answers_read_as_words():
    assert _shown(None, True) == "yes"
    assert _shown(None, date(2026, 12, 4)) == "4 December 2026"
    assert _shown(CHANNEL, ["email", "text"]) == "Email, Text message"
    assert _shown(None, "") == "nothing"
    assert _shown(None, None) == "nothing"


def test_the_same_answer_typed_and_saved_is_not_a_difference():
    assert _comparable(3) == _comparable("3")
    assert _comparable(None) == _comparable("")
    assert _comparable(["b", "a"]) == _comparable(("a", "b"))
