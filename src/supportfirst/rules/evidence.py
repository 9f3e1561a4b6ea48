"""Is a safeguarding proposal written as evidence? Plain Python, no Django import.

Evidence is what was seen or said, by whom and when. Words that judge ("difficult",
"untidy", "anxious") are opinions: a move to safeguarding must not rest on them alone, so each
one is flagged and the writer gives a reason for keeping it. Evidence is never refused for its
words: facts about harm must always be recordable. Words that describe what was seen or heard
("a dirty nappy", "aggressive to the nurse", "a bruise", "hungry", "shouting", "a smell of
urine") are facts, not opinions, and are not on the list. Words inside quotation marks are
someone's own words being reported, and are not counted.

This small list stands in until the respectful-language checker (issue 4) can be used here.
"""

from __future__ import annotations

import re

OPINION_WORDS = (
    "difficult",
    "untidy",
    "messy",
    "chaotic",
    "anxious",
    "over-anxious",
    "overanxious",
    "overprotective",
    "over-protective",
    "hostile",
    "uncooperative",
    "resistant",
    "demanding",
    "evasive",
    "manipulative",
    "disguised compliance",
    "lacks insight",
    "lack of insight",
    "poor home conditions",
    "home conditions",
    "concerns",
    "concerning",
    "worrying",
    "inappropriate",
    "unkempt",
    "neglectful",
    "not engaging",
    "non-engagement",
    "failed to engage",
)

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
_OPINION = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(OPINION_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def opinion_spans(text: str) -> list[tuple[int, int, str]]:
    """Where each judging word is in a piece of evidence, outside quotation marks: (start,
    end, the word in lower case), in order, the first time each word appears."""
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), text.replace("\u00a0", " "))
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for match in _OPINION.finditer(unquoted):
        word = match.group(1).lower()
        if word not in seen:
            seen.add(word)
            found.append((match.start(1), match.end(1), word))
    return found


def opinion_words(text: str) -> list[str]:
    """The judging words in a piece of evidence, outside quotation marks, in order, once each."""
    return [word for _, _, word in opinion_spans(text)]
