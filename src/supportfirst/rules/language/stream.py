"""Checking a text of any length in bounded windows, with line numbers and short excerpts.

`check_stream(pieces)` reads the text as it comes (pieces of any size, say 64 KB read from a
file) and yields each finding once, in order, with its line number, its column and a short
excerpt of its line. Time and memory grow with the window, not with the text: a 10 MB file
that is one single line needs no more memory than a 1 MB one.

Each window checks about `CHUNK` characters (its part), cut where a line ends, else where a
sentence ends outside a quotation, else at a space; `CONTEXT` characters either side are read
as context only, so that a finding at the edge of a part (and the context rules around it) are
seen as they would be in the whole text. The acronyms used and explained so far are carried
from window to window. A text no longer than one part is checked in one piece, exactly as
`check(text)` checks it. Line numbers are counted as the windows pass, never from the start.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from supportfirst.rules.language.checker import Checker, default_checker
from supportfirst.rules.language.context import LONGEST_QUOTE, quoted_spans
from supportfirst.rules.language.text import Finding

CHUNK = 1 << 20  # characters checked in one window
CONTEXT = 4096  # characters read either side of a window's part, as context only
AROUND = 40  # characters of the line shown either side of a finding
SHOWN = 120  # characters of a long finding (a very long sentence) shown in its excerpt
_SENTENCE_CUT = re.compile(r"[.!?;][ \t]")
_SPACES_TRIED = 1000


@dataclass(frozen=True)
class Located:
    """A finding (offsets into the whole text) with where it is and a short excerpt.

    `line` counts from 1 and `column` (characters into the line) from 0. `excerpt` is the
    finding with up to AROUND characters of its line either side, "…" where the line goes
    on; the finding begins at `excerpt_column` in it and `excerpt_width` of its characters
    are shown."""

    finding: Finding
    line: int
    column: int
    excerpt: str
    excerpt_column: int
    excerpt_width: int


class _Lines:
    """Line numbers counted once, as the text passes."""

    def __init__(self) -> None:
        self.number = 1
        self.start = 0  # where the current line begins in the whole text
        self.counted = 0  # the text before this is counted

    def advance(self, window: str, offset: int, to: int) -> None:
        """Count the lines up to `to` (offsets in the whole text; the window begins at
        `offset` and holds everything from `self.counted` to `to`)."""
        low, high = self.counted - offset, to - offset
        newlines = window.count("\n", low, high)
        if newlines:
            self.number += newlines
            self.start = offset + window.rfind("\n", low, high) + 1
        self.counted = max(self.counted, to)


def _excerpt(
    window: str, offset: int, line_start: int, start: int, end: int
) -> tuple[str, int, int]:
    """(excerpt, where the finding begins in it, how many of its characters it shows)."""
    line_at = line_start - offset
    shown_end = min(end, start + SHOWN)
    limit = min(len(window), shown_end + AROUND if shown_end == end else shown_end)
    left = max(line_at, start - AROUND, 0)
    newline = window.find("\n", start, limit)
    right = newline if newline != -1 else limit
    body = window[left:right]
    cut_short = newline == -1 and right < len(window) and window[right] not in "\r\n"
    if not cut_short:
        body = body.rstrip("\r")
    lead = "…" if left > line_at else ""
    column = start - left
    width = max(1, min(end - start, len(body) - column))
    return f"{lead}{body}{'…' if cut_short else ''}", column + len(lead), width


def _inside_quote(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    index = bisect.bisect_left(starts, at) - 1
    return index >= 0 and spans[index][1] > at


def _cut(buffer: str, begin: int, chunk: int) -> int:
    """Where the part that begins at `begin` should end: after a line, else after a
    sentence outside any quotation, else at a space outside any quotation, else anywhere."""
    low, high = begin + chunk // 2, begin + chunk
    newline = buffer.rfind("\n", low, high)
    if newline != -1:
        return newline + 1
    spans = quoted_spans(buffer, begin, min(len(buffer), high + LONGEST_QUOTE))
    starts = [start for start, _ in spans]
    for match in reversed(list(_SENTENCE_CUT.finditer(buffer, low, high))):
        if not _inside_quote(spans, starts, match.end()):
            return match.end()
    space = high
    for _ in range(_SPACES_TRIED):
        space = buffer.rfind(" ", low, space)
        if space == -1:
            break
        if not _inside_quote(spans, starts, space + 1):
            return space + 1
    return high


def check_stream(
    pieces: Iterable[str],
    checker: Checker | None = None,
    *,
    ascii_lower: bool = False,
    chunk: int = CHUNK,
    context: int = CONTEXT,
) -> Iterator[Located]:
    """Every finding in the text made of these pieces, once each, in order.

    `ascii_lower`: some capital in the text becomes two characters when made small (say
    so when it does, as `lower` would decide for the whole text at once)."""
    checker = checker or default_checker()
    source = iter(pieces)
    buffer = ""
    offset = 0  # where buffer[0] is in the whole text
    begin = 0  # where the next part begins, in the buffer
    finished = False
    seen: set[str] = set()
    explained: dict[str, int] = {}
    lines = _Lines()
    while True:
        wanted = begin + chunk + context + LONGEST_QUOTE
        if not finished and len(buffer) < wanted:
            gathered, size = [buffer], len(buffer)
            for piece in source:
                gathered.append(piece)
                size += len(piece)
                if size >= wanted:
                    break
            else:
                finished = True
            buffer = "".join(gathered)
            del gathered
        last = finished and len(buffer) - begin <= chunk
        stop = len(buffer) if last else _cut(buffer, begin, chunk)
        window = buffer if stop + context >= len(buffer) else buffer[: stop + context]
        for finding in checker.check_part(
            window,
            begin=begin,
            stop=stop,
            offset=offset,
            seen=seen,
            explained=explained,
            ascii_lower=ascii_lower,
        ):
            lines.advance(window, offset, offset + finding.start)
            excerpt, column, width = _excerpt(
                window, offset, lines.start, finding.start, finding.end
            )
            yield Located(
                finding=finding
                if not offset
                else Finding(
                    start=offset + finding.start,
                    end=offset + finding.end,
                    text=finding.text,
                    category=finding.category,
                    rule=finding.rule,
                    explanation=finding.explanation,
                    suggestions=finding.suggestions,
                ),
                line=lines.number,
                column=offset + finding.start - lines.start,
                excerpt=excerpt,
                excerpt_column=column,
                excerpt_width=width,
            )
        if last:
            return
        lines.advance(window, offset, offset + stop)
        keep = max(0, stop - context)
        buffer = buffer[keep:]
        offset += keep
        begin = stop - keep
