"""Making the words that come from a record easy to read: the law named briefly, one short
sentence on each line, no doubled full stops. Plain Python, used by the easy-read letters."""

from __future__ import annotations

import re
from collections.abc import Iterable

from supportfirst.rules.criteria.lawkinds import SERVICE_SENTENCES

# The sentences saying whether a service is a duty or a power: the easy-read letter says what
# the council will do instead, in its own words.
_DUTY_OR_POWER = re.compile(r"^This is a (duty|general duty|power)\b", re.IGNORECASE)
# "Sleep: met." / "Sleep: not met." repeat the yes or no the letter already gives.
_AREA_VERDICT = re.compile(r"^[^.]{1,60}: (not )?met\.$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_SECTION = re.compile(
    r",\s*\b(section|sections|schedule|regulation|regulations|paragraph|part|s\.)\s+\d.*$",
    re.IGNORECASE,
)
# "The criteria “…” are met." repeats the yes the letter already gives.
_CRITERIA_MET = re.compile(r"^The criteria “[^”]*” are met\.$")
# Where a long sentence splits into two short ones.
_JOIN = re.compile(r",? (?:and|but) (?=no |there |this |it |they |the )|; ")
LONG_SENTENCE_WORDS = 14
_BRACKETS = re.compile(r"\s*\([^)]*\)")
# "(Children Act 1989, section 17ZF)" inside a reason: the easy-read letter names no sections.
_BRACKETED_LAW = re.compile(r"\s*\([^()]*\b(?:Act|Regulations) \d{4}[^()]*\)")


def without_end_stop(text: str) -> str:
    """Text to put before our own punctuation: no full stop, colon or space at its end."""
    return re.sub(r"[\s.:;,!?]+$", "", text or "")


def law_named(citations: Iterable[str] | str) -> str:
    """The laws by name only: "Children Act 1989 and Chronically Sick and Disabled Persons
    Act 1970", without section numbers or notes."""
    items = citations.split(";") if isinstance(citations, str) else list(citations)
    names: list[str] = []
    for item in items:
        name = _BRACKETS.sub("", _SECTION.sub("", item)).strip(" .,;")
        if name and name not in names:
            names.append(name)
    return " and ".join(names)


def lines(text: str) -> list[str]:
    """A reason as short lines, one sentence each, without the duty or power sentence and
    without the area's name repeating the yes or no."""
    out = []
    text = text or ""
    for law_sentence in SERVICE_SENTENCES.values():
        text = text.replace(law_sentence, " ")
    text = _BRACKETED_LAW.sub("", text)
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        sentence = sentence.strip()
        if not sentence or any(
            rule.match(sentence) for rule in (_DUTY_OR_POWER, _AREA_VERDICT, _CRITERIA_MET)
        ):
            continue
        sentence = re.sub(r"([.!?:;,])\.+$", r"\1", sentence)
        out.extend(_shorter(sentence))
    return out


def _shorter(sentence: str) -> list[str]:
    """A long sentence as two or more short ones, where it joins two ideas."""
    if len(sentence.split()) <= LONG_SENTENCE_WORDS:
        return [sentence]
    parts = [part.strip(" ,") for part in _JOIN.split(sentence) if part.strip(" ,.")]
    if len(parts) == 1:
        return [sentence]
    out = []
    for part in parts:
        part = part[:1].upper() + part[1:]
        out.append(part if part[-1] in ".!?" else part + ".")
    return out
