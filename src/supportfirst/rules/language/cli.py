"""`supportfirst language check [--json] FILE|-`: check a file or standard input.

Exit 0 when nothing is found, 1 when something is, 2 when the input cannot be read (a
one-line message on standard error). No Django import.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from supportfirst.rules.language.checker import check
from supportfirst.rules.language.text import Finding
from supportfirst.rules.language.vocabulary import CATEGORIES

JSON_KEYS = ("start", "end", "text", "category", "explanation", "suggestions")


class InputError(Exception):
    """The input cannot be read; the message says why, in one line."""


def read_input(source: str) -> str:
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as handle:
                data = handle.read()
    except OSError as error:
        raise InputError(f"cannot read {source}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        name = "standard input" if source == "-" else source
        raise InputError(f"{name} is not UTF-8 text (byte {error.start + 1})") from None


def _line_of(text: str, offset: int) -> tuple[int, int, str]:
    """(line number from 1, column from 0, the line's text) for an offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : line_end if line_end != -1 else len(text)].rstrip("\r")
    return text.count("\n", 0, offset) + 1, offset - line_start, line


def _caret(line: str, column: int, width: int) -> str:
    """Spaces (and tabs where the line has tabs) up to the column, then carets."""
    lead = "".join("\t" if char == "\t" else " " for char in line[:column])
    return lead + "^" * max(1, min(width, len(line) - column))


def human(text: str, findings: list[Finding], name: str) -> str:
    out = []
    for finding in findings:
        number, column, line = _line_of(text, finding.start)
        out.append(
            f"{name}:{number}:{column + 1}: {CATEGORIES[finding.category]}: “{finding.text}”"
        )
        out.append(f"    {line}")
        out.append(f"    {_caret(line, column, finding.end - finding.start)}")
        out.append(f"    Why: {finding.explanation}")
        for suggestion in finding.suggestions:
            out.append(f"    Try: {suggestion}")
    count = len(findings)
    out.append(f"{count} finding{'s' if count != 1 else ''}." if count else "Nothing found.")
    return "\n".join(out)


def as_json(findings: list[Finding]) -> str:
    rows: list[dict[str, Any]] = [
        {key: value for key, value in f.as_json().items() if key in JSON_KEYS} for f in findings
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def run(args: argparse.Namespace) -> int:
    try:
        text = read_input(args.file)
    except InputError as error:
        print(f"supportfirst language check: {error}", file=sys.stderr)
        return 2
    findings = check(text)
    if args.json:
        print(as_json(findings))
    else:
        print(human(text, findings, "<stdin>" if args.file == "-" else args.file))
    return 1 if findings else 0


def register(commands: Any) -> None:
    """Add `language check` to the `supportfirst` command's sub-commands."""
    parser = commands.add_parser("language", help="respectful-language and plain-English checks")
    actions = parser.add_subparsers(dest="language_command", metavar="ACTION", required=True)
    check_parser = actions.add_parser(
        "check",
        help="check a file, or - for standard input",
        description="Check a text for words that blame, doubt or judge families, safeguarding "
        "words in a support record, deficit words about the child, system jargon, very long "
        "sentences and unexplained acronyms. Exit 0: nothing found; 1: findings; 2: error.",
    )
    check_parser.add_argument(
        "file", metavar="FILE|-", help="a UTF-8 text file, or - to read standard input"
    )
    check_parser.add_argument("--json", action="store_true", help="print findings as JSON")
    check_parser.set_defaults(handler=run)
