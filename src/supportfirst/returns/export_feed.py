"""The Department's children's social care data feed, written to a file for the command line.

It reads the same records as the census (``selectors.children_open_between``) and streams: one
batch of children at a time goes from the database to the file. A child whose record the
Department would refuse is left out, so the rest of their request can still go, and named with
what to fix. Nothing is sent over the network: the council sends the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from supportfirst.audit.services import log_command_line_export
from supportfirst.councils.models import Council
from supportfirst.returns import selectors
from supportfirst.returns.export import ExportRefused, write_chunks
from supportfirst.rules.returns import cin_census as census
from supportfirst.rules.returns import data_feed as feed


@dataclass
class FeedWritten:
    council: str
    children: int = 0
    left_out: int = 0
    problems: list[str] = field(default_factory=list)


def data_feed(*, la_code: str, start: dt.date, end: dt.date, output: str | None) -> FeedWritten:
    council = Council.objects.filter(la_code=la_code).first()
    if council is None:
        raise ExportRefused(f"No council has the LA code {la_code}.")
    if end < start:
        raise ExportRefused(f"The end, {end:%-d %B %Y}, is before the start, {start:%-d %B %Y}.")
    if not selectors.requests_open_between(council, start, end).exists():
        raise ExportRefused(
            f"{council.name} had no request for help open from {start:%-d %B %Y} "
            f"to {end:%-d %B %Y}: there is no one to put in the feed."
        )
    written = FeedWritten(council=council.name)

    def children() -> Iterator[census.CensusChild]:
        for child in selectors.children_open_between(council, start, end):
            found = feed.problems(child)
            if found:
                written.left_out += 1
                written.problems.extend(f"{p.child} ({p.la_child_id}): {p.what}" for p in found)
                continue
            written.children += 1
            yield child

    log_command_line_export(
        council_id=council.pk, record_id=f"data-feed:{start:%Y-%m-%d}:{end:%Y-%m-%d}"
    )
    write_chunks(feed.write_feed(children()), output)
    return written
