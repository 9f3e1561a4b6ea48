"""`supportfirst protocol audit FILE ... [--json] [--html OUT] [--threshold X]`.

Reads each council protocol (PDF, Word .docx, web page or plain text), prints the checklist with
the sentences quoted, the reading ease and blaming words, then the similarity of every pair.
Exit 0 when every file was read and audited; 2 when any file could not be read (each named with
a one-line reason on standard error; the others are still audited). No Django import.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from supportfirst.rules.protocol.audit import audit, path_source
from supportfirst.rules.protocol.documents import MAX_BYTES
from supportfirst.rules.protocol.report import as_html, as_text
from supportfirst.rules.protocol.similarity import NEAR_COPY


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("give a number between 0 and 1, like 0.6") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("give a number between 0 and 1, like 0.6")
    return number


def cmd_protocol_audit(args: argparse.Namespace) -> int:
    max_bytes = int(args.max_mb * 1024 * 1024)
    run = audit([path_source(p, max_bytes=max_bytes) for p in args.files], threshold=args.threshold)
    for unreadable in run.unreadable:
        print(f"Could not read {unreadable.message}", file=sys.stderr)
    if args.html:
        try:
            Path(args.html).write_text(as_html(run), encoding="utf-8")
        except OSError as error:
            print(f"Could not write {args.html}: {error.strerror or error}.", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(run.as_json(), indent=2, ensure_ascii=False))
    elif run.documents:
        sys.stdout.write(as_text(run))
    return 2 if run.unreadable else 0


def register(subparsers: Any) -> None:
    protocol = subparsers.add_parser("protocol", help="audit councils' assessment protocols")
    actions = protocol.add_subparsers(dest="protocol_command", metavar="ACTION", required=True)
    audit_parser = actions.add_parser(
        "audit",
        help="check protocols against what a support-first protocol does, and find near-copies",
    )
    audit_parser.add_argument("files", nargs="+", metavar="FILE", help="PDF, .docx, HTML or text")
    audit_parser.add_argument("--json", action="store_true", help="print the results as JSON")
    audit_parser.add_argument("--html", metavar="OUT", help="also write an HTML report to OUT")
    audit_parser.add_argument(
        "--threshold",
        type=_threshold,
        default=NEAR_COPY,
        help=f"similarity at which a pair is a near-copy (default {NEAR_COPY})",
    )
    audit_parser.add_argument(
        "--max-mb",
        type=float,
        default=MAX_BYTES / (1024 * 1024),
        help="largest file to read, in MB (default 50)",
    )
    audit_parser.set_defaults(handler=cmd_protocol_audit)
