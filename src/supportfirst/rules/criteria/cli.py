"""`supportfirst criteria test [FILE ...]` and `supportfirst criteria explain FILE CASE.json`.

test: validates each criteria file and runs its worked examples (no FILE: every shipped set).
Prints PASS or FAIL for each example, and every problem of an invalid file with its place.
Exit 0 when every file is valid and every example passes, 1 when not, 2 when a file cannot
be found or read.

explain: applies a criteria file to a case (JSON, the shape of `Case.to_dict()`) and prints
the decision with its reasons; `--json` prints `Decision.to_dict()`. Exit 0 with a decision,
1 when the criteria file is invalid, 2 when a file is missing or the case cannot be used.

No Django import.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from supportfirst.rules.criteria.examples import run_examples
from supportfirst.rules.criteria.loader import load_file, shipped_set_paths
from supportfirst.rules.criteria.model import (
    Case,
    CaseError,
    CriteriaFileError,
    CriteriaSet,
    Decision,
)

WIDTH = 96


def _missing(paths: list[str], command: str) -> bool:
    """Say which files are missing (on standard error); True when any is."""
    missing = [path for path in paths if not Path(path).is_file()]
    for path in missing:
        print(f"supportfirst criteria {command}: there is no file {path}", file=sys.stderr)
    return bool(missing)


def _print_problems(error: CriteriaFileError) -> None:
    for problem in error.problems:
        print(f"    {problem.where}:")
        print(
            textwrap.fill(problem.message, WIDTH, initial_indent=" " * 6, subsequent_indent=" " * 6)
        )


def run_test(args: argparse.Namespace) -> int:
    paths = [str(path) for path in (args.files or shipped_set_paths())]
    if _missing(paths, "test"):
        return 2
    passed = failed = invalid = 0
    for path in paths:
        try:
            criteria_set = load_file(path)
        except CriteriaFileError as error:
            invalid += 1
            count = len(error.problems)
            print(f"INVALID {path}: {count} problem{'s' if count != 1 else ''}")
            _print_problems(error)
            continue
        print(
            f"{path}: {criteria_set.title} (version {criteria_set.version}, {criteria_set.status})"
        )
        for result in run_examples(criteria_set):
            if result.passed:
                passed += 1
                print(f"  PASS {result.example.name}")
            else:
                failed += 1
                print(f"  FAIL {result.example.name}")
                for difference in result.differences:
                    print(f"       {difference}")
    files = len(paths)
    print(
        f"{files} file{'s' if files != 1 else ''}, {invalid} invalid; "
        f"{passed + failed} examples: {passed} passed, {failed} failed."
    )
    return 0 if not (failed or invalid) else 1


def _read_case(path: str) -> Case:
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CaseError([(path, f"cannot be read: {error}")]) from None
    except json.JSONDecodeError as error:
        raise CaseError([(path, f"is not valid JSON (line {error.lineno}): {error.msg}")]) from None
    return Case.from_dict(data)


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(
        f"{label}: {text}", WIDTH, initial_indent=" " * 4, subsequent_indent=" " * 6
    )


def _criterion_title(criteria_set: CriteriaSet, criterion_id: str) -> str:
    try:
        return f"{criteria_set.criterion(criterion_id).title} ({criterion_id})"
    except KeyError:
        return "none in this set"


def human(criteria_set: CriteriaSet, case: Case, decision: Decision) -> str:
    out = [
        f"{criteria_set.title}",
        f"Criteria {decision.set_id}, version {decision.set_version}, in force from "
        f"{criteria_set.effective_from.isoformat()} ({criteria_set.status}); "
        f"sha256 {decision.set_digest[:12]}",
        f"Eligible: {'yes' if decision.eligible else 'no'}",
        "",
        "Needs",
    ]
    descriptions = {need.id: need.description for need in case.needs}
    for need in decision.needs:
        about = f" ({descriptions[need.need_id]})" if descriptions.get(need.need_id) else ""
        out.append(f"  {need.need_id}{about}: {'met' if need.met else 'not met'}")
        out.append(_wrap("Criteria", _criterion_title(criteria_set, need.criterion_id)))
        out.append(_wrap("Reason", need.reason))
        out.append(_wrap("What would change", need.what_would_change))
    out += ["", "Services"]
    for service in decision.services:
        out.append(
            f"  {service.service_name} [{service.service_code}]: "
            f"{'met' if service.met else 'not met'} ({service.duty_or_power})"
        )
        out.append(_wrap("Law", "; ".join(basis.citation for basis in service.legal_basis)))
        out.append(_wrap("Reason", service.reason))
        out.append(_wrap("What would change", service.what_would_change))
    return "\n".join(out)


def run_explain(args: argparse.Namespace) -> int:
    from supportfirst.rules.criteria.evaluate import evaluate

    if _missing([args.file, args.case], "explain"):
        return 2
    try:
        criteria_set = load_file(args.file)
    except CriteriaFileError as error:
        print(f"INVALID {args.file}: the criteria file cannot be used")
        _print_problems(error)
        return 1
    try:
        case = _read_case(args.case)
    except CaseError as error:
        print(f"supportfirst criteria explain: {args.case} is not a usable case:", file=sys.stderr)
        for where, message in error.problems:
            print(f"    {where}: {message}", file=sys.stderr)
        return 2
    decision = evaluate(criteria_set, case)
    if args.json:
        print(json.dumps(decision.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(human(criteria_set, case, decision))
    return 0


def register(commands: Any) -> None:
    """Add `criteria test` and `criteria explain` to the `supportfirst` command."""
    parser = commands.add_parser("criteria", help="eligibility criteria files: test and explain")
    actions = parser.add_subparsers(dest="criteria_command", metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        help="check criteria files and run their worked examples",
        description="Check each criteria file and run its worked examples (no FILE: every "
        "shipped set). Exit 0: all valid and passing; 1: a problem or a failing example; "
        "2: a file is missing.",
    )
    test.add_argument("files", nargs="*", metavar="FILE", help="a criteria file (YAML)")
    test.set_defaults(handler=run_test)
    explain = actions.add_parser(
        "explain",
        help="apply a criteria file to a case and print the decision with reasons",
        description="Apply a criteria file to a case (a JSON file of assessed needs) and print "
        "the decision for each need and service, with the reasons and what would change it.",
    )
    explain.add_argument("file", metavar="FILE", help="a criteria file (YAML)")
    explain.add_argument("case", metavar="CASE.json", help="the assessed needs, as JSON")
    explain.add_argument("--json", action="store_true", help="print the decision as JSON")
    explain.set_defaults(handler=run_explain)
