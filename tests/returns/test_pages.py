"""Issue 19 points 1 and 2: what the returns need, recorded on pages a worker fills in, and the
Children in Need census: its check before sending (naming the child and the page to fix) and its
download, for managers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from supportfirst.audit.models import AccessEvent, Action
from supportfirst.councils.models import Role
from supportfirst.returns.models import (
    AssessmentCensusFactors,
    ChildCensusDetails,
    RequestCensusDetails,
)
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import AssessmentFactory, AuthorisedAssessmentFactory
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory


def _upn(rest: str = "801200001001") -> str:
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    return letters[sum(int(d) * (i + 2) for i, d in enumerate(rest)) % 23] + rest


@pytest.fixture
def worker(council):
    return staff_user(council, Role.PRACTITIONER, full_name="Sam Patel")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")


@pytest.fixture
def child(council):
    family = family_with_everyone(council, name="Osei family")
    return family.children.order_by("pk").first()


@pytest.fixture
def support_request(child):
    return SupportRequestFactory(child=child, received_at=timezone.now() - dt.timedelta(days=30))


def _child_form(**changes):
    data = {
        "version": "0",
        "sex": "F",
        "ethnicity": "BAFR",
        "upn": _upn(),
        "upn_unknown": "",
        "disability_codes": ["MOB", "CON"],
    }
    data.update(changes)
    return data


def test_a_worker_records_a_childs_details(worker, child):
    client = signed_in_client(worker)
    url = f"/staff/returns/children/{child.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert ": details for the council's returns" in page.content.decode()
    assert '"not known" is always an answer' in page.content.decode()
    saved = client.post(url, _child_form(), follow=True)
    assert saved.status_code == 200
    assert f"{child.first_name}&#x27;s details for the returns are saved." in saved.content.decode()
    details = ChildCensusDetails.objects.get(child=child)
    assert (details.sex, details.ethnicity, details.version) == ("F", "BAFR", 1)
    child.refresh_from_db()
    assert (child.upn, child.disability_codes) == (_upn(), ["MOB", "CON"])
    assert AccessEvent.objects.filter(
        record_type="returns.childcensusdetails", action=Action.CHANGE
    ).exists()


def test_a_wrong_pupil_number_is_explained_and_what_was_typed_is_kept(worker, child):
    client = signed_in_client(worker)
    wrong = "B" + _upn()[1:] if _upn()[0] != "B" else "C" + _upn()[1:]
    page = client.post(f"/staff/returns/children/{child.pk}/", _child_form(upn=wrong))
    assert page.status_code == 400
    body = page.content.decode()
    assert "There is a problem" in body
    assert "The first letter does not match the rest of the number." in body
    assert f'value="{wrong}"' in body
    assert not ChildCensusDetails.objects.exists()


def test_no_number_needs_a_reason(worker, child):
    page = signed_in_client(worker).post(
        f"/staff/returns/children/{child.pk}/", _child_form(upn="", upn_unknown="")
    )
    assert page.status_code == 400
    assert "Enter the unique pupil number, or choose why there is none" in page.content.decode()


def test_a_second_save_from_an_old_page_gets_the_conflict_page(worker, child):
    client = signed_in_client(worker)
    url = f"/staff/returns/children/{child.pk}/"
    assert client.post(url, _child_form()).status_code == 302
    stale = client.post(url, _child_form(sex="M"))
    assert stale.status_code == 409
    assert "Someone else saved these details after you opened the page." in stale.content.decode()
    assert ChildCensusDetails.objects.get(child=child).sex == "F"


def test_a_family_cannot_open_the_returns_pages(child, support_request):
    client = signed_in_client(family_user(child.family))
    assert client.get(f"/staff/returns/children/{child.pk}/").status_code == 403
    assert client.get(f"/staff/returns/requests/{support_request.pk}/").status_code == 403


def test_a_worker_records_a_requests_details_and_the_assessment_factors(worker, support_request):
    assessment = AuthorisedAssessmentFactory(request=support_request)
    client = signed_in_client(worker)
    url = f"/staff/returns/requests/{support_request.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Who made the request?" in body
    assert f"factors_{assessment.pk}" in body
    saved = client.post(
        url,
        {
            "version": "0",
            "referral_source": "2A",
            "primary_need": "N2",
            "primary_need_reason": "",
            "closed_on_0": "",
            "closed_on_1": "",
            "closed_on_2": "",
            "closure_reason": "",
            f"factors_{assessment.pk}": ["5A", "6A"],
        },
    )
    assert saved.status_code == 302
    details = RequestCensusDetails.objects.get(request=support_request)
    assert (details.referral_source, details.primary_need) == ("2A", "N2")
    assert AssessmentCensusFactors.objects.get(assessment=assessment).factors == ["5A", "6A"]


def _request_form(**changes):
    data = {
        "version": "0",
        "referral_source": "1A",
        "primary_need": "N2",
        "primary_need_reason": "",
        "closed_on_0": "",
        "closed_on_1": "",
        "closed_on_2": "",
        "closure_reason": "",
    }
    data.update(changes)
    return data


def test_another_main_reason_needs_a_reason(worker, support_request):
    page = signed_in_client(worker).post(
        f"/staff/returns/requests/{support_request.pk}/", _request_form(primary_need="N4")
    )
    assert page.status_code == 400
    assert "Say why the main reason is not the child&#x27;s disability or illness" in (
        page.content.decode()
    )


def test_a_closure_before_the_request_is_refused(worker, support_request):
    before = timezone.localdate(support_request.received_at) - dt.timedelta(days=3)
    page = signed_in_client(worker).post(
        f"/staff/returns/requests/{support_request.pk}/",
        _request_form(
            closed_on_0=str(before.day),
            closed_on_1=str(before.month),
            closed_on_2=str(before.year),
            closure_reason="RC7",
        ),
    )
    assert page.status_code == 400
    assert "must be on or after the day the request was received" in page.content.decode()


def test_a_closure_needs_its_reason(worker, support_request):
    today = timezone.localdate()
    page = signed_in_client(worker).post(
        f"/staff/returns/requests/{support_request.pk}/",
        _request_form(
            closed_on_0=str(today.day), closed_on_1=str(today.month), closed_on_2=str(today.year)
        ),
    )
    assert page.status_code == 400
    assert "Select why the request was closed" in page.content.decode()


def test_the_census_page_names_what_to_fix_and_links_to_it(manager, child, support_request):
    child.date_of_birth = dt.date(2012, 5, 1)
    child.save()
    professional = SupportRequestFactory(child=child, who_asked="professional")
    assessment = AuthorisedAssessmentFactory(request=support_request)
    RequestCensusDetails.objects.create(
        family=child.family,
        request=support_request,
        referral_source="1A",
        closed_on=timezone.localdate(support_request.received_at) - dt.timedelta(days=2),
        closure_reason="RC7",
        updated_at=timezone.now(),
        updated_by=manager,
    )
    page = signed_in_client(manager).get("/staff/returns/cin-census/?year=" + str(_year()))
    assert page.status_code == 200
    body = page.content.decode()
    assert "4 things to put right before the census is sent." in body
    assert "Record the unique pupil number, or why there is none." in body
    assert f'href="/staff/returns/children/{child.pk}/"' in body
    assert f"Request for help {professional.reference}: who made the request is not recorded." in (
        body
    )
    assert f'href="/staff/returns/requests/{professional.pk}/"' in body
    assert "it was closed before the request was received." in body
    assert "the factors its authorised assessment found are not recorded." in body
    assert assessment.request_id == support_request.pk


def test_the_census_check_takes_the_same_queries_however_many_children(
    manager, council, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            kid = family_with_everyone(council, name=f"Family {i}").children.first()
            SupportRequestFactory(child=kid, who_asked="professional")

    add(2)
    client = signed_in_client(manager)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get("/staff/returns/cin-census/").status_code == 200
    add(8)
    with django_assert_max_num_queries(len(few)):
        page = client.get("/staff/returns/cin-census/")
    assert "20 things to put right" in page.content.decode()  # no number, no source: 10 each


def test_a_practitioner_cannot_download_the_census(worker):
    assert signed_in_client(worker).get("/staff/returns/cin-census/download/").status_code == 403


def test_the_census_download_streams_the_councils_children_only(
    manager, child, support_request, other_council
):
    other = family_with_everyone(other_council, name="Other family").children.first()
    SupportRequestFactory(child=other)
    response = signed_in_client(manager).get(f"/staff/returns/cin-census/download/?year={_year()}")
    assert response.status_code == 200
    assert response.streaming
    body = b"".join(response.streaming_content).decode()
    assert body.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert f"<LAchildID>SF{child.pk}</LAchildID>" in body
    assert f"<LAchildID>SF{other.pk}</LAchildID>" not in body
    assert "no-store" in response["Cache-Control"]
    assert AccessEvent.objects.filter(record_type="return", action=Action.DOWNLOAD).exists()


def _year() -> int:
    today = timezone.localdate()
    return today.year + 1 if today > dt.date(today.year, 3, 31) else today.year


@pytest.fixture
def data_team(council):
    return staff_user(council, Role.DATA_TEAM, full_name="Omar Haddad")


def test_the_data_team_lands_on_the_returns_list(data_team):
    client = signed_in_client(data_team)
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/staff/returns/"
    page = client.get("/staff/returns/")
    assert page.status_code == 200
    assert "Children in Need census" in page.content.decode()


def test_the_data_team_checks_and_downloads_the_census_but_opens_no_record(
    data_team, child, support_request
):
    client = signed_in_client(data_team)
    page = client.get(f"/staff/returns/cin-census/?year={_year()}")
    assert page.status_code == 200
    body = page.content.decode()
    assert child.first_name in body
    assert "Fix this" not in body
    assert "the data team does not open families' records" in body
    assert client.get(f"/staff/returns/cin-census/download/?year={_year()}").status_code == 200
    for record in (
        f"/staff/returns/children/{child.pk}/",
        f"/staff/returns/requests/{support_request.pk}/",
        f"/staff/families/{child.family_id}/",
        f"/staff/requests/{support_request.pk}/",
        "/staff/my-work/",
    ):
        assert client.get(record).status_code in {403, 404}, record


def test_a_practitioner_does_not_see_the_returns_list(worker):
    assert signed_in_client(worker).get("/staff/returns/").status_code == 403


@pytest.mark.parametrize("year", ["abc", "2014", "9999", "2025.5", "-2026", "٢٠٢٥"])
def test_a_census_year_that_is_not_one_is_explained_on_the_page(data_team, year):
    page = signed_in_client(data_team).get("/staff/returns/cin-census/", {"year": year})
    assert page.status_code == 400
    body = page.content.decode()
    assert "govuk-error-summary" in body
    message = f"Choose a census year from 2015 to {_year()}"
    assert f'<a href="#year">{message}</a>' in body
    assert '<p id="year-error" class="govuk-error-message">' in body
    assert f"Children in Need census {_year() - 1} to {_year()}" in body


@pytest.mark.parametrize("year", ["abc", "2014", "9999", "2026 "])
def test_a_census_download_for_a_year_that_is_not_one_is_refused_plainly(data_team, year):
    response = signed_in_client(data_team).get(
        "/staff/returns/cin-census/download/", {"year": year}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is no census year to download for that address" in body
    assert f"The census years are 2015 to {_year()}." in body
    assert not AccessEvent.objects.filter(action=Action.DOWNLOAD).exists()


def test_no_census_year_means_the_current_one(data_team):
    client = signed_in_client(data_team)
    page = client.get("/staff/returns/cin-census/")
    assert page.status_code == 200
    assert f"Children in Need census {_year() - 1} to {_year()}" in page.content.decode()
    download = client.get("/staff/returns/cin-census/download/")
    assert download.status_code == 200
    assert "cin-census-" in download["Content-Disposition"]
    assert f"-{_year()}.xml" in download["Content-Disposition"]


def _seen_form(assessment, text, **changes):
    return _request_form(**{f"seen_{assessment.pk}": text, **changes})


def test_a_worker_records_the_days_they_met_the_child(worker, support_request):
    assessment = AuthorisedAssessmentFactory(
        request=support_request, started_on=timezone.localdate() - dt.timedelta(days=20)
    )
    first = assessment.started_on + dt.timedelta(days=1)
    second = assessment.started_on + dt.timedelta(days=8)
    client = signed_in_client(worker)
    url = f"/staff/returns/requests/{support_request.pk}/"
    name = support_request.child.first_name
    page = client.get(url)
    assert f"Days the worker met {name} during the assessment" in page.content.decode()
    typed = f"{second:%d/%m/%Y}\n\n{first.day} {first.month} {first.year}\n{first:%d-%m-%Y}"
    saved = client.post(url, _seen_form(assessment, typed))
    assert saved.status_code == 302
    recorded = AssessmentCensusFactors.objects.get(assessment=assessment)
    assert recorded.child_seen_on == [first.isoformat(), second.isoformat()]
    again = client.get(url).content.decode()
    assert f"{first.day} {first.month} {first.year}\n{second.day} {second.month} {second.year}" in (
        again
    )


def test_a_day_that_is_not_a_date_is_named_and_what_was_typed_is_kept(worker, support_request):
    assessment = AuthorisedAssessmentFactory(
        request=support_request, started_on=timezone.localdate() - dt.timedelta(days=20)
    )
    typed = "3 4\n31 11 2026"
    page = signed_in_client(worker).post(
        f"/staff/returns/requests/{support_request.pk}/", _seen_form(assessment, typed)
    )
    assert page.status_code == 400
    body = page.content.decode()
    assert "Line 1 (3 4) is not a real date" in body
    assert "3 4\n31 11 2026</textarea>" in body
    assert not AssessmentCensusFactors.objects.filter(assessment=assessment).exists()


@pytest.mark.parametrize(
    ("authorised", "offset", "message"),
    [
        (True, -1, "is before the assessment started"),
        (True, 15, "is after the assessment was authorised"),
        (False, 21, "is in the future"),
    ],
)
def test_a_day_outside_the_assessment_is_refused(
    worker, support_request, authorised, offset, message
):
    started = timezone.localdate() - dt.timedelta(days=20)
    factory = AuthorisedAssessmentFactory if authorised else AssessmentFactory
    extra = {"authorised_at": timezone.now() - dt.timedelta(days=10)} if authorised else {}
    assessment = factory(request=support_request, started_on=started, **extra)
    day = assessment.started_on + dt.timedelta(days=offset)
    page = signed_in_client(worker).post(
        f"/staff/returns/requests/{support_request.pk}/",
        _seen_form(assessment, f"{day.day} {day.month} {day.year}"),
    )
    assert page.status_code == 400
    assert f"{day:%-d %B %Y} {message}" in page.content.decode()


def test_a_nul_character_in_the_days_gets_the_plain_message(worker, support_request):
    assessment = AuthorisedAssessmentFactory(
        request=support_request, started_on=timezone.localdate() - dt.timedelta(days=20)
    )
    page = signed_in_client(worker).post(
        f"/staff/returns/requests/{support_request.pk}/", _seen_form(assessment, "3 4\x002026")
    )
    assert page.status_code == 400
    body = page.content.decode()
    assert "Null characters are not allowed" not in body
    assert "There is a problem" in body


def test_the_family_download_writes_the_days_in_words(worker, support_request):
    from supportfirst.councils.scoping import scope_for
    from supportfirst.subject_access.records import gather

    assessment = AuthorisedAssessmentFactory(
        request=support_request, started_on=dt.date(2026, 3, 20), authorised_at=timezone.now()
    )
    AssessmentCensusFactors.objects.create(
        family=support_request.family,
        assessment=assessment,
        factors=["6A"],
        child_seen_on=["2026-03-27", "not a date"],
        updated_at=timezone.now(),
        updated_by=worker,
    )
    parent = family_user(support_request.family)
    gathered = gather(scope_for(parent), support_request.family)
    values = [
        value
        for kind in gathered.kinds
        for record in kind.records
        if type(record.obj) is AssessmentCensusFactors
        for value in record.values
        if value.name == "child_seen_on"
    ]
    (value,) = values
    assert value.label.startswith("Days the worker met the child")
    assert "27 March 2026" in value.text
    assert "2026-03-27" not in value.text
