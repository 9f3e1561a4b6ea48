"""The form of a step that sends staff words to a family with one button: nothing to fill in
when the words are clean, one reason per distinct flagged word or phrase when they are not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from supportfirst.kernel.formsupport import gds_helper
from supportfirst.wording.services import WordsToCheck, ask_reasons


class GateForm(forms.Form):
    """A button to the family, with the reasons the words to check need (if any)."""

    def __init__(
        self, data: Any = None, *, to_check: Sequence[WordsToCheck], button: str, name: str
    ) -> None:
        super().__init__(data)
        self.helper = gds_helper(button=button, name=name)
        ask_reasons(self, to_check)
