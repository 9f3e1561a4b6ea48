"""Forms for letter pages, in the GOV.UK style (crispy-forms-gds)."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Size
from django import forms

from supportfirst.kernel.formsupport import gds_helper
from supportfirst.letters.models import Variant

PARAGRAPH_HINT = (
    "Optional. For example, thank the family for meeting you. Use short sentences and "
    "{name}'s name. For an answer to a complaint, write the answer here."
)


class PrepareForm(forms.Form):
    variant = forms.ChoiceField(
        label="Which version does the family need?",
        help_text="Large print has bigger type. Easy read has short sentences, one idea on "
        "each line.",
        choices=Variant.choices,
        initial=Variant.STANDARD,
        widget=forms.RadioSelect,
        error_messages={"required": "Select standard, large print or easy read"},
    )
    personal_paragraph = forms.CharField(
        label="A personal paragraph",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 5}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, name: str = "the child", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["personal_paragraph"].help_text = PARAGRAPH_HINT.format(name=name)
        self.helper = gds_helper(
            Field.radios("variant", legend_size=Size.SMALL),
            Field.textarea("personal_paragraph"),
            button="Prepare the letter",
        )


class ParagraphForm(forms.Form):
    personal_paragraph = forms.CharField(
        label="Personal paragraph",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 5}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, name: str = "the child", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["personal_paragraph"].help_text = PARAGRAPH_HINT.format(name=name)
        self.helper = gds_helper(Field.textarea("personal_paragraph"), button="Save the paragraph")


class SendForm(forms.Form):
    """Sending a letter. A letter with words to check asks for a short reason for each
    (the reason fields are added with `wording.services.add_reason_fields`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(button="Send the letter", name="send")
