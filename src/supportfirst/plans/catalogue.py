"""Which services a plan can hold: the met services of the confirmed eligibility decision when
there is one, otherwise the services in the criteria the council decides with now (its own
published set, or the national model). A practitioner can also write in another service with
its legal basis."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from supportfirst.eligibility.selectors import criteria_for_council

OTHER = "other"


@dataclass(frozen=True)
class ServiceChoice:
    code: str
    name: str
    legal_basis: str
    duty_or_power: str = ""
    plain_english: str = ""
    for_whom: str = "child"
    # The confirmed decision said this type of service is not met: adding it needs a reason.
    not_met: bool = False

    @property
    def for_carer(self) -> bool:
        return self.for_whom != "child"

    @property
    def label(self) -> str:
        if self.not_met:
            return f"{self.name} (the decision said not now: give your reason)"
        kind = {
            "duty": " (a duty: once needed, the council must arrange it)",
            "general": " (a general duty: the council must provide a range of this support)",
            "power": " (the council may provide it)",
        }
        return f"{self.name}{kind.get(self.duty_or_power, '')}"


def from_decision(decision: Any) -> list[ServiceChoice]:
    """The services the confirmed decision says are met, with their law."""
    return [
        ServiceChoice(
            code=line.code,
            name=line.name,
            legal_basis="; ".join(line.legal_basis_citations),
            duty_or_power=line.duty_or_power,
            for_whom=getattr(line, "for_whom", "child"),
        )
        for line in decision.final_services()
        if line.met
    ]


def from_criteria(council: Any, today: date) -> list[ServiceChoice]:
    """The services in the criteria the council decides with now (its own published set, or
    the national model), with their law."""
    published = criteria_for_council(council, today)
    if published is None:
        return []
    return [
        ServiceChoice(
            code=service.code,
            name=service.name,
            legal_basis="; ".join(basis.citation for basis in service.legal_basis),
            duty_or_power=service.duty_or_power,
            plain_english=service.plain_english,
            for_whom=service.for_whom,
        )
        for service in published.criteria_set.services
    ]


@dataclass(frozen=True)
class NotMet:
    """The service types a confirmed decision said are not met, by code and by name."""

    codes: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    def covers(self, *, code: str, name: str) -> bool:
        return bool(code and code in self.codes) or " ".join(name.split()).casefold() in self.names


def not_met_in(decision: Any | None) -> NotMet:
    """What a confirmed decision said is not met; nothing for any other decision."""
    if decision is None or getattr(decision, "status", "") != "confirmed":
        return NotMet()
    lines = [line for line in decision.final_services() if not line.met]
    return NotMet(
        codes=frozenset(line.code for line in lines),
        names=frozenset(" ".join(line.name.split()).casefold() for line in lines),
    )


def choices_for(*, decision: Any | None, council: Any, today: date) -> list[ServiceChoice]:
    if decision is not None and getattr(decision, "status", "") == "confirmed":
        found = from_decision(decision)
        if found:
            return found
    not_met = not_met_in(decision)
    return [
        replace(choice, not_met=True)
        if not_met.covers(code=choice.code, name=choice.name)
        else choice
        for choice in from_criteria(council, today)
    ]
