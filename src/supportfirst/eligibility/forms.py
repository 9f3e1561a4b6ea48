"""Forms for eligibility decisions (crispy-forms-gds). Labels name the child, never "the child"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms

from supportfirst.eligibility.services import Answers, Checked, Departure, Departures
from supportfirst.kernel.formsupport import gds_helper
from supportfirst.rules.criteria import CarerGates, NeedOutcome, ServiceOutcome

YES_NO = [("yes", "Yes"), ("no", "No")]
REASON_HINT = (
    "Your professional reason for deciding differently from the criteria. The family reads it, "
    "and a team manager checks it."
)


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= size else text[: size - 1].rstrip() + '…'}”"


def _name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@dataclass(frozen=True)
class LineFields:
    """The criteria's outcome for one service or need, with the names of its two fields."""

    kind: str  # "service" or "need"
    key: str
    outcome: ServiceOutcome | NeedOutcome
    depart: str
    reason: str
    description: str = ""
    area: str = ""


class DecideForm(forms.Form):
    """The gate questions the criteria need (about the child, and each assessed carer's own
    about themselves), then (once the criteria have been run) a choice to decide differently
    for each service and each need, with a reason."""

    criteria_id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        name: str,
        checked: Checked | None = None,
        carers: list[tuple[str, str]] | None = None,
        child: bool = True,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper()
        self.name = name
        self.child = child
        self.carers = list(carers or [])
        if child:
            self._add_child_gates(name)
        for person, carer_name in self.carers:
            self._add_carer_gates(person, carer_name, name)
        self.lines: list[LineFields] = []
        if checked is not None:
            self._add_lines(checked)

    def _add_child_gates(self, name: str) -> None:
        fields = self.fields
        fields["impairment"] = _yes_no(
            f"Do {name}'s needs arise from a disability or illness, physical or mental?",
            f"Say whether {name}'s needs arise from a disability or illness",
            "A diagnosis is not needed.",
        )
        fields["impact"] = _yes_no(
            f"Is there, or is there likely to be, a significant impact on {name}'s wellbeing?",
            f"Say whether there is, or is likely to be, a significant impact on {name}'s wellbeing",
        )
        fields["wellbeing_impact"] = _impact_text(
            f"Describe the impact on {name}'s wellbeing",
            f"Describe the impact on {name}'s wellbeing, or why there is none",
        )

    def _add_carer_gates(self, person: str, carer: str, child: str) -> None:
        """A carer's own gate questions, about the carer (never the child's answers)."""
        fields = self.fields
        fields[f"{person}_from_caring"] = _yes_no(
            f"Do {carer}'s own needs arise from providing necessary care for {child}?",
            f"Say whether {carer}'s needs arise from providing care",
        )
        fields[f"{person}_impact"] = _yes_no(
            f"Is there, or is there likely to be, a significant impact on {carer}'s own wellbeing?",
            f"Say whether there is, or is likely to be, a significant impact on {carer}'s "
            "own wellbeing",
            "Their own wellbeing, not the child's: health, sleep, work or education, time for "
            "themselves, relationships and money.",
        )
        fields[f"{person}_health"] = _yes_no(
            f"Is {carer}'s physical or mental health getting worse, or at risk of getting "
            "worse, because of caring?",
            f"Say whether {carer}'s health is getting worse, or at risk of it",
        )
        fields[f"{person}_wellbeing_impact"] = _impact_text(
            f"Describe the impact on {carer}'s own wellbeing",
            f"Describe the impact on {carer}'s own wellbeing, or why there is none",
        )

    @property
    def gate_fields(self) -> list[forms.BoundField]:
        """The gate questions in the order they are asked: the child's, then each carer's."""
        return [
            self[name]
            for name in self.fields
            if name != "criteria_id" and not name.startswith(("service_", "need_"))
        ]

    def _add_lines(self, checked: Checked) -> None:
        name = self.name
        for service in checked.decision.services:
            field_name = f"service_{_name(service.service_code)}"
            if service.met:
                label = f"Decide that {name} is not eligible for {service.service_name}"
            else:
                label = f"Decide that {name} is eligible for {service.service_name}"
            self._add_line(
                "service",
                service.service_code,
                service,
                field_name,
                label,
                about=service.service_name,
            )
        described = {need.id: need for need in checked.case.needs}
        for outcome in checked.decision.needs:
            need = described.get(outcome.need_id)
            field_name = f"need_{_name(outcome.need_id)}"
            label = (
                "Decide that this need is not eligible"
                if outcome.met
                else "Decide that this need is eligible"
            )
            self._add_line(
                "need",
                outcome.need_id,
                outcome,
                field_name,
                label,
                about=_short(need.description) if need else "this need",
                description=need.description if need else "",
                area=need.area if need else "",
            )

    def _add_line(
        self,
        kind: str,
        key: str,
        outcome: ServiceOutcome | NeedOutcome,
        field_name: str,
        label: str,
        about: str,
        **extra: str,
    ) -> None:
        depart, reason = f"{field_name}_depart", f"{field_name}_reason"
        self.fields[depart] = forms.BooleanField(label=label, required=False)
        self.fields[reason] = forms.CharField(
            label=f"Your reason for deciding differently about {about}",
            help_text=REASON_HINT,
            required=False,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 3, "data-wording-check": ""}),
        )
        self.lines.append(LineFields(kind, key, outcome, depart, reason, **extra))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for line in self.lines:
            departing = data.get(line.depart)
            reason = (data.get(line.reason) or "").strip()
            if departing and not reason:
                self.add_error(
                    line.reason, "Give your professional reason for deciding differently"
                )
            if reason and not departing:
                self.add_error(
                    line.depart,
                    "Tick the box to decide differently, or delete the reason you wrote",
                )
        return data

    @property
    def service_lines(self) -> list[dict[str, Any]]:
        return [self._bound(line) for line in self.lines if line.kind == "service"]

    @property
    def need_lines(self) -> list[dict[str, Any]]:
        return [self._bound(line) for line in self.lines if line.kind == "need"]

    def _bound(self, line: LineFields) -> dict[str, Any]:
        return {"line": line, "depart": self[line.depart], "reason": self[line.reason]}

    def answers(self) -> Answers:
        data = self.cleaned_data
        gates: dict[str, CarerGates] = {}
        for person, _name in self.carers:
            gates[person] = CarerGates(
                from_caring=data[f"{person}_from_caring"] == "yes",
                impact_on_wellbeing=data[f"{person}_impact"] == "yes",
                health_at_risk=data[f"{person}_health"] == "yes",
                wellbeing_impact=data[f"{person}_wellbeing_impact"].strip(),
            )
        return Answers(
            arises_from_impairment_or_illness=self.child and data["impairment"] == "yes",
            significant_impact_on_wellbeing=self.child and data["impact"] == "yes",
            wellbeing_impact=data["wellbeing_impact"] if self.child else "",
            parent_carer=gates.get("parent_carer"),
            young_carer=gates.get("young_carer"),
        )

    def departures(self) -> Departures:
        data = self.cleaned_data
        services: dict[str, Departure] = {}
        needs: dict[str, Departure] = {}
        for line in self.lines:
            if data.get(line.depart):
                target = services if line.kind == "service" else needs
                target[line.key] = Departure(not line.outcome.met, data[line.reason].strip())
        return Departures(services=services, needs=needs)


def _yes_no(label: str, error: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": error},
    )


def _impact_text(label: str, error: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=(
            "In a few sentences, from the assessment: what happens, or is likely to happen, "
            "without support. If there is none, say why."
        ),
        widget=forms.Textarea(attrs={"rows": 4, "data-wording-check": ""}),
        max_length=4000,
        error_messages={"required": error},
    )


class ConfirmForm(forms.Form):
    """Confirming takes one click; a reason is asked for each respectful-language finding in
    the practitioner's words (added with `wording.services.add_reason_fields`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(button="Confirm the decision", name="confirm")


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="What should the practitioner look at again?",
        help_text="The practitioner reads this before they decide again.",
        widget=forms.Textarea(attrs={"rows": 4, "data-wording-check": ""}),
        max_length=4000,
        error_messages={"required": "Say what the practitioner should look at again"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper()
