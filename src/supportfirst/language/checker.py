"""The checker: one compiled pattern for the whole vocabulary, plus the plain-English checks.

`check(text)` returns findings with character offsets into the text exactly as given, so a
page can underline the words and the command line can point at them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from supportfirst.language.plain_english import acronym_findings, long_sentence_findings
from supportfirst.language.text import Finding, normalise, quoted_spans, sentence_end
from supportfirst.language.vocabulary import Entry, shipped

_EDGE_BEFORE = r"(?<![\w'’-])"
_EDGE_AFTER = r"(?![\w-])"


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class _Compiled:
    """Two combined patterns: most entries match on a lower-cased copy of the text (much faster
    than asking the engine to ignore case); the few case-sensitive ones match the text as is."""

    insensitive: re.Pattern[str] | None
    sensitive: re.Pattern[str] | None
    entries: dict[str, Entry]


def _combined(parts: list[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    # The word-edge test comes first and once: at most positions (inside a word) it fails at
    # once, before any entry is tried. That is what makes one combined pattern fast.
    return re.compile(f"{_EDGE_BEFORE}(?:{'|'.join(parts)}){_EDGE_AFTER}")


def _compile(entries: Iterable[Entry]) -> _Compiled:
    insensitive, sensitive = [], []
    by_group: dict[str, Entry] = {}
    for number, entry in enumerate(entries):
        group = f"e{number}"
        by_group[group] = entry
        body = "|".join(f"(?:{p})" for p in sorted(entry.patterns, key=len, reverse=True))
        if entry.case_sensitive:
            sensitive.append(f"(?P<{group}>{body})")
        else:
            insensitive.append(f"(?P<{group}>{lower_pattern(body)})")
    return _Compiled(_combined(insensitive), _combined(sensitive), by_group)


def lower_pattern(pattern: str) -> str:
    """A case-insensitive pattern for lower-cased text: a capital letter class becomes a
    lower-case one; literal capitals (outside escapes) become lower case."""
    out = []
    escaped = False
    for char in pattern.replace("[A-Z]", "[a-z]"):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            out.append(char.lower() if "A" <= char <= "Z" else char)
    return "".join(out)


class Checker:
    """A checker for one vocabulary: the shipped entries plus any a council has added."""

    def __init__(self, entries: Iterable[Entry] | None = None, *, plain_english: bool = True):
        self.entries = tuple(shipped() if entries is None else entries)
        self.plain_english = plain_english
        self._compiled = _compile(self.entries)

    def check(self, text: str) -> list[Finding]:
        flat = normalise(text)
        quotes = quoted_spans(flat)
        findings = [f for f in self._vocabulary_findings(text, flat) if not _inside(f, quotes)]
        if self.plain_english:
            taken = [(f.start, f.end) for f in findings]
            findings += [
                f
                for f in acronym_findings(text, flat)
                if not _inside(f, quotes) and not _overlaps(f, taken)
            ]
            findings += long_sentence_findings(text, flat)
        return sorted(findings, key=lambda f: (f.start, f.end))

    def _vocabulary_findings(self, text: str, flat: str) -> list[Finding]:
        found = []
        lowered = flat.translate(_ASCII_LOWER)
        matches: list[re.Match[str]] = []
        if self._compiled.insensitive is not None:
            matches += self._compiled.insensitive.finditer(lowered)
        if self._compiled.sensitive is not None:
            matches += self._compiled.sensitive.finditer(flat)
        for match in matches:
            group = match.lastgroup
            assert group is not None
            entry = self._compiled.entries[group]
            start, end = match.span()
            if entry.follow_pattern is not None:
                rest = flat[end : sentence_end(flat, end)]
                if entry.follow_pattern.match(rest):
                    continue
            found.append(
                Finding(
                    start=start,
                    end=end,
                    text=text[start:end],
                    category=entry.category,
                    rule=entry.id,
                    explanation=entry.explanation,
                    suggestions=entry.suggestions,
                )
            )
        return _without_overlaps(found)


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """Where two findings overlap, keep the longer (the two passes can both match)."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def _inside(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(start <= finding.start and finding.end <= end for start, end in spans)


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(finding.start < end and start < finding.end for start, end in spans)


@cache
def default_checker() -> Checker:
    return Checker()


def check(text: str) -> list[Finding]:
    """Every finding in the text, with offsets into the text as given."""
    return default_checker().check(text)
