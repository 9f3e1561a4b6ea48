"""The respectful-language checker: one test per category, offsets, context rules, plain English."""

from __future__ import annotations

import subprocess
import sys

import pytest

from supportfirst.language import (
    Checker,
    VocabularyError,
    check,
    entries_from,
    readability,
    shipped,
)


def categories(text: str) -> set[str]:
    return {f.category for f in check(text)}


@pytest.mark.parametrize(
    ("category", "flagged", "fine"),
    [
        (
            "safeguarding-lens",
            [
                "We assessed parenting capacity.",
                "Home conditions were poor.",
                "Zara was seen alone.",
            ],
            ["Zara's mum asked us to visit at home.", "The home has narrow doorways."],
        ),
        (
            "parent-blame",
            ["Mum failed to attend.", "Dad fails to give the medicine.", "Parents did not engage."],
            ["Mum could not attend because Alfie was unwell.", "Dad gives the medicine at 8pm."],
        ),
        (
            "parent-judgement",
            ["Mum is over-anxious.", "Dad is overly anxious.", "The parents were hostile."],
            ["Mum is worried about Isla near water.", "Dad asked us to explain the decision."],
        ),
        (
            "deficit-language",
            [
                "Oskar is wheelchair-bound.",
                "Oskar is wheelchair bound.",
                "Leo suffers from epilepsy.",
            ],
            ["Oskar uses a wheelchair.", "Leo has epilepsy and loves music."],
        ),
        (
            "jargon",
            [
                "The family do not meet the threshold.",
                "A CIN plan will follow.",
                "The care package ends.",
            ],
            ["We will write to you with our decision.", "A child in need plan will follow."],
        ),
    ],
)
def test_each_category(category, flagged, fine):
    for sentence in flagged:
        assert category in categories(sentence), sentence
    for sentence in fine:
        assert category not in categories(sentence), sentence


def test_offsets_map_back_to_the_exact_text():
    text = "Élodie’s mum\u00a0claims that Zoë “was fine”; Dad failed\u00a0to call."
    findings = check(text)
    assert [f.text for f in findings] == ["claims", "failed\u00a0to"]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text


def test_curly_apostrophes_are_understood():
    assert "safeguarding-lens" in categories("We spoke about the parents’ capacity to cope.")


def test_the_familys_own_quoted_words_are_not_flagged():
    assert check("Mum said “I refused because I was frightened”.") == []
    assert check('Dad said "we are struggling to cope".') == []
    assert "parent-blame" in categories("Mum refused because she was frightened.")


def test_concerns_are_flagged_only_when_unstated():
    assert "safeguarding-lens" in categories("There are concerns.")
    assert "safeguarding-lens" in categories("Concerns were raised by the school.")
    assert check("There are concerns about Alfie's sleep: he wakes four times a night.") == []


def test_inflections_and_hyphens():
    for sentence in ("Mum is failing to cope.", "Dad has failed to attend."):
        assert "parent-blame" in categories(sentence)
    assert "parent-judgement" in categories("Mum is over protective.")


def test_words_inside_longer_words_are_not_flagged():
    assert check("The refusenik cat, and a blackhandicap stamp.") == []


def test_unexplained_acronyms_are_flagged_once_and_explained_ones_not():
    findings = [
        f
        for f in check("The SENCO will call. The SENCO is kind.")
        if f.category == "unexplained-acronym"
    ]
    assert len(findings) == 1
    assert findings[0].text == "SENCO"
    explained = "The special educational needs coordinator (SENCO) will call. The SENCO is kind."
    assert not [f for f in check(explained) if f.category == "unexplained-acronym"]
    assert not [f for f in check("Call the NHS or your GP.") if f.category == "unexplained-acronym"]


def test_very_long_sentences_are_flagged():
    long = " ".join(["word"] * 40) + "."
    assert "long-sentence" in categories(long)
    assert "long-sentence" not in categories("A short sentence is fine.")


def test_readability_is_a_flesch_score():
    assert readability("Mum told us that Alfie wakes at night. He needs help.") > 60
    assert readability("") == 100.0


def test_a_council_can_add_its_own_entries():
    extra = entries_from(
        [
            {
                "id": "local.tier",
                "category": "jargon",
                "patterns": ["tier\\s+[1-4]"],
                "explanation": "Families do not know the tiers.",
                "suggestions": ["Say what help is on offer."],
            }
        ]
    )
    checker = Checker(shipped() + extra)
    assert [f.rule for f in checker.check("This is a tier 3 case.")] == ["local.tier"]
    assert check("This is a tier 3 case.") == []


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            {
                "id": "x",
                "category": "jargon",
                "patterns": ["("],
                "explanation": "e",
                "suggestions": ["s"],
            },
            "not valid",
        ),
        (
            {
                "id": "x",
                "category": "rude",
                "patterns": ["a"],
                "explanation": "e",
                "suggestions": ["s"],
            },
            "category",
        ),
        (
            {"id": "x", "category": "jargon", "patterns": ["a"], "explanation": "e"},
            "'suggestions' is missing",
        ),
        (
            {
                "id": "x",
                "category": "jargon",
                "patterns": ["(a)"],
                "explanation": "e",
                "suggestions": ["s"],
            },
            "capturing",
        ),
    ],
)
def test_bad_entries_are_refused_with_a_reason(entry, problem):
    with pytest.raises(VocabularyError, match=problem):
        entries_from([entry])


def test_every_shipped_entry_explains_and_suggests():
    for entry in shipped():
        assert entry.explanation.endswith((".", ")")), entry.id
        assert entry.suggestions, entry.id


def test_the_checker_imports_no_django():
    code = (
        "import supportfirst.language, supportfirst.language.cli, sys; "
        "assert not any(m.startswith('django') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
