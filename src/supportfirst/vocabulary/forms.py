"""Forms for a council's own words to check, in the GOV.UK style (crispy-forms-gds)."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from supportfirst.kernel.formsupport import gds_helper
from supportfirst.vocabulary.models import CATEGORY_CHOICES, lines

MAX_PHRASES = 50
MAX_PHRASE_LENGTH = 200


class EntryForm(forms.Form):
    """A council's entry. When editing, the short name is shown, not asked again."""

    entry_id = forms.CharField(
        label="Short name for this entry",
        help_text=(
            "Use lower-case letters, numbers and hyphens, like tier-3. You cannot change it later."
        ),
        max_length=80,
        error_messages={"required": "Enter a short name for this entry"},
    )
    category = forms.ChoiceField(
        label="What kind of words are these?",
        choices=CATEGORY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of words these are"},
    )
    words = forms.CharField(
        label="Words to check for",
        help_text=(
            "Put each word or phrase on its own line, like “tier 3” or “failed to”. "
            "Capital letters do not matter. A hyphen also finds the words with a space "
            "or nothing between them."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter at least one word or phrase to check for"},
    )
    explanation = forms.CharField(
        label="Why these words matter",
        help_text="Staff see this beside their writing. Write it in plain English.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter why these words matter"},
    )
    suggestions = forms.CharField(
        label="What to write instead",
        help_text="Put each suggestion on its own line.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter at least one suggestion"},
    )
    agreed_with_forum = forms.TypedChoiceField(
        label="Has the parent carer forum agreed this entry?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the parent carer forum agreed this entry"},
    )
    forum_note = forms.CharField(
        label="Who from the forum agreed, and when (if they did)",
        help_text="For example, “Forum steering group, 4 March 2026”.",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: list[Any] = []
        if editing:
            del self.fields["entry_id"]
        else:
            fields.append(Field.text("entry_id", field_width=Fluid.ONE_HALF))
        self.helper = gds_helper(
            *fields,
            Field.radios("category", legend_size=Size.SMALL),
            Field.textarea("words"),
            Field.textarea("explanation"),
            Field.textarea("suggestions"),
            Field.radios("agreed_with_forum", legend_size=Size.SMALL, inline=True),
            Field.textarea("forum_note"),
            button="Save changes" if editing else "Add the entry",
        )

    def clean_entry_id(self) -> str:
        return str(self.cleaned_data["entry_id"]).strip().lower()

    def clean_words(self) -> str:
        words = str(self.cleaned_data["words"])
        phrases = lines(words)
        if not phrases:
            raise forms.ValidationError("Enter at least one word or phrase to check for")
        if len(phrases) > MAX_PHRASES:
            raise forms.ValidationError(f"Enter {MAX_PHRASES} words or phrases or fewer")
        for phrase in phrases:
            if len(phrase) > MAX_PHRASE_LENGTH:
                raise forms.ValidationError(
                    f"Each phrase must be {MAX_PHRASE_LENGTH} characters or fewer"
                )
        return "\n".join(phrases)

    def clean_suggestions(self) -> str:
        suggestions = lines(str(self.cleaned_data["suggestions"]))
        if not suggestions:
            raise forms.ValidationError("Enter at least one suggestion")
        return "\n".join(suggestions)


class TryForm(forms.Form):
    text = forms.CharField(
        label="Try some writing",
        help_text="Paste or type some writing to see what the checker finds in it.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        error_messages={"required": "Enter some writing to check"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text"), button="Check the writing")
