"""Anonymous figures that are safe to publish: plain Python, no Django.

A figure made up from fewer than SMALLEST_FIGURE families is not shown (it reads "fewer than 5
families"), so that nobody can work out what happened to one family. The count that decides is
the number of different families behind the figure, not the number of records: three requests
from one family are one family.

A figure downloaded as CSV must not be run as a formula when it is opened in a spreadsheet: a
cell that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SMALLEST_FIGURE = 5
SUPPRESSED = f"fewer than {SMALLEST_FIGURE} families"
SUPPRESSED_MARK = "*"
"""What a suppressed cell holds in a table or a CSV download; the page and the file say why."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_suppressed(families: int) -> bool:
    """Whether a figure made up from this many different families must be held back. A figure
    from no family at all is a true nought and is shown."""
    return 0 < families < SMALLEST_FIGURE


@dataclass(frozen=True)
class SafeFigure:
    """A count, and how many different families it is made up from."""

    count: int
    families: int

    @property
    def suppressed(self) -> bool:
        return is_suppressed(self.families)

    @property
    def value(self) -> int | None:
        """The count, or None when it is held back."""
        return None if self.suppressed else self.count

    @property
    def shown(self) -> str:
        return SUPPRESSED if self.suppressed else str(self.count)

    @property
    def cell(self) -> str:
        """For a table or a CSV file: the count, or the mark for a held-back figure."""
        return SUPPRESSED_MARK if self.suppressed else str(self.count)


def share(part: SafeFigure, whole: SafeFigure) -> int | None:
    """The part as a whole-number percentage of the whole, or None when either is held back
    (a percentage of a held-back figure would give it away) or the whole is nought."""
    if part.suppressed or whole.suppressed or not whole.count:
        return None
    return round(part.count * 100 / whole.count)


def neutralise(cell: object) -> str:
    """A cell that a spreadsheet would not run: text starting = + - @ (or a tab or carriage
    return) gets a leading apostrophe. Everything else is written as it is."""
    text = "" if cell is None else str(cell)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_text(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A CSV file (with a header row) in which every cell is neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in header])
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return out.getvalue()
