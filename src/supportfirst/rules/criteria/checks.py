"""What a criteria file must say: the fields of each part, the values they may take, the law
each service cites, the sign-off a published set needs, and the shape of the worked examples.
Every problem is noted with its place and said in plain English."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from supportfirst.rules.criteria import areas, law, lawkinds
from supportfirst.rules.criteria.model import (
    Case,
    CriteriaFileError,
    CriteriaSet,
    Criterion,
    Example,
    LegalBasis,
    Service,
    SignOff,
    case_problems,
)
from supportfirst.rules.criteria.reader import MISSING, Reader, join
from supportfirst.rules.criteria.statements import untested_statements

STATUSES = ("draft", "published", "retired")
SIGN_OFF_KINDS = ("council", "parent_carer_forum")
DUTY_OR_POWER = (lawkinds.DUTY, lawkinds.GENERAL, lawkinds.POWER)
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
    "one_area_enough_in": False,
    "compare_with_same_age": False,
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


def _sign_off(reader: Reader, data: Any, path: str) -> SignOff:
    fields = reader.fields(data, path, _SIGN_OFF, "a sign-off")
    return SignOff(
        name=reader.text(fields, "name", path),
        organisation=reader.text(fields, "organisation", path),
        kind=reader.choice(fields, "kind", path, SIGN_OFF_KINDS),
        on=reader.a_date(fields, "on", path),
    )


def _criterion(reader: Reader, data: Any, path: str) -> Criterion:
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
    enough_in = reader.codes(
        fields,
        "one_area_enough_in",
        path,
        chosen or own_areas,
        "areas this criterion counts",
    )
    raw_areas = fields.get("areas")
    most = len(raw_areas) if isinstance(raw_areas, list) and raw_areas else len(own_areas)
    outcomes = reader.whole_number(fields, "outcomes_needed", path, 2, 1, most)
    min_age = reader.whole_number(fields, "min_age", path, None, 0, 25)
    max_age = reader.whole_number(fields, "max_age", path, None, 0, 25)
    if min_age is not None and max_age is not None and min_age > max_age:
        reader.add(join(path, "max_age"), "“max_age” must not be less than “min_age”.")
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
        one_area_enough_in=enough_in or (),
        needs_impairment_or_illness=reader.boolean(
            fields, "needs_impairment_or_illness", path, True
        ),
        needs_significant_impact=reader.boolean(fields, "needs_significant_impact", path, True),
        compare_with_same_age=reader.boolean(fields, "compare_with_same_age", path, True),
        min_age=min_age,
        max_age=max_age,
    )
    if criterion.id and not _ID.match(criterion.id):
        reader.add(join(path, "id"), "An id must be lower-case letters, digits and hyphens.")
    reader.diagnosis_free(
        path, ("title", criterion.title), ("plain_english", criterion.plain_english)
    )
    return criterion


def _legal_basis(reader: Reader, data: Any, path: str) -> tuple[LegalBasis, law.Law | None]:
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
    if known is not None and not known.is_service_basis:
        reader.add(path, _not_a_service_basis(known))
        return LegalBasis(known.act, known.section, ""), None
    note = reader.text(fields, "note", path, required=False)
    if known is not None:
        return LegalBasis(known.act, known.section, note or known.note), known
    return LegalBasis(act, section, note), None


def _service(reader: Reader, data: Any, path: str, criteria: dict[str, Criterion]) -> Service:
    fields = reader.fields(data, path, _SERVICE, "a service")
    bases: list[LegalBasis] = []
    laws: list[law.Law] = []
    basis_path = join(path, "legal_basis")
    raw = fields.get("legal_basis", MISSING)
    if raw is not MISSING and (not isinstance(raw, list) or not raw):
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
            join(path, "criterion"),
            f"There is no criterion with the id “{criterion_id}” in this file. "
            f"The criteria are: {', '.join(criteria) or 'none'}.",
        )
    default_person = criterion.for_whom if criterion else areas.CHILD
    for_whom = reader.choice(fields, "for_whom", path, areas.PERSONS, default_person)
    if criterion is not None and for_whom != criterion.for_whom:
        reader.add(
            join(path, "for_whom"),
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
                join(path, "areas"),
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
        reader.add(join(path, "code"), "A code must be lower-case letters, digits and hyphens.")
    _check_law(reader, service, laws, path)
    reader.diagnosis_free(path, ("name", service.name), ("plain_english", service.plain_english))
    return service


def _check_law(reader: Reader, service: Service, laws: list[law.Law], path: str) -> None:
    basis_path = join(path, "legal_basis")
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
    gives = law.strongest(laws)
    if service.duty_or_power != gives:
        first = next(entry for entry in laws if entry.gives == gives)
        reader.add(
            join(path, "duty_or_power"),
            f"This says “{service.duty_or_power}”, but "
            f"{law.citation(first.act, first.section)} gives {_KIND_WORDS[gives]}. "
            f"{first.note} Write “{gives}”, so families are told truly what the law says.",
        )


_KIND_WORDS = {
    lawkinds.DUTY: "a duty to the child once the council is satisfied the service is necessary",
    lawkinds.GENERAL: "a general duty (a range of services in the area, not a promise of a "
    "particular one; a decision about one family must be fair and reasoned)",
    lawkinds.POWER: "a power (the council may provide it)",
}


def _not_a_service_basis(known: law.Law) -> str:
    cited = law.citation(known.act, known.section)
    if known.key == "ca1989-17a" or known.key == "direct-payments-regs":
        return (
            f"{cited} is about direct payments. A direct payment is a way of receiving a service "
            "that has been agreed, not a service: the plan offers it for each service that is "
            "met. Take it out of the legal basis."
        )
    return (
        f"{cited} is a {lawkinds.KINDS[known.kind].name} ({known.what}), not a law services are "
        "provided under. Services to a parent carer or a brother or sister come under Children "
        "Act 1989, section 17(1) and 17(3); services to the child under section 17(1), or "
        "Chronically Sick and Disabled Persons Act 1970, section 2(1) once necessary."
    )


def _example(reader: Reader, data: Any, path: str, services: list[Service]) -> Example | None:
    fields = reader.fields(data, path, _EXAMPLE, "a worked example")
    name = reader.text(fields, "name", path)
    description = reader.text(fields, "description", path, required=False)
    case_data = fields.get("case", MISSING)
    if case_data is MISSING:
        return None
    case_path = join(path, "case")
    found = case_problems(case_data, case_path)
    for where, message in found:
        reader.add(where, message)
    expect = (
        reader.fields(fields["expect"], join(path, "expect"), _EXPECT, "an expected decision")
        if "expect" in fields
        else {}
    )
    expect_path = join(path, "expect")
    eligible = reader.boolean(expect, "eligible", expect_path, False)
    raw_needs = case_data.get("needs") if isinstance(case_data, dict) else None
    need_ids = [
        need.get("id")
        for need in (raw_needs if isinstance(raw_needs, list) else [])
        if isinstance(need, dict) and isinstance(need.get("id"), str)
    ]
    needs = _outcomes(reader, expect.get("needs"), join(expect_path, "needs"), need_ids, "need")
    codes = [service.code for service in services]
    service_outcomes = _outcomes(
        reader, expect.get("services"), join(expect_path, "services"), codes, "service"
    )
    if found or not fields:
        return None
    case = Case.from_dict(case_data)
    return Example(name, case, eligible, needs, service_outcomes, description)


def _outcomes(
    reader: Reader, data: Any, path: str, known: list[Any], what: str
) -> tuple[tuple[str, bool], ...]:
    if data is None:
        return ()
    if not isinstance(data, dict):
        reader.add(path, f"List each {what} with “met” or “not met”, for example `{what}-id: met`.")
        return ()
    result = []
    for key, value in data.items():
        if key not in known:
            reader.add(join(path, str(key)), f"There is no {what} “{key}” in this example.")
        elif not isinstance(value, str) or value not in MET:
            reader.add(join(path, str(key)), f"Write “met” or “not met” (not “{value}”).")
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


def _unique(reader: Reader, values: list[str], path: str, key: str, what: str) -> None:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value and value in seen:
            reader.add(f"{path}[{index}].{key}", f"The {what} “{value}” is used more than once.")
        seen.add(value)


def _sign_off_rules(reader: Reader, status: str, sign_off: list[SignOff]) -> None:
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


def check(
    reader: Reader, data: Any, text: str, source: str, *, require_tested: bool = True
) -> CriteriaSet:
    """The criteria set the raw data describes, checked. Raises CriteriaFileError listing every
    problem (the reader's own and the checks'). With `require_tested=False` a statement no
    worked example tests is not a problem (a draft in the browser lists them separately)."""
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
    criteria_set = CriteriaSet(
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
    if not require_tested:
        return criteria_set
    for untested in untested_statements(criteria_set):
        reader.add(f"criteria[{untested.criterion_index}].plain_english", untested.message)
    if reader.problems:
        raise CriteriaFileError(reader.problems)
    return criteria_set
