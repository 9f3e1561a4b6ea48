"""The combined pattern: rewriting patterns by their first character keeps their meaning."""

from __future__ import annotations

import re

import pytest

from supportfirst.rules.language.matcher import combine, lower_pattern, split_first
from supportfirst.rules.language.vocabulary import shipped


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        ("fail(?:s|ed|ing)?\\s+to", ["fail to", "fails to", "failed  to", "failing to"]),
        ("(?:over|hyper)[- ]?anxious", ["over-anxious", "overanxious", "hyper anxious"]),
        ("(?:the\\s+)?home\\s+conditions?", ["the home condition", "home conditions"]),
        ("[sz]?x+y", ["xy", "sxxy", "zxy"]),
        ("a|b(?:c|d)", ["a", "bc", "bd"]),
        ("\\.net|\\w+ing", [".net", "going"]),
        ("(?:a{2}|b)c", ["aac", "bc"]),
        ("r(?<!was\\sr)efused", ["refused"]),
    ],
)
def test_rewriting_by_first_character_matches_the_same_texts(pattern, texts):
    alternatives = split_first(f"(?:{pattern})")
    rebuilt = re.compile(
        "|".join(
            f"(?:{rest})" if first is None else f"{re.escape(first)}(?:{rest})"
            for first, rest in alternatives
        )
    )
    original = re.compile(pattern)
    for text in [*texts, "nothing", "fai", "ove-anxious", "b", "xz"]:
        assert bool(rebuilt.fullmatch(text)) == bool(original.fullmatch(text)), text


def test_the_combined_pattern_names_the_entry_that_matched():
    combined = combine([(0, "failed\\s+to"), (1, "refus(?:e|ed)"), (2, "failure")])
    assert combined is not None
    found = list(combined.find("she failed to come, refused the visit; a failure."))
    assert [owner for _, _, owner in found] == [0, 1, 2]


def test_of_two_matches_at_one_place_the_longer_wins():
    combined = combine([(0, "aggressive"), (1, "aggressive\\s+behaviour")])
    assert combined is not None
    [(start, end, owner)] = combined.find("aggressive behaviour")
    assert (start, end, owner) == (0, 20, 1)


def test_matches_begin_and_end_at_word_edges():
    combined = combine([(0, "refuse")])
    assert combined is not None
    assert list(combined.find("refusenik unrefuse re-refuse")) == []
    assert [m[:2] for m in combined.find("'refuse' and refuse.")] == [(1, 7), (13, 19)]


def test_every_shipped_pattern_can_be_combined():
    patterns = [
        (index, pattern if entry.case_sensitive else lower_pattern(pattern))
        for index, entry in enumerate(shipped())
        for pattern in entry.patterns
    ]
    assert combine(patterns) is not None


def test_lower_pattern_keeps_escapes():
    assert lower_pattern("CIN\\S+[A-Z]\\W") == "cin\\S+[a-z]\\W"
