"""Text helpers: the Finding record, normalising without moving offsets, quotes, sentences."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

# One character for one character, so offsets in the normalised text are offsets in the text.
_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, used as an apostrophe
        "\u2018": "'",
        "\u02bc": "'",
        "\u00a0": " ",  # non-breaking space
        "\u202f": " ",
        "\u2007": " ",
        "\u2010": "-",  # hyphens and dashes
        "\u2011": "-",
    }
)


@dataclass(frozen=True)
class Finding:
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
    return text.translate(_SAME_LENGTH)


# Quoted words: in double quotes (straight or curly), or in single quotes that are not
# apostrophes (checked on the normalised text, where curly single quotes are straight).
_QUOTED = re.compile(
    r"\"[^\"\n]{1,2000}\"|“[^”\n]{1,2000}”|(?<![\w])'(?=\S)[^'\n]{1,2000}(?<=\S)'(?![\w])"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone's own words. Works on the original or normalised text,
    but the curly single quotes are only told apart from apostrophes in the original."""
    return [m.span() for m in _QUOTED.finditer(text)]


_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")


def sentence_end(text: str, at: int) -> int:
    found = _SENTENCE_END.search(text, at)
    return found.start() if found else len(text)
