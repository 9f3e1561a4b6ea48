"""The form a team manager uses to name a family's worker (GOV.UK style)."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Field
from django import forms

from supportfirst.kernel.formsupport import gds_helper


class AllocateForm(forms.Form):
    worker = forms.TypedChoiceField(
        label="Who will be the family's worker?",
        help_text="The family sees their worker's name, work phone and email on their home page.",
        coerce=int,
        error_messages={
            "required": "Select the person who will be the family's worker",
            "invalid_choice": "Select a person from the list",
        },
    )

    def __init__(self, *args: Any, workers: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = {w.pk: w for w in workers}
        cast(forms.ChoiceField, self.fields["worker"]).choices = [("", "Choose a person")] + [
            (w.pk, _label(w)) for w in workers
        ]
        self.helper = gds_helper(Field.select("worker"), button="Save the worker")

    @property
    def chosen(self) -> Any:
        return self.workers[self.cleaned_data["worker"]]


def _label(worker: Any) -> str:
    membership = getattr(worker, "membership", None)
    role = membership.get_role_display() if membership is not None else ""
    title = getattr(membership, "job_title", "") or role
    return f"{worker} ({title})" if title else str(worker)
