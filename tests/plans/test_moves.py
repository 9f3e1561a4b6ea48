"""The guards added to plans/moves.py for a review and a family's request for one."""

from __future__ import annotations

from datetime import date

from supportfirst.plans import moves


def test_a_review_says_what_changed():
    assert moves.what_changed_is_entered(None, None, {"what_changed": "New school"})
    assert not moves.what_changed_is_entered(None, None, {"what_changed": ""})


def test_a_review_has_the_familys_view():
    assert moves.family_view_is_entered(None, None, {"family_view": "Going well"})
    assert not moves.family_view_is_entered(None, None, {"family_view": "  "})


def test_the_next_review_is_after_this_one():
    day = {"reviewed_on": date(2026, 3, 2)}
    assert moves.next_review_after_this_one(None, None, {**day, "next_review_on": date(2026, 9, 2)})
    assert not moves.next_review_after_this_one(
        None, None, {**day, "next_review_on": date(2026, 3, 2)}
    )


def test_the_family_says_what_changed_when_asking_for_a_review():
    assert moves.family_says_what_changed(None, None, {"what_changed": "We moved house"})
    assert not moves.family_says_what_changed(None, None, {})
