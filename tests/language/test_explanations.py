"""Every explanation names the words actually flagged (issue 18 point 7): "inconsistent
parenting" was explained as "Poor routines". Each rule's explanation is tried on words made
from the rule's own patterns."""

import itertools
import re

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

import pytest

from supportfirst.rules.language import Checker, check, shipped

_CHOICES = 3  # alternatives tried at each branch


def _samples(parsed, limit: int = 12) -> list[str]:
    """A few strings the parsed pattern matches (lookarounds left out)."""
    results = [""]
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            options = [chr(arg)]
        elif name == "NOT_LITERAL":
            options = ["a" if chr(arg) != "a" else "b"]
        elif name == "IN":
            options = _in(arg)
        elif name == "ANY":
            options = ["a"]
        elif name == "BRANCH":
            options = [s for branch in arg[1][:_CHOICES] for s in _samples(branch, 2)]
        elif name == "SUBPATTERN":
            options = _samples(arg[-1], limit)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, inner = arg
            count = max(low, 0)
            inner_samples = _samples(inner, 2) or [""]
            options = ["".join([inner_samples[0]] * count)]
            if count == 0 and low == 0:
                options.append("")
        elif name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
            options = [""]
        else:
            options = [""]
        results = [a + b for a, b in itertools.product(results, options or [""])][:limit]
    return results


def _in(items) -> list[str]:
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return [chr(arg)]
        if name == "RANGE":
            return [chr(arg[0])]
        if name == "CATEGORY":
            return [" " if "SPACE" in str(arg) and "NOT" not in str(arg) else "a"]
    return ["a"]


def _rule_samples(entry) -> list[str]:
    found = []
    for pattern in entry.patterns:
        for sample in _samples(sre_parse.parse(pattern, re.IGNORECASE)):
            if sample.strip():
                found.append(" ".join(sample.split()))
    return found


ENTRIES = shipped()


def test_every_shipped_explanation_says_where_the_flagged_words_go():
    assert [e.id for e in ENTRIES if "{words}" not in e.explanation] == []


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_the_explanation_of_a_finding_names_its_own_matched_words(entry):
    checker = Checker(entries=[entry], plain_english=False)
    named = 0
    for sample in _rule_samples(entry):
        for finding in checker.check(f"We wrote: {sample}."):
            assert f"“{' '.join(finding.text.split())}”" in finding.explanation, (
                entry.id,
                finding.text,
                finding.explanation,
            )
            assert "{words}" not in finding.explanation
            named += 1
    # Most rules match words made from their own patterns; the few whose context rules need
    # more of the sentence are covered by the examples below.
    if entry.id in CONTEXT_NEEDED:
        text = CONTEXT_NEEDED[entry.id]
        findings = [f for f in checker.check(text) if f.rule == entry.id]
        assert findings, (entry.id, text)
        for finding in findings:
            assert f"“{finding.text}”" in finding.explanation
        named += len(findings)
    assert named, f"no words made from {entry.id}'s patterns were flagged: add an example"


CONTEXT_NEEDED: dict[str, str] = {
    "blame.lacks-skills": "Mum lacks the skills to meet his needs.",
    "blame.struggles-to-cope": "Mum struggles to cope with Leo.",
    "blame.parent-must-change": "Dad needs to set firmer boundaries.",
    "blame.poor-at": "Mum is poor at keeping appointments.",
    "doubt.minimising": "Dad minimised the incident.",
    "doubt.account-doubted": "Mum's account may not be accurate.",
    "doubt.unclear-whether": "It is unclear whether Mum's account is true.",
    "doubt.not-evidenced": "Mum could not evidence that he wakes at night.",
    "doubt.not-verified": "Mum said he wakes at night but this has not been verified.",
    "blame.home-cause": "His behaviour is due to inconsistent boundaries at home.",
    "blame.home-blamed": "The chaotic home causes his behaviour.",
    "judge.labels": "Mum is very demanding.",
    "judge.circumstances-blamed": "Mum's depression affects her parenting.",
    "judge.circumstances-because": "Because of her mental health, Mum is unable to care for him.",
}


def test_inconsistent_parenting_is_explained_as_itself_not_as_poor_routines():
    [finding] = [f for f in check("There is inconsistent parenting at home.") if f.rule]
    assert finding.text == "inconsistent parenting"
    assert "“inconsistent parenting”" in finding.explanation
    assert "poor routines" not in finding.explanation.lower()


def test_a_council_explanation_may_name_the_flagged_words_too():
    checker = Checker(
        extra=[
            {
                "id": "tier",
                "category": "jargon",
                "patterns": [r"tier\s+[0-9]"],
                "explanation": "{words} is our own jargon.",
                "suggestions": ["Say what help it means."],
            }
        ]
    )
    [finding] = checker.check("This is a Tier 3 case.")
    assert finding.explanation == "Tier 3 is our own jargon."
