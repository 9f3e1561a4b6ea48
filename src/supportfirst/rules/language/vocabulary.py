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
PLAIN_ENGLISH = ("long-sentence", "unexplained-acronym")

_REQUIRED = ("id", "category", "patterns", "explanation", "suggestions")
_OPTIONAL = (
    "case_sensitive",
    "unless_followed_by",
    "unless_preceded_by",
    "only_when_preceded_by",
    "only_when_followed_by",
    "fine_in_family_account",
    "fine_when_negated",
)


class VocabularyError(ValueError):
    """An entry is not usable; the message says which and why."""


@dataclass(frozen=True)
class Entry:
    """One vocabulary entry. The patterns and context rules are regular expressions."""

    id: str
    category: str
    patterns: tuple[str, ...]
    explanation: str
    suggestions: tuple[str, ...]
    case_sensitive: bool = False
    unless_followed_by: str = ""
    unless_preceded_by: str = ""
    only_when_preceded_by: str = ""
    only_when_followed_by: str = ""
    fine_in_family_account: bool = False
    fine_when_negated: bool = False
    follow_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    preceded_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    required_before: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    required_after: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


def _check_pattern(place: str, pattern: str) -> None:
    try:
        # Compiled inside a group, as the combined pattern will use it.
        compiled = re.compile(f"(?:{pattern})")
    except re.error as error:
        raise VocabularyError(f"{place}: pattern {pattern!r} is not valid: {error}") from None
    if compiled.groups:
        raise VocabularyError(
            f"{place}: pattern {pattern!r} has a capturing group: use (?:...) instead"
        )
    if compiled.fullmatch(""):
        raise VocabularyError(f"{place}: pattern {pattern!r} matches nothing at all (empty)")


def _rule(place: str, key: str, data: Mapping[str, Any]) -> re.Pattern[str] | None:
    text = str(data.get(key) or "")
    if not text:
        return None
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as error:
        raise VocabularyError(f"{place}: '{key}' is not a valid pattern: {error}") from None


def entry_from(data: Mapping[str, Any], where: str = "") -> Entry:
    """Make one entry from its YAML (or database) form, checking every part."""
    place = f"{where}entry {data.get('id', '?')!r}"
    for key in _REQUIRED:
        if not data.get(key):
            raise VocabularyError(f"{place}: '{key}' is missing")
    unknown = sorted(set(data) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise VocabularyError(f"{place}: unknown key {unknown[0]!r}")
    if data["category"] not in RESPECTFUL_LANGUAGE:
        raise VocabularyError(f"{place}: category must be one of {', '.join(RESPECTFUL_LANGUAGE)}")
    if isinstance(data["patterns"], str) or isinstance(data["suggestions"], str):
        raise VocabularyError(f"{place}: 'patterns' and 'suggestions' must be lists")
    patterns = tuple(str(p) for p in data["patterns"])
    for pattern in patterns:
        _check_pattern(place, pattern)
    return Entry(
        id=str(data["id"]),
        category=str(data["category"]),
        patterns=patterns,
        explanation=" ".join(str(data["explanation"]).split()),
        suggestions=tuple(str(s) for s in data["suggestions"]),
        case_sensitive=bool(data.get("case_sensitive", False)),
        unless_followed_by=str(data.get("unless_followed_by") or ""),
        unless_preceded_by=str(data.get("unless_preceded_by") or ""),
        only_when_preceded_by=str(data.get("only_when_preceded_by") or ""),
        only_when_followed_by=str(data.get("only_when_followed_by") or ""),
        fine_in_family_account=bool(data.get("fine_in_family_account", False)),
        fine_when_negated=bool(data.get("fine_when_negated", False)),
        follow_pattern=_rule(place, "unless_followed_by", data),
        preceded_pattern=_rule(place, "unless_preceded_by", data),
        required_before=_rule(place, "only_when_preceded_by", data),
        required_after=_rule(place, "only_when_followed_by", data),
    )


def entries_from(raw: Iterable[Mapping[str, Any]], where: str = "") -> tuple[Entry, ...]:
    """Entries from their YAML (or database) form; every id must be different."""
    entries = tuple(entry_from(item, where) for item in raw)
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise VocabularyError(f"{where}entry {entry.id!r} appears twice")
        seen.add(entry.id)
    return entries


# libyaml's loader when PyYAML has it: the same result, ten times faster than the pure
# Python one (which is most of the time it takes to read the vocabulary).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path = SHIPPED) -> tuple[Entry, ...]:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or []
    return entries_from(raw, where=f"{path.name}: ")


@cache
def shipped() -> tuple[Entry, ...]:
    """The vocabulary that ships with Support First (vocabulary.yaml)."""
    return load()
