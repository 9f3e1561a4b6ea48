"""`supportfirst export annex-a`: Ofsted's Annex A lists for a period, as one workbook or a CSV
file per list, written beside the target and renamed at the end (a failure never leaves half a
file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supportfirst.audit.services import log_command_line_export
from supportfirst.councils.models import Council
from supportfirst.returns import annex_a
from supportfirst.returns.export import ExportRefused
from supportfirst.rules.returns import annex_a as annex


@dataclass
class Written:
    council: str
    files: list[Path] = field(default_factory=list)
    rows: dict[int, int] = field(default_factory=dict)


def _replace(target: Path, write: Callable[[Path], None]) -> None:
    partial = target.with_name(f".{target.name}.partial")
    try:
        write(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def annex_a_lists(
    *, la_code: str, start: dt.date, end: dt.date, fmt: str, output: str | None
) -> Written:
    council = Council.objects.filter(la_code=la_code).first()
    if council is None:
        raise ExportRefused(f"No council has the LA code {la_code}.")
    if end < start:
        raise ExportRefused("The end of the period (--to) must be on or after its start (--from).")
    period = annex_a.Period(start, end)
    written = Written(council=council.name)
    if fmt == "xlsx":
        target = Path(output or annex_a.filename(council, period))
        if target.is_dir():
            target = target / annex_a.filename(council, period)

        def workbook(path: Path) -> None:
            with path.open("wb") as out:
                written.rows = annex_a.write_workbook(council, period, out)

        _log(council, period, fmt)
        _replace(target, workbook)
        written.files.append(target)
        return written
    folder = Path(output or ".")
    if folder.exists() and not folder.is_dir():
        raise ExportRefused("For CSV files, --output is a folder: one file is written per list.")
    folder.mkdir(parents=True, exist_ok=True)
    _log(council, period, fmt)
    for lst in annex.LISTS:
        target = folder / annex_a.filename(council, period, lst.number)
        written.rows[lst.number] = 0

        def counted(number: int) -> Iterator[Any]:
            for record in annex_a.RECORDS[number](council, period):
                written.rows[number] += 1
                yield record

        def csv_file(path: Path, number: int = lst.number) -> None:
            with path.open("w", encoding="utf-8", newline="") as out:
                out.writelines(annex.write_csv(annex.BY_NUMBER[number], counted(number), end))

        _replace(target, csv_file)
        written.files.append(target)
    return written


def _log(council: Council, period: annex_a.Period, what: str) -> None:
    log_command_line_export(
        council_id=council.pk,
        record_id=f"annex-a:{period.start:%Y-%m-%d}:{period.end:%Y-%m-%d}:{what}",
    )
