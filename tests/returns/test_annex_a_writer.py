"""The Annex A writer (plain Python): each list's CSV matches its golden file, and the workbook
has a sheet per list with the same rows, dates as real dates shown dd/mm/yyyy."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from supportfirst.rules.returns import annex_a

GOLDEN = Path(__file__).parent / "golden" / "annex_a"
AS_OF = dt.date(2026, 3, 31)

AMARA = annex_a.AnnexChild("SF101", "F", "BAFR", dt.date(2015, 4, 1), disabled=True)
LEO = annex_a.AnnexChild("SF102", "M", "NOBT", dt.date(2019, 6, 30), disabled=False)
UNBORN = annex_a.AnnexChild("SF103", "U", "REFU", dt.date(2026, 5, 1), disabled=False)
TEAM = annex_a.Allocated("Disabled Children's Team", "Sam Patel")
NOBODY = annex_a.Allocated()

RECORDS = {
    1: [
        annex_a.Contact(AMARA, dt.date(2025, 10, 3), "1A"),
        annex_a.Contact(LEO, dt.date(2026, 1, 15), ""),
        annex_a.Contact(UNBORN, dt.date(2026, 2, 2), "3B"),
    ],
    3: [
        annex_a.Referral(AMARA, dt.date(2025, 10, 3), "1A", False, 1, TEAM),
        annex_a.Referral(LEO, dt.date(2026, 1, 15), "2A", True, 0, NOBODY),
    ],
    4: [
        annex_a.Assessment(AMARA, dt.date(2025, 10, 20), dt.date(2025, 12, 1), None, True, TEAM),
        annex_a.Assessment(LEO, dt.date(2026, 2, 1), None, None, None, NOBODY),
    ],
    6: [
        annex_a.ChildInNeed(AMARA, dt.date(2025, 10, 3), "N2", None, None, "", True, TEAM),
        annex_a.ChildInNeed(
            LEO, dt.date(2025, 5, 1), "N3", None, dt.date(2026, 3, 1), "RC7", False, NOBODY
        ),
        # Closed after the period: still open on its last day.
        annex_a.ChildInNeed(
            UNBORN, dt.date(2026, 2, 2), "N2", None, dt.date(2026, 4, 10), "RC8", False, NOBODY
        ),
    ],
}


@pytest.mark.parametrize("number", [1, 3, 4, 6])
def test_each_list_matches_its_golden_file(number):
    written = "".join(annex_a.write_csv(annex_a.BY_NUMBER[number], RECORDS[number], AS_OF)).encode(
        "utf-8"
    )
    golden = GOLDEN / f"list_{number}.csv"
    assert written == golden.read_bytes()


def test_the_csv_dates_are_day_month_year_and_ages_whole_years():
    text = "".join(annex_a.write_csv(annex_a.BY_NUMBER[1], RECORDS[1][:1], AS_OF))
    assert "SF101,b) Female,o) BAFR,01/04/2015,10,03/10/2025,a) 1A: Individual\r\n" in text


def test_a_source_not_recorded_is_unknown_and_an_unborn_child_has_no_age():
    lines = "".join(annex_a.write_csv(annex_a.BY_NUMBER[1], RECORDS[1], AS_OF)).splitlines()
    assert lines[2].endswith(",u) 10: Unknown")
    assert lines[3].startswith("SF103,c) Not stated/recorded,s) REFU,01/05/2026,,")


def test_a_case_closed_after_the_period_is_open_in_it():
    text = "".join(annex_a.write_csv(annex_a.BY_NUMBER[6], RECORDS[6], AS_OF))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[2][9:12] == [
        "01/03/2026",
        "RC7 - Services ceased for any other reason, including child no longer in need",
        "e) Closed episode",
    ]
    assert rows[3][9:12] == ["", "", "d) Open assessment"]


def test_the_workbook_has_a_sheet_per_list_with_real_dates():
    out = io.BytesIO()
    counts = annex_a.write_xlsx(
        out, [(annex_a.BY_NUMBER[n], RECORDS[n]) for n in (1, 3, 4, 6)], AS_OF
    )
    assert counts == {1: 3, 3: 2, 4: 2, 6: 3}
    book = load_workbook(io.BytesIO(out.getvalue()))
    assert book.sheetnames == ["List 1", "List 3", "List 4", "List 6"]
    sheet = book["List 4"]
    assert tuple(c.value for c in sheet[1]) == annex_a.BY_NUMBER[4].headings
    started = sheet["G2"]
    assert started.value == dt.datetime(2025, 10, 20)
    assert started.number_format == "DD/MM/YYYY"
    assert sheet["E2"].value == 10
    assert [c.value for c in sheet[3]][7:10] == ["c) Unknown", None, None]
    for number in (1, 3, 4, 6):
        csv_rows = "".join(
            annex_a.write_csv(annex_a.BY_NUMBER[number], RECORDS[number], AS_OF)
        ).splitlines()
        assert book[f"List {number}"].max_row == len(csv_rows)


def test_an_empty_list_still_has_its_headings():
    text = "".join(annex_a.write_csv(annex_a.BY_NUMBER[3], [], AS_OF))
    assert list(csv.reader(io.StringIO(text))) == [list(annex_a.BY_NUMBER[3].headings)]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_name_that_looks_like_a_formula_is_neutralised_in_the_csv(start):
    team = annex_a.Allocated(f'{start}HYPERLINK("http://x")', f"{start}1+1")
    referral = annex_a.Referral(AMARA, dt.date(2025, 10, 3), "1A", False, 1, team)
    lst = annex_a.BY_NUMBER[3]
    text = "".join(annex_a.write_csv(lst, [referral], AS_OF))
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[lst.headings.index("Allocated Team")] == f'\'{start}HYPERLINK("http://x")'
    assert row[lst.headings.index("Allocated Worker")] == f"'{start}1+1"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_name_that_looks_like_a_formula_is_plain_text_in_the_workbook(start):
    team = annex_a.Allocated(f"{start}SUM(A1:A2)", f"{start}1+1")
    referral = annex_a.Referral(AMARA, dt.date(2025, 10, 3), "1A", False, 1, team)
    lst = annex_a.BY_NUMBER[3]
    out = io.BytesIO()
    annex_a.write_xlsx(out, [(lst, [referral])], AS_OF)
    sheet = load_workbook(io.BytesIO(out.getvalue()))["List 3"]
    team_cell = sheet.cell(row=2, column=lst.headings.index("Allocated Team") + 1)
    worker_cell = sheet.cell(row=2, column=lst.headings.index("Allocated Worker") + 1)
    assert team_cell.data_type == "s"
    assert team_cell.value == f"'{start}SUM(A1:A2)"
    assert worker_cell.data_type == "s"
    assert worker_cell.value == f"'{start}1+1"
