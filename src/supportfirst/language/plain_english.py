"""Plain-English checks: very long sentences, unexplained acronyms, and readability."""

from __future__ import annotations

import re

from supportfirst.language.text import Finding

LONG_SENTENCE_WORDS = 30

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_WORD = re.compile(r"[\w'’-]+")
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6})(s?)(?![\w-])")

# Known to almost everyone, so never flagged.
WELL_KNOWN = frozenset(
    {
        "UK",
        "NHS",
        "GP",
        "TV",
        "OK",
        "BBC",
        "DVD",
        "ID",
        "PE",
        "IT",
        "CV",
        "USB",
        "PC",
        "ICT",
        "AM",
        "PM",
        "MP",
        "A&E",
        "UN",
        "EU",
        "BSL",
        "ADHD",
        "PIN",
        "SMS",
        "URL",
        "PDF",
        "FAQ",
    }
)

LONG_EXPLANATION = (
    "This sentence is very long. Long sentences are hard to follow, especially for someone "
    "tired, stressed, or reading in a second language."
)
ACRONYM_EXPLANATION = (
    "Families may not know what this stands for. Write it in full the first time, with the "
    "short form after it in brackets, or just use the words."
)


def long_sentence_findings(text: str, flat: str) -> list[Finding]:
    findings = []
    for match in _SENTENCE.finditer(flat):
        words = _WORD.findall(match.group(0))
        if len(words) > LONG_SENTENCE_WORDS:
            start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            end = match.end()
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    text=text[start:end],
                    category="long-sentence",
                    rule="plain.long-sentence",
                    explanation=(
                        f"{LONG_EXPLANATION} It has {len(words)} words; aim for 25 or fewer."
                    ),
                    suggestions=("Split it into two or three shorter sentences.",),
                )
            )
    return findings


def _expanded(flat: str, acronym: str, before: int) -> bool:
    """Is the acronym explained at or before this point: "Words Like This (WLT)" or "WLT (...)"?"""
    if re.search(rf"\(\s*{re.escape(acronym)}s?\s*\)", flat[: before + len(acronym) + 4]):
        return True
    return bool(re.search(rf"(?<![\w-]){re.escape(acronym)}s?\s*\([^)]{{3,}}\)", flat))


def acronym_findings(text: str, flat: str) -> list[Finding]:
    findings = []
    seen: set[str] = set()
    for match in _ACRONYM.finditer(flat):
        acronym = match.group(1)
        if acronym in seen or acronym in WELL_KNOWN or not any(c.isalpha() for c in acronym):
            continue
        seen.add(acronym)
        if _expanded(flat, acronym, match.start()):
            continue
        start, end = match.span(1)
        findings.append(
            Finding(
                start=start,
                end=end,
                text=text[start:end],
                category="unexplained-acronym",
                rule="plain.unexplained-acronym",
                explanation=ACRONYM_EXPLANATION,
                suggestions=(f"Write what {acronym} stands for, then ({acronym}).",),
            )
        )
    return findings


def readability(text: str) -> float:
    """Flesch reading ease (textstat): 60 or more is plain English for most adults."""
    import textstat

    if not text.strip():
        return 100.0
    return float(textstat.flesch_reading_ease(text))
