"""The growing-up rules, without a database: the 6-week clock, the age prompt, the consent rule
and the sections H1 and H2 text."""

from __future__ import annotations

from datetime import date

from supportfirst.rules import transition as rules


def test_advice_is_due_six_calendar_weeks_after_the_request():
    assert rules.advice_due(date(2027, 1, 4)) == date(2027, 2, 15)


def test_the_six_weeks_are_calendar_weeks_even_over_bank_holidays():
    # Christmas and New Year's Day do not stretch the clock: calendar weeks, not working days.
    assert rules.advice_due(date(2026, 12, 21)) == date(2027, 2, 1)


def test_the_six_week_boundary_is_the_same_weekday_six_weeks_on():
    requested = date(2027, 3, 31)
    due = rules.advice_due(requested)
    assert (due - requested).days == 42
    assert due == date(2027, 5, 12)
    assert due.weekday() == requested.weekday()


def test_the_prompt_starts_on_the_14th_birthday():
    born = date(2013, 6, 10)
    assert not rules.transition_prompt_due(born, date(2027, 6, 9), has_record=False)
    assert rules.transition_prompt_due(born, date(2027, 6, 10), has_record=False)


def test_no_prompt_once_a_record_exists_or_at_18():
    born = date(2009, 6, 10)
    assert rules.transition_prompt_due(born, date(2027, 6, 9), has_record=False)
    assert not rules.transition_prompt_due(born, date(2027, 6, 9), has_record=True)
    assert not rules.transition_prompt_due(born, date(2027, 6, 10), has_record=False)


def test_born_on_or_before_on_29_february():
    assert rules.born_on_or_before(date(2028, 2, 29), 14) == date(2014, 2, 28)
    assert rules.born_on_or_before(date(2027, 6, 10), 14) == date(2013, 6, 10)


def test_consent_asked_of_the_young_person_is_enough():
    assert (
        rules.consent_problems(asked=rules.YOUNG_PERSON, capacity_reason="", answer="given") == []
    )


def test_consent_on_their_behalf_needs_the_reason_they_cannot_decide():
    problems = rules.consent_problems(
        asked=rules.CANNOT_DECIDE, capacity_reason=" ", answer="given"
    )
    assert problems == [
        "Write why the young person cannot make this decision for themselves. If they can, "
        "ask them: their answer is the one that counts, not their parent's"
    ]


def test_consent_needs_to_say_who_was_asked_and_the_answer():
    problems = rules.consent_problems(asked="", capacity_reason="", answer="")
    assert problems == [
        "Say whether the young person was asked themselves",
        "Say whether the young person agreed to the transition assessment",
    ]


def _service(name: str, basis: str, *, for_child: bool = True) -> rules.Provision:
    return rules.Provision(
        name=name,
        amount="6 hours",
        frequency="every week",
        provider="Riverside Saturday Club",
        start_on=date(2027, 1, 9),
        legal_basis=basis,
        for_child=for_child,
    )


CLUB = _service("Saturday club", "Chronically Sick and Disabled Persons Act 1970, section 2(1)(c)")
OVERNIGHT = _service(
    "Overnight stays", "Children Act 1989, section 17(1); Children Act 1989, section 17(6)"
)
CARER_BREAK = _service(
    "A break for Sam's mum",
    "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)",
    for_child=False,
)


def test_csdpa_section_2_services_for_the_child_are_h1_and_the_rest_h2():
    sections = rules.split([CLUB, OVERNIGHT, CARER_BREAK])
    assert sections.h1 == [CLUB]
    assert sections.h2 == [OVERNIGHT, CARER_BREAK]


def test_the_export_text_is_what_a_coordinator_pastes_in():
    text = rules.export_text(
        name="Sam", plan_starts_on=date(2027, 1, 4), provisions=[CLUB, OVERNIGHT]
    )
    assert text == (
        "Social care provision for Sam's education, health and care plan, from Sam's support "
        "plan starting 4 January 2027.\n\n"
        "Section H1: social care provision under section 2 of the Chronically Sick and Disabled "
        "Persons Act 1970\n\n"
        "- Saturday club: 6 hours, every week, provided by Riverside Saturday Club, from 9 "
        "January 2027. Given under: Chronically Sick and Disabled Persons Act 1970, section "
        "2(1)(c).\n\n"
        "Section H2: any other social care provision\n\n"
        "- Overnight stays: 6 hours, every week, provided by Riverside Saturday Club, from 9 "
        "January 2027. Given under: Children Act 1989, section 17(1); Children Act 1989, "
        "section 17(6).\n"
    )


def test_an_empty_section_says_so_with_the_childs_name():
    text = rules.export_text(name="Sam", plan_starts_on=date(2027, 1, 4), provisions=[OVERNIGHT])
    assert (
        "None: no service in Sam's support plan is given under section 2 of the Chronically "
        "Sick and Disabled Persons Act 1970." in text
    )


def test_the_law_sentence_names_every_condition_of_section_58():
    # Care Act 2014 s58(1) and (3), from legislation.gov.uk: likely needs after 18, significant
    # benefit, and consent, or best interests where the young person cannot decide.
    assert "likely to need care and support as an adult" in rules.LAW_SENTENCE
    assert "significant benefit" in rules.LAW_SENTENCE
    assert "best interests" in rules.LAW_SENTENCE
    assert "(Care Act 2014, section 58)" in rules.LAW_SENTENCE


def test_section_2_written_another_way_by_a_worker_is_still_h1():
    # A service outside the catalogue has its law typed by the worker: the usual short forms of
    # CSDPA s2 must not quietly put the child's section 2 service in H2.
    for basis in (
        "CSDPA 1970 s2(1)(c)",
        "CSDPA, section 2",
        "Chronically Sick and Disabled Persons Act 1970 s.2",
        "section 2 of the Chronically Sick and Disabled Persons Act 1970",
        "s2 CSDPA 1970",
    ):
        assert rules.is_h1(_service("Club", basis)), basis


def test_other_sections_and_other_acts_are_not_h1():
    for basis in (
        "Children Act 1989, section 20",
        "Chronically Sick and Disabled Persons Act 1970, section 20",
        "CSDPA 1970 s21",
        "Children Act 1989, section 2; Chronically Sick and Disabled Persons Act 1970, section 1",
    ):
        assert not rules.is_h1(_service("Club", basis)), basis


def test_at_18_or_over_nothing_is_in_h1():
    # Section H1 is social care provision for a child or young person under 18 under CSDPA s2
    # (Children and Families Act 2014, explanatory notes, paragraph 218): at 18 or over the same
    # service goes in H2.
    adult_club = rules.Provision(**{**CLUB.__dict__, "under_18": False})
    assert not rules.is_h1(adult_club)
    text = rules.section_h1("Sam", [adult_club])
    assert text.endswith(
        "None: Sam is 18 or over, and section 2 of the Chronically Sick and Disabled Persons "
        "Act 1970 is for children under 18, so every service is in section H2."
    )
    assert rules.split([adult_club]).h2 == [adult_club]
