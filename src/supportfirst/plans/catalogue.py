"""Which services a plan can hold: the met services of the confirmed eligibility decision when
there is one, otherwise the services in the council's current published criteria (or the
national model set). A practitioner can also write in another service with its legal basis."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

OTHER = "other"


@dataclass(frozen=True)
class ServiceChoice:
    code: str
    name: str
    legal_basis: str
    duty_or_power: str = ""
    plain_english: str = ""

    @property
    def label(self) -> str:
        kind = {"duty": " (the council must provide it)", "power": " (the council may provide it)"}
        return f"{self.name}{kind.get(self.duty_or_power, '')}"


def from_decision(decision: Any) -> list[ServiceChoice]:
    """The services the confirmed decision says are met, with their law."""
    return [
        ServiceChoice(
            code=line.code,
            name=line.name,
            legal_basis="; ".join(line.legal_basis_citations),
            duty_or_power=line.duty_or_power,
        )
        for line in decision.final_services()
        if line.met
    ]


@lru_cache(maxsize=1)
def _shipped_sets() -> tuple[Any, ...]:
    try:
        criteria: Any = importlib.import_module("supportfirst.criteria")
    except ImportError:
        return ()
    loaded = []
    for path in criteria.shipped_set_paths():
        try:
            loaded.append(criteria.load_file(path))
        except criteria.CriteriaFileError:
            continue
    return tuple(loaded)


def current_set(la_code: str, today: date) -> Any | None:
    """The council's newest published criteria in force; else the national model set (a model
    any council can adopt), unless it has been retired."""
    in_force = [s for s in _shipped_sets() if s.effective_from <= today]
    own = [s for s in in_force if s.owner == la_code and s.status == "published"]
    if own:
        return max(own, key=lambda s: s.effective_from)
    national = [s for s in in_force if s.owner == "national" and s.status != "retired"]
    if national:
        return max(national, key=lambda s: s.effective_from)
    return None


def from_criteria(la_code: str, today: date) -> list[ServiceChoice]:
    criteria_set = current_set(la_code, today)
    if criteria_set is None:
        return []
    return [
        ServiceChoice(
            code=service.code,
            name=service.name,
            legal_basis="; ".join(basis.citation for basis in service.legal_basis),
            duty_or_power=service.duty_or_power,
            plain_english=service.plain_english,
        )
        for service in criteria_set.services
    ]


def choices_for(*, decision: Any | None, la_code: str, today: date) -> list[ServiceChoice]:
    if decision is not None and getattr(decision, "status", "") == "confirmed":
        found = from_decision(decision)
        if found:
            return found
    return from_criteria(la_code, today)
