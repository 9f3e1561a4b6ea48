"""`supportfirst workdays`: the statutory clock on the command line. No Django import.

supportfirst workdays add 2026-12-21 45        -> 2027-02-25 (the start day is not counted)
supportfirst workdays between 2026-12-21 2027-02-25 -> 45
supportfirst workdays left 2027-02-25 [--today 2027-02-20]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from supportfirst import workdays


class BadInput(Exception):
    pass


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(
            f"{text!r} is not a date: use the form YYYY-MM-DD, like 2026-12-21"
        ) from None


def _count(text: str) -> int:
    if not text.isdigit():
        raise BadInput(f"{text!r} is not a number of working days: use a whole number, like 45")
    return int(text)


def _run(action: Any) -> Any:
    def handler(args: argparse.Namespace) -> int:
        try:
            print(action(args))
        except BadInput as problem:
            print(f"supportfirst workdays: {problem}", file=sys.stderr)
            return 2
        return 0

    return handler


def register(commands: Any) -> None:
    parser = commands.add_parser("workdays", help="working days (England and Wales)")
    actions = parser.add_subparsers(dest="workdays_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="the date N working days after DATE")
    add.add_argument("start", metavar="DATE")
    add.add_argument("n", metavar="N")
    add.set_defaults(
        handler=_run(lambda a: workdays.add_working_days(_day(a.start), _count(a.n)).isoformat())
    )

    between = actions.add_parser("between", help="working days after the first date to the second")
    between.add_argument("start", metavar="DATE")
    between.add_argument("end", metavar="DATE")
    between.set_defaults(
        handler=_run(lambda a: workdays.working_days_between(_day(a.start), _day(a.end)))
    )

    left = actions.add_parser("left", help="how many working days are left until DUE")
    left.add_argument("due", metavar="DUE")
    left.add_argument("--today", metavar="DATE", help="count from this day (default: today)")
    left.set_defaults(
        handler=_run(
            lambda a: workdays.describe_days_left(
                _day(a.due), _day(a.today) if a.today else date.today()
            )
        )
    )
