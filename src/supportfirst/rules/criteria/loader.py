"""Reading a criteria file: every problem found, each with its place, in plain English.

`load_text(text, source)` and `load_file(path)` return a CriteriaSet or raise CriteriaFileError
whose `.problems` lists everything wrong (not just the first thing), each with the file, the
line where YAML gives one, and the field path such as `services[2].legal_basis`. Worked
examples are checked for shape here; whether their expected decisions come out is checked by
`supportfirst criteria test` (see `examples.run_examples`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from supportfirst.rules.criteria import areas, law
from supportfirst.rules.criteria.diagnosis import MESSAGE as DIAGNOSIS_MESSAGE
from supportfirst.rules.criteria.diagnosis import exclusion_in
from supportfirst.rules.criteria.model import (
    AssessedNeed,
    Case,
    CriteriaFileError,
    CriteriaSet,
    Criterion,
    Example,
    LegalBasis,
    Problem,
    Service,
    SignOff,
    case_problems,
)

STATUSES = ("draft", "published", "retired")
SIGN_OFF_KINDS = ("council", "parent_carer_forum")
DUTY_OR_POWER = (law.DUTY, law.POWER)
MET = {"met": True, "not met": False}

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_OWNER = re.compile(r"^(?:national|\d{3})$")

_TOP = {
    "id": True,
    "owner": True,
    "version": True,
    "effective_from": True,
    "status": True,
    "title": True,
    "summary": True,
    "sign_off": True,
    "criteria": True,
    "services": True,
    "examples": True,
}
_SIGN_OFF = {"name": True, "organisation": True, "kind": True, "on": True}
_CRITERION = {
    "id": True,
    "title": True,
    "plain_english": True,
    "for_whom": False,
    "areas": False,
    "counts": False,
    "at_least": False,
    "outcomes_needed": False,
    "one_area_enough_when": False,
    "needs_impairment_or_illness": False,
    "needs_significant_impact": False,
    "min_age": False,
    "max_age": False,
}
_SERVICE = {
    "code": True,
    "name": True,
    "plain_english": True,
    "legal_basis": True,
    "duty_or_power": True,
    "criterion": True,
    "for_whom": False,
    "areas": False,
}
_BASIS = {"act": True, "section": False, "note": False}
_EXAMPLE = {"name": True, "description": False, "case": True, "expect": True}
_EXPECT = {"eligible": True, "needs": True, "services": True}

_MISSING = object()


class _Reader:
    """Walks the YAML node tree, keeping each field path's line, and collects problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: dict[str, int] = {}
        self.problems: list[Problem] = []

    # --- YAML to Python, with lines --------------------------------------------------------
    def build(self, node: yaml.Node, path: str, constructor: yaml.SafeLoader) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                # Field names are read as written ("on" stays "on", not YAML 1.1's true).
                key = (
                    key_node.value
                    if isinstance(key_node, yaml.ScalarNode)
                    else self.build(key_node, path + ".<key>", constructor)
                )
                child = f"{path}.{key}" if path else str(key)
                if not isinstance(key, str):
                    self.add(child, f"The field name {key!r} must be text.", key_node)
                    continue
                if key in result:
                    self.add(child, f"The field “{key}” is given twice.", key_node)
                    continue
                self.lines[child] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, child, constructor)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [
                self.build(item, f"{path}[{index}]", constructor)
                for index, item in enumerate(node.value)
            ]
        try:
            return constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            if node.tag.endswith(":timestamp"):
                self.add(path, f"This is not a real date ({error}): write it as YYYY-MM-DD.", node)
            else:
                self.add(path, f"This value cannot be read: {error}.", node)
            return _MISSING

    # --- problems --------------------------------------------------------------------------
    def line_of(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            parent = re.sub(r"(\.[^.\[\]]*|\[\d+\])$", "", path)
            if parent == path:  # a top-level field that is not in the file
                return None
            path = parent
        return None

    def add(self, path: str, message: str, node: yaml.Node | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else self.line_of(path)
        where = self.source + (f":{line}" if line else "") + (f": {path}" if path else "")
        self.problems.append(Problem(where, message, self.source, line, path))

    # --- field readers ---------------------------------------------------------------------
    def fields(self, data: Any, path: str, spec: dict[str, bool], what: str) -> dict[str, Any]:
        """The mapping at path, reporting unknown and missing fields. {} when not a mapping."""
        if not isinstance(data, dict):
            self.add(path, f"This must be {what}, with the fields {', '.join(spec)}.")
            return {}
        for key in data:
            if key not in spec:
                self.add(
                    _join(path, key),
                    f"“{key}” is not a field of {what}. {_did_you_mean(key, spec)}",
                )
        for key, required in spec.items():
            if required and key not in data:
                self.add(path, f"{what[0].upper()}{what[1:]} needs the field “{key}”.")
        return data

    def text(self, data: dict[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return ""
        if value is None:
            if required:
                self.add(_join(path, key), f"“{key}” must not be empty.")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key == "version":
            self.add(
                _join(path, key),
                f'Put the version in quotes, for example "{value}", so it is read as text.',
            )
            return str(value)
        if not isinstance(value, str):
            self.add(_join(path, key), f"“{key}” must be text.")
            return ""
        if required and not value.strip():
            self.add(_join(path, key), f"“{key}” must not be empty.")
        return value.strip()

    def boolean(self, data: dict[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.add(_join(path, key), f"“{key}” must be true or false.")
            return default
        return value

    def whole_number(
        self, data: dict[str, Any], key: str, path: str, default: int | None, low: int, high: int
    ) -> int | None:
        value = data.get(key, default)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            allowed = f"{low}" if low == high else f"a whole number from {low} to {high}"
            self.add(_join(path, key), f"“{key}” must be {allowed}.")
            return default
        return value

    def a_date(self, data: dict[str, Any], key: str, path: str) -> date:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return date.min
        if isinstance(value, datetime):
            self.add(_join(path, key), f"“{key}” must be a date only (YYYY-MM-DD), with no time.")
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.add(_join(path, key), f"“{key}” must be a real date written as YYYY-MM-DD.")
        return date.min

    def choice(
        self, data: dict[str, Any], key: str, path: str, allowed: Iterable[str], default: str = ""
    ) -> str:
        allowed = tuple(allowed)
        value = data.get(key, default or _MISSING)
        if value is _MISSING:
            return ""
        if value not in allowed:
            self.add(
                _join(path, key),
                f"“{key}” must be one of: {', '.join(allowed)} (not “{value}”).",
            )
            return default
        return str(value)

    def codes(
        self, data: dict[str, Any], key: str, path: str, allowed: Iterable[str], what: str
    ) -> tuple[str, ...] | None:
        """A list of codes from `allowed`; None when the field is absent."""
        if key not in data:
            return None
        value = data[key]
        allowed = tuple(allowed)
        if not isinstance(value, list) or not value:
            self.add(_join(path, key), f"“{key}” must be a list of {what}, with at least one.")
            return ()
        found: list[str] = []
        for index, item in enumerate(value):
            if item not in allowed:
                self.add(
                    f"{_join(path, key)}[{index}]",
                    f"“{item}” is not one of the {what}: {', '.join(allowed)}.",
                )
            elif item in found:
                self.add(f"{_join(path, key)}[{index}]", f"“{item}” is listed twice.")
            else:
                found.append(item)
        return tuple(found)

    def items(self, data: dict[str, Any], key: str, *, at_least_one: bool = True) -> list[Any]:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.add(key, f"“{key}” must be a list.")
            return []
        if at_least_one and not value:
            self.add(key, f"“{key}” must have at least one entry.")
        return value

    def diagnosis_free(self, path: str, *texts: tuple[str, str]) -> None:
        for key, value in texts:
            found = exclusion_in(value)
            if found:
                self.add(_join(path, key), DIAGNOSIS_MESSAGE.format(found=found))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _did_you_mean(key: str, spec: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(spec), n=1)
    return f"Did you mean “{close[0]}”?" if close else f"The fields are: {', '.join(spec)}."


# --- the parts of a file ------------------------------------------------------------------


def _sign_off(reader: _Reader, data: Any, path: str) -> SignOff:
    fields = reader.fields(data, path, _SIGN_OFF, "a sign-off")
    return SignOff(
        name=reader.text(fields, "name", path),
        organisation=reader.text(fields, "organisation", path),
        kind=reader.choice(fields, "kind", path, SIGN_OFF_KINDS),
        on=reader.a_date(fields, "on", path),
    )


def _criterion(reader: _Reader, data: Any, path: str) -> Criterion:
    fields = reader.fields(data, path, _CRITERION, "a criterion")
    for_whom = reader.choice(fields, "for_whom", path, areas.PERSONS, areas.CHILD)
    own_areas = areas.areas_of(for_whom)
    chosen = reader.codes(
        fields, "areas", path, own_areas, f"areas of a {_person(for_whom)}'s needs"
    )
    counts = reader.codes(fields, "counts", path, areas.FLAGS, "ways a need can be hard")
    counts = counts if counts is not None else areas.FLAGS
    enough = reader.codes(
        fields, "one_area_enough_when", path, counts, "flags this criterion counts"
    )
    raw_areas = fields.get("areas")
    most = len(raw_areas) if isinstance(raw_areas, list) and raw_areas else len(own_areas)
    outcomes = reader.whole_number(fields, "outcomes_needed", path, 2, 1, most)
    min_age = reader.whole_number(fields, "min_age", path, None, 0, 25)
    max_age = reader.whole_number(fields, "max_age", path, None, 0, 25)
    if min_age is not None and max_age is not None and min_age > max_age:
        reader.add(_join(path, "max_age"), "“max_age” must not be less than “min_age”.")
    criterion = Criterion(
        id=reader.text(fields, "id", path),
        title=reader.text(fields, "title", path),
        plain_english=reader.text(fields, "plain_english", path),
        for_whom=for_whom,
        areas=chosen or (),
        counts=counts,
        at_least=reader.choice(fields, "at_least", path, areas.HOW_OFTEN, "less_often"),
        outcomes_needed=outcomes or 1,
        one_area_enough_when=enough or (),
        needs_impairment_or_illness=reader.boolean(
            fields, "needs_impairment_or_illness", path, True
        ),
        needs_significant_impact=reader.boolean(fields, "needs_significant_impact", path, True),
        min_age=min_age,
        max_age=max_age,
    )
    if criterion.id and not _ID.match(criterion.id):
        reader.add(_join(path, "id"), "An id must be lower-case letters, digits and hyphens.")
    reader.diagnosis_free(
        path, ("title", criterion.title), ("plain_english", criterion.plain_english)
    )
    return criterion


def _legal_basis(reader: _Reader, data: Any, path: str) -> tuple[LegalBasis, law.Law | None]:
    fields = reader.fields(data, path, _BASIS, "a legal basis")
    act = reader.text(fields, "act", path)
    section = reader.text(fields, "section", path, required=False)
    known = law.find(act, section) if act else None
    if act and known is None:
        reader.add(
            path,
            f"“{law.citation(act, section)}” is not one of the laws that services for disabled "
            f"children and their families are provided under. Use one of: {law.known_list()}.",
        )
    note = reader.text(fields, "note", path, required=False)
    if known is not None:
        return LegalBasis(known.act, known.section, note or known.note), known
    return LegalBasis(act, section, note), None


def _service(reader: _Reader, data: Any, path: str, criteria: dict[str, Criterion]) -> Service:
    fields = reader.fields(data, path, _SERVICE, "a service")
    bases: list[LegalBasis] = []
    laws: list[law.Law] = []
    basis_path = _join(path, "legal_basis")
    raw = fields.get("legal_basis", _MISSING)
    if raw is not _MISSING and (not isinstance(raw, list) or not raw):
        reader.add(
            basis_path,
            "Every service needs at least one legal basis: the act and section the council "
            "provides it under, so families can see whether it is a duty or a power.",
        )
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        basis, known = _legal_basis(reader, item, f"{basis_path}[{index}]")
        bases.append(basis)
        if known is not None:
            laws.append(known)
    criterion_id = reader.text(fields, "criterion", path)
    criterion = criteria.get(criterion_id)
    if criterion_id and criterion is None:
        reader.add(
            _join(path, "criterion"),
            f"There is no criterion with the id “{criterion_id}” in this file. "
            f"The criteria are: {', '.join(criteria) or 'none'}.",
        )
    default_person = criterion.for_whom if criterion else areas.CHILD
    for_whom = reader.choice(fields, "for_whom", path, areas.PERSONS, default_person)
    if criterion is not None and for_whom != criterion.for_whom:
        reader.add(
            _join(path, "for_whom"),
            f"This service is for a {_person(for_whom)} but its criterion “{criterion.id}” is "
            f"about a {_person(criterion.for_whom)}'s needs.",
        )
    service_areas = reader.codes(
        fields, "areas", path, areas.areas_of(for_whom), f"areas of a {_person(for_whom)}'s needs"
    )
    if service_areas and criterion is not None:
        outside = [code for code in service_areas if code not in criterion.counted_areas]
        if outside:
            reader.add(
                _join(path, "areas"),
                f"{', '.join(outside)}: not counted by the criterion “{criterion.id}”, so this "
                "service could never be met for a need there.",
            )
    service = Service(
        code=reader.text(fields, "code", path),
        name=reader.text(fields, "name", path),
        plain_english=reader.text(fields, "plain_english", path),
        legal_basis=tuple(bases),
        duty_or_power=reader.choice(fields, "duty_or_power", path, DUTY_OR_POWER),
        criterion=criterion_id,
        for_whom=for_whom,
        areas=service_areas or (),
    )
    if service.code and not _ID.match(service.code):
        reader.add(_join(path, "code"), "A code must be lower-case letters, digits and hyphens.")
    _check_law(reader, service, laws, path)
    reader.diagnosis_free(path, ("name", service.name), ("plain_english", service.plain_english))
    return service


def _check_law(reader: _Reader, service: Service, laws: list[law.Law], path: str) -> None:
    basis_path = _join(path, "legal_basis")
    keys = {entry.key for entry in laws}
    for entry in laws:
        if entry.requires and entry.requires not in keys:
            needed = law.by_key(entry.requires)
            reader.add(
                basis_path,
                f"{law.citation(entry.act, entry.section)} must be cited together with "
                f"{law.citation(needed.act, needed.section)}.",
            )
        if service.for_whom not in entry.for_whom:
            reader.add(
                basis_path,
                f"{law.citation(entry.act, entry.section)} is not a law for services to a "
                f"{_person(service.for_whom)}; it is for a "
                f"{' or a '.join(_person(person) for person in entry.for_whom)}.",
            )
    if not laws or service.duty_or_power not in DUTY_OR_POWER:
        return
    duties = [entry for entry in laws if entry.gives == law.DUTY]
    if service.duty_or_power == law.POWER and duties:
        first = duties[0]
        reader.add(
            _join(path, "duty_or_power"),
            f"This says “power”, but {law.citation(first.act, first.section)} gives a duty. "
            f"{first.note} Write “duty”, so families know the council must provide it.",
        )
    if service.duty_or_power == law.DUTY and not duties:
        first = laws[0]
        reader.add(
            _join(path, "duty_or_power"),
            f"This says “duty”, but {law.citation(first.act, first.section)} gives a power "
            f"(the council may provide it; a general duty, not one owed to each child). "
            f"Write “power”, or add the law that makes it a duty.",
        )


def _example(reader: _Reader, data: Any, path: str, services: list[Service]) -> Example | None:
    fields = reader.fields(data, path, _EXAMPLE, "a worked example")
    name = reader.text(fields, "name", path)
    description = reader.text(fields, "description", path, required=False)
    case_data = fields.get("case", _MISSING)
    if case_data is _MISSING:
        return None
    case_path = _join(path, "case")
    found = case_problems(case_data, case_path)
    for where, message in found:
        reader.add(where, message)
    expect = (
        reader.fields(fields["expect"], _join(path, "expect"), _EXPECT, "an expected decision")
        if "expect" in fields
        else {}
    )
    expect_path = _join(path, "expect")
    eligible = reader.boolean(expect, "eligible", expect_path, False)
    raw_needs = case_data.get("needs") if isinstance(case_data, dict) else None
    need_ids = [
        need.get("id")
        for need in (raw_needs if isinstance(raw_needs, list) else [])
        if isinstance(need, dict) and isinstance(need.get("id"), str)
    ]
    needs = _outcomes(reader, expect.get("needs"), _join(expect_path, "needs"), need_ids, "need")
    codes = [service.code for service in services]
    service_outcomes = _outcomes(
        reader, expect.get("services"), _join(expect_path, "services"), codes, "service"
    )
    if found or not fields:
        return None
    case = Case(
        needs=tuple(AssessedNeed.from_dict(need) for need in case_data["needs"]),
        arises_from_impairment_or_illness=case_data["arises_from_impairment_or_illness"],
        significant_impact_on_wellbeing=case_data["significant_impact_on_wellbeing"],
        wellbeing_impact=str(case_data.get("wellbeing_impact") or ""),
        child_age=case_data.get("child_age"),
    )
    return Example(name, case, eligible, needs, service_outcomes, description)


def _outcomes(
    reader: _Reader, data: Any, path: str, known: list[Any], what: str
) -> tuple[tuple[str, bool], ...]:
    if data is None:
        return ()
    if not isinstance(data, dict):
        reader.add(path, f"List each {what} with “met” or “not met”, for example `{what}-id: met`.")
        return ()
    result = []
    for key, value in data.items():
        if key not in known:
            reader.add(_join(path, str(key)), f"There is no {what} “{key}” in this example.")
        elif not isinstance(value, str) or value not in MET:
            reader.add(_join(path, str(key)), f"Write “met” or “not met” (not “{value}”).")
        else:
            result.append((str(key), MET[value]))
    missing = list(dict.fromkeys(str(key) for key in known if key not in data))
    if missing:
        reader.add(
            path,
            f"The expected decision must say “met” or “not met” for every {what}; "
            f"missing: {', '.join(missing)}.",
        )
    return tuple(result)


def _person(person: str) -> str:
    return person.replace("_", " ")


def _unique(reader: _Reader, values: list[str], path: str, key: str, what: str) -> None:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value and value in seen:
            reader.add(f"{path}[{index}].{key}", f"The {what} “{value}” is used more than once.")
        seen.add(value)


def _sign_off_rules(reader: _Reader, status: str, sign_off: list[SignOff]) -> None:
    if status not in ("published", "retired"):
        return
    kinds = {entry.kind for entry in sign_off}
    for kind, who in (("council", "the council"), ("parent_carer_forum", "the parent carer forum")):
        if kind not in kinds:
            reader.add(
                "sign_off",
                f"A {status} set must be signed off by both the council and the parent carer "
                f"forum (criteria are written with families); there is no sign-off by {who}.",
            )


def _parse(text: str, source: str, reader: _Reader) -> Any:
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                reader.add("", "The file is empty.")
                return None
            return reader.build(node, "", loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        where = source + (f":{line}" if line else "")
        reader.problems.append(
            Problem(where, f"This is not valid YAML: {error.problem or error}.", source, line, "")
        )
    except yaml.YAMLError as error:
        reader.problems.append(Problem(source, f"This is not valid YAML: {error}.", source))
    return None


def load_text(text: str, source: str = "<text>") -> CriteriaSet:
    """Read a criteria set from YAML text. Raises CriteriaFileError listing every problem."""
    reader = _Reader(source)
    data = _parse(text, source, reader)
    if data is None:
        raise CriteriaFileError(reader.problems)
    top = reader.fields(data, "", _TOP, "a criteria set")
    if not top:
        raise CriteriaFileError(reader.problems)
    set_id = reader.text(top, "id", "")
    if set_id and not _ID.match(set_id):
        reader.add("id", "An id must be lower-case letters, digits and hyphens.")
    owner = reader.text(top, "owner", "")
    if "owner" in top and not _OWNER.match(str(top["owner"])):
        reader.add(
            "owner",
            "The owner must be “national”, or a council's three-digit local authority code "
            'in quotes, for example "957".',
        )
    status = reader.choice(top, "status", "", STATUSES)
    sign_off = [
        _sign_off(reader, item, f"sign_off[{i}]")
        for i, item in enumerate(reader.items(top, "sign_off", at_least_one=False))
    ]
    _sign_off_rules(reader, status, sign_off)

    criteria_items = reader.items(top, "criteria")
    criteria = [_criterion(reader, item, f"criteria[{i}]") for i, item in enumerate(criteria_items)]
    _unique(reader, [c.id for c in criteria], "criteria", "id", "criterion id")
    by_id = {c.id: c for c in criteria if c.id}

    service_items = reader.items(top, "services")
    services = [
        _service(reader, item, f"services[{i}]", by_id) for i, item in enumerate(service_items)
    ]
    _unique(reader, [s.code for s in services], "services", "code", "service code")

    example_items = reader.items(top, "examples")
    examples = [
        _example(reader, item, f"examples[{i}]", services) for i, item in enumerate(example_items)
    ]
    _unique(
        reader,
        [str(item.get("name", "")) if isinstance(item, dict) else "" for item in example_items],
        "examples",
        "name",
        "example name",
    )

    title = reader.text(top, "title", "")
    summary = reader.text(top, "summary", "")
    reader.diagnosis_free("", ("title", title), ("summary", summary))
    effective_from = reader.a_date(top, "effective_from", "")
    version = reader.text(top, "version", "")
    if reader.problems:
        reader.problems.sort(key=lambda problem: problem.line or 0)
        raise CriteriaFileError(reader.problems)
    return CriteriaSet(
        id=set_id,
        owner=owner,
        version=version,
        effective_from=effective_from,
        status=status,
        title=title,
        summary=summary,
        sign_off=tuple(sign_off),
        criteria=tuple(criteria),
        services=tuple(services),
        examples=tuple(example for example in examples if example is not None),
        text=text,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        source=source,
    )


def load_file(path: str | Path) -> CriteriaSet:
    """Read a criteria file (UTF-8 YAML). Problems name the file as it was given."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise CriteriaFileError(
            [Problem(name, f"The file cannot be read: {error.strerror or error}.", name)]
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CriteriaFileError(
            [Problem(name, f"The file is not UTF-8 text (byte {error.start + 1}).", name)]
        ) from None
    return load_text(text, name)


def shipped_set_paths() -> list[Path]:
    """The criteria files that come with Support First, in name order."""
    folder = resources.files("supportfirst.rules.criteria") / "sets"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".yaml"))


def shipped_sets(load: Callable[[Path], CriteriaSet] = load_file) -> list[CriteriaSet]:
    return [load(path) for path in shipped_set_paths()]
