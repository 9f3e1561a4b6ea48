"""`supportfirst workdays`: the statutory clock on the command line. No Django import.

    supportfirst workdays add 2026-12-21 45                 prints 2027-02-25
    supportfirst workdays between 2026-12-21 2027-02-25     prints 45
    supportfirst workdays left 2027-02-25 --today 2027-02-22  prints 3 working days left

Dates are written YYYY-MM-DD. The start day is not counted. A date or number that cannot be
read gives a one-line error and exit code 2. Without --today, `left` counts from today in
England (Europe/London), whatever the computer's own time zone.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportfirst.rules import workdays

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNT = re.compile(r"[0-9]{1,9}")


class BadInput(Exception):
    """A date or number on the command line that cannot be used; the message says why."""


def parse_day(text: str) -> date:
    """Read a YYYY-MM-DD date, or raise BadInput with a plain-English message."""
    if not _DATE.fullmatch(text):
        raise BadInput(f"{text!r} is not a date: write it as YYYY-MM-DD, like 2026-12-21")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{text!r} is not a real date: check the month and the day") from None


def parse_count(text: str) -> int:
    """Read a number of working days (a whole number, 0 or more), or raise BadInput."""
    if not _COUNT.fullmatch(text):
        raise BadInput(
            f"{text!r} is not a number of working days: use a whole number 0 or more, like 45"
        )
    return int(text)


def today_in_england() -> date:
    """Today's date in England, so a server on UTC agrees with the service after midnight."""
    try:
        return datetime.now(ZoneInfo("Europe/London")).date()
    except ZoneInfoNotFoundError:  # no time zone database on this computer
        return date.today()


def _fail(problem: str) -> int:
    print(f"supportfirst workdays: {problem}", file=sys.stderr)
    return 2


def _note_unknown_years(*days: date) -> None:
    """Say on stderr, in one line, when the dates reach years without bank holiday data."""
    first, last = min(days).year, max(days).year
    if workdays.bank_holidays_known(first) and workdays.bank_holidays_known(last):
        return
    print(
        "supportfirst workdays: note: bank holidays are not known for every year here; "
        "for those years only weekends, Christmas Day, Boxing Day and Good Friday are skipped",
        file=sys.stderr,
    )


def cmd_add(args: argparse.Namespace) -> int:
    """Print the date N working days after DATE."""
    try:
        start, n = parse_day(args.start), parse_count(args.n)
        result = workdays.add_working_days(start, n)
    except BadInput as problem:
        return _fail(str(problem))
    except OverflowError:
        return _fail(f"{args.n} working days after {args.start} is after 31 December 9999")
    _note_unknown_years(start, result)
    print(result.isoformat())
    return 0


def cmd_between(args: argparse.Namespace) -> int:
    """Print how many working days there are after the first date, up to the second."""
    try:
        start, end = parse_day(args.start), parse_day(args.end)
    except BadInput as problem:
        return _fail(str(problem))
    _note_unknown_years(start, end)
    print(workdays.working_days_between(start, end))
    return 0


def cmd_left(args: argparse.Namespace) -> int:
    """Print, in plain English, how many working days are left until DUE."""
    try:
        due = parse_day(args.due)
        today = parse_day(args.today) if args.today is not None else today_in_england()
    except BadInput as problem:
        return _fail(str(problem))
    _note_unknown_years(due, today)
    print(workdays.describe_days_left(due, today))
    return 0


def register(commands: Any) -> None:
    """Add `workdays add|between|left` to the `supportfirst` command's sub-commands."""
    parser = commands.add_parser(
        "workdays",
        help="working days in England and Wales",
        description="Working days: not weekends, Christmas Day, Boxing Day, Good Friday or "
        "bank holidays in England and Wales. The start day is not counted.",
    )
    actions = parser.add_subparsers(dest="workdays_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="the date N working days after DATE")
    add.add_argument("start", metavar="DATE", help="the start day, YYYY-MM-DD (not counted)")
    add.add_argument("n", metavar="N", help="how many working days, 0 or more")
    add.set_defaults(handler=cmd_add)

    between = actions.add_parser(
        "between", help="how many working days after the first DATE, up to the second"
    )
    between.add_argument("start", metavar="DATE", help="YYYY-MM-DD (not counted)")
    between.add_argument(
        "end", metavar="DATE", help="YYYY-MM-DD (counted; before the first gives a negative)"
    )
    between.set_defaults(handler=cmd_between)

    left = actions.add_parser("left", help="how many working days are left until DUE")
    left.add_argument("due", metavar="DUE", help="the due date, YYYY-MM-DD")
    left.add_argument(
        "--today", metavar="DATE", help="count from this day (default: today in England)"
    )
    left.set_defaults(handler=cmd_left)
