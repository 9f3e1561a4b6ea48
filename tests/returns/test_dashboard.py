"""Issue 19 point 7: the dashboard for managers and the data team. Each figure counted by the
database, month by month, for a date range and a team; each clock met in time or late; the
waiting list now; the survey's small figures held back; a table and a CSV for each chart; the
same number of queries at two sizes of council."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from supportfirst.councils.models import Membership, Role, Team
from supportfirst.feedback.models import SurveyAnswer
from supportfirst.pathway.models import MoveStatus, NextStepDecision, RequestStatus
from supportfirst.returns import dashboard
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.families.factories import ChildFactory
from tests.pathway.factories import ProposedMoveFactory, SupportRequestFactory

URL = "/staff/returns/dashboard/"
TODAY = dt.date(2026, 6, 15)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), timezone.get_current_timezone())


@pytest.fixture
def analyst(council):
    return staff_user(council, Role.DATA_TEAM)


@pytest.fixture
def client(analyst):
    return signed_in_client(analyst)


def _request(council, received: dt.date, *, due: dt.date | None = None, worker=None, **kw):
    child = ChildFactory(family__council=council, family__allocated_worker=worker)
    return SupportRequestFactory(
        child=child, received_at=_at(received), next_step_due=due or received, **kw
    )


def _decide(request, on: dt.date, by):
    NextStepDecision.objects.create(
        family=request.family, request=request, pathway="support", decided_by=by, decided_at=_at(on)
    )
    request.status = RequestStatus.SUPPORT_PATHWAY
    request.save(update_fields=["status"])


def _filters(**kw):
    return dashboard.Filters(dt.date(2026, 1, 1), dt.date(2026, 6, 30), **kw)


def _row(figure, label):
    return dict(figure.rows)[label]


def test_requests_are_counted_by_month_in_the_range(council):
    for day in (dt.date(2026, 2, 3), dt.date(2026, 2, 27), dt.date(2026, 4, 1)):
        _request(council, day)
    _request(council, dt.date(2025, 12, 31))  # before the range
    figure = dashboard.requests(council.pk, _filters(), TODAY)
    assert figure.labels[0] == "January 2026"
    assert len(figure.rows) == 6
    assert _row(figure, "February 2026") == (2,)
    assert _row(figure, "April 2026") == (1,)
    assert _row(figure, "January 2026") == (0,)


def test_a_month_is_the_councils_month_not_utcs(council):
    # 23:30 on 31 May in UTC is 00:30 on 1 June in London (summer time).
    child = ChildFactory(family__council=council)
    SupportRequestFactory(child=child, received_at=dt.datetime(2026, 5, 31, 23, 30, tzinfo=dt.UTC))
    figure = dashboard.requests(council.pk, _filters(), TODAY)
    assert _row(figure, "May 2026") == (0,)
    assert _row(figure, "June 2026") == (1,)


def test_next_step_clock_met_late_and_overdue_by_month_due(council, analyst):
    on_time = _request(council, dt.date(2026, 3, 2), due=dt.date(2026, 3, 3))
    _decide(on_time, dt.date(2026, 3, 3), analyst)
    late = _request(council, dt.date(2026, 3, 9), due=dt.date(2026, 3, 10))
    _decide(late, dt.date(2026, 3, 12), analyst)
    _request(council, dt.date(2026, 4, 1), due=dt.date(2026, 4, 2))  # not decided: overdue
    _request(council, dt.date(2026, 6, 29), due=dt.date(2026, 6, 30))  # not due yet
    clock = next(c for c in dashboard.CLOCKS if c.key == "next-step")
    figure = dashboard.timeliness(clock, council.pk, _filters(), TODAY)
    assert figure.columns == ("Met in time", "Late", "Not done yet and overdue")
    assert _row(figure, "March 2026") == (1, 1, 0)
    assert _row(figure, "April 2026") == (0, 0, 1)
    assert _row(figure, "June 2026") == (0, 0, 0)
    board = dashboard.dashboard(council.pk, _filters(), TODAY)
    assert _row(board.timeliness, "Next-step decision") == (1, 1, 1)
    assert len(board.timeliness.rows) == len(dashboard.CLOCKS)


def test_the_team_filter_counts_the_families_of_that_teams_workers(council):
    blue = Team.objects.create(council=council, name="Blue team")
    worker = staff_user(council, Role.PRACTITIONER)
    Membership.objects.filter(user=worker).update(team=blue)
    _request(council, dt.date(2026, 2, 3), worker=worker)
    _request(council, dt.date(2026, 2, 4))
    assert _row(dashboard.requests(council.pk, _filters(), TODAY), "February 2026") == (2,)
    mine = dashboard.requests(council.pk, _filters(team_id=blue.pk), TODAY)
    assert _row(mine, "February 2026") == (1,)


def test_moves_to_safeguarding_by_month(council, analyst):
    move = ProposedMoveFactory(
        request__child__family__council=council,
        proposed_at=_at(dt.date(2026, 2, 2)),
        proposed_by=analyst,
    )
    move.status, move.decided_at = MoveStatus.APPROVED, _at(dt.date(2026, 3, 1))
    move.save()
    figure = dashboard.safeguarding(council.pk, _filters(), TODAY)
    assert _row(figure, "February 2026") == (1, 0, 0, 0)
    assert _row(figure, "March 2026") == (0, 1, 0, 0)


def _answers(council, month, n, listened="5"):
    for _ in range(n):
        SurveyAnswer.objects.create(council=council, stage="plan", month=month, listened=listened)


def test_survey_months_with_fewer_than_5_answers_are_held_back(council):
    _answers(council, dt.date(2026, 2, 1), 4)
    _answers(council, dt.date(2026, 3, 1), 5)
    _answers(council, dt.date(2026, 3, 1), 1, listened="1")
    figure = dashboard.survey(council.pk, _filters(), TODAY)
    assert _row(figure, "February 2026") == (None,) * 5
    assert _row(figure, "March 2026")[:2] == (6, 5)
    assert _row(figure, "April 2026") == (0,) * 5
    assert figure.any_held_back
    assert not figure.by_team


def test_waiting_now(council):
    worker = staff_user(council, Role.PRACTITIONER)
    _request(council, dt.date(2026, 6, 1), due=dt.date(2026, 6, 2))  # overdue, no worker
    _request(council, dt.date(2026, 6, 15), due=dt.date(2026, 6, 16), worker=worker)
    figure = dashboard.waiting_now(council.pk, _filters(), TODAY)
    assert _row(figure, "Next-step decision") == (2, 1)
    assert _row(figure, "A named worker") == (1, 1)
    assert _row(figure, "Needs assessment") == (0, 0)


# The pages.


def test_the_page_shows_each_figure_with_chart_table_and_download(client, council):
    _request(council, timezone.localdate())
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Dashboard" in page
    for title in ("Waiting now", "Timeliness at each clock"):
        assert f">{title}</h2>" in page
    assert ">Requests for help</h2>" not in page  # on the second dashboard
    assert page.count('role="img"') == 2 + len(dashboard.CLOCKS)
    assert page.count('class="govuk-table"') == page.count('role="img"')
    assert "?figure=waiting" in page
    months = client.get(URL + "months/")
    assert months.status_code == 200
    second = months.content.decode()
    assert "<title>Dashboard: month by month" in second
    for title in ("Requests for help", "Complaints"):
        assert f">{title}</h2>" in second
    assert ">Waiting now</h2>" not in second
    assert second.count('role="img"') == len(dashboard.MONTHLY)
    assert second.count('class="govuk-table"') == second.count('role="img"')
    assert "?figure=requests" in second
    today = timezone.localdate()
    assert f'name="end_2" value="{today.year}"' in page  # the range shown is filled in
    assert "<script" not in page.split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize("path", ["", "months/"])
def test_bad_dates_show_the_error_summary_and_keep_what_was_typed(client, path):
    response = client.get(
        URL + path,
        {
            "start_0": "1",
            "start_1": "6",
            "start_2": "2026",
            "end_0": "1",
            "end_1": "1",
            "end_2": "2026",
            "team": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "The date to must be the same as or after the date from" in page
    assert "<title>Error: Dashboard" in page
    assert 'value="2026"' in page


def test_a_date_that_does_not_exist_is_an_error_not_a_500(client):
    response = client.get(URL, {"start_0": "31", "start_1": "2", "start_2": "2026"})
    assert response.status_code == 400
    assert "Enter a date that exists" in response.content.decode()


@pytest.mark.parametrize("team", ["999", "abc", "-1"])
def test_a_team_not_in_the_list_is_explained_in_plain_english(client, team):
    response = client.get(URL, {"team": team})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Choose a team from the list" in page
    assert "Select a valid choice" not in page


def test_filters_choose_the_months_shown(client, council):
    response = client.get(
        URL,
        {
            "start_0": "1",
            "start_1": "1",
            "start_2": "2026",
            "end_0": "31",
            "end_1": "3",
            "end_2": "2026",
            "team": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Showing 1 January 2026 to 31 March 2026, all teams" in page
    assert ">March 2026</th>" in page
    assert ">April 2026</th>" not in page


def test_csv_download_of_one_figure_with_the_filters(client, council):
    _request(council, dt.date(2026, 2, 3))
    response = client.get(
        URL + "download/",
        {
            "figure": "requests",
            "start_0": "1",
            "start_1": "1",
            "start_2": "2026",
            "end_0": "28",
            "end_1": "2",
            "end_2": "2026",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "requests-2026-01-01-to-2026-02-28.csv" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.startswith("Month,Requests received\r\nJanuary 2026,0\r\nFebruary 2026,1\r\n")
    assert client.get(URL + "download/", {"figure": "nothing"}).status_code == 404
    every = client.get(URL + "download/")
    assert every.status_code == 200
    assert "dashboard-" in every["Content-Disposition"]
    assert every.content.decode().count("About these figures") == 2 + len(dashboard.CLOCKS) + len(
        dashboard.MONTHLY
    )


def test_csv_of_the_survey_marks_held_back_months(client, council):
    _answers(council, timezone.localdate().replace(day=1), 2)
    text = client.get(URL + "download/", {"figure": "survey"}).content.decode()
    assert ",*,*,*,*,*" in text
    assert "*: fewer than 5 answers, not shown" in text


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.FORUM_MEMBER, Role.COUNCIL_ADMIN])
def test_people_without_a_returns_role_get_403(council, role):
    client = signed_in_client(staff_user(council, role))
    assert client.get(URL).status_code == 403
    assert client.get(URL + "download/?figure=requests").status_code == 403


def test_a_manager_sees_the_dashboard(council):
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    assert client.get(URL).status_code == 200


def test_another_councils_records_are_not_counted(client, council, other_council):
    _request(other_council, timezone.localdate())
    figure = dashboard.requests(
        council.pk, dashboard.Filters(timezone.localdate(), timezone.localdate()), TODAY
    )
    assert figure.rows[0][1] == (0,)


def _seed(council, n):
    worker = staff_user(council, Role.PRACTITIONER)
    for i in range(n):
        r = _request(council, timezone.localdate() - dt.timedelta(days=i * 20), worker=worker)
        if i % 2:
            _decide(r, timezone.localdate() - dt.timedelta(days=i * 20), worker)
    _answers(council, timezone.localdate().replace(day=1), n)


def test_query_count_is_flat_as_data_grows(client, council, django_assert_max_num_queries):
    _seed(council, 2)
    with django_assert_max_num_queries(40) as small:
        assert client.get(URL).status_code == 200
    _seed(council, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(URL).status_code == 200


def test_complaints_by_stage_and_the_complaint_clock(council):
    from supportfirst.complaints import clock as complaint_clock
    from tests.complaints.factories import complaint_for

    family = ChildFactory(family__council=council).family
    received = dt.date(2026, 3, 2)
    complaint_for(family, received_on=received, stage=2)  # stage 1 answered, stage 2 open
    figure = dashboard.complaints(council.pk, _filters(), TODAY)
    assert _row(figure, "March 2026") == (1, 1, 0)
    stage_1_due = complaint_clock.stage_due(1, received)
    stage_2_due = complaint_clock.stage_due(2, received)
    timely = dashboard.timeliness(dashboard.CLOCKS[-1], council.pk, _filters(), TODAY)
    assert _row(timely, f"{stage_1_due:%B %Y}")[0] == 1  # answered the day it arrived
    assert stage_2_due < TODAY
    assert _row(timely, f"{stage_2_due:%B %Y}")[2] == 1  # not answered, past its date


def test_plans_shared_and_answered_and_the_service_start_clock(council):
    from supportfirst.plans.models import PlanStatus
    from tests.plans.factories import DraftPlanFactory, PlannedServiceFactory

    plan = DraftPlanFactory(
        request__child__family__council=council,
        status=PlanStatus.AGREED,
        shared_at=_at(dt.date(2026, 2, 10)),
        responded_at=_at(dt.date(2026, 3, 5)),
    )
    service = PlannedServiceFactory(plan=plan, start_on=dt.date(2026, 3, 9))
    service.refresh_from_db()
    assert service.start_due is not None
    figure = dashboard.plans(council.pk, _filters(), TODAY)
    assert _row(figure, "February 2026") == (1, 0, 0)
    assert _row(figure, "March 2026") == (0, 1, 0)
    start = next(c for c in dashboard.CLOCKS if c.key == "service-start")
    waiting = dashboard.timeliness(start, council.pk, _filters(), TODAY)
    assert _row(waiting, f"{service.start_due:%B %Y}") == (0, 0, 1)
    assert _row(dashboard.waiting_now(council.pk, _filters(), TODAY), "Service starting") == (
        1,
        1,
    )
    service.started_on = service.start_due + dt.timedelta(days=2)
    service.save()
    late = dashboard.timeliness(start, council.pk, _filters(), TODAY)
    assert _row(late, f"{service.start_due:%B %Y}") == (0, 1, 0)


def test_eligibility_outcomes_of_confirmed_decisions(council):
    from tests.eligibility.factories import decision_for

    family = ChildFactory(family__council=council).family
    decision = decision_for(family, confirm=True)
    today = timezone.localdate()
    figure = dashboard.eligibility(council.pk, dashboard.Filters(today, today), today)
    eligible = bool(decision.result["eligible"])
    assert figure.rows[0][1] == (1, int(eligible), int(not eligible))
    clock = next(c for c in dashboard.CLOCKS if c.key == "decision")
    timely = dashboard.timeliness(
        clock, council.pk, dashboard.Filters(today.replace(day=1), today + dt.timedelta(60)), today
    )
    assert sum(cells[0] for _, cells in timely.rows) == 1  # decided the day it was authorised


@pytest.mark.parametrize("team", [False, True], ids=["all teams", "one team"])
def test_the_first_dashboard_reads_the_requests_once_and_counts_as_each_figure_alone(
    council, analyst, team, django_assert_num_queries
):
    blue = Team.objects.create(council=council, name="Blue team")
    worker = staff_user(council, Role.PRACTITIONER)
    Membership.objects.filter(user=worker).update(team=blue)
    _request(council, dt.date(2025, 11, 3), due=dt.date(2025, 11, 4))  # before: waiting, late
    earlier = _request(council, dt.date(2025, 10, 1), due=dt.date(2025, 10, 2), worker=worker)
    _decide(earlier, dt.date(2025, 10, 2), analyst)  # before the range: in no month
    decided = _request(council, dt.date(2026, 3, 9), due=dt.date(2026, 3, 10), worker=worker)
    _decide(decided, dt.date(2026, 3, 12), analyst)  # in the range: late
    _request(council, dt.date(2026, 4, 1), due=dt.date(2026, 4, 2), worker=worker)  # overdue
    _request(council, dt.date(2026, 7, 6), due=dt.date(2026, 7, 7))  # after: waiting, not late
    filters = _filters(team_id=blue.pk if team else None)
    alone = (
        dashboard.waiting_now(council.pk, filters, TODAY),
        [dashboard.timeliness(c, council.pk, filters, TODAY) for c in dashboard.CLOCKS],
    )

    with django_assert_num_queries(len(dashboard.CLOCKS) + 3):
        waiting, summary, clocks = dashboard.waiting_and_clocks(council.pk, filters, TODAY)

    assert waiting == alone[0]
    assert list(clocks) == alone[1]
    assert _row(clocks[0], "March 2026") == (0, 1, 0)
    assert _row(clocks[0], "April 2026") == (0, 0, 1)
    assert sum(sum(cells) for _, cells in clocks[0].rows) == 2  # nothing outside the range
    assert _row(waiting, "Next-step decision") == ((1, 1) if team else (3, 2))
    assert _row(summary, "Next-step decision") == (0, 1, 1)
