"""Plain-English checks: very long sentences, unexplained acronyms, and readability."""

from __future__ import annotations

import re
import warnings

from supportfirst.rules.language.text import Finding

LONG_SENTENCE_WORDS = 30

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"[\w'’-]+")
# The test that a capital does not follow a word character comes just after it, so the
# pattern begins with a capital and the engine skips quickly over small letters.
_ACRONYM = re.compile(r"([A-Z](?<![\w&-][A-Z])[A-Z0-9&]{1,7})(s?)(?![\w&-])")
# "Education, Health and Care plan (EHCP)": the short form in brackets after the words.
_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,7}?)s?\s*\)")
# "EHCP (Education, Health and Care plan)": the words in brackets after the short form.
_WORDS_AFTER = re.compile(r"([A-Z](?<![\w&-][A-Z])[A-Z0-9&]{1,7}?)s?\s*\(\s*([^()\n]{3,100})\)")
# A capitalised word next to another one is part of a heading or shouting, not an acronym.
_CAPITALS_BEFORE = re.compile(r"(?<![\w&-])[A-Z][A-Z0-9&]+[ \t]+$")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z][A-Z0-9&]+(?![\w&-])")

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
        "CD",
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
        "WiFi",
        "DIY",
        "ASAP",
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
        sentence = match.group(0)
        if sentence.count(" ") < LONG_SENTENCE_WORDS // 2:
            continue  # too few spaces to be long; saves counting words in most sentences
        words = _WORD.findall(sentence)
        if len(words) > LONG_SENTENCE_WORDS:
            start = match.start() + (len(sentence) - len(sentence.lstrip()))
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


def explained_acronyms(flat: str) -> dict[str, int]:
    """Each acronym the text explains, with where it is explained (the offset of the
    short form at that point)."""
    explained: dict[str, int] = {}
    for match in _IN_BRACKETS.finditer(flat):
        short = match.group(1)
        if sum(c.isupper() for c in short) >= 2:
            explained.setdefault(short, match.start(1))
    for match in _WORDS_AFTER.finditer(flat):
        if len(match.group(2).split()) >= 2:
            short = match.group(1)
            explained[short] = min(explained.get(short, match.start(1)), match.start(1))
    return explained


def acronym_findings(
    text: str,
    flat: str,
    explained: dict[str, int],
    seen: set[str] | None = None,
    begin: int = 0,
    stop: int | None = None,
) -> list[Finding]:
    """The first use of each acronym that is not explained at or before that use.

    For one window of a longer document: only uses in flat[begin:stop] count, and `seen`
    holds the acronyms used before them (it gains the ones used here)."""
    findings = []
    seen = set() if seen is None else seen
    last = len(flat) if stop is None else stop
    for match in _ACRONYM.finditer(flat):
        if match.start() < begin:
            continue
        if match.start() >= last:
            break
        acronym = match.group(1)
        if acronym in seen or acronym in WELL_KNOWN or not any(c.isalpha() for c in acronym):
            continue
        seen.add(acronym)
        start, end = match.span(1)
        if explained.get(acronym, len(flat)) <= start:
            continue
        if _CAPITALS_BEFORE.search(flat, max(0, start - 12), start) or _CAPITALS_AFTER.match(
            flat, end
        ):
            continue
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
    """Flesch reading ease (textstat): 60 or more is plain English for most adults; higher
    is easier. An empty text scores 100."""
    # Imported when a score is first asked for: textstat loads its dictionaries slowly, and
    # the command line (`supportfirst language check`) should start fast without one.
    # textstat 0.7.4 (pinned: its later scores differ) imports setuptools' deprecated
    # pkg_resources, which warns on standard error; the warning is about textstat, not the text.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
        import textstat

    if not text.strip():
        return 100.0
    return float(textstat.flesch_reading_ease(text))
