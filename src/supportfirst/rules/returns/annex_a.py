"""Ofsted's Annex A lists, written from plain records: a CSV file per list, or one workbook with a
sheet per list.

Annex A is the set of lists of children a council gives Ofsted at the start of an inspection of
its children's services. The list numbers, column headings and value formats here are those of the
Annex A specification the ``liiatools`` package ships (``spec/annex_a/annex-a-merge.yml`` for the
headings, ``spec/annex_a/data-map.yml`` for the coded values); a test reads that specification and
checks every heading. This pathway feeds four of the lists:

- List 1, contacts: every request for help received in the period.
- List 3, referrals: the same requests, as the Children in Need census counts them (every request
  is a referral; "Information and advice given" is a referral with no further action).
- List 4, assessments: children's needs assessments started or authorised in the period.
- List 6, children in need: requests on the support pathway open at some point in the period.

It does not feed List 2 (early help: the pathway records no early help assessments), List 5
(section 47 enquiries: a move to safeguarding leaves this pathway for the council's children's
social care system, which records the enquiry), nor Lists 7 to 11 (child protection plans,
children in care, care leavers, adoption, adopters).

Dates are written as dates: a ``datetime.date`` in a workbook cell shown as dd/mm/yyyy, and the
text dd/mm/yyyy in a CSV file. Ages are whole years on the last day of the period.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import IO, Any

from supportfirst.rules.smallfigures import neutralise

#: The cell format of every date in the workbook.
DATE_FORMAT = "DD/MM/YYYY"

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"

#: Gender, from the census's ``<Sex>`` code.
GENDER = MappingProxyType({"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"})

#: Ethnicity, from the census code. Annex A letters each code; REFU and NOBT share "s)".
ETHNICITY = MappingProxyType(
    {
        code: f"{letter}) {code}"
        for letter, code in zip(
            "abcdefghijklmnopqrss",
            [
                "WBRI",
                "WIRI",
                "WIRT",
                "WOTH",
                "WROM",
                "MWBC",
                "MWBA",
                "MWAS",
                "MOTH",
                "AIND",
                "APKN",
                "ABAN",
                "AOTH",
                "BCRB",
                "BAFR",
                "BOTH",
                "CHNE",
                "OOTH",
                "REFU",
                "NOBT",
            ],
            strict=True,
        )
    }
)

#: Contact and referral source, from the census's ``<ReferralSource>`` code. 5D (early help)
#: came into the census after the lettered Annex A list was drawn up: it has no letter.
SOURCE = MappingProxyType(
    {
        "1A": "a) 1A: Individual",
        "1B": "b) 1B: Individual",
        "1C": "c) 1C: Individual",
        "1D": "d) 1D: Individual",
        "2A": "e) 2A: Schools",
        "2B": "f) 2B: Education services",
        "3A": "g) 3A: Health services",
        "3B": "h) 3B: Health services",
        "3C": "i) 3C: Health services",
        "3D": "j) 3D: Health services",
        "3E": "k) 3E: Health services",
        "3F": "l) 3F: Health services",
        "4": "m) 4: Housing",
        "5A": "n) 5A: LA services",
        "5B": "o) 5B: LA services",
        "5C": "p) 5C: LA services",
        "5D": "5D: LA services",
        "6": "q) 6: Police",
        "7": "r) 7: Other legal agency",
        "8": "s) 8: Other",
        "9": "t) 9: Anonymous",
        "10": "u) 10: Unknown",
    }
)
SOURCE_NOT_KNOWN = "10"

#: Primary need, from the census's ``<PrimaryNeedCode>``.
PRIMARY_NEED = MappingProxyType(
    {
        "N1": "N1 - Abuse or neglect",
        "N2": "N2 - Child's disability",
        "N3": "N3 - Parental disability or illness",
        "N4": "N4 - Family in acute stress",
        "N5": "N5 - Family dysfunction",
        "N6": "N6 - Socially unacceptable behaviour",
        "N7": "N7 - Low income",
        "N8": "N8 - Absent parenting",
        "N9": "N9 - Cases other than children in need",
        "N0": "N0 - Not stated",
    }
)

#: Reason for closure, from the census's ``<ReasonForClosure>``. RC9 came into the census after
#: the Annex A list was drawn up; it is written the same way.
CLOSURE_REASON = MappingProxyType(
    {
        "RC1": "RC1 - Adopted",
        "RC2": "RC2 - Died",
        "RC3": "RC3 - Child arrangements order",
        "RC4": "RC4 - Special guardianship order",
        "RC5": "RC5 - Transferred to services of another local authority",
        "RC6": "RC6 - Transferred to adult social care services",
        "RC7": "RC7 - Services ceased for any other reason, including child no longer in need",
        "RC8": "RC8 - Case closed after assessment, no further action",
        "RC9": "RC9 - Case closed after assessment, referred to early help",
    }
)

#: Case status in List 6: the three this pathway can be in.
CIN_PLAN, OPEN_ASSESSMENT, CLOSED = (
    "c) Child in need plan",
    "d) Open assessment",
    "e) Closed episode",
)


@dataclass(frozen=True, slots=True)
class AnnexChild:
    """The columns about the child that every list starts with."""

    child_id: str
    sex: str  # census code: M, F, U
    ethnicity: str  # census code
    birth_date: dt.date
    disabled: bool


@dataclass(frozen=True, slots=True)
class Allocated:
    team: str = ""
    worker: str = ""


@dataclass(frozen=True, slots=True)
class Contact:
    child: AnnexChild
    contact_date: dt.date
    source: str  # census referral source code, or "" if not recorded


@dataclass(frozen=True, slots=True)
class Referral:
    child: AnnexChild
    referral_date: dt.date
    source: str
    no_further_action: bool
    referrals_in_last_12_months: int
    allocated: Allocated


@dataclass(frozen=True, slots=True)
class Assessment:
    child: AnnexChild
    started_on: dt.date
    authorised_on: dt.date | None
    #: True when the worker recorded a day they met the child; None (not recorded) writes
    #: "Unknown".
    child_seen: bool | None
    #: After authorisation: whether support is being planned. None before.
    needs_support: bool | None
    allocated: Allocated


@dataclass(frozen=True, slots=True)
class ChildInNeed:
    child: AnnexChild
    start_date: dt.date
    primary_need: str  # census code
    last_seen: dt.date | None
    closed_on: dt.date | None
    closure_reason: str  # census code, or ""
    has_plan: bool
    allocated: Allocated


Cell = str | int | dt.date | None


def age_on(birth_date: dt.date, day: dt.date) -> int | None:
    """Whole years on ``day``; None for a child not yet born then."""
    if birth_date > day:
        return None
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def _yes_no(value: bool | None) -> str:
    return UNKNOWN if value is None else (YES if value else NO)


def _child(child: AnnexChild, as_of: dt.date, *, disability: bool) -> list[Cell]:
    cells: list[Cell] = [
        child.child_id,
        GENDER[child.sex],
        ETHNICITY[child.ethnicity],
        child.birth_date,
        age_on(child.birth_date, as_of),
    ]
    if disability:
        cells.append(_yes_no(child.disabled))
    return cells


def _source(code: str) -> str:
    return SOURCE[code or SOURCE_NOT_KNOWN]


def _contact(row: Contact, as_of: dt.date) -> list[Cell]:
    return [*_child(row.child, as_of, disability=False), row.contact_date, _source(row.source)]


def _referral(row: Referral, as_of: dt.date) -> list[Cell]:
    return [
        *_child(row.child, as_of, disability=False),
        row.referral_date,
        _source(row.source),
        _yes_no(row.no_further_action),
        row.referrals_in_last_12_months,
        row.allocated.team,
        row.allocated.worker,
    ]


def _assessment(row: Assessment, as_of: dt.date) -> list[Cell]:
    return [
        *_child(row.child, as_of, disability=True),
        row.started_on,
        _yes_no(row.child_seen),
        row.authorised_on,
        None if row.needs_support is None else _yes_no(row.needs_support),
        row.allocated.team,
        row.allocated.worker,
    ]


def _child_in_need(row: ChildInNeed, as_of: dt.date) -> list[Cell]:
    closed = row.closed_on is not None and row.closed_on <= as_of
    status = CLOSED if closed else (CIN_PLAN if row.has_plan else OPEN_ASSESSMENT)
    return [
        *_child(row.child, as_of, disability=True),
        row.start_date,
        PRIMARY_NEED[row.primary_need],
        row.last_seen,
        row.closed_on if closed else None,
        CLOSURE_REASON[row.closure_reason] if closed and row.closure_reason else None,
        status,
        row.allocated.team,
        row.allocated.worker,
    ]


_PERSON = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")
_DISABILITY = "Does the Child have a Disability"
_ALLOCATED = ("Allocated Team", "Allocated Worker")


@dataclass(frozen=True, slots=True)
class AnnexList:
    number: int
    name: str  # what it lists, in plain English
    headings: tuple[str, ...]
    row: Callable[[Any, dt.date], list[Cell]]

    @property
    def title(self) -> str:
        """The sheet name, as Annex A names it."""
        return f"List {self.number}"

    def filename(self, la_code: str, start: dt.date, end: dt.date) -> str:
        return f"annex-a-{la_code}-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}-list-{self.number}.csv"


#: The lists this pathway feeds, in Annex A's order.
LISTS: tuple[AnnexList, ...] = (
    AnnexList(1, "Contacts", (*_PERSON, "Date of Contact", "Contact Source"), _contact),
    AnnexList(
        3,
        "Referrals",
        (
            *_PERSON,
            "Date of referral",
            "Referral Source",
            "Referral NFA?",
            "Number of Referrals in Last 12 Months",
            *_ALLOCATED,
        ),
        _referral,
    ),
    AnnexList(
        4,
        "Assessments",
        (
            *_PERSON,
            _DISABILITY,
            "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?",
            *_ALLOCATED,
        ),
        _assessment,
    ),
    AnnexList(
        6,
        "Children in need",
        (
            *_PERSON,
            _DISABILITY,
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Was Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case Status",
            *_ALLOCATED,
        ),
        _child_in_need,
    ),
)
BY_NUMBER: Mapping[int, AnnexList] = MappingProxyType({lst.number: lst for lst in LISTS})

#: The lists this pathway does not feed, and why (for the page and the documentation).
NOT_FED: Mapping[int, str] = MappingProxyType(
    {
        2: "Early help: the pathway records no early help assessments.",
        5: "Section 47 enquiries: a move to safeguarding leaves this pathway for the council's "
        "children's social care system, which records the enquiry.",
    }
)


def rows(annex_list: AnnexList, records: Iterable[Any], as_of: dt.date) -> Iterator[list[Cell]]:
    """Each record as its row of cells, in the list's column order."""
    for record in records:
        yield annex_list.row(record, as_of)


def _text(cell: Cell) -> str:
    """A cell for the CSV file: dates as dd/mm/yyyy, and text a spreadsheet would run as a
    formula (starting = + - @, a tab or a carriage return) neutralised."""
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return f"{cell:%d/%m/%Y}"
    return neutralise(cell)


def write_csv(annex_list: AnnexList, records: Iterable[Any], as_of: dt.date) -> Iterator[str]:
    """The list as CSV text in chunks (headings first), one row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in annex_list.headings])
    for cells in rows(annex_list, records, as_of):
        writer.writerow([_text(c) for c in cells])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_xlsx(
    target: str | IO[bytes], lists: Iterable[tuple[AnnexList, Iterable[Any]]], as_of: dt.date
) -> dict[int, int]:
    """One workbook, a sheet per list (headings in the first row), written in openpyxl's
    write-only mode so memory stays flat however many rows there are. Returns the rows per list.

    Every text cell is neutralised and written as a string cell, so that no name typed into the
    service (a team's, a worker's) can become a formula however it begins."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)

    def text_cell(sheet: Any, value: object) -> Any:
        # openpyxl reads a value starting "=" as a formula: the type is set after the value.
        cell = WriteOnlyCell(sheet, value=neutralise(value))
        cell.data_type = "s"
        return cell

    counts: dict[int, int] = {}
    for annex_list, records in lists:
        sheet = book.create_sheet(annex_list.title)
        sheet.append([text_cell(sheet, h) for h in annex_list.headings])
        counts[annex_list.number] = 0
        for cells in rows(annex_list, records, as_of):
            out: list[Any] = []
            for cell in cells:
                if isinstance(cell, dt.date):
                    dated = WriteOnlyCell(sheet, value=cell)
                    dated.number_format = DATE_FORMAT
                    out.append(dated)
                elif isinstance(cell, str):
                    out.append(text_cell(sheet, cell))
                else:
                    out.append(cell)
            sheet.append(out)
            counts[annex_list.number] += 1
    book.save(target)
    return counts
