"""A reason for keeping flagged words must be a real one: a sentence, more than the words said
again, and itself free of blaming words. No database: plain Python tests."""

from __future__ import annotations

import subprocess
import sys

from supportfirst.rules.language import Checker
from supportfirst.rules.language.reasons import reason_problem


def test_x_is_refused_as_too_short():
    assert reason_problem("x", "failed to engage") == (
        "The reason for keeping “failed to engage” is too short: write a sentence of at least "
        "4 words saying why the words should stay"
    )


def test_three_words_or_a_few_letters_are_too_short():
    assert "too short" in reason_problem("quoting the parent", "refused")
    assert "too short" in reason_problem("a b c d e", "refused")


def test_the_flagged_words_themselves_are_refused_as_a_repeat():
    assert reason_problem("failed to engage", "failed to engage") == (
        "The reason for keeping “failed to engage” only repeats the words: say why they should "
        "stay, in a sentence"
    )
    again = reason_problem("Failed to engage, failed to engage!", "failed to engage")
    assert "only repeats" in again
    assert "only repeats" in reason_problem("“Refused” yes refused", "refused")


def test_a_reason_that_itself_blames_is_refused_and_names_the_words():
    problem = reason_problem("Because Mum is hostile and always lies to us.", "refused")
    assert problem is not None
    assert problem.startswith("The reason for keeping “refused” itself uses words that can blame")
    assert "“hostile”" in problem


def test_using_the_flagged_words_again_in_the_reason_is_blaming():
    problem = reason_problem("Mum failed to engage with the club all year.", "failed to engage")
    assert problem is not None
    assert "“failed to engage”" in problem
    assert "itself uses words" in problem


def test_naming_the_flagged_words_in_quotation_marks_is_allowed():
    assert (
        reason_problem(
            "We kept “failed to engage” because the hospital letter says it.", "failed to engage"
        )
        is None
    )


def test_a_real_sentence_is_accepted():
    assert reason_problem("Quoting the parent's own words.", "refused") is None
    assert reason_problem("  Quoting what Dad told the school.  ", "claims") is None


def test_a_councils_own_checker_is_used():
    council = Checker(
        extra=[
            {
                "id": "council.tier",
                "category": "jargon",
                "patterns": ["tier 3"],
                "explanation": "Our own jargon.",
                "suggestions": ["say what help is given"],
            }
        ]
    )
    reason = "This is a tier 3 case for the team."
    assert reason_problem(reason, "refused") is None
    assert "“tier 3”" in reason_problem(reason, "refused", check=council.check)


def test_the_rule_needs_no_django():
    code = "import sys, supportfirst.rules.language.reasons; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
