"""The intrusion rule, in plain Python: one test per part."""

from __future__ import annotations

import pytest

from supportfirst.pathway.models import Intrusion
from supportfirst.rules import intrusion
from supportfirst.rules.intrusion import (
    INTRUSIVE_KINDS,
    REQUIRED_INTRUSION_FIELDS,
    intrusion_record_gaps,
    intrusions_for,
)

COMPLETE = {name: "Written down." for name in REQUIRED_INTRUSION_FIELDS}


def test_a_home_visit_is_an_intrusion_by_its_nature():
    assert intrusions_for("home_visit", []) == ["home_visit"]
    assert intrusions_for("home_visit", ["rooms"]) == ["home_visit", "rooms"]


def test_other_kinds_involve_only_what_was_ticked_once_each():
    assert intrusions_for("call", []) == []
    assert intrusions_for("meeting", ["child_alone", "child_alone", "sharing"]) == [
        "child_alone",
        "sharing",
    ]


def test_the_rules_words_are_the_pathways_intrusions():
    assert set(INTRUSIVE_KINDS.values()) <= set(Intrusion.values)


def test_a_complete_record_has_no_gaps():
    assert intrusion_record_gaps(COMPLETE) == {}


def test_each_missing_or_blank_part_is_named_in_plain_english():
    record = {**COMPLETE, "why_not_enough": "   "}
    del record["family_words"]
    assert intrusion_record_gaps(record) == {
        "why_not_enough": "Write why the less intrusive option is not enough",
        "family_words": "Write the family's view in their own words",
    }
    assert intrusion_record_gaps(None) == REQUIRED_INTRUSION_FIELDS


@pytest.mark.parametrize(
    ("place", "at_home"),
    [
        ("At home", True),
        ("Family home", True),
        ("at the family home", True),
        ("Claire's house", True),
        ("Mum's flat, 4 Mill Lane", True),
        ("Their home", True),
        ("Oak House short break centre", False),
        ("The children's home on Mill Lane", False),
        ("Riverside children's centre", False),
        ("", False),
    ],
)
def test_a_place_that_is_the_familys_home(place, at_home):
    assert intrusion.place_is_the_familys_home(place) is at_home
