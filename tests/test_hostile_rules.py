"""The plain-Python rules never raise an unexpected exception, whatever they are given (issue 14
point 7): property tests with hostile text, numbers and dates. Each rule either answers or
raises the one error it documents (ValueError, OverflowError, CriteriaFileError, CaseError)."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from supportfirst.rules import evidence, intrusion, smallfigures, workdays
from supportfirst.rules.criteria.evaluate import evaluate
from supportfirst.rules.criteria.loader import load_text, shipped_sets
from supportfirst.rules.criteria.model import Case, CaseError, CriteriaFileError
from supportfirst.rules.language import checker

BOUNDED = settings(max_examples=40, deadline=None, database=None)

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
WORDY = st.lists(
    st.sampled_from(
        [
            "home visit",
            "bedroom",
            "seen alone",
            "not",
            "Mum said",
            "refused",
            "parenting capacity",
            "\x00",
            "\n",
            "<b>",
            "'",
            '"',
            "...",
            "  ",
            "é",
            "ﬁ",
        ]
    )
    | TEXT,
    max_size=30,
).map(" ".join)
HOSTILE_TEXT = st.one_of(TEXT, WORDY, st.just("x" * 50_000), st.just("\x00" * 100))
ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@BOUNDED
@given(start=DAYS, n=st.integers(min_value=-(10**12), max_value=10**12))
def test_add_working_days_answers_a_working_day_or_says_why_not(start, n):
    try:
        day = workdays.add_working_days(start, n)
    except (ValueError, OverflowError) as error:
        why = str(error)
    else:
        why = "" if (day == start if n == 0 else workdays.is_working_day(day)) else "wrong"
        assert not why
    assert why or n >= 0


CLOCK_DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@BOUNDED
@given(due=CLOCK_DAYS, today=CLOCK_DAYS)
def test_the_clock_always_has_words(due, today):
    assert workdays.describe_days_left(due, today)
    assert workdays.working_days_between(today, due) == -workdays.working_days_between(due, today)


@BOUNDED
@given(day=DAYS, months=st.integers(min_value=-(10**6), max_value=10**6))
def test_add_months_answers_or_overflows(day, months):
    try:
        later = workdays.add_months(day, months)
    except (ValueError, OverflowError):
        return
    assert later.day <= day.day


@BOUNDED
@given(text=HOSTILE_TEXT)
def test_the_language_checker_finds_spans_inside_the_text(text):
    for finding in checker.check(text):
        assert 0 <= finding.start <= finding.end <= len(text)


@BOUNDED
@given(text=HOSTILE_TEXT, covered=st.lists(TEXT, max_size=4))
def test_the_intrusion_rules_read_any_notes(text, covered):
    intrusion.intrusions_described(text)
    intrusion.intrusions_not_covered(text, covered)
    assert isinstance(intrusion.place_is_the_familys_home(text), bool)
    assert isinstance(intrusion.intrusions_for(text, covered), list)


@BOUNDED
@given(record=st.none() | st.dictionaries(TEXT, ANYTHING, max_size=6))
def test_intrusion_record_gaps_takes_any_record(record):
    gaps = intrusion.intrusion_record_gaps(record)
    assert all(isinstance(message, str) and message for message in gaps.values())


@BOUNDED
@given(when=st.datetimes(), received=st.datetimes(), now=st.datetimes())
def test_contact_dates_are_always_judged(when, received, now):
    assert isinstance(intrusion.contact_date_problem(when, request_received=received, now=now), str)
    assert isinstance(intrusion.plan_date_problem(when, now=now), str)


@BOUNDED
@given(text=HOSTILE_TEXT)
def test_opinion_words_are_found_inside_the_text(text):
    for start, end, _ in evidence.opinion_spans(text):
        assert 0 <= start <= end <= len(text)
    assert isinstance(evidence.opinion_words(text), list)


@BOUNDED
@given(cells=st.lists(st.lists(ANYTHING, max_size=4), max_size=5))
def test_no_csv_cell_starts_a_formula(cells):
    for row in cells:
        for cell in row:
            assert not smallfigures.neutralise(cell).startswith(smallfigures.FORMULA_STARTS)
    assert smallfigures.csv_text(["a", "=b"], cells).startswith("a,'=b")


@BOUNDED
@given(
    counts=st.tuples(*[st.integers(min_value=-(10**9), max_value=10**9)] * 4),
)
def test_a_share_is_a_percentage_or_held_back(counts):
    part = smallfigures.SafeFigure(counts[0], counts[1])
    whole = smallfigures.SafeFigure(counts[2], counts[3])
    shared = smallfigures.share(part, whole)
    assert shared is None or isinstance(shared, int)
    assert part.cell == "*" or part.cell == str(part.count)


YAMLISH = st.one_of(
    HOSTILE_TEXT,
    st.lists(
        st.sampled_from(
            [
                "id: x",
                "version: 99999999999999999999999",
                "criteria:",
                "  - id: a",
                "services: [",
                "{{{{",
                "&a [*a, *a]",
                "!!python/object:os.system",
                "- !!binary AAAA",
                "areas: {a: *b}",
                "needs: -1e999",
                "'\x00'",
                "\t- tab",
                "? complex key",
                "<<: *x",
                "title: " + "y" * 1000,
            ]
        ),
        max_size=12,
    ).map("\n".join),
)


@BOUNDED
@given(text=YAMLISH)
def test_a_criteria_file_loads_or_lists_its_problems(text):
    try:
        load_text(text, "hostile.yaml")
    except CriteriaFileError as error:
        problems = error.problems
    else:
        problems = ["it loaded"]
    assert problems


CRITERIA = shipped_sets()
NEED = st.fixed_dictionaries(
    {
        "id": TEXT,
        "area": st.sampled_from(["health", "education", "family"]) | TEXT,
        "how_often": st.sampled_from(["daily", "weekly", "monthly"]) | TEXT,
    },
    optional={
        "person": st.sampled_from(["child", "parent_carer", "young_carer"]) | TEXT,
        "description": TEXT,
        "cannot_without_help": ANYTHING,
        "more_than_same_age": ANYTHING,
    },
)
CASE = st.fixed_dictionaries(
    {
        "needs": st.lists(NEED, max_size=4) | ANYTHING,
        "arises_from_impairment_or_illness": st.booleans() | ANYTHING,
        "significant_impact_on_wellbeing": st.booleans() | ANYTHING,
    },
    optional={"child_age": st.integers() | ANYTHING, "parent_carer": ANYTHING},
)


@BOUNDED
@given(data=CASE | ANYTHING, which=st.integers(min_value=0, max_value=len(CRITERIA) - 1))
def test_any_case_is_decided_or_its_problems_listed(data, which):
    try:
        case = Case.from_dict(data)
    except CaseError as error:
        problems = error.problems
    else:
        problems = [outcome.reason for outcome in evaluate(CRITERIA[which], case).needs]
        assert all(problems)


def test_a_datetime_far_in_the_past_is_judged():
    oldest = datetime(1, 1, 1)
    assert intrusion.contact_date_problem(oldest, request_received=oldest, now=oldest) == ""
