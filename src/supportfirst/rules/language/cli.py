"""`supportfirst language check [--json] FILE|-`: check a file or standard input.

Exit 0 when nothing is found, 1 when something is, 2 when the input cannot be read (a
one-line message on standard error). No Django import.

Linear in time and memory: the input is read in blocks and checked in bounded windows
(`stream.check_stream`), each finding is printed as it is found with a short excerpt of its
line, and line numbers are counted as the text passes. The input is first read once to make
sure it is all UTF-8 (standard input is kept in a temporary file for the second reading), so
that a file that is not text gives exit 2 and no half-printed findings.
"""

from __future__ import annotations

import argparse
import codecs
import json
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from functools import partial
from typing import IO, Any

from supportfirst.rules.language.stream import Located, check_stream
from supportfirst.rules.language.text import Finding
from supportfirst.rules.language.vocabulary import CATEGORIES

JSON_KEYS = ("start", "end", "text", "category", "explanation", "suggestions")
BLOCK = 1 << 16  # bytes read at a time
QUOTED = 200  # characters of a finding quoted in the plain output's first line


class InputError(Exception):
    """The input cannot be read; the message says why, in one line."""


def _decoded(handle: IO[bytes], name: str) -> Iterator[str]:
    """The handle's text, block by block; InputError where it is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    read = 0
    while True:
        block = handle.read(BLOCK)
        pending = len(decoder.getstate()[0])
        try:
            yield decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            byte = read - pending + error.start + 1
            raise InputError(f"{name} is not UTF-8 text (byte {byte})") from None
        if not block:
            return
        read += len(block)


def open_input(source: str) -> tuple[IO[bytes], bool]:
    """The input, checked to be UTF-8 and ready to read from its start, and whether some
    capital in it becomes two characters when made small (see `text.lower`)."""
    name = "standard input" if source == "-" else source
    try:
        handle: IO[bytes] = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
        if not _seekable(handle):
            spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=BLOCK * 64)  # noqa: SIM115
            shutil.copyfileobj(handle, spool, BLOCK)
            handle = spool
            handle.seek(0)
        begins = handle.tell()
        two_characters = False
        for piece in _decoded(handle, name):
            two_characters = two_characters or len(piece.lower()) != len(piece)
        handle.seek(begins)
    except OSError as error:
        raise InputError(f"cannot read {source}: {error.strerror or error}") from None
    return handle, two_characters


def _seekable(handle: IO[bytes]) -> bool:
    try:
        return handle.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _caret(line: str, column: int, width: int) -> str:
    """Spaces (and tabs where the line has tabs) up to the column, then carets."""
    lead = "".join("\t" if char == "\t" else " " for char in line[:column])
    return lead + "^" * width


def _quoted(text: str) -> str:
    return text if len(text) <= QUOTED else f"{text[:QUOTED]}…"


def human_lines(located: Located, name: str) -> list[str]:
    """The plain output for one finding: where, what, the excerpt with carets, why, what
    to try instead."""
    finding = located.finding
    out = [
        f"{name}:{located.line}:{located.column + 1}: {CATEGORIES[finding.category]}: "
        f"“{_quoted(finding.text)}”",
        f"    {located.excerpt}",
        f"    {_caret(located.excerpt, located.excerpt_column, located.excerpt_width)}",
        f"    Why: {finding.explanation}",
    ]
    out += [f"    Try: {suggestion}" for suggestion in finding.suggestions]
    return out


def summary(count: int) -> str:
    return f"{count} finding{'s' if count != 1 else ''}." if count else "Nothing found."


def json_row(finding: Finding) -> dict[str, Any]:
    return {key: value for key, value in finding.as_json().items() if key in JSON_KEYS}


def as_json(findings: Iterable[Finding]) -> str:
    rows: list[dict[str, Any]] = [json_row(f) for f in findings]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def json_text(finding: Finding) -> str:
    """One finding as an item of `as_json`'s list, indented as it indents it. Written out
    here because json.dumps with an indent uses its slow pure-Python encoder."""
    suggestions = (
        "[\n" + ",\n".join(f"      {_string(s)}" for s in finding.suggestions) + "\n    ]"
        if finding.suggestions
        else "[]"
    )
    return (
        "  {\n"
        f'    "start": {finding.start},\n'
        f'    "end": {finding.end},\n'
        f'    "text": {_string(finding.text)},\n'
        f'    "category": {_string(finding.category)},\n'
        f'    "explanation": {_string(finding.explanation)},\n'
        f'    "suggestions": {suggestions}\n'
        "  }"
    )


def write_json(found: Iterable[Located], out: IO[str]) -> int:
    """Write the findings as a JSON list (exactly `as_json`'s text) as they come."""
    count = 0
    for located in found:
        out.write(("[\n" if count == 0 else ",\n") + json_text(located.finding))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def write_human(found: Iterable[Located], out: IO[str], name: str) -> int:
    count = 0
    for located in found:
        out.write("\n".join(human_lines(located, name)) + "\n")
        count += 1
    out.write(summary(count) + "\n")
    return count


def run(args: argparse.Namespace) -> int:
    try:
        handle, two_characters = open_input(args.file)
    except InputError as error:
        print(f"supportfirst language check: {error}", file=sys.stderr)
        return 2
    name = "<stdin>" if args.file == "-" else args.file
    with handle:
        found = check_stream(_decoded(handle, name), ascii_lower=two_characters)
        write = write_json if args.json else partial(write_human, name=name)
        count = write(found, sys.stdout)
    return 1 if count else 0


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
