"""Which intrusions do a contact's notes describe? Plain Python, one test per part."""

from __future__ import annotations

import pytest

from supportfirst.rules.intrusion import (
    Described,
    intrusions_described,
    intrusions_not_covered,
)


def kinds(notes: str) -> list[str]:
    return [d.intrusion for d in intrusions_described(notes)]


@pytest.mark.parametrize(
    "notes",
    [
        "Amir was seen alone in the garden.",
        "I spoke with Amir without his parents.",
        "Saw Amir on his own for ten minutes.",
    ],
)
def test_seeing_the_child_without_a_parent_is_described(notes):
    assert kinds(notes) == ["child_alone"]


@pytest.mark.parametrize(
    "notes",
    [
        "The bedroom was checked.",
        "We looked round the house before we left.",
        "Home conditions were good.",
        "The kitchen was untidy.",
    ],
)
def test_looking_at_rooms_or_home_conditions_is_described(notes):
    assert kinds(notes) == ["rooms"]


def test_words_the_language_checker_accepts_still_describe_an_intrusion():
    # "with Mum's agreement" makes the wording fine; it is still looking at a room.
    assert kinds("With Mum's agreement we looked at his bedroom.") == ["rooms"]


@pytest.mark.parametrize(
    "notes",
    [
        "We asked the school how Leo manages at lunchtime.",
        "I rang Leo's GP about his sleep.",
        "We checked with the police.",
    ],
)
def test_asking_someone_else_is_described(notes):
    assert kinds(notes) == ["third_party"]


def test_sharing_information_is_described():
    assert kinds("We shared the assessment with his school.") == ["sharing"]


@pytest.mark.parametrize(
    "notes",
    [
        "We did not look at the bedroom.",
        "No one saw Amir alone.",
        "We have not asked the school.",
        "We didn't check the bedrooms.",
        "We met at the café instead of looking round the house.",
    ],
)
def test_negated_intrusions_are_not_described(notes):
    assert kinds(notes) == []


def test_a_negation_in_one_sentence_does_not_cover_the_next():
    assert kinds("We did not look at the bedroom. We looked at the kitchen cupboards.") == ["rooms"]


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (
            "Mum was not happy, but Amir was seen alone and the bedroom was checked.",
            ["child_alone", "rooms"],
        ),
        ("With no fuss, Amir was seen alone.", ["child_alone"]),
        ("There were no concerns and the bedroom was checked.", ["rooms"]),
        ("Amir wasn't at school, so we called the school.", ["third_party"]),
        ("Did not stay long: looked in Amir's bedroom.", ["rooms"]),
    ],
)
def test_a_negation_in_an_earlier_clause_does_not_hide_an_intrusion(notes, expected):
    assert kinds(notes) == expected


def test_what_the_family_did_or_said_is_not_our_intrusion():
    assert kinds("Mum asked the school for a meeting.") == []
    assert kinds("Mum said “you looked at his bedroom last time”.") == []


def test_ordinary_notes_describe_nothing():
    assert kinds("Met at the café. Amir showed us his picture cards with his mum beside him.") == []
    assert kinds("Amir is at risk of missing school because the taxi is late.") == []


def test_each_intrusion_once_with_the_words_that_describe_it_first():
    found = intrusions_described("The bedroom was checked. Later the bedroom was checked again.")
    assert found == [Described("rooms", "bedroom was checked")]


def test_only_what_the_record_does_not_cover_is_left():
    notes = "Amir was seen alone. The bedroom was checked."
    assert [d.intrusion for d in intrusions_not_covered(notes, ["child_alone"])] == ["rooms"]
    assert intrusions_not_covered(notes, ["child_alone", "rooms"]) == []
