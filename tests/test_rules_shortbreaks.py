"""Short breaks by legal route (rules/shortbreaks.py): plain Python, no database."""

from __future__ import annotations

import pytest

from supportfirst.rules import shortbreaks
from supportfirst.rules.criteria import law
from supportfirst.rules.criteria.lawkinds import service_sentence


def test_help_at_home_is_the_csdpa_individual_duty():
    route = shortbreaks.ROUTES[shortbreaks.HOME]
    assert route.legal_basis == "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)"
    assert route.duty_or_power == "duty"
    assert route.family_words("Sam") == service_sentence("duty")


def test_activities_outside_the_home_are_the_csdpa_individual_duty():
    route = shortbreaks.ROUTES[shortbreaks.OUTSIDE]
    assert route.legal_basis == "Chronically Sick and Disabled Persons Act 1970, section 2(1)(c)"
    assert route.duty_or_power == "duty"


def test_an_overnight_stay_under_section_17_6_leaves_the_child_in_the_familys_care():
    route = shortbreaks.ROUTES[shortbreaks.S17]
    assert route.legal_basis == "Children Act 1989, section 17(1); Children Act 1989, section 17(6)"
    # Section 17 is a general duty: never told to a family as a mere power.
    assert route.duty_or_power == "general"
    assert not route.looked_after
    words = route.family_words("Sam")
    assert "section 17(6)" in words
    assert "does not look after Sam in law" in words


def test_an_overnight_stay_under_section_20_4_makes_the_child_looked_after():
    route = shortbreaks.ROUTES[shortbreaks.S20]
    assert route.legal_basis == "Children Act 1989, section 20(4)"
    assert route.duty_or_power == "power"
    assert route.looked_after
    words = route.family_words("Sam")
    assert "Sam is “looked after” by the council while away from home" in words
    assert "You keep parental responsibility for Sam" in words
    assert "regulation 48" in words


def test_every_route_cites_only_the_catalogue():
    for route in shortbreaks.ROUTES.values():
        for entry in route.laws:
            assert law.by_key(entry.key) is entry
            assert entry.is_service_basis


@pytest.mark.parametrize(
    ("basis", "for_carer", "needed"),
    [
        (
            "Children Act 1989, Schedule 2, paragraph 6; Breaks for Carers of Disabled Children "
            "Regulations 2011, regulation 4",
            False,
            True,
        ),
        ("Children Act 1989, Schedule 2, paragraph 6", False, True),
        ("Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)", False, False),
        ("Children Act 1989, section 17(1); Children Act 1989, section 17(3)", True, False),
        (
            "Children Act 1989, section 17(3); Children Act 1989, Schedule 2, paragraph 6",
            True,
            False,
        ),
    ],
)
def test_which_services_must_name_a_route(basis, for_carer, needed):
    assert shortbreaks.needs_route(basis, for_carer=for_carer) is needed


def test_the_short_break_modifications_are_in_the_catalogue():
    entry = law.find(law.CARE_PLANNING_REGS, "regulation 48")
    assert entry is not None
    assert not entry.is_service_basis
