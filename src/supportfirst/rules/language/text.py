"""Text helpers: the Finding record, normalising without moving offsets, and sentences."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

# One character for one character, so offsets in the normalised text are offsets in the text.
_SAME_LENGTH = {
    "\u2019": "'",  # right single quotation mark, used as an apostrophe
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",  # prime, sometimes typed as an apostrophe
    "\u00a0": " ",  # non-breaking spaces
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",  # thin space
    "\u2010": "-",  # hyphens
    "\u2011": "-",
    "\u00ad": "-",  # soft hyphen
}


@dataclass(frozen=True)
class Finding:
    """Words the checker found: text[start:end] == finding.text in the text as given."""

    start: int
    end: int
    text: str
    category: str
    rule: str
    explanation: str
    suggestions: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data


def normalise(text: str) -> str:
    """The text with curly apostrophes, special spaces and hyphens made plain, same length."""
    if text.isascii():
        return text
    for special, plain in _SAME_LENGTH.items():
        if special in text:
            text = text.replace(special, plain)
    return text


def lower(text: str, *, ascii_only: bool = False) -> str:
    """The text in small letters, each character staying where it was."""
    if ascii_only:
        return text.translate(_ASCII_LOWER)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few capitals become two characters ("İ"); then only A-Z are made small.
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding `at` ends (a full stop, question or exclamation mark or
    semicolon before a space, or a line break)."""
    found = _SENTENCE_END.search(text, at)
    return found.start() if found else len(text)


def sentence_start(text: str, at: int, reach: int = 300) -> int:
    """Where the sentence holding `at` begins, looking back at most `reach` characters."""
    low = max(0, at - reach)
    start = text.rfind("\n", low, at) + 1
    for mark in (". ", "! ", "? ", "; ", ".\t"):
        found = text.rfind(mark, low, at)
        if found != -1:
            start = max(start, found + 1)
    return max(start, low)
