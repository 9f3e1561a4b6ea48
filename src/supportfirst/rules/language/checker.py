"""The checker: one compiled pattern for the whole vocabulary, context rules, plain English.

`check(text)` returns findings with character offsets into the text exactly as given, so a
page can underline the words and the command line can point at them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from supportfirst.rules.language.context import FamilyQuotes, in_family_account, ruled_out
from supportfirst.rules.language.matcher import Combined, combine, lower_pattern
from supportfirst.rules.language.plain_english import (
    acronym_findings,
    explained_acronyms,
    long_sentence_findings,
)
from supportfirst.rules.language.text import Finding, lower, normalise, sentence_end, sentence_start
from supportfirst.rules.language.vocabulary import Entry, entry_from, shipped

EntryLike = Entry | Mapping[str, Any]
WORDS = "{words}"
"""In an entry's explanation, where the words flagged go."""


def _as_entries(items: Iterable[EntryLike]) -> tuple[Entry, ...]:
    """Entries as given, with any in their YAML form (dicts) checked and built."""
    return tuple(item if isinstance(item, Entry) else entry_from(item) for item in items)


class Checker:
    """A checker for one vocabulary, compiled once.

    Checker() uses the shipped vocabulary. Checker(entries=...) uses exactly the entries
    given (for a council: `shipped() + its own`); Checker(extra=...) adds entries to the
    shipped ones. Entries may be Entry objects or their YAML form (dicts)."""

    def __init__(
        self,
        entries: Iterable[EntryLike] | None = None,
        *,
        extra: Iterable[EntryLike] = (),
        plain_english: bool = True,
    ):
        base = shipped() if entries is None else _as_entries(entries)
        self.entries: tuple[Entry, ...] = base + _as_entries(extra)
        self.plain_english = plain_english
        self._insensitive: Combined | None = combine(
            [
                (index, lower_pattern(pattern))
                for index, entry in enumerate(self.entries)
                if not entry.case_sensitive
                for pattern in entry.patterns
            ]
        )
        self._sensitive: Combined | None = combine(
            [
                (index, pattern)
                for index, entry in enumerate(self.entries)
                if entry.case_sensitive
                for pattern in entry.patterns
            ]
        )

    def check(self, text: str) -> list[Finding]:
        """Every finding in the text, in order, with offsets into the text as given."""
        return self.check_part(text)

    def check_part(
        self,
        text: str,
        *,
        begin: int = 0,
        stop: int | None = None,
        offset: int = 0,
        seen: set[str] | None = None,
        explained: dict[str, int] | None = None,
        ascii_lower: bool = False,
    ) -> list[Finding]:
        """The findings beginning in text[begin:stop], where the text is one window of a
        longer document that begins `offset` characters into it (`stream.check_stream`); the
        text around that part is read only as context. Offsets stay those of the window.

        `seen` holds the acronyms the document used before this part, and `explained` the
        acronyms it explained before it (with their offsets in the document); both gain
        those of this part. `ascii_lower`: make only A-Z small, as `lower` does for a whole
        document in which some capital becomes two characters."""
        flat = normalise(text)
        low = lower(flat, ascii_only=ascii_lower)
        quotes = FamilyQuotes(text, low)
        here = explained_acronyms(flat)
        if explained is None:
            explained = {}
        if begin or stop is not None or explained:
            # Explanations in the context before the part were counted by an earlier window.
            end_of_part = len(text) if stop is None else stop
            for short, at in here.items():
                if begin <= at < end_of_part:
                    explained[short] = min(explained.get(short, offset + at), offset + at)
            here = {short: at - offset for short, at in explained.items()}
        else:
            explained.update(here)
        end = len(text) if stop is None else stop
        findings = self._vocabulary_findings(text, flat, low, quotes, here)
        if self.plain_english:
            starts = [f.start for f in findings]
            findings += [
                f
                for f in acronym_findings(text, flat, here, seen, begin, end)
                if not quotes.hold(f.start, f.end) and not _overlaps(f, findings, starts)
            ]
            findings += long_sentence_findings(text, flat)
        if begin or stop is not None:
            findings = [f for f in findings if begin <= f.start < end]
        return sorted(findings, key=lambda f: (f.start, f.end))

    def _vocabulary_findings(
        self,
        text: str,
        flat: str,
        low: str,
        quotes: FamilyQuotes,
        explained: dict[str, int],
    ) -> list[Finding]:
        found = []
        for combined, searched in ((self._insensitive, low), (self._sensitive, flat)):
            if combined is not None:
                found += [
                    self._finding(text, start, end, self.entries[index])
                    for start, end, index in self._accepted(
                        combined, searched, low, quotes, explained
                    )
                ]
        return _without_overlaps(found)

    def _accepted(
        self,
        combined: Combined,
        searched: str,
        low: str,
        quotes: FamilyQuotes,
        explained: dict[str, int],
    ) -> Iterator[tuple[int, int, int]]:
        """The matches the context rules keep. When they excuse a match, another entry may
        still match at the same place ("challenging behaviour" when "challenging" alone
        was excused), and a shorter match may begin inside it."""

        def fine(start: int, end: int, index: int) -> bool:
            entry = self.entries[index]
            if entry.case_sensitive and _explained_before(searched[start:end], start, explained):
                return False  # an acronym the text has already explained
            return not _excused(entry, low, start, end, quotes)

        pos = 0
        while (match := combined.search(searched, pos)) is not None:
            start, end, index = match
            if fine(start, end, index):
                yield match
                pos = end
                continue
            second = next((m for m in combined.others_at(searched, start, index) if fine(*m)), None)
            if second is not None:
                yield second
                pos = second[1]
            else:
                pos = start + 1

    @staticmethod
    def _finding(text: str, start: int, end: int, entry: Entry) -> Finding:
        return Finding(
            start=start,
            end=end,
            text=text[start:end],
            category=entry.category,
            rule=entry.id,
            explanation=naming(entry.explanation, text[start:end]),
            suggestions=entry.suggestions,
        )


def naming(explanation: str, words: str) -> str:
    """The explanation with `{words}` made the words actually flagged, so it never names other
    words than the ones the writer used ("inconsistent parenting", not "poor routines")."""
    return explanation.replace(WORDS, " ".join(words.split()))


def _excused(entry: Entry, low: str, start: int, end: int, quotes: FamilyQuotes) -> bool:
    """Do the context rules say these words are fine here?"""
    if quotes.hold(start, end):
        return True
    if entry.follow_pattern is not None or entry.required_after is not None:
        stop = sentence_end(low, end)
        if entry.follow_pattern is not None and entry.follow_pattern.match(low, end, stop):
            return True
        if entry.required_after is not None and not entry.required_after.match(low, end, stop):
            return True
    if entry.preceded_pattern is not None or entry.required_before is not None:
        before = low[sentence_start(low, start) : start]
        if entry.preceded_pattern is not None and entry.preceded_pattern.search(before):
            return True
        if entry.required_before is not None and not entry.required_before.search(before):
            return True
    if entry.fine_when_negated and ruled_out(low, start, end):
        return True
    return entry.fine_in_family_account and in_family_account(low, start)


def _explained_before(words: str, start: int, explained: dict[str, int]) -> bool:
    short = words[:-1] if words.endswith("s") else words
    return min(explained.get(words, start + 1), explained.get(short, start + 1)) <= start


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Where two findings overlap (the two passes can both match), keep the longer."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def _overlaps(finding: Finding, others: list[Finding], starts: list[int]) -> bool:
    """Does the finding overlap one of the others (sorted by `starts`, not overlapping)?"""
    index = bisect.bisect_right(starts, finding.start) - 1
    return any(
        other.start < finding.end and finding.start < other.end
        for other in others[max(0, index) : index + 2]
    )


@cache
def default_checker() -> Checker:
    """The checker for the shipped vocabulary, built once."""
    return Checker()


def check(text: str) -> list[Finding]:
    """Every finding in the text, with offsets into the text as given."""
    return default_checker().check(text)
