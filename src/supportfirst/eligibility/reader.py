"""A decision's lines made true for the family member reading them.

The criteria write their reasons to a parent: "your child", "you" for the parent carer, "the
young carer" for a brother or sister. On a family page a young person reads them too, so for
that reader "your child" becomes the child's first name and help for a parent carer is told
about the parent carer, not to them. Brothers and sisters are named for every reader.
Plain Python, no Django import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

Line = TypeVar("Line")

PARENT_CARER = "parent_carer"
YOUNG_CARER = "young_carer"


@dataclass(frozen=True)
class Reader:
    """Who is reading, and the names that replace the parent's words."""

    young_person: bool
    child_name: str
    young_carer_names: tuple[str, ...] = ()


def _join(names: tuple[str, ...]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _young_carer(reader: Reader) -> str:
    return _join(reader.young_carer_names) or "your brother or sister"


def _sub(text: str, phrase: str, name: str) -> str:
    """Replace a phrase (either case of its first letter) with a name, whole words only."""
    pattern = rf"\b[{phrase[0].upper()}{phrase[0]}]{re.escape(phrase[1:])}\b"
    return re.sub(pattern, lambda _match: name, text)


def reword(text: str, reader: Reader) -> str:
    """The text with the words written for a parent made true for this reader."""
    if not text:
        return text
    young_carer = _young_carer(reader)
    if reader.young_carer_names:
        text = _sub(text, "the young carer's", f"{young_carer}'s")
        text = _sub(text, "the young carer", young_carer)
    if reader.young_person:
        child = reader.child_name
        text = _sub(text, "your disabled child's", f"{child}'s")
        text = _sub(text, "your disabled child", child)
        text = _sub(text, "your child's", f"{child}'s")
        text = _sub(text, "your child", child)
        text = _sub(text, "the young carer's", f"{young_carer}'s")
        text = _sub(text, "the young carer", young_carer)
    return text


PARENT_NOT_ASSESSED_FOR_YOUNG_PERSON = (
    "Your parents' or carers' own needs as parent carers were not part of this decision. If "
    "they have had an assessment of their own, we tell them those decisions separately. If "
    "not, they can ask for one at any time."
)


def parent_carer_text_for_young_person(assessed: bool) -> str:
    if not assessed:
        return PARENT_NOT_ASSESSED_FOR_YOUNG_PERSON
    return (
        "This help is for your parents or carers, for their own needs as parent carers. The "
        "reasons are written to them, and they can tell you more."
    )


def service_name(name: str, for_whom: str, reader: Reader) -> str:
    """A service's name: "A break for you" is, for a young person, a break for their parents."""
    if reader.young_person and for_whom == PARENT_CARER:
        return re.sub(r"\byou\b", "your parents or carers", name)
    return reword(name, reader)


def reword_line(line: Line, reader: Reader, person: str, assessed: bool = True) -> Line:
    """A ServiceLine or NeedLine (any dataclass with these fields) made true for the reader."""
    fields = {
        name: getattr(line, name)
        for name in ("reason", "what_would_change", "departure_reason", "plain_english")
        if hasattr(line, name)
    }
    if reader.young_person and person == PARENT_CARER:
        changed = {name: "" for name in fields}
        changed["reason"] = parent_carer_text_for_young_person(assessed)
        if "departure_reason" in fields:
            changed["departure_reason"] = changed["reason"]
    else:
        changed = {name: reword(value, reader) for name, value in fields.items()}
    if hasattr(line, "name"):
        changed["name"] = service_name(line.name, person, reader)
    return replace(line, **changed)  # type: ignore[type-var]
