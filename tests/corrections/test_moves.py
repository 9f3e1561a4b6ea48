"""The guards declared in corrections/moves.py, one test each."""

from __future__ import annotations

from supportfirst.corrections import moves
from supportfirst.kernel.workflow import guard_message


def test_a_correction_says_what_changed():
    assert moves.what_changed_is_written(None, None, {"what_we_changed": "The date of birth"})
    assert not moves.what_changed_is_written(None, None, {"what_we_changed": " "})
    assert guard_message(moves.what_changed_is_written) == (
        "Write what you changed, so the family can check it"
    )


def test_a_refusal_says_why():
    assert moves.reason_not_corrected_is_written(
        None, None, {"reason_not_corrected": "It is right"}
    )
    assert not moves.reason_not_corrected_is_written(None, None, {})
    assert guard_message(moves.reason_not_corrected_is_written) == (
        "Write the reason the record is not being changed"
    )
