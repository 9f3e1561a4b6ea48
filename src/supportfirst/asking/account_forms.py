"""Forms for family accounts: setting a password, staff inviting, a young person's choice."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.layout import Button, Field, Fluid, Size
from django import forms
from django.contrib.auth import password_validation

from supportfirst.accounts.models import User
from supportfirst.families.models import Family
from supportfirst.kernel.formsupport import gds_helper


class SetPasswordForm(forms.Form):
    password = forms.CharField(
        label="Create a password",
        help_text="At least 12 characters. Three or four random words are easy to remember.",
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    password_again = forms.CharField(
        label="Type the password again",
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password again"},
    )

    def __init__(self, *args: Any, candidate: User, **kwargs: Any) -> None:
        self.candidate = candidate
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            Field.text("password_again", field_width=Fluid.TWO_THIRDS),
            Button("submit", "Create your account"),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password, again = data.get("password"), data.get("password_again")
        if password:
            try:
                password_validation.validate_password(password, self.candidate)
            except forms.ValidationError as error:
                for message in error.messages:
                    self.add_error("password", message)
        if password and again and password != again:
            self.add_error("password_again", "The passwords do not match")
        return data


class InviteForm(forms.Form):
    person = forms.ChoiceField(
        label="Who are you inviting?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select who you are inviting"},
    )
    email = forms.EmailField(
        label="Their email address",
        max_length=254,
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def __init__(self, *args: Any, family: Family, young_people: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        carers = [
            (f"carer-{c.pk}", f"{c.full_name} ({c.relationship})")
            for c in family.parent_carers.all()
        ]
        young = [
            (f"child-{c.pk}", f"{c.first_name} {c.last_name} (their own account)")
            for c in young_people
        ]
        self.fields["person"].choices = carers + young  # type: ignore[attr-defined]
        self.fields["person"].help_text = "Young people can have their own account from age 16."
        self.helper = gds_helper(
            Field.radios("person", legend_size=Size.MEDIUM),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Button("submit", "Send the invitation"),
        )


class SharingForm(forms.Form):
    share = forms.ChoiceField(
        label="Can your parents see what you tell us and write to us yourself?",
        help_text="You can change this at any time.",
        choices=[
            ("yes", "Yes, my parents can see my own views and what I write"),
            ("no", "No, keep my own views and what I write to me and the council"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if your parents can see your own views"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("share", legend_size=Size.MEDIUM),
            Button("submit", "Save your choice"),
        )
