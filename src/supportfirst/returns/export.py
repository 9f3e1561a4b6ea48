"""Writing a return to a file or standard output, for the command line. The census streams: one
batch of children at a time goes from the database to the file."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from supportfirst.audit.services import log_command_line_export
from supportfirst.councils.models import Council
from supportfirst.returns import selectors
from supportfirst.rules.returns import cin_census as census


class ExportRefused(Exception):
    pass


@dataclass
class Written:
    council: str
    children: int = 0
    problems: list[str] = field(default_factory=list)


def cin_census(*, la_code: str, year: int, output: str | None) -> Written:
    council = Council.objects.filter(la_code=la_code).first()
    if council is None:
        raise ExportRefused(f"No council has the LA code {la_code}.")
    if not 2000 <= year <= 2100:
        raise ExportRefused("The year is the year of the census date, for example 2026.")
    if not selectors.census_requests(council, year).exists():
        start, end = census.collection_start(year), census.reference_date(year)
        raise ExportRefused(
            f"{council.name} had no request for help open from {start:%-d %B %Y} "
            f"to {end:%-d %B %Y}: there is no one to put in the census."
        )
    written = Written(council=council.name)

    def children() -> Iterator[census.CensusChild]:
        for child in selectors.census_children(council, year):
            written.children += 1
            written.problems.extend(
                f"{p.child} ({p.la_child_id}): {p.what}" for p in census.problems(child, year)
            )
            yield child

    header = census.CensusHeader(year=year, la_code=council.la_code, made_at=timezone.localtime())
    log_command_line_export(council_id=council.pk, record_id=f"cin-census:{year}")
    write_chunks(census.write_census(header, children()), output)
    return written


def write_chunks(chunks: Iterable[str], output: str | None) -> None:
    """Write a return to standard output (no name, or "-"), straight to a device or a pipe, or to
    a file: written beside it and renamed at the end, so a failure never leaves half a return."""
    if output is None or output == "-":
        sys.stdout.writelines(chunks)
        return
    target = Path(output)
    if target.exists() and not target.is_file():
        with target.open("w", encoding="utf-8") as out:
            out.writelines(chunks)
        return
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            out.writelines(chunks)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
