"""Equality monitoring: the main outcomes of requests for help by ethnicity, sex, disability and
age band, with small figures held back. Plain Python, no Django.

A figure is held back (shown as ``*``) when it is made up from fewer than 5 families
(`rules.smallfigures`): the count that decides is the number of different families, so brothers
and sisters count once and a figure about fewer than 5 children is always held back. A row whose
requests are held back has all its outcomes held back too, noughts included. When exactly one
figure in a column is held back and the total is shown, the total less the others would give it
away (or narrow it down, where a child can be in two rows): the smallest other non-zero figure in
that column is held back too (`also_held`, the same rule as the forum's "what would change"
page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from supportfirst.rules.smallfigures import SMALLEST_FIGURE, SUPPRESSED_MARK, SafeFigure, share

HELD_BACK_WHY = (
    f"{SUPPRESSED_MARK} Held back: made up from fewer than {SMALLEST_FIGURE} children (brothers "
    "and sisters count once), or held back so that such a figure cannot be worked out from the "
    "total or from the rest of its row."
)

OWN_USE = (
    "These tables and their download are for the council's own equality monitoring. They are "
    "not for publication: before any figure from them is published, it must be checked again "
    "for small figures that could let a child or family be recognised."
)


@dataclass(frozen=True)
class Outcome:
    key: str
    heading: str


#: The columns of every table: the requests, then what happened to them.
REQUESTS = Outcome("requests", "Requests for help")
OUTCOMES: tuple[Outcome, ...] = (
    Outcome("next_step_in_time", "Next step decided within 1 working day"),
    Outcome("assessed", "Child's needs assessment authorised"),
    Outcome("assessed_in_time", "Assessment authorised within 45 working days"),
    Outcome("eligible", "Found eligible by the criteria"),
    Outcome("plan_agreed", "Support plan agreed"),
    Outcome("safeguarding", "Moved to safeguarding"),
)
COLUMNS: tuple[Outcome, ...] = (REQUESTS, *OUTCOMES)


@dataclass(frozen=True)
class AgeBand:
    label: str
    from_age: int  # the youngest age in the band, in whole years


#: The Department for Education's Children in Need age bands.
AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("Under 1", 0),
    AgeBand("1 to 4", 1),
    AgeBand("5 to 9", 5),
    AgeBand("10 to 15", 10),
    AgeBand("16 and over", 16),
)


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier; 29 February becomes 28 February in a year without one (a
    child born after that day is still younger than `years` on `day`)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def band_born_after(on: dt.date) -> list[tuple[str, dt.date | None]]:
    """For each age band, youngest first: its label and the day a child must be born after to
    be younger than the next band on `on` (None for the oldest band)."""
    bands: list[tuple[str, dt.date | None]] = []
    for i, band in enumerate(AGE_BANDS):
        older = AGE_BANDS[i + 1].from_age if i + 1 < len(AGE_BANDS) else None
        bands.append((band.label, years_before(on, older) if older is not None else None))
    return bands


def age_band(born: dt.date, on: dt.date) -> str:
    """The band a child born on `born` is in on `on` (the rule the database query follows)."""
    for label, after in band_born_after(on):
        if after is None or born > after:
            return label
    return AGE_BANDS[-1].label


def also_held(total: SafeFigure, parts: Sequence[SafeFigure], held: set[int]) -> set[int]:
    """Which more of the parts to hold back, given those already held (`held`: from fewer than
    5 families, noughts included when their row is held). When the total is shown and exactly
    one part is held, the total less the others would give it away (or, where the rows overlap,
    narrow it down); when every held part is a nought, the total less the others would show that
    they all are. Either way, the smallest other non-zero part is held back too."""
    if total.suppressed or not held:
        return set()
    if len(held) > 1 and any(parts[i].count for i in held):
        return set()
    others = [i for i, part in enumerate(parts) if part.count and i not in held]
    if not others:
        return set()
    return {min(others, key=lambda i: (parts[i].count, i))}


@dataclass(frozen=True)
class Cell:
    figure: SafeFigure
    percent: int | None  # of the row's requests, when both are shown
    secondary: bool = False  # held back to protect a smaller figure

    @property
    def held_back(self) -> bool:
        return self.figure.suppressed or self.secondary

    @property
    def shown(self) -> str:
        return SUPPRESSED_MARK if self.held_back else str(self.figure.count)


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    about: str
    rows: tuple[Row, ...]
    total: Row

    @property
    def any_held_back(self) -> bool:
        return any(c.held_back for r in (*self.rows, self.total) for c in r.cells)


def _cells(figures: Sequence[SafeFigure], held: set[int]) -> tuple[Cell, ...]:
    whole = figures[0]
    return tuple(
        Cell(
            f,
            None if i == 0 or 0 in held or i in held else share(f, whole),
            i in held and not f.suppressed,
        )
        for i, f in enumerate(figures)
    )


def held_cells(
    groups: Sequence[Sequence[SafeFigure]], total: Sequence[SafeFigure]
) -> list[set[int]]:
    """For each group, the columns whose figure is held back. A figure from fewer than 5
    families is; a row whose requests are held back has every outcome held back too (noughts
    included: "* requests, 0 assessed" would say that none of those few children was assessed,
    and a shown outcome could equal the held-back requests); and in each column where exactly
    one figure is held back, or only noughts are, the smallest other non-zero figure is held
    back too. Repeated until
    nothing changes, as each step can call for the other."""
    held: list[set[int]] = [
        {c for c, f in enumerate(figures) if f.suppressed} for figures in groups
    ]
    changed = True
    while changed:
        changed = False
        for row in held:
            if 0 in row and len(row) < len(total):
                row.update(range(len(total)))
                changed = True
        for column in range(len(total)):
            in_column = {i for i, row in enumerate(held) if column in row}
            parts = [figures[column] for figures in groups]
            for i in also_held(total[column], parts, in_column):
                held[i].add(column)
                changed = True
    return held


def table(
    *,
    key: str,
    title: str,
    about: str,
    groups: Sequence[tuple[str, Sequence[SafeFigure]]],
    total: Sequence[SafeFigure],
) -> Table:
    """A table of groups (each a label and one figure per column, in COLUMNS order) under a
    total row, with the figures held back as `held_cells` says. The complement rule applies
    whether or not the groups add up to the total: where they overlap (a child with two
    disabilities is in two rows), a shown total still narrows down a lone held-back figure."""
    held = held_cells([figures for _, figures in groups], total)
    rows = tuple(Row(label, _cells(figures, held[i])) for i, (label, figures) in enumerate(groups))
    return Table(key, title, about, rows, Row("All requests", _cells(total, set())))


def figures_of(counted: Mapping[str, int | None], prefix: str = "") -> tuple[SafeFigure, ...]:
    """One figure per column from a database row: `<prefix><key>` is the count and
    `<prefix><key>_f` the number of different families."""
    return tuple(
        SafeFigure(counted.get(f"{prefix}{c.key}") or 0, counted.get(f"{prefix}{c.key}_f") or 0)
        for c in COLUMNS
    )


def csv_rows(tables: Sequence[Table]) -> list[tuple[str, ...]]:
    """The tables as CSV rows under `csv_header()`: characteristic, group, then each column's
    figure (or the mark)."""
    out: list[tuple[str, ...]] = []
    for t in tables:
        for row in (*t.rows, t.total):
            out.append((t.title, row.label, *(cell.shown for cell in row.cells)))
    return out


def csv_header() -> tuple[str, ...]:
    return ("Characteristic", "Group", *(c.heading for c in COLUMNS))
