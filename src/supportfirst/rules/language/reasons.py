"""Whether a reason for keeping flagged words is a real one. Plain Python: no Django import.

    from supportfirst.rules.language.reasons import reason_problem
    reason_problem("x", "failed to engage")          # "... is too short ..."
    reason_problem("Quoting the parent's own words.", "failed to engage")   # None

A reason is a real one when it is at least a short sentence (MIN_WORDS words and
MIN_CHARACTERS characters), is more than the flagged words said again, and does not itself use
words that blame, doubt or label a family. Naming the flagged words inside quotation marks
("we kept “refused” because ...") is mentioning them, not using them, so that is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from supportfirst.rules.language.checker import check as shipped_check
from supportfirst.rules.language.context import quoted_spans
from supportfirst.rules.language.text import Finding
from supportfirst.rules.language.vocabulary import RESPECTFUL_LANGUAGE

MIN_WORDS = 4
MIN_CHARACTERS = 20

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(text.casefold())]


def _without(words: list[str], phrase: list[str]) -> tuple[list[str], bool]:
    """The words with every use of the phrase taken out, and whether it was there at all."""
    if not phrase:
        return words, False
    left: list[str] = []
    found = False
    index = 0
    while index < len(words):
        if words[index : index + len(phrase)] == phrase:
            found = True
            index += len(phrase)
        else:
            left.append(words[index])
            index += 1
    return left, found


def _blaming(reason: str, flagged: str, findings: Sequence[Finding]) -> list[str]:
    """The respectful-language findings in the reason, leaving out the flagged words themselves
    when the reason names them in quotation marks."""
    quotes = quoted_spans(reason)
    named = flagged.casefold().strip()
    found: list[str] = []
    for finding in findings:
        if finding.category not in RESPECTFUL_LANGUAGE:
            continue
        quoted = any(start <= finding.start and finding.end <= end for start, end in quotes)
        if quoted and finding.text.casefold().strip() == named:
            continue
        if finding.text not in found:
            found.append(finding.text)
    return found


def _quoted(words: Sequence[str]) -> str:
    return ", ".join(f"“{word}”" for word in words)


def reason_problem(
    reason: str,
    flagged: str,
    *,
    check: Callable[[str], Sequence[Finding]] = shipped_check,
) -> str | None:
    """What is wrong with a reason for keeping the flagged words, in plain English, or None
    when it is a real reason. `check` is the language checker to use (a council's own)."""
    text = (reason or "").strip()
    words = _words(text)
    rest, repeats = _without(words, _words(flagged))
    if repeats and len(rest) < MIN_WORDS:
        return (
            f"The reason for keeping “{flagged}” only repeats the words: say why they should "
            "stay, in a sentence"
        )
    if len(words) < MIN_WORDS or len(text) < MIN_CHARACTERS:
        return (
            f"The reason for keeping “{flagged}” is too short: write a sentence of at least "
            f"{MIN_WORDS} words saying why the words should stay"
        )
    blaming = _blaming(text, flagged, check(text))
    if blaming:
        return (
            f"The reason for keeping “{flagged}” itself uses words that can blame, doubt or "
            f"label a family ({_quoted(blaming)}): write it another way. To name the flagged "
            "words, put them in quotation marks"
        )
    return None
