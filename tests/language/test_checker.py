"""The respectful-language checker: one test per category, offsets, context rules, plain English.

No database: these are plain Python tests.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from supportfirst.rules.language import (
    Checker,
    VocabularyError,
    check,
    entries_from,
    readability,
    shipped,
)


def categories(text: str) -> set[str]:
    return {f.category for f in check(text)}


CATEGORY_EXAMPLES = [
    (
        "safeguarding-lens",
        [
            "We assessed parenting capacity.",
            "Home conditions were poor.",
            "Zara was seen alone.",
            "The children's bedrooms were viewed.",
            "There are signs of disguised compliance.",
            "Risk factors include Dad's working hours.",
            "An unannounced visit was made.",
            "We observed the interaction between Mum and Jayden.",
            "The social worker saw the child alone to check she was safe.",
        ],
        [
            "Zara's mum asked us to visit at home.",
            "The home has narrow doorways.",
            "Zara told us she likes swimming, with her mum beside her.",
            "We met at a time the family chose, with a week's notice.",
        ],
    ),
    (
        "parent-blame",
        [
            "Mum failed to attend.",
            "Dad fails to give the medicine.",
            "Mum is failing to keep appointments.",
            "Parents did not engage.",
            "The family were non-engaging.",
            "Mum refused the visit.",
            "Dad lacks insight into Leo's needs.",
            "Mum struggles to manage Ryan's behaviour.",
            "Amir's bedtime shows poor routines.",
            "Mum claims Finn has not slept for days.",
            "The father alleged that the school lost the forms.",
            "Dad was evasive about his hours.",
            "Parents may be exaggerating Kofi's difficulties.",
        ],
        [
            "Mum could not attend because Alfie was unwell.",
            "Dad gives the medicine at 8pm.",
            "Mum told us Finn has not slept for days.",
            "Dad would like help to claim Disability Living Allowance.",
            "The council failed to reply in time, and we are sorry.",
            "Grace refuses most foods except pasta, so mealtimes take a long time.",
            "Leo refuses to take his medicine, so Mum crushes it into yoghurt.",
            "Leo failed to gain weight last year.",
        ],
    ),
    (
        "parent-judgement",
        [
            "Mum is over-anxious.",
            "Dad is overly anxious.",
            "Mum is over protective.",
            "The parents were hostile.",
            "Dad was aggressive towards professionals.",
            "Mum was uncooperative during the visit.",
            "The mother is very demanding of professionals.",
            "The parents have unrealistic expectations.",
            "Grandmother was resistant to our suggestions.",
        ],
        [
            "Mum is worried about Isla near water.",
            "Dad asked us to explain the decision.",
            "Mum has a demanding job as a nurse.",
            "Caring for Mila is physically demanding.",
            "Kai's epilepsy is resistant to two medicines.",
            "Leo is entitled to an assessment of his needs.",
            "The taxi driver was rude to Leo.",
        ],
    ),
    (
        "deficit-language",
        [
            "Oskar is wheelchair-bound.",
            "Oskar is wheelchair bound.",
            "Ama is confined to a wheelchair.",
            "Leo suffers from epilepsy.",
            "Chloe is a handicapped child.",
            "Leo has a mental age of four.",
            "Callum is low functioning.",
            "Ruby presents with challenging behaviour.",
            "Lily's condition is a burden on the family.",
            "The family would like more respite.",
        ],
        [
            "Oskar uses a wheelchair.",
            "Leo has epilepsy and loves music.",
            "Noah is autistic and loves trains.",
            "Ruby becomes distressed when her routine changes.",
            "The family would like a short break once a month.",
            "Leo has a high pain threshold, so he may not show when he is hurt.",
        ],
    ),
    (
        "jargon",
        [
            "The family do not meet the threshold.",
            "A CIN plan will follow.",
            "The care package ends.",
            "The case will be stepped down to early help.",
            "Assessment under s17 to be completed.",
            "Mila needs support to access the community.",
            "Holly is a service user.",
        ],
        [
            "We will write to you with our decision.",
            "A child in need plan will follow.",
            "A ramp over the back door threshold would help Zara.",
            "Mila would like to go swimming with a support worker.",
        ],
    ),
]


@pytest.mark.parametrize(("category", "flagged", "fine"), CATEGORY_EXAMPLES)
def test_each_category(category, flagged, fine):
    for sentence in flagged:
        assert category in categories(sentence), sentence
    for sentence in fine:
        assert category not in categories(sentence), sentence


def test_each_finding_explains_and_suggests():
    [finding] = check("Mum failed to attend.")
    assert finding.rule == "blame.failed-to"
    assert finding.explanation.startswith("“failed to” blames the family")
    assert finding.suggestions
    assert all(isinstance(s, str) for s in finding.suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "Élodie’s mum\u00a0claims that Zoë “was fine”; Dad failed\u00a0to call.",
        "Zoë’s dad is wheelchair\u2011bound? No: Zoë is. Mum is over\u2011anxious.",
        "Søren’s parents’ capacity to cope is not the question; Ærin is ‘wheelchair bound’.",
        "Crème brûlée for Noël. \u00a0\u00a0Dad refused\u202fthe visit.\r\nMum fails to call.",
        "👋🏽 Émile suffers from epilepsy 😀 and the CIN plan is late.",
    ],
)
def test_offsets_map_back_to_the_exact_text(text):
    findings = check(text)
    assert findings
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text


def test_offsets_with_curly_quotes_and_non_breaking_spaces():
    text = "Élodie’s mum\u00a0claims that Zoë “was fine”; Dad failed\u00a0to call."
    assert [f.text for f in check(text)] == ["claims", "failed\u00a0to"]


def test_curly_apostrophes_are_understood():
    assert "safeguarding-lens" in categories("We spoke about the parents’ capacity to cope.")
    assert "deficit-language" in categories("Harry is a Down’s syndrome child.")


def test_the_familys_own_quoted_words_are_not_flagged():
    assert check("Mum said “I refused because I was frightened”.") == []
    assert check('Dad said "we are struggling to cope".') == []
    assert check("Mum told us: ‘I can’t cope, I’m failing him’.") == []
    assert check("“I feel like I’m failing him,” Dad told us.") == []
    assert check('"We are at breaking point and need respite."') == []
    assert "parent-blame" in categories("Mum refused because she was frightened.")


def test_quotation_marks_that_are_not_the_familys_words_are_still_flagged():
    assert "parent-judgement" in categories('Dad was "hostile".')
    assert "parent-judgement" in categories("The school described Dad as “aggressive”.")
    assert "parent-judgement" in categories('The teacher said "Mum is very demanding".')
    assert "parent-judgement" in categories('Dad was described as "hostile".')


def test_the_familys_own_account_without_quotes():
    assert check("Mum told us she is struggling to cope at night.") == []
    assert check("Dad said the carer was rude to Leo.") == []
    assert check("Mum said the school refused to let Isaac go on the trip.") == []
    assert "parent-blame" in categories("The school said Mum failed to bring Zara.")
    assert "parent-blame" in categories("Told Mum she failed to apply in time.")
    # Doubting words are never the family's: "claims" is the writer's word.
    assert "parent-blame" in categories("Mum said that Dad claims he is fine.")


def test_concerns_are_flagged_only_when_unstated():
    for unstated in [
        "There are concerns.",
        "Concerns were raised by the school.",
        "The school has raised concerns.",
        "There are concerns about the family.",
        "Concerns have been raised.",
    ]:
        assert "safeguarding-lens" in categories(unstated), unstated
    for stated in [
        "There are concerns about Alfie's sleep: he wakes four times a night.",
        "Concerns about his sleep: he wakes 4 times a night.",
        "The school has concerns about Callum's safety at the bus stop, because he runs.",
        "Concerns were raised by the school about Ellie's weight.",
        "Mum is concerned that Leo is not eating at school.",
    ]:
        assert "safeguarding-lens" not in categories(stated), stated


def test_a_stated_purpose_makes_looking_at_a_room_fine():
    assert "safeguarding-lens" in categories("The worker looked at Ruby's bedroom.")
    with_purpose = (
        "With the family's agreement, the occupational therapist looked at Ruby's bedroom "
        "to plan a ceiling hoist."
    )
    assert "safeguarding-lens" not in categories(with_purpose)


def test_inflections_and_hyphens():
    for sentence in (
        "Mum is failing to cope.",
        "Dad has failed to attend.",
        "Mum fails to call.",
        "Failure to attend was noted.",
    ):
        assert "parent-blame" in categories(sentence), sentence
    for sentence in ("Mum is over protective.", "Mum is overprotective.", "Dad is over-anxious."):
        assert "parent-judgement" in categories(sentence), sentence
    for sentence in ("Oskar is wheelchair-bound.", "Oskar is wheelchairbound."):
        assert "deficit-language" in categories(sentence), sentence


def test_words_inside_longer_words_are_not_flagged():
    assert check("The refusenik cat, and a blackhandicap stamp; a life-threatening bus.") == []


def test_a_mixed_case_or_capitalised_word_is_found():
    assert "parent-blame" in categories("MUM FAILED TO ATTEND THE MEETING.")
    assert "parent-blame" in categories("Failed to attend.")


def test_unexplained_acronyms_are_flagged_once_and_explained_ones_not():
    findings = [
        f
        for f in check("The SENCO will call. The SENCO is kind.")
        if f.category == "unexplained-acronym"
    ]
    assert [f.text for f in findings] == ["SENCO"]
    explained = "The special educational needs coordinator (SENCO) will call. The SENCO is kind."
    assert not [f for f in check(explained) if f.category == "unexplained-acronym"]
    after = "The EHCP (Education, Health and Care plan) is late. The EHCP is in May."
    assert not [f for f in check(after) if f.category == "unexplained-acronym"]
    assert not [f for f in check("Call the NHS or your GP.") if f.category == "unexplained-acronym"]
    assert not [f for f in check("SUPPORT PLAN FOR ALFIE") if f.category == "unexplained-acronym"]


def test_an_acronym_explained_only_later_is_flagged_where_it_is_first_used():
    text = "The EHCP is late. Education, Health and Care plan (EHCP)."
    [finding] = [f for f in check(text) if f.category == "unexplained-acronym"]
    assert finding.start == text.index("EHCP")


def test_a_jargon_acronym_explained_on_first_use_is_not_flagged_later():
    text = "A child in need (CIN) plan will follow. The CIN plan has three parts."
    assert "jargon" not in categories(text)
    assert "jargon" in categories("The CIN plan has three parts.")


def test_very_long_sentences_are_flagged():
    long = " ".join(["word"] * 40) + "."
    [finding] = [f for f in check(long) if f.category == "long-sentence"]
    assert finding.text == long
    assert "long-sentence" not in categories("A short sentence is fine.")


def test_readability_is_a_flesch_score():
    assert readability("Mum told us that Alfie wakes at night. He needs help.") > 60
    assert (
        readability(
            "Notwithstanding the aforementioned considerations, the multidisciplinary "
            "determination necessitates comprehensive reconsideration."
        )
        < 30
    )
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
    as_dicts = Checker(
        extra=[
            {
                "id": "local.tier",
                "category": "jargon",
                "patterns": ["tier\\s+[1-4]"],
                "explanation": "Families do not know the tiers.",
                "suggestions": ["Say what help is on offer."],
            }
        ]
    )
    assert {f.rule for f in as_dicts.check("A tier 3 case; Mum failed to call.")} == {
        "local.tier",
        "blame.failed-to",
    }


def test_a_checker_can_leave_out_the_plain_english_checks():
    checker = Checker(plain_english=False)
    text = "The SENCO will call. " + " ".join(["word"] * 40) + "."
    assert checker.check(text) == []


ENTRY = {
    "id": "x",
    "category": "jargon",
    "patterns": ["a"],
    "explanation": "e",
    "suggestions": ["s"],
}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"patterns": ["("]}, "not valid"),
        ({"category": "rude"}, "category"),
        ({"suggestions": []}, "'suggestions' is missing"),
        ({"patterns": ["(a)"]}, "capturing"),
        ({"patterns": ["(?:a)?"]}, "empty"),
        ({"patterns": "a"}, "must be lists"),
        ({"unless_folowed_by": "x"}, "unknown key"),
        ({"unless_followed_by": "("}, "not a valid pattern"),
    ],
)
def test_bad_entries_are_refused_with_a_reason(change, problem):
    with pytest.raises(VocabularyError, match=problem):
        entries_from([ENTRY | change])


def test_the_same_id_twice_is_refused():
    with pytest.raises(VocabularyError, match="appears twice"):
        entries_from([ENTRY, ENTRY])


def test_every_shipped_entry_explains_and_suggests():
    entries = shipped()
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert entry.explanation.endswith((".", ")")), entry.id
        assert entry.suggestions, entry.id
        assert len(entry.explanation.split()) <= 70, entry.id


def test_no_pathological_slowness():
    """Long lines without full stops, stray quotation marks and capitals stay fast."""
    nasty = (
        ("word " * 5000)
        + ('"' + "x " * 3000)
        + ("'" + "y " * 3000)
        + ("ABC " * 3000)
        + ("concerns " * 2000)
        + ("\n" * 100)
    )
    started = time.perf_counter()
    check(nasty)
    assert time.perf_counter() - started < 3


def test_the_checker_imports_no_django():
    code = (
        "import sys, supportfirst.rules.language, supportfirst.rules.language.cli; "
        "from supportfirst.rules.language import check; check('Mum failed to attend.'); "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_module_of_the_package_imports_django():
    import ast
    from pathlib import Path

    import supportfirst.rules.language

    folder = Path(supportfirst.rules.language.__file__).parent
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(name.split(".")[0] == "django" for name in names), path.name


def test_a_section_named_in_full_after_its_act_is_not_jargon():
    # The rule's own suggestion: name the law in full where it matters.
    assert check("Support for children in need (Children Act 1989, section 17).") == []
    assert check("An overnight stay (Children Act 1989, section 20(4)).") == []
    assert [f.text for f in check("This is a section 17 case.")] == ["section 17"]
    assert [f.text for f in check("Under s17 we did this.")] == ["s17"]
