"""Is a safeguarding proposal written as evidence? Plain Python, no Django import.

Evidence is what was seen or said, by whom and when. Words that judge ("difficult",
"untidy", "anxious") are opinions: a move to safeguarding cannot rest on them. Words inside
quotation marks are someone's own words being reported, and are not counted.

This small list stands in until the respectful-language checker (issue 4) can be used here.
"""

from __future__ import annotations

import re

OPINION_WORDS = (
    "difficult",
    "untidy",
    "messy",
    "dirty",
    "chaotic",
    "anxious",
    "over-anxious",
    "overanxious",
    "overprotective",
    "over-protective",
    "hostile",
    "aggressive",
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


def opinion_words(text: str) -> list[str]:
    """The judging words in a piece of evidence, outside quotation marks, in order, once each."""
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), text.replace("\u00a0", " "))
    found: list[str] = []
    for match in _OPINION.finditer(unquoted):
        word = match.group(1).lower()
        if word not in found:
            found.append(word)
    return found
