"""The forum's figures (issue 15, point 6): month by month, every figure from fewer than 5
families held back and marked, a table and a CSV download for each chart (cells that a
spreadsheet would run are neutralised), and a query count that does not grow with the data."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.figures import selectors
from supportfirst.rules.smallfigures import (
    SafeFigure,
    csv_text,
    is_suppressed,
    neutralise,
    share,
)
from supportfirst.training.models import Course, TrainingRecord
from tests.accounts.factories import staff_user
from tests.assessments.factories import AssessmentFactory
from tests.conftest import signed_in_client
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory


def _requests(council, families, *, each=1):
    for _ in range(families):
        child = ChildFactory(family__council=council)
        for _ in range(each):
            SupportRequestFactory(child=child)


@pytest.fixture
def forum(council):
    return staff_user(council, Role.FORUM_MEMBER)


def _this_month(council):
    chart = selectors.requests_chart(council.pk, selectors.months_shown(timezone.localdate()))
    return chart.rows[0].cells[0]


# The rules, as plain Python.


def test_suppression_at_4_and_5_families():
    assert is_suppressed(4)
    assert not is_suppressed(5)
    assert not is_suppressed(0)
    assert SafeFigure(9, 4).shown == "fewer than 5 families"
    assert SafeFigure(9, 4).cell == "*"
    assert SafeFigure(9, 5).shown == "9"
    assert share(SafeFigure(3, 4), SafeFigure(10, 8)) is None
    assert share(SafeFigure(6, 5), SafeFigure(8, 6)) == 75


@pytest.mark.parametrize("dangerous", ["=1+1", "+44 1632", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(dangerous):
    assert neutralise(dangerous) == "'" + dangerous
    text = csv_text(["Month", dangerous], [["March 2026", dangerous]])
    assert f"'{dangerous[:2]}" in text
    assert "\n=" not in text
    assert ",=" not in text


def test_ordinary_csv_cells_are_kept():
    assert neutralise("March 2026") == "March 2026"
    assert neutralise(5) == "5"
    assert csv_text(["a", "b"], [[1, None]]) == "a,b\r\n1,\r\n"


# Counted from the database.


def test_requests_from_4_families_are_held_back(council):
    _requests(council, 4, each=2)
    cell = _this_month(council)
    assert (cell.count, cell.families, cell.suppressed) == (8, 4, True)


def test_requests_from_5_families_are_shown(council):
    _requests(council, 5)
    cell = _this_month(council)
    assert (cell.count, cell.families, cell.suppressed) == (5, 5, False)


def test_another_councils_requests_are_not_counted(council, other_council):
    _requests(other_council, 6)
    assert _this_month(council).count == 0


def test_the_page_marks_held_back_figures_and_shows_the_rest(council, forum):
    _requests(council, 4)
    response = signed_in_client(forum).get("/staff/forum-figures/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The forum's figures, month by month" in page
    assert "Requests for help" in page
    assert '*<span class="govuk-visually-hidden"> fewer than 5 families</span>' in page
    assert "<svg" in page
    assert "<script" not in page.split("<main")[1].split("</main>")[0]
    _requests(council, 1)
    page = signed_in_client(forum).get("/staff/forum-figures/").content.decode()
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">5</td>' in page


def test_the_csv_download(council, forum):
    _requests(council, 4)
    response = signed_in_client(forum).get("/staff/forum-figures/download/?chart=requests")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    month = f"{timezone.localdate():%B %Y}"
    assert text.startswith("Month,Requests\r\n")
    assert f"{month},*\r\n" in text
    assert "*: fewer than 5 families, not shown" in text


def test_an_unknown_chart_is_not_found(forum):
    response = signed_in_client(forum).get("/staff/forum-figures/download/?chart=nope")
    assert response.status_code == 404


def test_families_and_practitioners_do_not_see_the_figures(council, family):
    from tests.accounts.factories import family_user

    for user in (staff_user(council, Role.PRACTITIONER), family_user(family)):
        assert signed_in_client(user).get("/staff/forum-figures/").status_code == 403


def test_the_share_of_assessments_by_trained_staff(council):
    manager = staff_user(council, Role.TEAM_MANAGER)
    trained = staff_user(council, Role.PRACTITIONER)
    TrainingRecord.objects.create(
        council=council,
        person=trained,
        course=Course.ASSESSMENT,
        completed_on=timezone.localdate() - datetime.timedelta(days=60),
        renew_by=timezone.localdate() + datetime.timedelta(days=600),
        delivered_by="Priya Shah",
        parent_carers="Dawn Clarke, parent carer",
        recorded_by=manager,
        recorded_at=timezone.now(),
    )
    untrained = staff_user(council, Role.PRACTITIONER)
    for who in [trained] * 6 + [untrained] * 2:
        AssessmentFactory(
            request__child=ChildFactory(family__council=council),
            started_by=who,
            status=AssessmentStatus.AUTHORISED,
            authorised_at=timezone.now(),
        )
    got = selectors.trained_share(scope=scope_for(manager))
    assert (got.assessments.count, got.by_trained.count, got.percent) == (8, 6, 75)
    chart = selectors.assessments_chart(council.pk, selectors.months_shown(timezone.localdate()))
    assert [c.count for c in chart.rows[0].cells] == [8, 8, 6]


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as seen:
        assert client.get("/staff/forum-figures/").status_code == 200
    return len(seen)


def test_the_query_count_does_not_grow_with_the_data(council, forum):
    client = signed_in_client(forum)
    _requests(council, 1)
    few = _queries(client)
    _requests(council, 12, each=2)
    assert _queries(client) == few


def _full_month(council, families):
    """Plans agreed, services started 10 days after the request, moves to safeguarding."""
    from supportfirst.pathway.models import MoveStatus
    from supportfirst.plans.models import PlanStatus
    from tests.accounts.factories import UserFactory
    from tests.pathway.factories import ProposedMoveFactory
    from tests.plans.factories import DraftPlanFactory, PlannedServiceFactory

    today = timezone.localdate()
    received = timezone.now() - datetime.timedelta(days=10)
    for _ in range(families):
        child = ChildFactory(family__council=council)
        plan = DraftPlanFactory(
            request__child=child,
            request__received_at=received,
            status=PlanStatus.AGREED,
            responded_at=timezone.now(),
        )
        PlannedServiceFactory(plan=plan, started_on=today)
        ProposedMoveFactory(
            request__child=child,
            proposed_by=UserFactory(),
            status=MoveStatus.APPROVED,
            decided_at=timezone.now(),
        )


def test_plans_services_and_moves_are_counted_by_month(council):
    _full_month(council, 5)
    months = selectors.months_shown(timezone.localdate())
    plans = selectors.plans_chart(council.pk, months).rows[0].cells
    assert [(c.count, c.suppressed) for c in plans] == [(5, False), (0, False)]
    started = selectors.support_start_chart(council.pk, months).rows[0].cells
    assert [c.count for c in started] == [5, 10]
    moves = selectors.safeguarding_chart(council.pk, months).rows[0].cells
    assert moves[0].count == 5


def test_the_query_count_stays_flat_with_every_chart_filled(council, forum):
    client = signed_in_client(forum)
    _full_month(council, 1)
    few = _queries(client)
    _full_month(council, 7)
    assert _queries(client) == few


def test_eligibility_outcomes_by_criterion_with_departures_and_a_safe_download(council, forum):
    from supportfirst.eligibility.models import (
        DecisionStatus,
        EligibilityDecision,
        PublishedCriteria,
    )
    from supportfirst.eligibility.publishing import criteria_publish_shipped
    from tests.accounts.factories import UserFactory
    from tests.assessments.factories import AuthorisedAssessmentFactory

    criteria_publish_shipped()
    criteria = PublishedCriteria.objects.order_by("pk").first()
    maker = UserFactory()
    for n in range(5):
        assessment = AuthorisedAssessmentFactory(
            request__child=ChildFactory(family__council=council)
        )
        EligibilityDecision.objects.create(
            family=assessment.family,
            assessment=assessment,
            criteria=criteria,
            case={},
            result={
                "needs": [
                    {"need_id": "a", "met": True, "criterion_id": "=HYPERLINK(1)"},
                    {"need_id": "b", "met": False, "criterion_id": "=HYPERLINK(1)"},
                ]
            },
            # One family's second need met after the practitioner departed from the result.
            departures={"needs": {"b": {"met": True, "reason": "Nights"}}} if n == 0 else {},
            status=DecisionStatus.CONFIRMED,
            made_by=maker,
            made_at=timezone.now(),
        )
    chart = selectors.eligibility_chart(council.pk, selectors.months_shown(timezone.localdate()))
    (row,) = chart.rows
    assert row.detail == "=HYPERLINK(1)"
    assert [(c.count, c.families, c.suppressed) for c in row.cells] == [
        (6, 5, False),
        (4, 4, True),
    ]
    text = (
        signed_in_client(forum)
        .get("/staff/forum-figures/download/?chart=eligibility")
        .content.decode()
    )
    month = f"{timezone.localdate():%B %Y}"
    assert text.splitlines()[:2] == [
        "Month,Criterion,Needs that met it,Needs that did not",
        f"{month},'=HYPERLINK(1),6,*",
    ]


def test_intrusions_and_complaints_are_counted_by_month(council):
    from supportfirst.pathway.models import FamilyView
    from tests.complaints.factories import complaint_for
    from tests.pathway.factories import IntrusionRecordFactory

    for n in range(6):
        child = ChildFactory(family__council=council)
        IntrusionRecordFactory(
            contact__request__child=child,
            contact__happened_at=timezone.now(),
            family_view=FamilyView.OBJECT if n < 5 else FamilyView.AGREE,
        )
        complaint_for(child.family, stage=2 if n < 5 else 1)
    months = selectors.months_shown(timezone.localdate())
    intrusions = selectors.intrusions_chart(council.pk, months).rows[0].cells
    assert [(c.count, c.suppressed) for c in intrusions] == [(6, False), (5, False)]
    complaints = selectors.complaints_chart(council.pk, months).rows[0].cells
    assert [(c.count, c.suppressed) for c in complaints] == [(6, False), (5, False), (0, False)]


def test_every_charts_figures_in_one_download(council, forum):
    _requests(council, 5)
    response = signed_in_client(forum).get("/staff/forum-figures/download/")
    assert response.status_code == 200
    text = response.content.decode()
    month = f"{timezone.localdate():%B %Y}"
    assert "Chart,Month,Requests\r\n" in text
    assert f"Requests for help,{month},5\r\n" in text
    assert "Chart,Month,Stage 1: local resolution," in text
