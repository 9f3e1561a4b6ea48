"""The vocabulary: entries loaded from YAML (the shipped file, or a council's own additions)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SHIPPED = Path(__file__).with_name("vocabulary.yaml")

CATEGORIES = {
    "safeguarding-lens": "Safeguarding words in a support record",
    "parent-blame": "Words that blame or doubt parents",
    "parent-judgement": "Words that judge parents",
    "deficit-language": "Words that describe the child by deficits",
    "jargon": "System jargon",
    "long-sentence": "A very long sentence",
    "unexplained-acronym": "An acronym that is not explained",
}
RESPECTFUL_LANGUAGE = (
    "safeguarding-lens",
    "parent-blame",
    "parent-judgement",
    "deficit-language",
    "jargon",
)


class VocabularyError(ValueError):
    """An entry is not usable; the message says which and why."""


@dataclass(frozen=True)
class Entry:
    id: str
    category: str
    patterns: tuple[str, ...]
    explanation: str
    suggestions: tuple[str, ...]
    case_sensitive: bool = False
    unless_followed_by: str = ""
    follow_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


def entry_from(data: Mapping[str, Any], where: str = "") -> Entry:
    """Make one entry from its YAML (or database) form, checking every part."""
    place = f"{where}entry {data.get('id', '?')!r}"
    for key in ("id", "category", "patterns", "explanation", "suggestions"):
        if not data.get(key):
            raise VocabularyError(f"{place}: '{key}' is missing")
    if data["category"] not in RESPECTFUL_LANGUAGE:
        raise VocabularyError(f"{place}: category must be one of {', '.join(RESPECTFUL_LANGUAGE)}")
    patterns = tuple(str(p) for p in data["patterns"])
    for pattern in patterns:
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise VocabularyError(f"{place}: pattern {pattern!r} is not valid: {error}") from None
        if compiled.groups:
            raise VocabularyError(
                f"{place}: pattern {pattern!r} has a capturing group: use (?:...) instead"
            )
    follow = str(data.get("unless_followed_by") or "")
    return Entry(
        id=str(data["id"]),
        category=str(data["category"]),
        patterns=patterns,
        explanation=" ".join(str(data["explanation"]).split()),
        suggestions=tuple(str(s) for s in data["suggestions"]),
        case_sensitive=bool(data.get("case_sensitive", False)),
        unless_followed_by=follow,
        follow_pattern=re.compile(follow, re.IGNORECASE) if follow else None,
    )


def load(path: Path = SHIPPED) -> tuple[Entry, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return entries_from(raw, where=f"{path.name}: ")


def entries_from(raw: Iterable[Mapping[str, Any]], where: str = "") -> tuple[Entry, ...]:
    entries = tuple(entry_from(item, where) for item in raw)
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise VocabularyError(f"{where}entry {entry.id!r} appears twice")
        seen.add(entry.id)
    return entries


@cache
def shipped() -> tuple[Entry, ...]:
    return load()
