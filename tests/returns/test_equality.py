"""Issue 19 point 6: equality monitoring. The main outcomes of requests for help by ethnicity,
sex, disability and age band, counted in the database (a flat number of queries), every figure
from fewer than 5 children held back and marked (and the figure that would give it away by
subtraction), a date range, a CSV download, and "felt blamed" explained rather than linked."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.eligibility.models import DecisionStatus, EligibilityDecision
from supportfirst.pathway.models import MoveStatus, NextStepDecision
from supportfirst.plans.models import PlanStatus
from supportfirst.returns import equality
from supportfirst.returns.models import ChildCensusDetails
from supportfirst.rules.returns import equality as rules
from supportfirst.rules.smallfigures import SafeFigure
from tests.accounts.factories import UserFactory, staff_user
from tests.assessments.factories import AuthorisedAssessmentFactory
from tests.conftest import signed_in_client
from tests.eligibility.factories import own_published_criteria
from tests.families.factories import ChildFactory
from tests.pathway.factories import ProposedMoveFactory, SupportRequestFactory
from tests.plans.factories import DraftPlanFactory

TODAY = dt.date(2026, 6, 30)


# The rules, as plain Python.


def _f(count: int, families: int | None = None) -> SafeFigure:
    return SafeFigure(count, count if families is None else families)


def test_a_figure_from_4_children_is_held_back_and_from_5_is_shown():
    four = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[("Female", [_f(4)] * 7), ("Male", [_f(0)] * 7)],
        total=[_f(4)] * 7,
    )
    assert [c.shown for c in four.rows[0].cells] == ["*"] * 7
    assert four.any_held_back
    five = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[("Female", [_f(5)] * 7), ("Male", [_f(0)] * 7)],
        total=[_f(5)] * 7,
    )
    assert [c.shown for c in five.rows[0].cells] == ["5"] * 7
    assert [c.percent for c in five.rows[0].cells] == [None, *[100] * 6]
    assert not five.any_held_back


def test_brothers_and_sisters_count_once():
    """Six requests about children in 4 families: held back."""
    assert rules.Cell(_f(6, 4), None).shown == "*"


def test_the_held_back_complement_rule():
    """Female 3 (held back), Male 10, Not known 7, total 20: 20 - 10 - 7 would give away the 3,
    so the smallest other figure (7) is held back too; its percentage as well."""
    t = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[("Female", [_f(3)]), ("Male", [_f(10)]), ("Not known", [_f(7)])],
        total=[_f(20)],
    )
    assert [r.cells[0].shown for r in t.rows] == ["*", "10", "*"]
    assert t.rows[2].cells[0].secondary
    assert t.total.cells[0].shown == "20"


def test_no_complement_held_when_two_are_small():
    two_small = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[("Female", [_f(3)]), ("Male", [_f(2)]), ("Not known", [_f(15)])],
        total=[_f(20)],
    )
    assert [r.cells[0].shown for r in two_small.rows] == ["*", "*", "15"]


def test_the_disability_table_gets_the_complement_rule_too():
    """Rows that overlap (a child with two disabilities is in both) still narrow a lone held-back
    figure down from the total: the smallest other non-zero figure is held back too."""
    overlapping = rules.table(
        key="disability",
        title="Disability",
        about="",
        groups=[("Mobility", [_f(3)]), ("Learning", [_f(10)]), ("Hearing", [_f(12)])],
        total=[_f(20)],
    )
    assert [r.cells[0].shown for r in overlapping.rows] == ["*", "*", "12"]
    assert overlapping.rows[1].cells[0].secondary
    assert not overlapping.rows[2].cells[0].held_back


def test_a_held_back_row_holds_back_its_noughts_and_its_outcomes():
    """ "White British: * requests, 0 assessed" would say that none of those few children was
    assessed: every outcome in a row whose requests are held back is held back, noughts too."""
    t = rules.table(
        key="ethnicity",
        title="Ethnicity",
        about="",
        groups=[("White British", [_f(3), _f(0), _f(3)]), ("Other", [_f(10), _f(6), _f(0)])],
        total=[_f(13), _f(6), _f(3)],
    )
    assert [c.shown for c in t.rows[0].cells] == ["*", "*", "*"]
    assert [c.percent for c in t.rows[0].cells] == [None, None, None]
    assert t.rows[0].cells[1].secondary  # the nought


def test_an_outcome_equal_to_a_held_back_row_total_is_held_back():
    """Male's 6 requests are held back to protect Female's 3; its 6 assessed would give them
    back, so it is held back too, and so is the figure protecting it in that column."""
    t = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[
            ("Female", [_f(3), _f(0)]),
            ("Male", [_f(6), _f(6)]),
            ("Not known", [_f(9), _f(8)]),
            ("Other", [_f(12), _f(11)]),
        ],
        total=[_f(30), _f(25)],
    )
    assert [r.cells[0].shown for r in t.rows] == ["*", "*", "9", "12"]
    assert [r.cells[1].shown for r in t.rows] == ["*", "*", "8", "11"]
    assert [c.shown for c in t.total.cells] == ["30", "25"]


def test_held_back_noughts_are_protected_from_the_total():
    """Female's and Male's requests are held back, so are their noughts assessed; 14 less 9 less
    5 would show both are nought, so the smallest other figure in the column is held back too."""
    t = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[
            ("Female", [_f(3), _f(0)]),
            ("Male", [_f(6), _f(0)]),
            ("Not known", [_f(9), _f(9)]),
            ("Other", [_f(7), _f(5)]),
        ],
        total=[_f(25), _f(14)],
    )
    assert [r.cells[0].shown for r in t.rows] == ["*", "*", "9", "7"]
    assert [r.cells[1].shown for r in t.rows] == ["*", "*", "9", "*"]
    assert t.rows[3].cells[1].secondary


def test_a_held_back_row_total_takes_its_percentages_with_it():
    """When a row's requests are held back to protect another row, a percentage would give
    them back: none is shown."""
    t = rules.table(
        key="sex",
        title="Sex",
        about="",
        groups=[("Female", [_f(3), _f(0)]), ("Male", [_f(6), _f(6)]), ("U", [_f(9), _f(9)])],
        total=[_f(18), _f(15)],
    )
    male = t.rows[1]
    assert male.cells[0].secondary
    assert male.cells[1].percent is None


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (dt.date(2026, 6, 1), "Under 1"),
        (dt.date(2025, 7, 1), "Under 1"),
        (dt.date(2025, 6, 30), "1 to 4"),  # first birthday on the day
        (dt.date(2021, 7, 1), "1 to 4"),
        (dt.date(2021, 6, 30), "5 to 9"),
        (dt.date(2016, 6, 30), "10 to 15"),
        (dt.date(2010, 7, 1), "10 to 15"),
        (dt.date(2010, 6, 30), "16 and over"),
    ],
)
def test_age_bands(born, band):
    assert rules.age_band(born, TODAY) == band


def test_a_leap_day_period_end():
    assert rules.years_before(dt.date(2028, 2, 29), 1) == dt.date(2027, 2, 28)


# Counted from the database.


def _request(council, *, born=dt.date(2015, 5, 1), codes=("AUT",), sex=None, ethnicity=None):
    child = ChildFactory(family__council=council, date_of_birth=born, disability_codes=list(codes))
    if sex or ethnicity:
        ChildCensusDetails.objects.create(
            family=child.family,
            child=child,
            sex=sex or "U",
            ethnicity=ethnicity or "NOBT",
            updated_at=timezone.now(),
            updated_by=UserFactory(),
        )
    return SupportRequestFactory(child=child, received_at=timezone.now() - dt.timedelta(days=3))


def _everything_happened(request, council):
    user = UserFactory()
    NextStepDecision.objects.create(
        family=request.family,
        request=request,
        pathway="support",
        decided_by=user,
        decided_at=request.received_at,
    )
    assessment = AuthorisedAssessmentFactory(request=request)
    EligibilityDecision.objects.create(
        family=request.family,
        assessment=assessment,
        criteria=own_published_criteria(council),
        case={},
        result={"eligible": True, "needs": [], "services": []},
        status=DecisionStatus.CONFIRMED,
        made_by=user,
        made_at=timezone.now(),
    )
    DraftPlanFactory(request=request, status=PlanStatus.AGREED)
    ProposedMoveFactory(request=request, status=MoveStatus.APPROVED, proposed_by=user)


def _figures(council):
    today = timezone.localdate()
    return equality.equality_figures(
        council_id=council.pk, start=today - dt.timedelta(days=30), end=today
    )


def _row(figures, key, label):
    table = next(t for t in figures.tables if t.key == key)
    return next(r for r in (*table.rows, table.total) if r.label == label)


def test_each_outcome_is_counted(council, other_council):
    for _ in range(5):
        _everything_happened(_request(council, sex="F", ethnicity="BAFR"), council)
    _request(council, sex="F", ethnicity="BAFR")  # nothing has happened yet
    _everything_happened(_request(other_council, sex="F"), other_council)
    figures = _figures(council)
    total = _row(figures, "sex", "All requests")
    assert [c.shown for c in total.cells] == ["6", "5", "5", "5", "5", "5", "5"]
    assert [c.percent for c in total.cells] == [None, 83, 83, 83, 83, 83, 83]
    assert [c.shown for c in _row(figures, "sex", "Female").cells] == ["6", *["5"] * 6]
    assert _row(figures, "ethnicity", "Black African").cells[0].shown == "6"
    assert _row(figures, "ethnicity", "White British").cells[0].shown == "0"
    assert _row(figures, "disability", "Autism or Asperger syndrome").cells[0].shown == "6"
    assert _row(figures, "age", "10 to 15").cells[0].shown == "6"


def test_late_outcomes_and_old_requests_are_not_counted(council):
    for _ in range(5):
        request = _request(council)
        NextStepDecision.objects.create(
            family=request.family,
            request=request,
            pathway="support",
            decided_by=UserFactory(),
            decided_at=request.received_at + dt.timedelta(days=10),
        )
        AuthorisedAssessmentFactory(
            request=request, authorised_at=request.received_at + dt.timedelta(days=90)
        )
    old = _request(council)
    old.received_at = timezone.now() - dt.timedelta(days=400)
    old.save()
    total = _row(_figures(council), "age", "All requests")
    assert [c.shown for c in total.cells[:4]] == ["5", "0", "5", "0"]


def test_a_group_of_4_children_is_held_back(council):
    for _ in range(4):
        _request(council, sex="M", codes=("MOB",))
    for _ in range(10):
        _request(council, codes=("MOB", "LD"))
    figures = _figures(council)
    assert _row(figures, "sex", "Male").cells[0].shown == "*"
    # The only other group would give the 4 away (14 less 10): held back too.
    assert _row(figures, "sex", "Not known, or not yet born").cells[0].shown == "*"
    assert _row(figures, "sex", "All requests").cells[0].shown == "14"
    assert _row(figures, "disability", "Mobility").cells[0].shown == "14"
    assert _row(figures, "disability", "Learning").cells[0].shown == "10"
    assert _row(figures, "disability", "Hearing").cells[0].shown == "0"


def test_a_group_of_5_children_is_shown(council):
    for _ in range(5):
        _request(council, sex="M")
    for _ in range(10):
        _request(council)
    figures = _figures(council)
    assert _row(figures, "sex", "Male").cells[0].shown == "5"
    assert _row(figures, "sex", "Not known, or not yet born").cells[0].shown == "10"
    assert _row(figures, "sex", "Female").cells[0].shown == "0"


def test_children_with_no_disability_recorded(council):
    for _ in range(5):
        _request(council, codes=())
    assert _row(_figures(council), "disability", "No disability recorded").cells[0].shown == "5"


def test_age_bands_from_the_database(council):
    end = timezone.localdate()
    for years in (0, 3, 7, 12, 16):
        for _ in range(5):
            _request(council, born=rules.years_before(end, years) - dt.timedelta(days=1))
    figures = _figures(council)
    assert [r.cells[0].shown for r in next(t for t in figures.tables if t.key == "age").rows] == [
        "5"
    ] * 5


def _queries(council) -> int:
    with CaptureQueriesContext(connection) as seen:
        _figures(council)
    return len(seen.captured_queries)


def test_the_query_count_does_not_grow_with_the_requests(council):
    for _ in range(2):
        _everything_happened(_request(council, sex="M"), council)
    small = _queries(council)
    for _ in range(12):
        _everything_happened(_request(council, sex="F", ethnicity="WBRI"), council)
    assert _queries(council) == small == 5


# The page and its download.


@pytest.fixture
def data_team(council):
    return staff_user(council, Role.DATA_TEAM)


def test_the_data_team_reads_the_tables(data_team, council):
    for _ in range(5):
        _request(council, sex="F")
    page = signed_in_client(data_team).get("/staff/returns/equality/")
    text = page.content.decode()
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-l">Equality monitoring</h1>' in text
    assert "Requests for help by ethnicity" in text
    assert "Requests for help by age band" in text
    assert "Not shown by ethnicity, sex, disability or age" in text


def test_a_date_range_is_chosen_and_a_wrong_one_explained(data_team, council):
    for _ in range(5):
        _request(council, sex="F")
    client = signed_in_client(data_team)
    today = timezone.localdate()
    long_ago = {
        "start_0": "1",
        "start_1": "1",
        "start_2": "2020",
        "end_0": "31",
        "end_1": "12",
        "end_2": "2020",
    }
    page = client.get("/staff/returns/equality/", long_ago)
    assert page.status_code == 200
    assert "Requests received from 1 January 2020 to 31 December 2020" in page.content.decode()
    assert page.context["figures"].tables[0].total.cells[0].shown == "0"
    backwards = {**long_ago, "end_2": "2019"}
    wrong = client.get("/staff/returns/equality/", backwards)
    assert wrong.status_code == 400
    text = wrong.content.decode()
    assert "There is a problem" in text
    assert "The last day must be the same as or after the first day" in text
    assert 'value="2019"' in text
    half = client.get("/staff/returns/equality/", {"start_0": "1", "end_2": str(today.year)})
    assert half.status_code == 400


@pytest.mark.parametrize("hostile", ["9" * 40, "Sam\x00<script>", "\u0663", "-1"])
def test_hostile_dates_are_explained_never_a_server_error(data_team, hostile):
    sent = {"start_0": hostile, "start_1": "1", "start_2": "2020"}
    sent |= {"end_0": "1", "end_1": hostile, "end_2": hostile}
    for url in ("/staff/returns/equality/", "/staff/returns/equality/download/"):
        page = signed_in_client(data_team).get(url, sent)
        assert page.status_code == 400
        assert "There is a problem" in page.content.decode()


def test_the_csv_download(data_team, council):
    for _ in range(4):
        _request(council, sex="M")
    for _ in range(6):
        _request(council, sex="F")
    for _ in range(8):
        _request(council)
    client = signed_in_client(data_team)
    got = client.get("/staff/returns/equality/download/")
    assert got.status_code == 200
    assert got["Content-Type"] == "text/csv; charset=utf-8"
    text = got.content.decode()
    assert text.startswith("Characteristic,Group,Requests for help,Next step decided")
    assert "Sex,Male,*,*,*,*,*,*,*\r\n" in text
    assert "Sex,Female,*,*,*,*,*,*,*\r\n" in text
    assert 'Sex,"Not known, or not yet born",8,0,0,0,0,0,0\r\n' in text
    assert "Sex,All requests,18,0," in text
    assert "* Held back: made up from fewer than 5 children" in text


def test_a_worker_cannot_open_it(council):
    worker = staff_user(council, Role.PRACTITIONER)
    assert signed_in_client(worker).get("/staff/returns/equality/").status_code == 403


@pytest.mark.parametrize(
    ("start", "end", "error"),
    [
        (
            ("2", "1", "2020"),
            ("31", "12", "2020"),
            "The first day of the period must be the first day of a month, like 1 4 2025",
        ),
        (
            ("1", "1", "2020"),
            ("30", "12", "2020"),
            "The last day of the period must be the last day of a month, like 31 3 2026",
        ),
        (
            ("1", "2", "2024"),
            ("28", "2", "2024"),
            "The last day of the period must be the last day of a month, like 31 3 2026",
        ),
    ],
)
def test_the_period_is_whole_calendar_months(data_team, start, end, error):
    """Two periods a day apart would, subtracted, give away one request's group and outcomes:
    a period starts on the first day of a month and ends on the last day of one."""
    sent = {f"start_{i}": v for i, v in enumerate(start)}
    sent |= {f"end_{i}": v for i, v in enumerate(end)}
    for url in ("/staff/returns/equality/", "/staff/returns/equality/download/"):
        page = signed_in_client(data_team).get(url, sent)
        text = page.content.decode()
        assert page.status_code == 400
        assert "There is a problem" in text
        assert error in text
        assert f'value="{start[0]}"' in text


def test_whole_months_are_accepted_and_the_hint_and_the_warning_say_so(data_team):
    sent = {"start_0": "1", "start_1": "2", "start_2": "2024"}
    sent |= {"end_0": "29", "end_1": "2", "end_2": "2024"}
    page = signed_in_client(data_team).get("/staff/returns/equality/", sent)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Requests received from 1 February 2024 to 29 February 2024" in text
    assert "The first day of a month" in text
    assert "The last day of a month" in text
    assert "own equality monitoring. They are not for publication" in text
    got = signed_in_client(data_team).get("/staff/returns/equality/download/", sent)
    assert got.status_code == 200
    assert "own equality monitoring. They are not for publication" in got.content.decode()


def test_the_default_period_is_whole_months():
    from supportfirst.returns.equality_forms import default_period

    assert default_period(dt.date(2026, 6, 15)) == (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    assert default_period(dt.date(2028, 2, 29)) == (dt.date(2027, 3, 1), dt.date(2028, 2, 29))
