"""Working days: England and Wales bank holidays, Christmas, New Year and Easter, and the CLI.

No database: the clock module is plain Python.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import date, timedelta

import holidays
import pytest

from supportfirst.rules.workdays import (
    add_working_days,
    bank_holidays_known,
    describe_days_left,
    good_friday,
    holidays_in,
    is_working_day,
    working_days_between,
    working_days_left,
)
from supportfirst.workdays_cli import register

# --- Which days are working days -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2026, 12, 25), "Christmas Day 2026, a Friday"),
        (date(2026, 12, 28), "Boxing Day 2026 is a Saturday: Monday 28 December is the substitute"),
        (date(2027, 1, 1), "New Year's Day 2027, a Friday"),
        (date(2022, 1, 3), "New Year's Day 2022 was a Saturday: Monday 3 January instead"),
        (date(2023, 1, 2), "New Year's Day 2023 was a Sunday: Monday 2 January instead"),
        (date(2027, 12, 27), "Christmas 2027 is a Saturday: substitute Monday"),
        (date(2027, 12, 28), "and Boxing Day 2027 a Sunday: substitute Tuesday"),
        (date(2022, 12, 26), "Boxing Day 2022, a Monday"),
        (date(2022, 12, 27), "Christmas 2022 was a Sunday: substitute Tuesday"),
        (date(2027, 3, 26), "Good Friday 2027"),
        (date(2027, 3, 29), "Easter Monday 2027"),
        (date(2026, 4, 3), "Good Friday 2026"),
        (date(2026, 4, 6), "Easter Monday 2026"),
        (date(2026, 5, 4), "Early May bank holiday 2026"),
        (date(2026, 5, 25), "Spring bank holiday 2026"),
        (date(2026, 8, 31), "Summer bank holiday 2026"),
        (date(2022, 9, 19), "a one-off bank holiday: the Queen's state funeral"),
        (date(2023, 5, 8), "a one-off bank holiday: the King's coronation"),
        (date(2026, 11, 21), "a Saturday"),
        (date(2026, 11, 22), "a Sunday"),
    ],
)
def test_days_that_are_not_working_days(day, why):
    assert not is_working_day(day), why


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 24),  # Christmas Eve is a working day
        date(2026, 12, 29),
        date(2026, 12, 31),  # so is New Year's Eve
        date(2027, 1, 4),
        date(2027, 3, 25),  # Maundy Thursday
        date(2027, 3, 30),  # the Tuesday after Easter
        date(2026, 11, 20),
    ],
)
def test_ordinary_weekdays_are_working_days(day):
    assert is_working_day(day)


def test_christmas_boxing_day_and_good_friday_are_always_holidays():
    """The regulations name them, so they count even in years the package does not cover."""
    for year in (1066, 1871, 2026, 2027, 2101, 2500, 9999):
        days = holidays_in(year)
        assert date(year, 12, 25) in days
        assert date(year, 12, 26) in days
        assert good_friday(year) in days


def test_good_friday_is_two_days_before_easter_sunday():
    assert good_friday(2026) == date(2026, 4, 3)
    assert good_friday(2027) == date(2027, 3, 26)
    assert good_friday(2038) == date(2038, 4, 23)  # a late Easter
    assert good_friday(2285) == date(2285, 3, 20)  # the earliest possible Easter (22 March)
    for year in range(1900, 2101):
        assert good_friday(year).weekday() == 4


def test_good_friday_agrees_with_the_holidays_package():
    for year in range(1900, 2101):
        named = holidays.country_holidays("GB", subdiv="ENG", years=year).get_named(
            "Good Friday", lookup="exact"
        )
        assert named == [good_friday(year)], year


def test_bank_holidays_are_known_for_the_years_the_service_runs_in():
    assert all(bank_holidays_known(year) for year in range(1990, 2100))
    # Outside the package's years only the days named in the regulations stop the clock.
    assert not bank_holidays_known(2101)
    assert date(2101, 1, 3) not in holidays_in(2101)  # 1 January 2101 is a Saturday
    assert holidays_in(2101) == {date(2101, 12, 25), date(2101, 12, 26), good_friday(2101)}


# --- Adding working days ----------------------------------------------------------------------


def test_the_issue_example_45_working_days_over_christmas():
    assert add_working_days(date(2026, 12, 21), 45) == date(2027, 2, 25)
    assert add_working_days(start=date(2026, 12, 21), n=45) == date(2027, 2, 25)


def test_the_start_day_is_not_counted():
    assert add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)
    assert add_working_days(date(2026, 11, 23), 1) == date(2026, 11, 24)


def test_n_0_returns_the_start_even_on_a_holiday():
    assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)


def test_a_friday_afternoon_request_is_decided_by_monday():
    """The next-step decision is due 1 working day after the request."""
    assert add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)


def test_a_friday_request_before_a_bank_holiday_monday_is_decided_on_tuesday():
    assert add_working_days(date(2026, 5, 22), 1) == date(2026, 5, 26)


def test_a_request_on_christmas_eve_2026_is_decided_after_the_holidays():
    # Fri 25 Christmas, Sat 26 Boxing Day, Sun 27, Mon 28 substitute: Tuesday 29.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_a_request_on_christmas_eve_2027_is_decided_on_wednesday():
    # Fri 24 is the request day; Sat 25, Sun 26, Mon 27 and Tue 28 are all off.
    assert add_working_days(date(2027, 12, 24), 1) == date(2027, 12, 29)


def test_new_year_is_skipped():
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert add_working_days(date(2021, 12, 31), 1) == date(2022, 1, 4)  # 3 Jan 2022 substitute


def test_easter_is_skipped():
    assert add_working_days(date(2027, 3, 25), 1) == date(2027, 3, 30)
    assert add_working_days(date(2027, 3, 24), 2) == date(2027, 3, 30)


def test_the_answer_is_always_a_working_day():
    start = date(2026, 12, 1)
    for offset in range(60):
        for n in (1, 2, 10, 45):
            assert is_working_day(add_working_days(start + timedelta(days=offset), n))


def test_adding_a_negative_number_is_refused():
    with pytest.raises(ValueError, match="0 or more"):
        add_working_days(date(2026, 1, 1), -1)


def test_adding_past_the_end_of_the_calendar_is_refused():
    with pytest.raises(OverflowError, match="9999"):
        add_working_days(date(9999, 12, 20), 30)


def test_a_long_count_matches_a_day_by_day_walk():
    day, walked = date(2020, 1, 1), 0
    while walked < 2000:
        day += timedelta(days=1)
        walked += is_working_day(day)
    assert add_working_days(date(2020, 1, 1), 2000) == day


# --- Counting working days --------------------------------------------------------------------


def test_counting_over_christmas_and_new_year():
    assert working_days_between(date(2026, 12, 21), date(2027, 2, 25)) == 45
    # 22, 23, 24, 29, 30, 31 December and 4 January.
    assert working_days_between(date(2026, 12, 21), date(2027, 1, 4)) == 7


def test_counting_from_a_day_to_itself_is_zero():
    assert working_days_between(date(2026, 12, 25), date(2026, 12, 25)) == 0


def test_counting_backwards_is_negative():
    assert working_days_between(date(2027, 2, 25), date(2026, 12, 21)) == -45
    assert working_days_between(start=date(2026, 11, 23), end=date(2026, 11, 20)) == -1


def test_adding_and_counting_agree():
    start = date(2025, 11, 1)
    for offset in range(0, 550, 2):
        day = start + timedelta(days=offset)
        for n in (0, 1, 2, 3, 5, 6, 10, 20, 25, 45, 65, 300):
            assert working_days_between(day, add_working_days(day, n)) == n, (day, n)


def test_counting_matches_a_day_by_day_walk_and_adds_up():
    start = date(2026, 12, 15)
    walked = 0
    for offset in range(1, 400):
        day = start + timedelta(days=offset)
        walked += is_working_day(day)
        assert working_days_between(start, day) == walked
        assert working_days_between(day, start) == -walked
    a, b, c = date(2026, 3, 1), date(2026, 12, 24), date(2027, 4, 2)
    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


# --- Days left --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "today", "left", "words"),
    [
        (date(2026, 11, 23), date(2026, 11, 23), 0, "due today"),
        (date(2026, 11, 26), date(2026, 11, 23), 3, "3 working days left"),
        (date(2026, 11, 24), date(2026, 11, 23), 1, "1 working day left"),
        (date(2026, 11, 23), date(2026, 11, 20), 1, "1 working day left"),  # Friday to Monday
        (date(2026, 12, 29), date(2026, 12, 24), 1, "1 working day left"),  # over Christmas
        (date(2026, 11, 20), date(2026, 11, 23), -1, "1 working day overdue"),
        (date(2026, 11, 18), date(2026, 11, 23), -3, "3 working days overdue"),
        (date(2026, 12, 24), date(2026, 12, 29), -1, "1 working day overdue"),
        (date(2026, 11, 21), date(2026, 11, 20), 0, "no working days left"),  # due on a Saturday
        (date(2026, 11, 20), date(2026, 11, 21), 0, "overdue"),  # Friday's work, on Saturday
    ],
)
def test_days_left(due, today, left, words):
    assert working_days_left(due, today) == left
    assert working_days_left(due=due, today=today) == left
    assert describe_days_left(due, today) == words


def test_the_next_step_clock_from_a_friday_afternoon_request():
    received = date(2026, 11, 20)  # a Friday
    due = add_working_days(received, 1)
    assert describe_days_left(due, received) == "1 working day left"
    assert describe_days_left(due, date(2026, 11, 22)) == "1 working day left"  # Sunday
    assert describe_days_left(due, due) == "due today"
    assert describe_days_left(due, date(2026, 11, 24)) == "1 working day overdue"


def test_the_assessment_clock_on_its_last_day():
    received = date(2026, 12, 21)
    due = add_working_days(received, 45)
    assert working_days_left(due, received) == 45
    assert describe_days_left(due, received) == "45 working days left"
    assert describe_days_left(due, due) == "due today"


# --- The command line -------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Parse argv as `supportfirst ...` would and run the chosen handler."""
    parser = argparse.ArgumentParser(prog="supportfirst")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    code = args.handler(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add(capsys):
    assert run(capsys, "workdays", "add", "2026-12-21", "45") == (0, "2027-02-25\n", "")
    assert run(capsys, "workdays", "add", "2026-11-20", "1") == (0, "2026-11-23\n", "")
    assert run(capsys, "workdays", "add", "2026-11-20", "0") == (0, "2026-11-20\n", "")


def test_cli_between(capsys):
    assert run(capsys, "workdays", "between", "2026-12-21", "2027-02-25") == (0, "45\n", "")
    assert run(capsys, "workdays", "between", "2027-02-25", "2026-12-21") == (0, "-45\n", "")


@pytest.mark.parametrize(
    ("due", "today", "words"),
    [
        ("2026-11-26", "2026-11-23", "3 working days left"),
        ("2026-11-23", "2026-11-23", "due today"),
        ("2026-11-19", "2026-11-23", "2 working days overdue"),
    ],
)
def test_cli_left(capsys, due, today, words):
    assert run(capsys, "workdays", "left", due, "--today", today) == (0, f"{words}\n", "")


def test_cli_left_counts_from_today_by_default(capsys):
    code, out, err = run(capsys, "workdays", "left", "2026-11-23")
    assert (code, err) == (0, "")
    assert out.endswith(("left\n", "overdue\n", "due today\n"))


@pytest.mark.parametrize(
    ("argv", "mentions"),
    [
        (("add", "2026-13-01", "5"), "not a real date"),
        (("add", "2026-02-30", "5"), "not a real date"),
        (("add", "0000-01-01", "5"), "not a real date"),
        (("add", "21/12/2026", "5"), "YYYY-MM-DD"),
        (("add", "20261221", "5"), "YYYY-MM-DD"),  # Python itself would accept this form
        (("add", "2026-W52-1", "5"), "YYYY-MM-DD"),  # and this one
        (("add", "", "5"), "YYYY-MM-DD"),
        (("add", "2026-12-21", "five"), "whole number"),
        (("add", "2026-12-21", "-5"), "whole number"),
        (("add", "2026-12-21", "4.5"), "whole number"),
        (("add", "2026-12-21", "²"), "whole number"),  # a digit to str.isdigit, not to int
        (("add", "2026-12-21", "9" * 5000), "whole number"),
        (("add", "9999-12-20", "30"), "after 31 December 9999"),
        (("between", "2026-02-29", "2026-03-01"), "not a real date"),
        (("between", "2026-02-01", "tomorrow"), "YYYY-MM-DD"),
        (("left", "2026-11-31"), "not a real date"),
        (("left", "2026-11-30", "--today", "30-11-2026"), "YYYY-MM-DD"),
    ],
)
def test_cli_bad_input_gives_one_line_and_exit_2(capsys, argv, mentions):
    code, out, err = run(capsys, "workdays", *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("supportfirst workdays: ")
    assert mentions in err


@pytest.mark.parametrize(
    "argv",
    [("workdays",), ("workdays", "add", "2026-12-21"), ("workdays", "subtract", "2026-12-21", "1")],
)
def test_cli_missing_or_unknown_arguments_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as stopped:
        run(capsys, *argv)
    assert stopped.value.code == 2


def test_cli_notes_years_without_bank_holiday_data(capsys):
    code, out, err = run(capsys, "workdays", "between", "2100-12-01", "2101-01-31")
    assert code == 0
    assert out.strip().isdigit()
    assert err.count("\n") == 1
    assert "not known" in err


# --- No Django --------------------------------------------------------------------------------


def test_the_clock_imports_no_django():
    code = (
        "import supportfirst.rules.workdays, supportfirst.workdays_cli, sys; "
        "assert not any(m.startswith('django') for m in sys.modules), 'django was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_the_installed_command_prints_the_date():
    result = subprocess.run(
        [sys.executable, "-m", "supportfirst", "workdays", "add", "2026-12-21", "45"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "2027-02-25\n")
