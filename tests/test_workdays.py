"""Working days: England and Wales bank holidays, Christmas, New Year and Easter, and the CLI."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from supportfirst.cli import main
from supportfirst.workdays import (
    add_working_days,
    describe_days_left,
    is_working_day,
    working_days_between,
    working_days_left,
)


def test_the_issue_example():
    assert add_working_days(date(2026, 12, 21), 45) == date(2027, 2, 25)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 25),  # Christmas Day, a Friday
        date(2026, 12, 28),  # Boxing Day falls on Saturday: the Monday is the substitute
        date(2027, 1, 1),  # New Year's Day, a Friday
        date(2022, 1, 3),  # New Year's Day 2022 was a Saturday: Monday 3 January instead
        date(2027, 12, 27),  # Christmas 2027 is a Saturday: substitute Monday
        date(2027, 12, 28),  # and Boxing Day a Sunday: substitute Tuesday
        date(2027, 3, 26),  # Good Friday 2027
        date(2027, 3, 29),  # Easter Monday 2027
        date(2026, 5, 25),  # Spring bank holiday
        date(2026, 11, 21),  # a Saturday
        date(2026, 11, 22),  # a Sunday
    ],
)
def test_days_that_are_not_working_days(day):
    assert not is_working_day(day)


@pytest.mark.parametrize("day", [date(2026, 12, 24), date(2026, 12, 29), date(2027, 3, 25)])
def test_ordinary_weekdays_are_working_days(day):
    assert is_working_day(day)


def test_the_start_day_is_not_counted():
    assert add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)
    assert add_working_days(date(2026, 11, 23), 1) == date(2026, 11, 24)


def test_a_friday_afternoon_request_is_decided_by_monday():
    assert add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)


def test_a_request_on_christmas_eve_is_decided_after_the_holidays():
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_easter_is_skipped():
    assert add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)


def test_adding_and_counting_agree():
    start = date(2026, 12, 1)
    for offset in range(0, 60, 3):
        day = start + timedelta(days=offset)
        for n in (0, 1, 2, 5, 10, 20, 45):
            assert working_days_between(day, add_working_days(day, n)) == n


def test_counting_backwards_is_negative():
    assert working_days_between(date(2027, 2, 25), date(2026, 12, 21)) == -45


@pytest.mark.parametrize(
    ("due", "today", "left", "words"),
    [
        (date(2026, 11, 23), date(2026, 11, 23), 0, "due today"),
        (date(2026, 11, 26), date(2026, 11, 23), 3, "3 working days left"),
        (date(2026, 11, 24), date(2026, 11, 23), 1, "1 working day left"),
        (date(2026, 11, 20), date(2026, 11, 23), -1, "1 working day overdue"),
        (date(2026, 11, 18), date(2026, 11, 23), -3, "3 working days overdue"),
    ],
)
def test_days_left(due, today, left, words):
    assert working_days_left(due, today) == left
    assert describe_days_left(due, today) == words


def test_adding_a_negative_number_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        add_working_days(date(2026, 1, 1), -1)


def test_cli_add_and_between(capsys):
    assert main(["workdays", "add", "2026-12-21", "45"]) == 0
    assert capsys.readouterr().out == "2027-02-25\n"
    assert main(["workdays", "between", "2026-12-21", "2027-02-25"]) == 0
    assert capsys.readouterr().out == "45\n"
    assert main(["workdays", "left", "2026-11-26", "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out == "3 working days left\n"


@pytest.mark.parametrize(
    "args",
    [
        ["workdays", "add", "2026-13-01", "5"],
        ["workdays", "add", "21/12/2026", "5"],
        ["workdays", "add", "2026-12-21", "five"],
        ["workdays", "between", "2026-02-30", "2026-03-01"],
    ],
)
def test_cli_bad_dates_give_one_line_and_exit_2(args, capsys):
    assert main(args) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "supportfirst workdays:" in error


def test_the_clock_imports_no_django():
    code = (
        "import supportfirst.workdays, supportfirst.workdays_cli, sys; "
        "assert not any(m.startswith('django') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_installed_command_prints_the_date():
    result = subprocess.run(
        [sys.executable, "-m", "supportfirst", "workdays", "add", "2026-12-21", "45"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "2027-02-25\n")
