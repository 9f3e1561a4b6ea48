"""Each checklist item on sentences that should meet it, fail it, or leave it unclear."""

from __future__ import annotations

import pytest

from supportfirst.rules.protocol.checklist import ITEM_IDS, ITEMS, MET, NOT_MET, UNCLEAR, item
from supportfirst.rules.protocol.documents import read_document


def judged(item_id: str, text: str) -> str:
    document = read_document(text.encode() + b"\n\nThis is a protocol for a test.", "t.txt")
    return item(item_id).judge(document).answer


CASES = {
    "distinct-pathway": (
        [
            "Disabled children have their own assessment pathway, separate from child protection.",
            "Where there are no concerns about harm, we follow a needs-led assessment for the"
            " disabled child.",
            "There is a distinct route for disabled children and their families.",
        ],
        [
            "All referrals are assessed using the same single assessment framework.",
            "Disabled children are assessed in the same way as every other child referred.",
        ],
    ),
    "no-routine-bedroom": (
        [
            "We do not routinely look at the child's bedroom.",
            "We will only see the bedroom if the family asks us to look at equipment there.",
        ],
        [
            "The child's bedroom must be seen on every visit.",
            "Workers should check the sleeping arrangements of all children.",
            "The social worker will always inspect the home conditions.",
        ],
    ),
    "no-routine-child-alone": (
        [
            "We never see a child alone as a matter of routine.",
            "We speak with the young person on their own only if they want to.",
        ],
        [
            "The child must be seen alone during every assessment.",
            "Workers will speak to the child without their parents at each visit.",
        ],
    ),
    "no-parenting-capacity": (
        [
            "We do not assess parenting capacity when a family asks for support.",
            "Parents are the experts on their child.",
        ],
        [
            "The assessment covers parenting capacity and family functioning.",
            "The worker judges each parent's ability to parent.",
        ],
    ),
    "co-produced": (
        [
            "This guidance was co-produced with parent carers.",
            "The protocol was written together with the parent carer forum.",
        ],
        [],
    ),
    "published-criteria": (
        [
            "Our eligibility criteria are published on the council's website.",
            "You can read the criteria at https://example.org/eligibility.",
        ],
        [],
    ),
    "parent-carer-assessment": (
        [
            "Every parent carer is offered a parent carer's needs assessment.",
            "We assess the parent carer's own needs under section 17ZD.",
        ],
        [],
    ),
    "young-carers": (
        [
            "Young carers are offered an assessment of their needs.",
            "We carry out an assessment under section 17ZA for brothers and sisters who care.",
        ],
        [],
    ),
    "direct-payments": (["You can ask for direct payments instead of services."], []),
    "assessor-training": (
        [
            "All assessors are trained in this protocol.",
            "Parent carers help to deliver the training.",
        ],
        [],
    ),
    "advocacy": (["Your child can have an independent advocate."], []),
    "complaints-route": (
        ["If you want to complain, the complaints procedure has three stages."],
        [],
    ),
}


def test_every_item_has_cases_here_or_in_the_multi_part_tests() -> None:
    assert set(CASES) | {"timescales", "short-breaks"} == set(ITEM_IDS)
    assert len(ITEM_IDS) == len(set(ITEM_IDS)) == 14


def test_every_item_has_a_message_and_a_reason() -> None:
    for checklist_item in ITEMS:
        assert checklist_item.message
        assert not checklist_item.message.endswith(".")
        assert checklist_item.why.endswith(".")


@pytest.mark.parametrize(
    ("item_id", "sentence"),
    [(i, s) for i, (meets, _) in CASES.items() for s in meets],
)
def test_a_sentence_that_meets_the_item(item_id: str, sentence: str) -> None:
    assert judged(item_id, sentence) == MET


@pytest.mark.parametrize(
    ("item_id", "sentence"),
    [(i, s) for i, (_, fails) in CASES.items() for s in fails],
)
def test_a_sentence_that_fails_the_item(item_id: str, sentence: str) -> None:
    assert judged(item_id, sentence) == NOT_MET


@pytest.mark.parametrize(
    ("item_id", "silent"),
    [
        ("distinct-pathway", NOT_MET),
        ("no-routine-bedroom", UNCLEAR),
        ("no-routine-child-alone", UNCLEAR),
        ("no-parenting-capacity", UNCLEAR),
        ("co-produced", NOT_MET),
        ("timescales", NOT_MET),
        ("short-breaks", NOT_MET),
        ("advocacy", NOT_MET),
    ],
)
def test_silence_means_what_the_item_says(item_id: str, silent: str) -> None:
    result = item(item_id).judge(
        read_document(b"We help families in our area every day of the week, all year round.", "t")
    )
    assert result.answer == silent
    assert result.evidence == ()
    assert result.explanation


def test_a_protocol_that_says_both_is_unclear_and_quotes_both() -> None:
    text = (
        "We do not routinely look at the bedroom.\n\nThe worker will check the bedroom on the "
        "visit."
    )
    result = item("no-routine-bedroom").judge(read_document(text.encode(), "t"))
    assert result.answer == UNCLEAR
    assert {e.found for e in result.evidence} == {"meets", "fails"}


def test_a_mention_alone_is_unclear() -> None:
    assert judged("published-criteria", "Eligibility is decided by the team manager.") == UNCLEAR
    assert judged("assessor-training", "Training is available for staff.") == UNCLEAR


def test_timescales_need_both_the_day_and_the_45_days() -> None:
    assert (
        judged("timescales", "We decide within one working day. We assess within 45 working days.")
        == MET
    )
    assert judged("timescales", "The assessment takes up to 45 working days.") == UNCLEAR
    assert judged("timescales", "We will be in touch soon.") == NOT_MET


def test_short_breaks_need_the_statement_too() -> None:
    assert (
        judged("short-breaks", "Short breaks are listed in our short breaks services statement.")
        == MET
    )
    assert judged("short-breaks", "Some families get short breaks.") == UNCLEAR


def test_evidence_quotes_the_sentence_and_its_place() -> None:
    text = "Page one text for the test.\fThe child must be seen alone at every visit."
    result = item("no-routine-child-alone").judge(read_document(text.encode(), "t"))
    assert result.answer == NOT_MET
    assert result.evidence[0].sentence == "The child must be seen alone at every visit."
    assert result.evidence[0].place == "page 2, paragraph 1"
