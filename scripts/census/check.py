"""Check a Children in Need census file with two independent checkers.

Run it with the census tool environment's Python (``scripts/census/setup`` makes it; the product
itself never imports this file):

    .tools/census/bin/python scripts/census/check.py FILE --year 2026

1. The census XML schema for the year, read from the ``liiatools`` package (it ships the
   Department for Education's published schemas up to 2024). Where a later year changed an
   element, the change is made here, in code, each one named (see ``LATER_YEAR_CHANGES``).
2. The Department's business rules as published in ``csc-validator-be-cin``.

Prints each finding and exits 1 if any error is found (queries, codes ending in Q, are
printed for the council to confirm but do not fail the check). Rule 2887Q ("fires on small
files") is reported but expected; rule 8540 never reports an invalid disability code, so this
script checks disability codes itself.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.resources
import sys
import xml.etree.ElementTree as ET

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
NEWEST_SHIPPED_SCHEMA = 2024
EXPECTED_ON_SMALL_FILES = {"2887Q"}
DISABILITY_CODES = {
    "NONE",
    "MOB",
    "HAND",
    "PC",
    "INC",
    "COMM",
    "LD",
    "HEAR",
    "VIS",
    "BEH",
    "CON",
    "AUT",
    "DDA",
}


def _sex_replaces_gender_current(schema: etree._Element) -> None:
    """2024 to 2025 collection on: <Sex> (M, F, U) replaced <GenderCurrent> (1, 2, 0, 9)."""
    ns = {"xs": XS}
    (element,) = schema.xpath("//xs:element[@name='GenderCurrent']", namespaces=ns)
    element.set("name", "Sex")
    element.set("type", "sextype")
    sextype = etree.SubElement(schema, f"{{{XS}}}simpleType", name="sextype")
    restriction = etree.SubElement(sextype, f"{{{XS}}}restriction", base="nonEmptyString")
    for value in ("M", "F", "U"):
        etree.SubElement(restriction, f"{{{XS}}}enumeration", value=value)


#: Changes made to the newest shipped schema for later collection years: (first year, change).
LATER_YEAR_CHANGES = [(2025, _sex_replaces_gender_current)]


def schema_for(year: int) -> etree.XMLSchema:
    shipped = min(year, NEWEST_SHIPPED_SCHEMA)
    source = (
        importlib.resources.files("liiatools") / "spec" / "cin_census" / f"CIN_schema_{shipped}.xsd"
    )
    document = etree.fromstring(source.read_bytes())
    for first_year, change in LATER_YEAR_CHANGES:
        if year >= first_year:
            change(document)
    return etree.XMLSchema(document)


def schema_findings(path: str, year: int) -> list[str]:
    schema = schema_for(year)
    document = etree.parse(path)
    if schema.validate(document):
        return []
    return [f"schema line {e.line}: {e.message}" for e in schema.error_log]


def disability_findings(path: str) -> list[str]:
    found = []
    for child in ET.parse(path).getroot().iter("Child"):
        child_id = child.findtext("ChildIdentifiers/LAchildID")
        for code in child.iterfind("ChildCharacteristics/Disabilities/Disability"):
            if code.text not in DISABILITY_CODES:
                found.append(f"disability: child {child_id}: '{code.text}' is not a census code")
    return found


def rule_findings(path: str, year: int) -> tuple[list[str], list[str], list[str]]:
    from cin_validator import cin_validator

    root = ET.parse(path).getroot()
    data = cin_validator.process_data(cin_validator.convert_data(root))
    ruleset = f"cin{year - 1}_{str(year)[2:]}"
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    validator = cin_validator.CinValidator(data, registry)
    issues = validator.full_issue_df
    errors: list[str] = []
    expected: list[str] = []
    queries: list[str] = []
    if issues is None or len(issues) == 0:
        return errors, expected, queries
    seen = set()
    for row in issues.itertuples():
        key = (row.rule_code, row.child_id)
        if key in seen:
            continue
        seen.add(key)
        code = str(row.rule_code)
        line = f"rule {code}: child {row.child_id}: {row.rule_description}"
        if code in EXPECTED_ON_SMALL_FILES:
            expected.append(line)
        elif code.endswith("Q"):  # a query: the Department asks the council to confirm it
            queries.append(line)
        else:
            errors.append(line)
    return errors, expected, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--year", type=int, required=True, help="collection year, e.g. 2026")
    args = parser.parse_args()
    findings = schema_findings(args.file, args.year) + disability_findings(args.file)
    errors, expected, queries = rule_findings(args.file, args.year)
    findings += errors
    for line in findings:
        print(line)
    for line in queries:
        print(f"(query: confirm it) {line}")
    for line in expected:
        print(f"(expected on a small file) {line}")
    print(f"{len(findings)} finding(s) in {args.file}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
