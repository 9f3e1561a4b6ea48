"""Issue 19 point 5: the register of disabled children (Children Act 1989, Schedule 2, paragraph
2). Every child with a request for help is on it, with their disabilities in plain English, the
areas of need from authorised assessments and the services in agreed plans; 50 to a page,
counted in the database; a streamed CSV download written to the access log; and the family sees
on the child's page that the child is on it, and what it is for."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.audit.models import AccessEvent, Action
from supportfirst.councils.models import Role
from supportfirst.plans.models import PlanStatus
from supportfirst.returns import register
from supportfirst.rules.returns.equality import years_before
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import AssessmentFactory, AuthorisedAssessmentFactory, NeedFactory
from tests.conftest import signed_in_client
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportRequestFactory
from tests.plans.factories import DraftPlanFactory, PlannedServiceFactory
from tests.returns.logged import assert_logged_from_command_line


@pytest.fixture
def data_team(council):
    return staff_user(council, Role.DATA_TEAM)


def _known(council, **child):
    made = ChildFactory(family__council=council, **child)
    SupportRequestFactory(child=made)
    return made


def _with_needs_and_services(child):
    request = SupportRequestFactory(child=child)
    assessment = AuthorisedAssessmentFactory(request=request)
    NeedFactory(area=assessment.areas.get(code="sleep"))
    NeedFactory(area=assessment.areas.get(code="communication"))
    draft = AssessmentFactory(
        request=SupportRequestFactory(child=child), status=AssessmentStatus.IN_PROGRESS
    )
    NeedFactory(area=draft.areas.get(code="travel"))  # not authorised: not on the register
    agreed = DraftPlanFactory(request=request, status=PlanStatus.AGREED)
    PlannedServiceFactory(plan=agreed, name="Saturday club")
    shared = DraftPlanFactory(request=request, status=PlanStatus.SHARED)
    PlannedServiceFactory(plan=shared, name="Overnight stay")  # not agreed yet


def test_who_is_on_the_register(council, other_council):
    ama = _known(council, first_name="Ama", last_name="Osei")
    ChildFactory(family__council=council, first_name="Ben")  # never asked for help
    _known(other_council, first_name="Cal")
    assert list(register.register_children(council.pk)) == [ama]
    assert register.is_on_register(ama)


def test_each_childs_disabilities_needs_and_services(council):
    ama = _known(council, first_name="Ama", last_name="Osei", disability_codes=["MOB", "AUT"])
    _with_needs_and_services(ama)
    (entry,) = register.entries([ama])
    assert entry.name == "Ama Osei"
    assert entry.disabilities == ("Mobility", "Autism or Asperger syndrome")
    assert entry.needs == ("Communication", "Sleep")
    assert entry.services == ("Saturday club",)


def test_the_page_for_the_data_team(data_team, council):
    ama = _known(council, first_name="Ama", last_name="Osei", disability_codes=["HEAR"])
    _with_needs_and_services(ama)
    _known(council, first_name="Dev", last_name="Shah", disability_codes=[])
    page = signed_in_client(data_team).get("/staff/returns/register/")
    text = page.content.decode()
    assert page.status_code == 200
    assert '<th scope="row" class="govuk-table__header">Ama Osei</th>' in text
    assert "Hearing" in text
    assert "Communication, Sleep" in text
    assert "Saturday club" in text
    assert "Overnight stay" not in text
    assert "2 children on the register" in text
    assert AccessEvent.objects.filter(
        record_type="list", record_id="register:1", action=Action.LIST, family_id=None
    ).exists()


def test_50_to_a_page_and_the_query_count_stays_flat(data_team, council):
    for i in range(55):
        _known(council, first_name=f"Child{i:02d}", last_name="Test")
    client = signed_in_client(data_team)
    with CaptureQueriesContext(connection) as first:
        page = client.get("/staff/returns/register/")
    assert page.status_code == 200
    assert len(page.context["entries"]) == 50
    assert "55 children on the register, 1 to 50 shown" in page.content.decode()
    second = client.get("/staff/returns/register/?page=2")
    assert len(second.context["entries"]) == 5
    for i in range(30):
        _known(council, first_name=f"More{i:02d}", last_name="Test")
    with CaptureQueriesContext(connection) as again:
        assert client.get("/staff/returns/register/").status_code == 200
    assert len(again.captured_queries) == len(first.captured_queries)


def test_the_csv_download_is_streamed_and_logged(data_team, council):
    ama = _known(council, first_name="Ama", last_name="Osei", disability_codes=["MOB"])
    _with_needs_and_services(ama)
    _known(council, first_name="=cmd", last_name="Test", disability_codes=[])
    got = signed_in_client(data_team).get("/staff/returns/register/download/")
    assert got.status_code == 200
    assert got.streaming
    assert got["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(got.streaming_content).decode()
    assert text.startswith("Child,Date of birth,Disabilities,Areas of need")
    assert "Ama Osei,1 May 2015,Mobility,Communication; Sleep,Saturday club\r\n" in text
    assert "'=cmd Test,1 May 2015,None recorded,None recorded,None recorded\r\n" in text
    assert AccessEvent.objects.filter(
        record_type="return", record_id="register-of-disabled-children", action=Action.DOWNLOAD
    ).exists()


def test_the_csv_reads_in_batches(council, monkeypatch):
    monkeypatch.setattr(register, "BATCH", 2)
    for i in range(5):
        _known(council, first_name=f"Child{i}", last_name="Test")
    lines = list(register.register_csv(council.pk))
    assert len(lines) == 6


def test_a_worker_cannot_open_it(council):
    worker = staff_user(council, Role.PRACTITIONER)
    assert signed_in_client(worker).get("/staff/returns/register/").status_code == 403


def test_the_family_sees_the_child_is_on_the_register(council):
    ama = _known(council, first_name="Ama", last_name="Osei")
    page = signed_in_client(family_user(ama.family)).get(f"/family/children/{ama.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert (
        f"Ama is on {council.name}'s register of disabled children. The law (the Children "
        "Act 1989) says every council must keep a register of the disabled children in its "
        "area. The council uses it to plan its services. Being on it does not change the help "
        "Ama can get."
    ) in text
    assert (
        "If you do not want Ama on the register, tell us. We will talk with you about it."
    ) in text


def test_a_child_never_asked_about_is_not_said_to_be_on_it(council):
    ben = ChildFactory(family__council=council, first_name="Ben")
    page = signed_in_client(family_user(ben.family)).get(f"/family/children/{ben.pk}/")
    assert page.status_code == 200
    assert "register of disabled children" not in page.content.decode()


def test_the_command_line_writes_the_register(council, tmp_path, capsys, monkeypatch):
    from supportfirst.cli import main

    monkeypatch.setattr("supportfirst.cli._refuse_insecure", lambda: None)
    monkeypatch.setattr("supportfirst.cli._django_setup", lambda **_: None)
    _known(council, first_name="Ama", last_name="Osei", disability_codes=["VIS"])
    _known(council, first_name="Dev", last_name="Shah")
    out = tmp_path / "register.csv"
    code = main(["export", "register", "--council", council.la_code, "--output", str(out)])
    assert code == 0
    said = capsys.readouterr().err
    assert f"for {council.name} to {out.resolve()}: 2 children." in said
    text = out.read_bytes().decode("utf-8")
    assert "Ama Osei,1 May 2015,Vision,None recorded,None recorded\r\n" in text
    assert_logged_from_command_line(council, "register-of-disabled-children")
    assert main(["export", "register", "--council", "999", "--output", str(out)]) == 2
    assert "No council has the LA code 999." in capsys.readouterr().err


def test_young_people_of_18_or_over_are_not_on_the_register(council):
    """It is a register of disabled children: anyone 18 or over on the day it is read is left
    out of the page, the download and the family's sentence."""
    today = dt.date(2026, 6, 15)
    turned_18 = _known(
        council, first_name="Eve", last_name="Adult", date_of_birth=dt.date(2008, 6, 15)
    )
    older = _known(council, first_name="Fay", last_name="Adult", date_of_birth=dt.date(2000, 1, 1))
    nearly = _known(
        council, first_name="Gus", last_name="Young", date_of_birth=dt.date(2008, 6, 16)
    )
    assert list(register.register_children(council.pk, today=today)) == [nearly]
    assert not register.is_on_register(turned_18, today=today)
    assert not register.is_on_register(older, today=today)
    assert register.is_on_register(nearly, today=today)
    text = "".join(register.register_csv(council.pk, today=today))
    assert "Gus Young" in text
    assert "Adult" not in text


def test_the_family_of_a_young_person_of_18_does_not_see_the_sentence(council):
    eve = _known(council, first_name="Eve", date_of_birth=years_before(timezone.localdate(), 18))
    page = signed_in_client(family_user(eve.family)).get(f"/family/children/{eve.pk}/")
    assert page.status_code == 200
    assert "Eve" in page.content.decode()
    assert "register of disabled children" not in page.content.decode()


def test_the_csv_is_in_the_pages_name_order_in_batches(council, monkeypatch):
    monkeypatch.setattr(register, "BATCH", 2)
    names = [("Zoe", "Able"), ("Ama", "Osei"), ("Bea", "Able"), ("Ama", "Able"), ("Ama", "Osei")]
    for first, last in names:
        _known(council, first_name=first, last_name=last)
    lines = list(register.register_csv(council.pk))
    assert [line.split(",")[0] for line in lines[1:]] == [
        "Ama Able",
        "Bea Able",
        "Zoe Able",
        "Ama Osei",
        "Ama Osei",
    ]
    page_order = [f"{c.first_name} {c.last_name}" for c in register.register_children(council.pk)]
    assert page_order == [line.split(",")[0] for line in lines[1:]]
