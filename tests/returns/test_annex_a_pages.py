"""The Annex A page for the data team and managers: choose a period (GOV.UK date inputs, the error
summary on bad input, what was typed kept), see each list's rows, download the workbook or a
list's CSV file, each download in the access log."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from supportfirst.audit.models import AccessEvent, Action
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportPathwayRequestFactory

PAGE = "/staff/returns/annex-a/"
PERIOD = "?from=2026-01-01&to=2026-03-31"


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), timezone.get_current_timezone())


def _requests(council, n, day=dt.date(2026, 2, 1)):
    for i in range(n):
        child = family_with_everyone(council, name=f"Family {i}").children.get()
        SupportPathwayRequestFactory(child=child, received_at=_at(day))


@pytest.fixture
def data_team(council):
    return staff_user(council, Role.DATA_TEAM, full_name="Omar Haddad")


def _form(start=("1", "1", "2026"), end=("31", "3", "2026")):
    return {
        "start_0": start[0],
        "start_1": start[1],
        "start_2": start[2],
        "end_0": end[0],
        "end_1": end[1],
        "end_2": end[2],
    }


def test_the_page_shows_the_rows_in_each_list_for_the_period(data_team, council, other_council):
    _requests(council, 2)
    _requests(other_council, 3)
    page = signed_in_client(data_team).get(PAGE + PERIOD)
    assert page.status_code == 200
    body = page.content.decode()
    assert '<h1 class="govuk-heading-l">Ofsted Annex A lists</h1>' in body
    assert "From 1 January 2026 to 31 March 2026" in body
    assert body.count('govuk-table__cell--numeric">2</td>') == 3  # lists 1, 3 and 6
    assert 'govuk-table__cell--numeric">0</td>' in body  # list 4: no assessment
    assert (
        f'href="/staff/returns/annex-a/csv/?list=6&amp;{PERIOD[1:].replace("&", "&amp;")}"' in body
    )
    assert f'href="/staff/returns/annex-a/workbook/{PERIOD.replace("&", "&amp;")}"' in body
    assert "List 5. Section 47 enquiries" in body


def test_the_page_opens_on_the_last_six_months(data_team):
    page = signed_in_client(data_team).get(PAGE)
    assert page.status_code == 200
    today = timezone.localdate()
    body = page.content.decode()
    assert f"to {today:%-d %B %Y}</h2>" in body
    # Where "child seen" comes from, and what the service leaves to the council's own system.
    assert "come from the days workers record" in body
    assert 'never "No"' in body


def test_a_period_chosen_goes_into_the_address(data_team):
    response = signed_in_client(data_team).post(PAGE, _form())
    assert response.status_code == 302
    assert response["Location"] == PAGE + PERIOD


def test_a_date_that_does_not_exist_is_explained_and_kept(data_team):
    response = signed_in_client(data_team).post(PAGE, _form(start=("31", "2", "2026")))
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert '<a href="#id_start">Enter a date that exists, like 27 3 2026' in body
    assert '<input type="text" name="start_0" value="31"' in body
    assert '<input type="text" name="start_1" value="2"' in body


def test_a_period_that_ends_before_it_starts_is_explained(data_team):
    response = signed_in_client(data_team).post(
        PAGE, _form(start=("1", "3", "2026"), end=("1", "1", "2026"))
    )
    assert response.status_code == 400
    assert "The last day must be the same as or after the first day" in response.content.decode()


def test_an_empty_form_is_explained(data_team):
    response = signed_in_client(data_team).post(PAGE, _form(start=("", "", ""), end=("", "", "")))
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


def test_a_period_in_the_future_is_refused(data_team):
    next_year = str(timezone.localdate().year + 1)
    response = signed_in_client(data_team).post(PAGE, _form(end=("1", "1", next_year)))
    assert response.status_code == 400
    assert "The period must end today or earlier" in response.content.decode()


def test_the_page_takes_the_same_queries_however_many_requests(
    data_team, council, django_assert_max_num_queries
):
    _requests(council, 2)
    client = signed_in_client(data_team)
    with CaptureQueriesContext(connection) as few:
        assert client.get(PAGE + PERIOD).status_code == 200
    _requests(council, 10)
    with django_assert_max_num_queries(len(few)):
        page = client.get(PAGE + PERIOD)
    assert 'govuk-table__cell--numeric">12</td>' in page.content.decode()


def test_the_workbook_download_is_logged(data_team, council):
    _requests(council, 2)
    response = signed_in_client(data_team).get("/staff/returns/annex-a/workbook/" + PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="annex-a-{council.la_code}-2026-01-01-to-2026-03-31.xlsx"'
    )
    assert "no-store" in response["Cache-Control"]
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == ["List 1", "List 3", "List 4", "List 6"]
    assert book["List 1"].max_row == 3
    event = AccessEvent.objects.get(record_type="return", action=Action.DOWNLOAD)
    assert event.record_id == "annex-a:2026-01-01:2026-03-31:xlsx"


def test_a_list_downloads_as_csv_and_is_logged(data_team, council, other_council):
    _requests(council, 1)
    _requests(other_council, 1)
    response = signed_in_client(data_team).get("/staff/returns/annex-a/csv/?list=3&" + PERIOD[1:])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Child Unique ID,Gender,Ethnicity,Date of Birth,")
    assert len(lines) == 2
    assert AccessEvent.objects.filter(
        record_id="annex-a:2026-01-01:2026-03-31:list-3", action=Action.DOWNLOAD
    ).exists()


@pytest.mark.parametrize(
    "address",
    [
        "/staff/returns/annex-a/csv/?list=3&from=2026-03-01&to=2026-01-01",
        "/staff/returns/annex-a/csv/?list=3&from=yesterday&to=2026-01-01",
        "/staff/returns/annex-a/workbook/",
    ],
)
def test_a_download_without_a_real_period_is_refused_plainly(data_team, address):
    response = signed_in_client(data_team).get(address)
    assert response.status_code == 400
    assert "The period for the Annex A lists is not a real one" in response.content.decode()
    assert not AccessEvent.objects.filter(action=Action.DOWNLOAD).exists()


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ("?list=2&" + PERIOD[1:], "There is no list 2 here"),
        ("?list=abc&" + PERIOD[1:], "There is no list abc here"),
        ("?list=٣&" + PERIOD[1:], "There is no list ٣ here"),
        ("?list=<b>9</b>&" + PERIOD[1:], "There is no list &lt;b&gt;9&lt;/b&gt; here"),
        (PERIOD, "Choose one of the Annex A lists"),
        ("?list=2", "There is no list 2 here"),
    ],
)
def test_a_download_of_a_list_that_is_not_there_names_the_lists(data_team, query, heading):
    response = signed_in_client(data_team).get("/staff/returns/annex-a/csv/" + query)
    assert response.status_code == 400
    body = response.content.decode()
    assert f"<title>{heading}" in body
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in body
    assert "The lists are 1, 3, 4 and 6." in body
    assert "not a real one" not in body
    assert not AccessEvent.objects.filter(action=Action.DOWNLOAD).exists()


def test_a_manager_may_use_the_page_and_a_practitioner_may_not(council):
    manager = staff_user(council, Role.TEAM_MANAGER)
    worker = staff_user(council, Role.PRACTITIONER)
    assert signed_in_client(manager).get(PAGE).status_code == 200
    for address in (PAGE, "/staff/returns/annex-a/workbook/" + PERIOD):
        assert signed_in_client(worker).get(address).status_code == 403


def test_the_returns_list_links_to_annex_a(data_team):
    page = signed_in_client(data_team).get("/staff/returns/")
    assert page.status_code == 200
    assert f'href="{PAGE}">Ofsted Annex A lists</a>' in page.content.decode()
