"""Issue 18 point 9: three more families of judgement, and concerns that a sentence rules out.

- doubt cast on a parent's own account without a stated reason (category parent-blame);
- a child's behaviour or presentation put down to the home or to parenting (parent-blame);
- a parent's health or circumstances framed as damage to their parenting (parent-judgement);
- a sentence that rules a concern out ("there are no concerns about parenting") is not an
  accusation, and the family's own quoted words are never staff judgement.

Plain Python tests: no database.
"""

from __future__ import annotations

import pytest

from supportfirst.rules.language import RESPECTFUL_LANGUAGE, Checker, check, entries_from
from supportfirst.rules.language.vocabulary import VocabularyError


def rules(text: str) -> set[str]:
    return {f.rule for f in check(text) if f.category in RESPECTFUL_LANGUAGE}


def categories(text: str) -> set[str]:
    return {f.category for f in check(text) if f.category in RESPECTFUL_LANGUAGE}


DOUBT = [
    ("It is not known if what the family told us is accurate.", "doubt.unclear-whether"),
    ("The truthfulness of Dad's statement is uncertain.", "doubt.account-questioned"),
    ("We are not convinced that Leo needs overnight care.", "doubt.account-questioned"),
    (
        "According to Mum, who could not evidence this, Kai was excluded twice.",
        "doubt.not-evidenced",
    ),
    ("Dad says Eli cannot walk far, but this has not been verified.", "doubt.not-verified"),
    (
        "Mum was unable to provide any evidence of the admissions she described.",
        "doubt.not-evidenced",
    ),
    (
        "It is unclear whether the parents' account of Ruby's nights is accurate.",
        "doubt.unclear-whether",
    ),
    ("We cannot confirm whether what Mum told us is true.", "doubt.unclear-whether"),
    ("The accuracy of Grandma's account cannot be confirmed.", "doubt.account-questioned"),
    (
        "Mum's report of Theo's self-harm should be treated with caution.",
        "doubt.account-questioned",
    ),
    ("We have only Mum's word that the school sends Priya home early.", "doubt.account-questioned"),
    ("Dad's report that Bea never sleeps may not be reliable.", "doubt.account-doubted"),
    ("Whether Jacob really needs two carers at night is doubtful.", "doubt.account-questioned"),
    ("There is no evidence to support the family's version of events.", "doubt.no-support"),
    ("Mother claims that Isla has not slept since March.", "doubt.claims"),
    ("Father alleges that the driver shouted at Ben.", "doubt.claims"),
    ("Reportedly, Noah has four seizures a week.", "doubt.claims"),
]

HOME_CAUSE = [
    ("His outbursts are a direct result of the parents' separation.", "blame.home-cause"),
    ("Maya's weight loss is caused by the family's poor diet.", "blame.home-cause"),
    ("His behaviour is a result of inconsistent boundaries at home.", "blame.home-cause"),
    (
        "Mason's aggression at school is likely learned from what he sees at home.",
        "blame.home-cause",
    ),
    ("Zoe's anxiety appears to stem from Mum's own anxious parenting.", "blame.home-cause"),
    ("Luca's poor sleep is down to the parents letting him stay up late.", "blame.home-cause"),
    ("Amelia's speech delay may be due to limited stimulation at home.", "blame.home-cause"),
    ("Ellie's presentation suggests a lack of routine in the home.", "blame.home-cause"),
    ("The home environment is contributing to Sofia's difficulties.", "blame.home-blamed"),
    ("Parenting is the main driver of Freddie's behaviour.", "blame.home-blamed"),
    ("Dad's handling of bedtime is causing the sleep problems.", "blame.home-blamed"),
]

CIRCUMSTANCES = [
    ("Mum's low mood means she struggles to meet Ava's needs.", "judge.circumstances-blamed"),
    ("Dad's poor mental health has affected the children.", "judge.circumstances-blamed"),
    ("Mother's depression impacts her ability to parent.", "judge.circumstances-blamed"),
    (
        "Father's unemployment affects his capacity to meet Alfie's needs.",
        "judge.circumstances-blamed",
    ),
    ("Mum's mental health is having an impact on her parenting.", "judge.circumstances-blamed"),
    ("Dad's drinking affects the care he gives to Rosie.", "judge.circumstances-blamed"),
    (
        "The family's debts are undermining the care the children receive.",
        "judge.circumstances-blamed",
    ),
    (
        "Mother's learning difficulties mean she cannot understand Sam's needs.",
        "judge.circumstances-blamed",
    ),
    (
        "Because of her ADHD, Mum is too disorganised to manage Finn's appointments.",
        "judge.circumstances-because",
    ),
    ("Mum's anxiety is being passed on to the children.", "judge.circumstances-blamed"),
    ("Mum is emotionally unavailable to Leo.", "judge.emotionally-unavailable"),
]


@pytest.mark.parametrize(("sentence", "rule"), DOUBT)
def test_doubt_cast_on_a_parents_account_is_flagged(sentence, rule):
    assert rule in rules(sentence)
    assert "parent-blame" in categories(sentence)


@pytest.mark.parametrize(("sentence", "rule"), HOME_CAUSE)
def test_behaviour_put_down_to_the_home_is_flagged(sentence, rule):
    assert rule in rules(sentence)
    assert "parent-blame" in categories(sentence)


@pytest.mark.parametrize(("sentence", "rule"), CIRCUMSTANCES)
def test_circumstances_framed_as_damage_to_parenting_are_flagged(sentence, rule):
    assert rule in rules(sentence)
    assert "parent-judgement" in categories(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The same facts, written plainly: not flagged.
        "Mum told us that Isla has not slept through the night since March.",
        "Kai's mum told us he was excluded twice last term, and the school confirmed the dates.",
        "The family's account of the short breaks unit matches what the manager told us.",
        "It is unclear whether the hoist will be the right size for the bathroom.",
        "We could not confirm the date of the review because the office was closed.",
        "Mum asked whether Leo really needs to go to hospital for the blood test.",
        # A child's behaviour explained by something other than the home.
        "Leo's behaviour at home is harder when his reflux is bad.",
        "Ruby's distress is linked to her hearing loss.",
        "Sam's tiredness is due to his seizures at night.",
        "The occupational therapist thinks Sofia's distress comes from the noise in busy rooms.",
        "The new wheelchair has had a big impact on Leo's independence.",
        # A parent's circumstances, and what they mean in practice.
        "Mum has depression and would like a support worker on the school run on bad days.",
        "Mum's back pain means she can no longer lift Evie, so she asked for a hoist.",
        "Dad's back injury means he cannot carry Mia upstairs any more.",
        "Mum's health condition affects her ability to lift Leo, so a hoist would help.",
        "It is not clear whether the hoist is the correct one.",
        "This has not been confirmed by the panel yet.",
        "Ava's eczema is linked to the damp in the home, the GP says.",
        "The family's debts mean they cannot afford a second car for hospital trips.",
        "Dad works nights, so he asked for the reviews to be held in the afternoon.",
    ],
)
def test_plain_accounts_and_other_causes_are_not_flagged(sentence):
    assert categories(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "There are no concerns about parenting.",
        "We did not see any neglect.",
        "There is no evidence that the home is unsafe.",
        "No concerns were raised by the school about Ivy's care at home.",
        "There have been no safeguarding concerns since the family moved.",
        "We saw no signs of neglect.",
        "Ayla is not at risk of harm.",
        "There is no suggestion that the children are at risk.",
        "Neglect was ruled out by the paediatrician in 2024.",
        "Concerns about neglect were not substantiated.",
        "Nothing suggests that Ethan's behaviour is caused by his parenting.",
        "Reece's behaviour is not a result of anything happening at home.",
        "Mum's depression does not affect the care she gives Chloe.",
        "Mum's depression does not stop her meeting Ava's needs.",
        "There is no reason to doubt the parents' account.",
        "We found nothing to suggest that Dad's account was inaccurate.",
    ],
)
def test_a_concern_the_sentence_rules_out_gives_no_finding(sentence):
    assert categories(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        # Negations that do not rule the concern out.
        ("We cannot rule out neglect.", "safeguarding-lens"),
        ("There is no doubt that Tom is at risk of harm.", "safeguarding-lens"),
        (
            "Mum did not come to the meeting, and Leo is at risk of significant harm.",
            "safeguarding-lens",
        ),
        # The negation is the blame itself: still flagged.
        ("Dad did not engage with the service.", "parent-blame"),
        ("Mum has not followed the advice.", "parent-blame"),
        ("There are no boundaries at home.", "parent-blame"),
        # Inspecting a child's body is the lens, even when nothing was found.
        ("No marks or bruises were seen.", "safeguarding-lens"),
        # The same concern, not ruled out.
        ("There are concerns about parenting.", "safeguarding-lens"),
        ("We saw signs of neglect.", "safeguarding-lens"),
    ],
)
def test_negations_that_do_not_rule_a_concern_out_are_still_flagged(sentence, category):
    assert category in categories(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        'Mum said, "People think his behaviour is a result of bad parenting, not autism."',
        'Dad told us: "My depression affects my ability to parent on the worst days."',
        'Mum wrote, "Apparently I am neglecting him because I asked for help."',
        'Dad said "they claim I never turn up, but the letters go to the old address."',
        "Mum told us her depression affects how much she can do on bad days.",
    ],
)
def test_the_familys_own_words_are_not_staff_judgement(sentence):
    assert categories(sentence) == set()


def test_the_same_words_without_the_familys_quotation_marks_are_flagged():
    assert "parent-judgement" in categories("Dad's depression affects his ability to parent.")
    assert "parent-blame" in categories("His behaviour is a result of bad parenting.")


@pytest.mark.parametrize(
    "rule",
    [
        "doubt.account-questioned",
        "doubt.unclear-whether",
        "doubt.account-doubted",
        "doubt.not-evidenced",
        "doubt.not-verified",
        "doubt.no-support",
        "blame.home-cause",
        "blame.home-blamed",
        "judge.circumstances-blamed",
        "judge.circumstances-because",
        "judge.emotionally-unavailable",
        "lens.body-checks",
    ],
)
def test_each_new_entry_says_why_and_what_to_say_instead(rule):
    [entry] = [e for e in Checker().entries if e.id == rule]
    assert len(entry.explanation) > 80
    assert entry.suggestions
    assert all('"' in s and "for example" in s for s in entry.suggestions)


def test_findings_show_why_and_what_to_say_instead():
    findings = check("Mother's depression impacts her ability to parent.")
    [finding] = [f for f in findings if f.rule == "judge.circumstances-blamed"]
    assert finding.text == "impacts"
    assert "circumstances they did not choose" in finding.explanation
    assert finding.suggestions[0].startswith("Say what it means in practice")


def test_a_council_entry_can_say_it_is_fine_when_negated_or_only_when_followed_by():
    [entry] = entries_from(
        [
            {
                "id": "council.unkempt",
                "category": "safeguarding-lens",
                "patterns": ["looked\\s+unkempt"],
                "only_when_followed_by": "\\s+(?:at|during)\\b",
                "fine_when_negated": True,
                "explanation": "Says how the child looked.",
                "suggestions": ["Say what matters for the support."],
            }
        ]
    )
    checker = Checker(entries=[entry], plain_english=False)
    assert [f.rule for f in checker.check("Leo looked unkempt at the visit.")] == [
        "council.unkempt"
    ]
    assert checker.check("Leo looked unkempt.") == []
    assert checker.check("Leo never looked unkempt at the visit.") == []


def test_a_broken_only_when_followed_by_is_refused():
    with pytest.raises(VocabularyError, match="only_when_followed_by"):
        entries_from(
            [
                {
                    "id": "council.bad",
                    "category": "jargon",
                    "patterns": ["word"],
                    "only_when_followed_by": "(unclosed",
                    "explanation": "x",
                    "suggestions": ["y"],
                }
            ]
        )
