"""The forms of the protocol's pages (GOV.UK layout; every box of text has a maximum and a
character count)."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field
from django import forms

from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.kernel.signoff import SignOffForm
from supportfirst.localprotocol.sections import SECTION_MAX

__all__ = ["AnswerForm", "CommentForm", "PublishForm", "SectionForm", "SignOffForm"]


class SectionForm(forms.Form):
    text = forms.CharField(
        label="The section's words",
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=SECTION_MAX,
        error_messages={"required": "Write this section of the protocol"},
    )

    def __init__(self, *args: Any, hint: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = (
            f"{hint} Leave a blank line between paragraphs: the public page shows what changed "
            "paragraph by paragraph."
        ).strip()
        self.helper = gds_helper(Field.textarea("text", rows=14), button="Save this section")


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment on this section",
        help_text="What should change, and why. The council answers every comment before the "
        "protocol can be published.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Write your comment"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=5), button="Add the comment")


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="The council's answer",
        help_text="What you changed because of the comment, or why you did not.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Write the council's answer"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("answer", rows=5), button="Save the answer")


class PublishForm(forms.Form):
    in_force_from = RealDateField(
        label="Date it comes into force",
        help_text="Today or later, for example 1 4 2027. Its working-day targets become the "
        "council's targets from this date.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("in_force_from"), button="Publish the protocol")
