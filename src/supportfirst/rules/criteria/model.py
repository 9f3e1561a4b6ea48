"""The shapes of a criteria set, of a case (the assessed needs) and of a decision.

All frozen dataclasses: a loaded set never changes, and a decision records the set's id,
version and digest so an old decision can always be traced to the exact text it used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import FrozenInstanceError, dataclass, field
from datetime import date
from typing import Any, NamedTuple

from supportfirst.rules.criteria import areas as codes
from supportfirst.rules.criteria.law import citation


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a criteria file: where it is (file, line, field path) and why."""

    where: str
    message: str
    file: str = ""
    line: int | None = None
    field_path: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class CriteriaFileError(ValueError):
    """A criteria file cannot be used. `.problems` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in the criteria file:\n{lines}"
        )


@dataclass(frozen=True)
class SignOff:
    name: str
    organisation: str
    kind: str  # "council" or "parent_carer_forum"
    on: date


@dataclass(frozen=True)
class LegalBasis:
    act: str
    section: str
    note: str = ""

    @property
    def citation(self) -> str:
        """E.g. "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"."""
        return citation(self.act, self.section)

    def to_dict(self) -> dict[str, str]:
        return {"act": self.act, "section": self.section, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LegalBasis:
        return cls(str(data["act"]), str(data.get("section", "")), str(data.get("note", "")))


@dataclass(frozen=True)
class Criterion:
    """When the needs of one person (the child, a parent carer or a young carer) are eligible.

    A need counts towards the criterion when it is in one of `areas` (every area of that
    person's assessment when empty), at least one of its `counts` flags is true, help is needed
    at least as often as `at_least`, and (for a child, unless `compare_with_same_age` is false)
    it is not recorded as what other children of the same age need too. The criterion is met
    when the counting needs cover at least `outcomes_needed` different areas (or one area, when
    a counting need is in one of `one_area_enough_in`, or has a flag in `one_area_enough_when`),
    and, if required, the needs arise from impairment or illness (for a carer: from caring) and
    there is, or is likely to be, a significant impact on wellbeing (a carer's own).
    `min_age` and `max_age` limit it to children of those ages (in years) when the case gives
    an age.

    A need that fluctuates over the week is judged at the level of its hard days, as often as
    they come: its flags are how the hard days are and its `how_often` how often they come, and
    it is decided exactly as the same need with those flags and that `how_often` would be (the
    same counting, the same `one_area_enough_when`). Only the words of its reasons differ.
    """

    id: str
    title: str
    plain_english: str
    for_whom: str = codes.CHILD
    areas: tuple[str, ...] = ()
    counts: tuple[str, ...] = codes.FLAGS
    at_least: str = "less_often"
    outcomes_needed: int = 2
    one_area_enough_when: tuple[str, ...] = ()
    one_area_enough_in: tuple[str, ...] = ()
    # The age comparator: a child's need counts only when it is more than other children of
    # the same age need (the need record says so). Only for a child's criterion.
    compare_with_same_age: bool = True
    needs_impairment_or_illness: bool = True
    needs_significant_impact: bool = True
    min_age: int | None = None
    max_age: int | None = None

    @property
    def counted_areas(self) -> tuple[str, ...]:
        return self.areas or codes.areas_of(self.for_whom)


@dataclass(frozen=True)
class Service:
    """A kind of help the criteria can unlock, with the law it is provided under.

    `areas`: the areas of life this service helps with; when given, the service is met only
    when an eligible need is in one of them. Empty: any eligible need under its criterion."""

    code: str
    name: str
    plain_english: str
    legal_basis: tuple[LegalBasis, ...]
    duty_or_power: str
    criterion: str
    for_whom: str = codes.CHILD
    areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessedNeed:
    id: str
    person: str
    area: str
    description: str
    cannot_without_help: bool
    only_with_pain_distress_or_anxiety: bool
    only_with_danger: bool
    takes_much_longer: bool
    how_often: str
    # The age comparator: is this more than other children of the same age need? None when
    # not recorded (a carer's need, or a record made before the question was asked).
    more_than_same_age: bool | None = None
    # Some days are much harder than others: the need fluctuates over the week. Its flags
    # say how it is on the hard days, and `how_often` how often the hard days come.
    fluctuates: bool = False

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "more_than_same_age": self.more_than_same_age,
            "id": self.id,
            "person": self.person,
            "area": self.area,
            "description": self.description,
            "cannot_without_help": self.cannot_without_help,
            "only_with_pain_distress_or_anxiety": self.only_with_pain_distress_or_anxiety,
            "only_with_danger": self.only_with_danger,
            "takes_much_longer": self.takes_much_longer,
            "how_often": self.how_often,
        }
        if self.fluctuates:
            # Only when true, so a need recorded before the question keeps its stored form.
            found["fluctuates"] = True
        return found

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AssessedNeed:
        problems = need_problems(data, "need")
        if problems:
            raise CaseError(problems)
        return cls(
            id=str(data["id"]),
            person=data.get("person", codes.CHILD),
            area=data["area"],
            description=str(data.get("description", "")),
            cannot_without_help=bool(data.get("cannot_without_help", False)),
            only_with_pain_distress_or_anxiety=bool(
                data.get("only_with_pain_distress_or_anxiety", False)
            ),
            only_with_danger=bool(data.get("only_with_danger", False)),
            takes_much_longer=bool(data.get("takes_much_longer", False)),
            how_often=data["how_often"],
            more_than_same_age=data.get("more_than_same_age"),
            fluctuates=bool(data.get("fluctuates", False)),
        )


CARER_GATE_FIELDS = ("from_caring", "impact_on_wellbeing", "health_at_risk")


@dataclass(frozen=True)
class CarerGates:
    """A parent carer's or young carer's own answers to the carer criteria's gate questions,
    never the child's (Care and Support (Eligibility Criteria) Regulations 2015, reg 3, as the
    model): do the needs arise from providing necessary care; is there, or is there likely to
    be, a significant impact on the carer's own wellbeing; is the carer's physical or mental
    health getting worse, or at risk of getting worse, because of caring."""

    from_caring: bool
    impact_on_wellbeing: bool
    health_at_risk: bool
    wellbeing_impact: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_caring": self.from_caring,
            "impact_on_wellbeing": self.impact_on_wellbeing,
            "health_at_risk": self.health_at_risk,
            "wellbeing_impact": self.wellbeing_impact,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CarerGates:
        return cls(
            from_caring=bool(data["from_caring"]),
            impact_on_wellbeing=bool(data["impact_on_wellbeing"]),
            health_at_risk=bool(data.get("health_at_risk", False)),
            wellbeing_impact=str(data.get("wellbeing_impact") or ""),
        )


@dataclass(frozen=True)
class Case:
    """What the criteria are applied to: the assessed needs of the child and family.

    The two gate answers at the top are about the child. A parent carer's or young carer's
    criteria read only that carer's own gates (`parent_carer`, `young_carer`); when a carer's
    gates are not given, their criteria are not met and the reason says the questions about
    their own wellbeing were not asked."""

    needs: tuple[AssessedNeed, ...]
    arises_from_impairment_or_illness: bool
    significant_impact_on_wellbeing: bool
    wellbeing_impact: str = ""
    child_age: int | None = None
    parent_carer: CarerGates | None = None
    young_carer: CarerGates | None = None
    # False for a carer's own assessment done separately: the child's needs are not in it.
    child_assessed: bool = True

    def gates(self, person: str) -> CarerGates | None:
        if person == codes.PARENT_CARER:
            return self.parent_carer
        if person == codes.YOUNG_CARER:
            return self.young_carer
        return None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "arises_from_impairment_or_illness": self.arises_from_impairment_or_illness,
            "significant_impact_on_wellbeing": self.significant_impact_on_wellbeing,
            "wellbeing_impact": self.wellbeing_impact,
            "child_age": self.child_age,
            "needs": [need.to_dict() for need in self.needs],
        }
        if not self.child_assessed:
            data["child_assessed"] = False
        for person in (codes.PARENT_CARER, codes.YOUNG_CARER):
            gates = self.gates(person)
            if gates is not None:
                data[person] = gates.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Case:
        """Raises CaseError, with every problem, when the data is not a usable case."""
        problems = case_problems(data, "case")
        if problems:
            raise CaseError(problems)
        return cls(
            needs=tuple(AssessedNeed.from_dict(need) for need in data.get("needs", [])),
            arises_from_impairment_or_illness=data["arises_from_impairment_or_illness"],
            significant_impact_on_wellbeing=data["significant_impact_on_wellbeing"],
            wellbeing_impact=str(data.get("wellbeing_impact") or ""),
            child_age=data.get("child_age"),
            parent_carer=_gates(data.get(codes.PARENT_CARER)),
            young_carer=_gates(data.get(codes.YOUNG_CARER)),
            child_assessed=bool(data.get("child_assessed", True)),
        )


def _gates(data: Any) -> CarerGates | None:
    return CarerGates.from_dict(data) if isinstance(data, Mapping) else None


class CaseError(ValueError):
    """Case data that cannot be used; `.problems` are (field path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{path}: {message}" for path, message in problems))


_NEED_FIELDS = {
    "id",
    "person",
    "area",
    "description",
    "how_often",
    "fluctuates",
    "more_than_same_age",
    *codes.FLAGS,
}
_CASE_FIELDS = {
    "needs",
    "arises_from_impairment_or_illness",
    "significant_impact_on_wellbeing",
    "wellbeing_impact",
    "child_age",
    codes.PARENT_CARER,
    codes.YOUNG_CARER,
    "child_assessed",
}


def need_problems(data: Any, path: str) -> list[tuple[str, str]]:
    if not isinstance(data, Mapping):
        return [(path, "A need must be a set of fields (id, person, area, how_often, ...).")]
    problems = [
        (f"{path}.{key}", f"“{key}” is not a field of a need.")
        for key in data
        if key not in _NEED_FIELDS
    ]
    if not isinstance(data.get("id"), str) or not data.get("id"):
        problems.append((f"{path}.id", "Each need needs an id (text)."))
    person = data.get("person", codes.CHILD)
    if not isinstance(person, str) or person not in codes.PERSONS:
        problems.append((f"{path}.person", f"person must be one of {', '.join(codes.PERSONS)}."))
    area = data.get("area")
    if not isinstance(area, str) or area not in codes.AREAS:
        problems.append((f"{path}.area", f"“{area}” is not an area of life the service knows."))
    elif person in codes.PERSONS and codes.AREAS[area][1] != person:
        problems.append(
            (f"{path}.area", f"“{area}” is not an area of a {person.replace('_', ' ')}'s needs.")
        )
    how_often = data.get("how_often")
    if not isinstance(how_often, str) or how_often not in codes.HOW_OFTEN:
        problems.append(
            (f"{path}.how_often", f"how_often must be one of {', '.join(codes.HOW_OFTEN)}.")
        )
    for flag in codes.FLAGS:
        if flag in data and not isinstance(data[flag], bool):
            problems.append((f"{path}.{flag}", f"{flag} must be true or false."))
    comparator = data.get("more_than_same_age")
    if comparator is not None and not isinstance(comparator, bool):
        problems.append(
            (f"{path}.more_than_same_age", "more_than_same_age must be true, false or left out.")
        )
    if "description" in data and not isinstance(data["description"], str):
        problems.append((f"{path}.description", "description must be text."))
    if "fluctuates" in data and not isinstance(data["fluctuates"], bool):
        problems.append((f"{path}.fluctuates", "fluctuates must be true or false."))
    return problems


def case_problems(data: Any, path: str) -> list[tuple[str, str]]:
    if not isinstance(data, Mapping):
        return [
            (
                path,
                "A case must be a set of fields (needs, arises_from_impairment_or_illness, ...).",
            )
        ]
    problems = [
        (f"{path}.{key}", f"“{key}” is not a field of a case.")
        for key in data
        if key not in _CASE_FIELDS
    ]
    for flag in ("arises_from_impairment_or_illness", "significant_impact_on_wellbeing"):
        if not isinstance(data.get(flag), bool):
            problems.append((f"{path}.{flag}", f"{flag} must be given, as true or false."))
    age = data.get("child_age")
    if age is not None and (not isinstance(age, int) or isinstance(age, bool) or not 0 <= age < 26):
        problems.append(
            (f"{path}.child_age", "child_age must be a whole number of years, 0 to 25.")
        )
    if "wellbeing_impact" in data and not isinstance(data["wellbeing_impact"], str | None):
        problems.append((f"{path}.wellbeing_impact", "wellbeing_impact must be text."))
    for person in (codes.PARENT_CARER, codes.YOUNG_CARER):
        if person in data and data[person] is not None:
            problems.extend(_gate_problems(data[person], f"{path}.{person}"))
    needs = data.get("needs")
    if not isinstance(needs, list):
        problems.append((f"{path}.needs", "needs must be a list of assessed needs."))
        return problems
    seen: set[str] = set()
    for index, need in enumerate(needs):
        problems.extend(need_problems(need, f"{path}.needs[{index}]"))
        need_id = need.get("id") if isinstance(need, Mapping) else None
        if isinstance(need_id, str):
            if need_id in seen:
                problems.append(
                    (f"{path}.needs[{index}].id", f"The need id “{need_id}” is used twice.")
                )
            seen.add(need_id)
    return problems


def _gate_problems(data: Any, path: str) -> list[tuple[str, str]]:
    if not isinstance(data, Mapping):
        return [(path, f"A carer's answers must be fields: {', '.join(CARER_GATE_FIELDS)}.")]
    problems = [
        (f"{path}.{key}", f"“{key}” is not one of a carer's answers.")
        for key in data
        if key not in (*CARER_GATE_FIELDS, "wellbeing_impact")
    ]
    for key in CARER_GATE_FIELDS:
        if not isinstance(data.get(key), bool):
            problems.append((f"{path}.{key}", f"{key} must be given, as true or false."))
    if not isinstance(data.get("wellbeing_impact", ""), str):
        problems.append((f"{path}.wellbeing_impact", "wellbeing_impact must be text."))
    return problems


@dataclass(frozen=True)
class Example:
    """A worked example in a criteria file: a case and the decision the criteria must give."""

    name: str
    case: Case
    eligible: bool
    needs: tuple[tuple[str, bool], ...]
    services: tuple[tuple[str, bool], ...]
    description: str = ""


@dataclass(frozen=True)
class CriteriaSet:
    id: str
    owner: str
    version: str
    effective_from: date
    status: str
    title: str
    summary: str
    sign_off: tuple[SignOff, ...]
    criteria: tuple[Criterion, ...]
    services: tuple[Service, ...]
    examples: tuple[Example, ...]
    text: str = field(repr=False)
    digest: str
    source: str = ""

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def service(self, code: str) -> Service:
        for service in self.services:
            if service.code == code:
                return service
        raise KeyError(code)


class NeedOutcome(NamedTuple):
    """How one need came out. A named tuple, not a dataclass: one is made for every need of
    every decision, and a tuple is the lightest immutable object Python makes."""

    need_id: str
    met: bool
    criterion_id: str
    reason: str
    what_would_change: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "need_id": self.need_id,
            "met": self.met,
            "criterion_id": self.criterion_id,
            "reason": self.reason,
            "what_would_change": self.what_would_change,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NeedOutcome:
        return cls(
            need_id=str(data["need_id"]),
            met=bool(data["met"]),
            criterion_id=str(data["criterion_id"]),
            reason=str(data["reason"]),
            what_would_change=str(data["what_would_change"]),
        )


@dataclass(frozen=True)
class ServiceOutcome:
    service_code: str
    service_name: str
    met: bool
    criterion_id: str
    legal_basis: tuple[LegalBasis, ...]
    duty_or_power: str
    reason: str
    what_would_change: str
    # False when nobody this service is for was assessed in this case: shown as
    # "Not in this decision", not refused.
    assessed: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "assessed": self.assessed,
            "service_code": self.service_code,
            "service_name": self.service_name,
            "met": self.met,
            "criterion_id": self.criterion_id,
            "legal_basis": [basis.to_dict() for basis in self.legal_basis],
            "duty_or_power": self.duty_or_power,
            "reason": self.reason,
            "what_would_change": self.what_would_change,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServiceOutcome:
        return cls(
            service_code=str(data["service_code"]),
            service_name=str(data["service_name"]),
            met=bool(data["met"]),
            criterion_id=str(data["criterion_id"]),
            legal_basis=tuple(LegalBasis.from_dict(basis) for basis in data["legal_basis"]),
            duty_or_power=str(data["duty_or_power"]),
            reason=str(data["reason"]),
            what_would_change=str(data["what_would_change"]),
            assessed=bool(data.get("assessed", True)),
        )


class Decision:
    """What the criteria decided for a case: eligible or not, each need, then each service.

    Frozen, like the rest of the model. A decision made by `evaluate` is decided at once, but
    its reasons and "what would change" are written only when `needs` or `services` is first
    read (or the decision is stored with `to_dict`): deciding is cheap, writing English is
    not, and trying a draft against a council's history reads only whether things are met.
    """

    __slots__ = ("_needs", "_services", "_write", "eligible", "set_digest", "set_id", "set_version")

    set_id: str
    set_version: str
    set_digest: str
    eligible: bool
    _needs: tuple[NeedOutcome, ...]
    _services: tuple[ServiceOutcome, ...]
    _write: Callable[[], tuple[tuple[NeedOutcome, ...], tuple[ServiceOutcome, ...]]] | None

    def __init__(
        self,
        set_id: str,
        set_version: str,
        set_digest: str,
        eligible: bool,
        needs: tuple[NeedOutcome, ...],
        services: tuple[ServiceOutcome, ...],
    ) -> None:
        _set = object.__setattr__
        _set(self, "set_id", set_id)
        _set(self, "set_version", set_version)
        _set(self, "set_digest", set_digest)
        _set(self, "eligible", eligible)
        _set(self, "_needs", needs)
        _set(self, "_services", services)
        _set(self, "_write", None)

    @classmethod
    def deferred(
        cls,
        set_id: str,
        set_version: str,
        set_digest: str,
        eligible: bool,
        write: Callable[[], tuple[tuple[NeedOutcome, ...], tuple[ServiceOutcome, ...]]],
    ) -> Decision:
        """A decision whose outcomes `write()` gives the first time they are read."""
        decision = cls.__new__(cls)
        _set = object.__setattr__
        _set(decision, "set_id", set_id)
        _set(decision, "set_version", set_version)
        _set(decision, "set_digest", set_digest)
        _set(decision, "eligible", eligible)
        _set(decision, "_write", write)
        return decision

    def _written(self) -> None:
        write = self._write
        if write is not None:
            needs, services = write()
            object.__setattr__(self, "_needs", needs)
            object.__setattr__(self, "_services", services)
            object.__setattr__(self, "_write", None)

    @property
    def needs(self) -> tuple[NeedOutcome, ...]:
        if self._write is not None:
            self._written()
        return self._needs

    @property
    def services(self) -> tuple[ServiceOutcome, ...]:
        if self._write is not None:
            self._written()
        return self._services

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.set_id,
            self.set_version,
            self.set_digest,
            self.eligible,
            self.needs,
            self.services,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Decision(set_id={self.set_id!r}, set_version={self.set_version!r}, "
            f"set_digest={self.set_digest!r}, eligible={self.eligible!r}, "
            f"needs={self.needs!r}, services={self.services!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, self._fields())

    def to_dict(self) -> dict[str, Any]:
        return {
            "set_id": self.set_id,
            "set_version": self.set_version,
            "set_digest": self.set_digest,
            "eligible": self.eligible,
            "needs": [need.to_dict() for need in self.needs],
            "services": [service.to_dict() for service in self.services],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        return cls(
            set_id=str(data["set_id"]),
            set_version=str(data["set_version"]),
            set_digest=str(data["set_digest"]),
            eligible=bool(data["eligible"]),
            needs=tuple(NeedOutcome.from_dict(need) for need in data["needs"]),
            services=tuple(ServiceOutcome.from_dict(service) for service in data["services"]),
        )

    def need(self, need_id: str) -> NeedOutcome:
        for outcome in self.needs:
            if outcome.need_id == need_id:
                return outcome
        raise KeyError(need_id)

    def service(self, code: str) -> ServiceOutcome:
        for outcome in self.services:
            if outcome.service_code == code:
                return outcome
        raise KeyError(code)
