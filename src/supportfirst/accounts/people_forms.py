"""The council administrator's forms for staff accounts (GOV.UK style)."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.contrib.auth.password_validation import validate_password

from supportfirst.accounts.people import ASSIGNABLE_ROLES
from supportfirst.kernel.formsupport import gds_helper


def _role_choices() -> list[tuple[str, str]]:
    return [(r.value, str(r.label)) for r in ASSIGNABLE_ROLES]


class _RolesAndTeam(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Roles",
        help_text="Select all that apply. One person can hold more than one role, for example "
        "practitioner and team manager.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one role"},
    )
    team = forms.TypedChoiceField(
        label="Team",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose a team from the list"},
    )

    def _set_choices(self, teams: list[Any]) -> None:
        roles = cast(forms.MultipleChoiceField, self.fields["roles"])
        roles.choices = _role_choices()
        cast(forms.ChoiceField, self.fields["team"]).choices = [("", "No team")] + [
            (t.pk, t.name) for t in teams
        ]


class InviteForm(_RolesAndTeam):
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages={
            "required": "Enter the person's full name",
            "max_length": "Enter a name of 200 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Work email address",
        help_text="The invitation goes here. It is also the username they sign in with.",
        max_length=150,
        error_messages={
            "required": "Enter the person's work email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Enter an email address of 150 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, teams: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._set_choices(teams)
        self.helper = gds_helper(
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.checkboxes("roles", legend_size=Size.SMALL),
            Field.select("team"),
            button="Send the invitation",
        )


class RolesForm(_RolesAndTeam):
    def __init__(self, *args: Any, teams: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._set_choices(teams)
        self.helper = gds_helper(
            Field.checkboxes("roles", legend_size=Size.SMALL),
            Field.select("team"),
            button="Save roles and team",
        )


class TeamForm(forms.Form):
    name = forms.CharField(
        label="Team name",
        help_text="For example, Disabled Children's Team North.",
        max_length=200,
        error_messages={
            "required": "Enter the team's name",
            "max_length": "Enter a team name of 200 characters or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS), button="Add the team"
        )


class ResetSecondFactorForm(forms.Form):
    reason = forms.CharField(
        label="Why are you resetting it?",
        help_text="For example, their phone was lost on 3 December and they asked by phone. "
        "The reason is kept with the account and sent to the person.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why you are resetting the authenticator app",
            "max_length": "Enter a reason of 1000 characters or fewer",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("reason"), button="Reset the authenticator app and email them"
        )


class ConfirmForm(forms.Form):
    """A button with nothing to fill in, drawn the GOV.UK way."""

    def __init__(self, *args: Any, button: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(button=button)


class AcceptInvitationForm(forms.Form):
    new_password1 = forms.CharField(
        label="New password",
        help_text="At least 12 characters. Avoid common words.",
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a new password"},
    )
    new_password2 = forms.CharField(
        label="New password again",
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the new password again"},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.helper = gds_helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            button="Set my password",
        )

    def clean_new_password1(self) -> str:
        password = str(self.cleaned_data["new_password1"])
        validate_password(password, self.user)
        return password

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("new_password1"), data.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", "The two passwords do not match")
        return data
