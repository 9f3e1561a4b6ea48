"""Opinion is not evidence: the rule that a safeguarding proposal cannot rest on judging words."""

import subprocess
import sys

import pytest

from supportfirst.rules.evidence import opinion_words


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The home was untidy and mum seemed anxious.", ["untidy", "anxious"]),
        ("Dad was DIFFICULT on the phone.", ["difficult"]),
        ("Mum was over-anxious about the visit.", ["over-anxious"]),
        ("There are concerns about the home conditions.", ["concerns", "home conditions"]),
    ],
)
def test_opinion_words_are_found(text, found):
    assert opinion_words(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Alfie told his teacher on Monday that his dad hit him with a belt.",
        "Ms Green saw a bruise the size of a 50p coin on Zara's left cheek at 9am.",
        # Reported words inside quotation marks are what someone said, not the writer's opinion.
        "Alfie said “I am anxious when Dad shouts” to Ms Green on 2 March.",
        'Mum said: "it\'s been difficult since the operation".',
    ],
)
def test_facts_and_quoted_words_pass(text):
    assert opinion_words(text) == []


def test_the_rule_imports_no_django():
    code = (
        "import supportfirst.rules.evidence, sys; "
        "assert not any(m.startswith('django') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "text",
    [
        "At 3pm the nurse found Zara in a dirty nappy.",
        "The father was aggressive to the nurse: he shouted and pushed her.",
        "Zara was hungry and had a bruise on her arm; there was a smell of urine.",
        "Shouting was heard from the flat at 11pm.",
    ],
)
def test_words_that_describe_what_was_seen_are_facts(text):
    assert opinion_words(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The home was chaotic.", ["chaotic"]),
        ("Mum lacks insight into the risk.", ["lacks insight"]),
        ("An untidy home.", ["untidy"]),
    ],
)
def test_real_opinions_stay_flagged(text, found):
    assert opinion_words(text) == found
