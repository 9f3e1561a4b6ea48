"""The criteria file loader's rules for the law (legal basis, duty or power, laws cited together)
and for needs-led wording that never excludes a diagnosis."""

from __future__ import annotations

import pytest

from supportfirst.rules.criteria import load_text
from tests.criteria.loader_helpers import only, problems_after, text_of, valid

# --- the law --------------------------------------------------------------------------------


@pytest.mark.parametrize("legal_basis", [None, []])
def test_rule_every_service_has_a_legal_basis(legal_basis):
    def change(d):
        if legal_basis is None:
            d["services"][1].pop("legal_basis")
        else:
            d["services"][1]["legal_basis"] = legal_basis

    problems = problems_after(change)
    if legal_basis is None:
        assert only(problems, "services[1]").message == "A service needs the field “legal_basis”."
    else:
        assert "at least one legal basis" in only(problems, "services[1].legal_basis").message


def test_rule_legal_basis_comes_from_the_catalogue():
    problems = problems_after(
        lambda d: d["services"][1].update(
            {"legal_basis": [{"act": "Mental Health Act 1983", "section": "117"}]}
        )
    )
    message = only(problems, "services[1].legal_basis[0]").message
    assert "Mental Health Act 1983, section 117" in message
    assert "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a) to (h)" in message


@pytest.mark.parametrize("section", ["2(1)(a)", "s2(1)(a)", "section 2(1)(a)", "s. 2 (1) (a)"])
def test_rule_legal_basis_accepts_usual_ways_of_writing_a_section(section):
    data = valid()
    data["services"][0]["legal_basis"][0]["section"] = section
    criteria_set = load_text(text_of(data), "test.yaml")
    basis = criteria_set.services[0].legal_basis[0]
    assert basis.section == "2(1)(a)"
    assert "practical help in the home" in basis.note


@pytest.mark.parametrize(
    ("legal_basis", "claimed", "expected"),
    [
        (
            [{"act": "Chronically Sick and Disabled Persons Act 1970", "section": "2(1)(e)"}],
            "power",
            "gives a duty to the child",
        ),
        ([{"act": "Children Act 1989", "section": "17(1)"}], "duty", "gives a general duty"),
        ([{"act": "Children Act 1989", "section": "17(1)"}], "power", "gives a general duty"),
        (
            [
                {"act": "Children Act 1989", "section": "Schedule 2, paragraph 6"},
                {
                    "act": "Breaks for Carers of Disabled Children Regulations 2011",
                    "section": "regulation 4",
                },
            ],
            "duty",
            "gives a general duty",
        ),
        ([{"act": "Children Act 1989", "section": "20(4)"}], "general", "gives a power"),
    ],
)
def test_rule_duty_or_power_matches_the_law(legal_basis, claimed, expected):
    problems = problems_after(
        lambda d: d["services"][1].update({"legal_basis": legal_basis, "duty_or_power": claimed})
    )
    assert expected in only(problems, "services[1].duty_or_power").message


def test_rule_duty_or_power_values():
    problems = problems_after(lambda d: d["services"][1].update({"duty_or_power": "maybe"}))
    assert "duty, general, power" in only(problems, "services[1].duty_or_power").message


@pytest.mark.parametrize(
    ("cited", "needed"),
    [
        (
            {
                "act": "Breaks for Carers of Disabled Children Regulations 2011",
                "section": "regulation 3",
            },
            "Schedule 2, paragraph 6",
        ),
        ({"act": "Children Act 1989", "section": "17(6)"}, "section 17(1)"),
    ],
)
def test_rule_some_laws_are_cited_together(cited, needed):
    problems = problems_after(lambda d: d["services"][1].update({"legal_basis": [cited]}))
    message = only(problems, "services[1].legal_basis").message
    assert "must be cited together with" in message
    assert needed in message


@pytest.mark.parametrize(
    ("section", "kind"),
    [("17ZD", "duty to assess"), ("17ZA", "duty to assess"), ("17ZF", "duty to decide")],
)
def test_rule_a_duty_to_assess_or_decide_is_never_the_basis_of_a_service(section, kind):
    problems = problems_after(
        lambda d: d["services"][1].update(
            {"legal_basis": [{"act": "Children Act 1989", "section": section}]}
        )
    )
    message = only(problems, "services[1].legal_basis[0]").message
    assert f"Children Act 1989, section {section} is a {kind}" in message
    assert "section 17(1) and 17(3)" in message


@pytest.mark.parametrize(
    "cited",
    [
        {"act": "Children Act 1989", "section": "17A"},
        {
            "act": "Community Care, Services for Carers and Children's Services (Direct "
            "Payments) (England) Regulations 2009"
        },
    ],
)
def test_rule_a_direct_payment_is_not_a_service(cited):
    problems = problems_after(lambda d: d["services"][1].update({"legal_basis": [cited]}))
    message = only(problems, "services[1].legal_basis[0]").message
    assert "a way of receiving a service that has been agreed, not a service" in message


def test_rule_the_law_fits_the_person():
    def change(d):
        d["criteria"].append(
            {
                "id": "carer",
                "title": "You",
                "plain_english": "Your needs.",
                "for_whom": "parent_carer",
                "outcomes_needed": 1,
            }
        )
        d["services"][0]["criterion"] = "carer"
        d["services"][0]["for_whom"] = "parent_carer"
        d["services"][0].pop("areas")

    problems = problems_after(change)
    assert (
        "not a law for services to a parent carer"
        in only(problems, "services[0].legal_basis").message
    )


# --- needs-led, not diagnosis-led -----------------------------------------------------------


EXCLUDING = [
    "Not available to children with ADHD or autism.",
    "This service excludes autism.",
    "Only for children with a physical disability.",
    "Your child must have a diagnosis.",
    "A formal diagnosis is required.",
    "Children with autism are not eligible.",
    "Excluding children with a learning disability.",
    "Requires a diagnosis from a paediatrician.",
    "Children with ADHD cannot get short breaks.",
    "No diagnosis, no service.",
]


@pytest.mark.parametrize("wording", EXCLUDING)
def test_rule_a_criterion_may_not_exclude_a_diagnosis(wording):
    problems = problems_after(lambda d: d["criteria"][0].update({"plain_english": wording}))
    message = only(problems, "criteria[0].plain_english").message
    assert "needs-led, not diagnosis-led" in message
    assert "diagnosis or condition" in message


@pytest.mark.parametrize(
    ("field", "path"),
    [
        (lambda d: d["services"][0], "services[0].plain_english"),
        (lambda d: d["criteria"][0], "criteria[0].title"),
        (lambda d: d["services"][1], "services[1].name"),
        (lambda d: d, "summary"),
    ],
)
def test_rule_no_wording_anywhere_excludes_a_diagnosis(field, path):
    key = path.rsplit(".", 1)[-1]
    problems = problems_after(lambda d: field(d).update({key: "Not for children with autism."}))
    assert "needs-led" in only(problems, path).message


@pytest.mark.parametrize(
    "wording",
    [
        "You do not need a diagnosis.",
        "No diagnosis is needed.",
        "We never require a diagnosis.",
        "Whatever the diagnosis, we look at what is hard day to day.",
        "Short breaks for children with a physical disability, a learning disability or autism.",
        "Your child cannot manage this without help.",
    ],
)
def test_rule_needs_led_wording_is_accepted(wording):
    data = valid()
    data["criteria"][0]["plain_english"] = wording
    assert load_text(text_of(data), "test.yaml").criteria[0].plain_english == wording
