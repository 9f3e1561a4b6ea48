"""Annex A from the council's records: which requests and assessments make each list, the
allocated worker and team, the council wall, flat query counts, and the command line."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from supportfirst.cli import main
from supportfirst.councils.models import Role, Team
from supportfirst.pathway.models import RequestStatus
from supportfirst.plans.models import PlanStatus
from supportfirst.returns import annex_a
from supportfirst.returns.models import (
    AssessmentCensusFactors,
    ChildCensusDetails,
    RequestCensusDetails,
)
from supportfirst.returns.selectors import requests_open_between
from tests.accounts.factories import staff_user
from tests.assessments.factories import AssessmentFactory, AuthorisedAssessmentFactory
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportPathwayRequestFactory, SupportRequestFactory
from tests.plans.factories import DraftPlanFactory
from tests.returns.logged import assert_logged_from_command_line

PERIOD = annex_a.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10), timezone.get_current_timezone())


def _child(council, name="Osei family"):
    return family_with_everyone(council, name=name).children.get()


def _csv(council, number):
    text = "".join(annex_a.csv_chunks(council, PERIOD, number))
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def worker(council):
    user = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")
    user.membership.team = Team.objects.create(council=council, name="Disabled Children's Team")
    user.membership.save()
    return user


def test_a_request_received_in_the_period_is_a_contact_and_a_referral(council, worker):
    child = _child(council)
    child.family.allocated_worker = worker
    child.family.save()
    ChildCensusDetails.objects.create(
        family=child.family,
        child=child,
        sex="F",
        ethnicity="BAFR",
        updated_at=timezone.now(),
        updated_by=worker,
    )
    SupportRequestFactory(child=child, received_at=_at(dt.date(2025, 6, 1)))
    SupportRequestFactory(child=child, received_at=_at(dt.date(2026, 2, 3)), who_asked="parent")
    SupportRequestFactory(child=child, received_at=_at(dt.date(2026, 4, 1)))  # after the period

    (contact,) = _csv(council, 1)
    assert contact["Child Unique ID"] == f"SF{child.pk}"
    assert contact["Gender"] == "b) Female"
    assert contact["Ethnicity"] == "o) BAFR"
    assert contact["Date of Birth"] == f"{child.date_of_birth:%d/%m/%Y}"
    assert contact["Age of Child (Years)"] == "10"
    assert contact["Date of Contact"] == "03/02/2026"
    assert contact["Contact Source"] == "a) 1A: Individual"

    (referral,) = _csv(council, 3)
    assert referral["Date of referral"] == "03/02/2026"
    assert referral["Referral NFA?"] == "b) No"
    assert referral["Number of Referrals in Last 12 Months"] == "1"
    assert referral["Allocated Team"] == "Disabled Children's Team"
    assert referral["Allocated Worker"] == "Sam Patel"


def test_information_and_advice_is_a_referral_with_no_further_action(council):
    SupportRequestFactory(
        child=_child(council),
        received_at=_at(dt.date(2026, 1, 5)),
        status=RequestStatus.INFORMATION_GIVEN,
        who_asked="professional",
    )
    (referral,) = _csv(council, 3)
    assert referral["Referral NFA?"] == "a) Yes"
    assert referral["Referral Source"] == "u) 10: Unknown"
    assert referral["Allocated Worker"] == ""
    # The census counts it as open in the period (referral, no further action): so does List 6.
    assert len(_csv(council, 6)) == 1


def test_assessments_started_or_authorised_in_the_period(council):
    def request(name, received):
        return SupportPathwayRequestFactory(child=_child(council, name), received_at=_at(received))

    done = request("Osei family", dt.date(2025, 11, 1))
    AuthorisedAssessmentFactory(
        request=done, started_on=dt.date(2025, 11, 10), authorised_at=_at(dt.date(2026, 1, 20))
    )
    DraftPlanFactory(request=done)
    AssessmentFactory(
        request=request("Lee family", dt.date(2026, 3, 1)), started_on=dt.date(2026, 3, 2)
    )
    # Started before the period and still open: not in it.
    AssessmentFactory(
        request=request("Khan family", dt.date(2025, 11, 1)), started_on=dt.date(2025, 12, 1)
    )
    rows = _csv(council, 4)
    assert [r["Continuous Assessment Start Date"] for r in rows] == ["10/11/2025", "02/03/2026"]
    first, second = rows
    assert first["Continuous Assessment Date of Authorisation"] == "20/01/2026"
    assert first["Was the child assessed as requiring LA children's social care support?"] == (
        "a) Yes"
    )
    assert first["Does the Child have a Disability"] == "a) Yes"
    assert first["Child Seen During Continuous Assessment"] == "c) Unknown"
    assert second["Continuous Assessment Date of Authorisation"] == ""
    assert second["Was the child assessed as requiring LA children's social care support?"] == ""


def test_children_in_need_open_in_the_period(council, worker):
    child = _child(council)
    planned = SupportPathwayRequestFactory(child=child, received_at=_at(dt.date(2025, 9, 1)))
    DraftPlanFactory(request=planned, status=PlanStatus.AGREED)
    closed = SupportPathwayRequestFactory(
        child=_child(council, "Lee family"), received_at=_at(dt.date(2025, 10, 1))
    )
    RequestCensusDetails.objects.create(
        family=closed.family,
        request=closed,
        primary_need="N3",
        closed_on=dt.date(2026, 2, 14),
        closure_reason="RC7",
        updated_at=timezone.now(),
        updated_by=worker,
    )
    gone = SupportPathwayRequestFactory(
        child=_child(council, "Khan family"), received_at=_at(dt.date(2025, 5, 1))
    )
    RequestCensusDetails.objects.create(
        family=gone.family,
        request=gone,
        closed_on=dt.date(2025, 12, 31),  # closed before the period
        closure_reason="RC7",
        updated_at=timezone.now(),
        updated_by=worker,
    )
    rows = _csv(council, 6)
    assert [r["CIN Start Date"] for r in rows] == ["01/09/2025", "01/10/2025"]
    assert rows[0]["Case Status"] == "c) Child in need plan"
    assert rows[0]["Primary Need Code"] == "N2 - Child's disability"
    assert rows[1]["Case Status"] == "e) Closed episode"
    assert rows[1]["CIN Closure Date"] == "14/02/2026"
    assert rows[1]["Reason for Closure"] == (
        "RC7 - Services ceased for any other reason, including child no longer in need"
    )
    assert rows[1]["Primary Need Code"] == "N3 - Parental disability or illness"
    assert annex_a.counts(council, PERIOD) == {1: 0, 3: 0, 4: 0, 6: 2}


def test_the_days_a_worker_met_the_child_are_in_lists_4_and_6(council, worker):
    request = SupportPathwayRequestFactory(
        child=_child(council), received_at=_at(dt.date(2026, 1, 5))
    )
    met = AuthorisedAssessmentFactory(
        request=request, started_on=dt.date(2026, 1, 10), authorised_at=_at(dt.date(2026, 2, 1))
    )
    AssessmentCensusFactors.objects.create(
        family=request.family,
        assessment=met,
        factors=["6A"],
        # The last day is after the period: List 6 shows the last day within it.
        child_seen_on=["2026-01-12", "2026-03-20", "2026-04-02"],
        updated_at=timezone.now(),
        updated_by=worker,
    )
    assessed = _csv(council, 4)
    assert [r["Child Seen During Continuous Assessment"] for r in assessed] == ["a) Yes"]
    in_need = _csv(council, 6)
    assert [r["Date Child Was Last Seen"] for r in in_need] == ["20/03/2026"]


def test_another_councils_records_are_never_in_the_lists(council, other_council):
    SupportPathwayRequestFactory(child=_child(other_council), received_at=_at(dt.date(2026, 2, 1)))
    assert annex_a.counts(council, PERIOD) == {1: 0, 3: 0, 4: 0, 6: 0}
    assert all(_csv(council, n) == [] for n in (1, 3, 4, 6))


def _families(council, n, worker):
    for i in range(n):
        child = _child(council, f"Family {i}")
        child.family.allocated_worker = worker
        child.family.save()
        request = SupportPathwayRequestFactory(child=child, received_at=_at(dt.date(2026, 2, 1)))
        AuthorisedAssessmentFactory(
            request=request, started_on=dt.date(2026, 2, 2), authorised_at=_at(dt.date(2026, 3, 1))
        )


def _everything(council):
    annex_a.counts(council, PERIOD)
    for n in (1, 3, 4, 6):
        assert len(_csv(council, n)) >= 1
    annex_a.write_workbook(council, PERIOD, io.BytesIO())


def test_the_query_count_is_flat_whatever_the_size(
    council, worker, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(annex_a, "BATCH", 50)
    _families(council, 3, worker)
    with CaptureQueriesContext(connection) as small:
        _everything(council)
    # The counts, then each list (twice: CSV and workbook) a batch and its few reads (List 4 and
    # List 6 each also read the days the child was met).
    assert len(small) <= 44
    _families(council, 45, worker)
    with django_assert_max_num_queries(len(small)):
        _everything(council)


def _cli(*args):
    return main(["export", "annex-a", *args])


@pytest.fixture(autouse=True)
def _secure(monkeypatch):
    monkeypatch.setattr("supportfirst.cli._refuse_insecure", lambda: None)
    monkeypatch.setattr("supportfirst.cli._django_setup", lambda **_: None)


def test_the_command_line_writes_the_workbook(council, worker, tmp_path, capsys):
    _families(council, 2, worker)
    out = tmp_path / "annex-a.xlsx"
    code = _cli(
        "--council", council.la_code, "--from", "2026-01-01", "--to", "2026-03-31",
        "--format", "xlsx", "--output", str(out),
    )  # fmt: skip
    assert code == 0
    said = capsys.readouterr().err
    assert f"for {council.name} (List 1: 2, List 3: 2, List 4: 2, List 6: 2 rows)" in said
    book = load_workbook(out)
    assert book.sheetnames == ["List 1", "List 3", "List 4", "List 6"]
    assert book["List 6"].max_row == 3
    assert not list(tmp_path.glob(".*partial"))
    assert_logged_from_command_line(council, "annex-a:2026-01-01:2026-03-31:xlsx")


def test_the_command_line_writes_a_csv_file_per_list(council, worker, tmp_path, capsys):
    _families(council, 1, worker)
    code = _cli(
        "--council", council.la_code, "--from", "2026-01-01", "--to", "2026-03-31",
        "--format", "csv", "--output", str(tmp_path / "lists"),
    )  # fmt: skip
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "lists").iterdir())
    assert names == [
        f"annex-a-{council.la_code}-2026-01-01-to-2026-03-31-list-{n}.csv" for n in (1, 3, 4, 6)
    ]
    text = (tmp_path / "lists" / names[3]).read_text(encoding="utf-8")
    assert text.startswith("Child Unique ID,Gender,Ethnicity,Date of Birth,")
    assert "List 6: 1" in capsys.readouterr().err
    assert_logged_from_command_line(council, "annex-a:2026-01-01:2026-03-31:csv")


def test_the_command_line_refuses_a_period_that_ends_before_it_starts(council, capsys, tmp_path):
    code = _cli(
        "--council", council.la_code, "--from", "2026-03-31", "--to", "2026-01-01",
        "--output", str(tmp_path / "a.xlsx"),
    )  # fmt: skip
    assert code == 2
    assert "No Annex A lists were written. The end of the period" in capsys.readouterr().err
    assert not (tmp_path / "a.xlsx").exists()


def test_the_command_line_refuses_an_unknown_council(db, capsys):
    code = _cli("--council", "999", "--from", "2026-01-01", "--to", "2026-03-31")
    assert code == 2
    assert "No council has the LA code 999." in capsys.readouterr().err


def test_the_command_line_explains_a_date_it_cannot_read(db, capsys):
    with pytest.raises(SystemExit):
        _cli("--council", "999", "--from", "1/1/2026", "--to", "2026-03-31")
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    "status_now", [RequestStatus.SAFEGUARDING_PROPOSED, RequestStatus.MOVED_TO_SAFEGUARDING]
)
def test_a_request_moved_to_safeguarding_after_the_period_is_still_in_need_in_it(
    council, worker, status_now
):
    child = _child(council)
    moved = SupportPathwayRequestFactory(child=child, received_at=_at(dt.date(2026, 1, 20)))
    moved.status = status_now  # today's status, reached after the period
    moved.save()
    rows = _csv(council, 6)
    assert [r["Child Unique ID"] for r in rows] == [f"SF{child.pk}"]
    assert rows[0]["CIN Start Date"] == "20/01/2026"
    assert annex_a.counts(council, PERIOD)[6] == 1


def test_list_6_holds_the_requests_the_census_counts_as_open_in_the_period(council, worker):
    for name, status in [
        ("Osei family", RequestStatus.SUPPORT_PATHWAY),
        ("Lee family", RequestStatus.AWAITING_DECISION),
        ("Khan family", RequestStatus.INFORMATION_GIVEN),
        ("Ali family", RequestStatus.MOVED_TO_SAFEGUARDING),
    ]:
        SupportRequestFactory(
            child=_child(council, name), received_at=_at(dt.date(2026, 2, 1)), status=status
        )
    census = requests_open_between(council, PERIOD.start, PERIOD.end)
    assert annex_a.in_need_in(council, PERIOD).count() == census.count() == 4
    assert len(_csv(council, 6)) == 4
