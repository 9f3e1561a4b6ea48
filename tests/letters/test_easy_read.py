"""The easy-read letters: the law named briefly, one short sentence a line, no duty or power
sentence on a refused item, no doubled punctuation."""

from __future__ import annotations

import re

from supportfirst.letters import easy_read, rendering, services
from supportfirst.rules.criteria.evaluate import DUTY_SENTENCE, GENERAL_SENTENCE, POWER_SENTENCE
from tests.letters.factories import actor_for


def test_the_law_is_named_without_sections_and_once():
    assert (
        easy_read.law_named(
            [
                "Children Act 1989, section 17ZD",
                "Children Act 1989, Schedule 2, paragraph 6",
                "Breaks for Carers of Disabled Children Regulations 2011, regulation 3",
            ]
        )
        == "Children Act 1989 and Breaks for Carers of Disabled Children Regulations 2011"
    )
    assert (
        easy_read.law_named("Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)")
        == "Chronically Sick and Disabled Persons Act 1970"
    )


def test_a_reason_becomes_short_lines_without_the_duty_sentence():
    reason = (
        f"Sleep: not met. The criteria “Help” are met. {DUTY_SENTENCE} But this helps with "
        "play, friends and leisure, communication or learning and school, and no need that "
        f"counts is in those areas.. {POWER_SENTENCE} {GENERAL_SENTENCE}"
    )
    assert easy_read.lines(reason) == [
        "But this helps with play, friends and leisure, communication or learning and school.",
        "No need that counts is in those areas.",
    ]
    assert easy_read.without_end_stop("for any time.") == "for any time"
    assert easy_read.lines("We tell you separately (Children Act 1989, section 17ZF).") == [
        "We tell you separately."
    ]


def test_a_real_decision_in_easy_read_is_easy_to_read(db):
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for
    from tests.families.factories import family_with_everyone

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family, confirm=True)
    letter = services.letter_prepare(
        actor=actor_for(decision.made_by),
        family=family,
        kind="eligibility_decision",
        source=decision,
        variant="easy_read",
    )
    html = letter.render_html()
    text = rendering.plain_text(html)
    assert "This is a duty" not in text
    assert "This is a power" not in text
    assert "This is a general duty" not in text
    assert not re.search(r"section \d|Schedule \d|regulation \d", text)
    assert "The law: Children Act 1989 and Breaks for Carers" in text
    assert not re.search(r"[.:;,]\s*[.:]", re.sub(r"<[^>]+>", " ", html).replace("...", ""))
    for line in decision.final_services():
        assert (line.name in text) == (line.met or line.assessed)
    # Easier to read than the standard letter about the same decision, and above the council's
    # target (the score depends on the names in the letter, so no fixed figure).
    standard = services.letter_prepare(
        actor=actor_for(decision.made_by),
        family=family,
        kind="eligibility_decision",
        source=decision,
        variant="standard",
    )
    assert letter.reading_ease > standard.reading_ease
    assert letter.reading_ease >= family.council.letter_reading_ease_target


def test_the_easy_read_plan_promises_an_advocate_only_for_a_complaint(db):
    # Children Act 1989 s26A: the duty to arrange an advocate is for a child who complains.
    # Outside a complaint the child can ask for one; nothing promises they will have one.
    from tests.letters.test_golden import rendered

    html = rendered("support_plan", "easy_read")
    assert "can have an advocate at any time" not in html
    assert "<li>Sam can ask for an advocate at any time. Ask your worker.</li>" in html
    assert "<li>If Sam wants to complain, we must find them an advocate.</li>" in html


def test_the_plan_letter_asks_for_an_advocate_rather_than_promising_one(db):
    from tests.letters.test_golden import rendered

    html = rendered("support_plan", "standard")
    assert "To get an advocate for Sam" not in html
    assert "To ask for an advocate for Sam, at any time, tell your worker or ask us" in html
