"""`supportfirst language check [--json] FILE|-`: check a file or standard input.

Exit 0 when nothing is found, 1 when something is, 2 when the input cannot be read.
No Django import.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from supportfirst.language.checker import check
from supportfirst.language.text import Finding
from supportfirst.language.vocabulary import CATEGORIES


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(source, "rb") as handle:
            data = handle.read()
    return data.decode("utf-8")


def _line_and_column(text: str, offset: int) -> tuple[int, int, str]:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return text.count("\n", 0, offset) + 1, offset - line_start, line


def human(text: str, findings: list[Finding], name: str) -> str:
    out = []
    for finding in findings:
        number, column, line = _line_and_column(text, finding.start)
        width = max(1, min(finding.end, finding.start + len(line) - column) - finding.start)
        out.append(
            f"{name}:{number}:{column + 1}: {CATEGORIES[finding.category]}: “{finding.text}”"
        )
        out.append(f"    {line}")
        out.append(f"    {' ' * column}{'^' * width}")
        out.append(f"    Why: {finding.explanation}")
        for suggestion in finding.suggestions:
            out.append(f"    Try: {suggestion}")
    count = len(findings)
    out.append(f"{count} finding{'s' if count != 1 else ''}." if count else "Nothing found.")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    try:
        text = _read(args.file)
    except UnicodeDecodeError:
        print(f"supportfirst language: {args.file} is not UTF-8 text", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"supportfirst language: cannot read {args.file}: {error.strerror}", file=sys.stderr)
        return 2
    findings = check(text)
    if args.json:
        keys = ("start", "end", "text", "category", "explanation", "suggestions")
        rows: list[dict[str, Any]] = [
            {k: v for k, v in f.as_json().items() if k in keys} for f in findings
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(human(text, findings, "<stdin>" if args.file == "-" else args.file))
    return 1 if findings else 0


def register(commands: Any) -> None:
    parser = commands.add_parser("language", help="respectful-language and plain-English checks")
    actions = parser.add_subparsers(dest="language_command", metavar="ACTION", required=True)
    check_parser = actions.add_parser("check", help="check a file, or - for standard input")
    check_parser.add_argument("file", metavar="FILE|-")
    check_parser.add_argument("--json", action="store_true", help="print findings as JSON")
    check_parser.set_defaults(handler=run)
