"""The family's and the staff's complaint pages."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.complaints.models import Complaint, Status
from supportfirst.councils.models import Role
from supportfirst.rules import workdays
from tests.accounts.factories import staff_user
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

LONG = "We waited and nobody told us anything. " * 300


def _date(prefix: str, day) -> dict[str, str]:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def test_an_empty_complaint_shows_the_error_summary(parent):
    response = signed_in_client(parent).post("/family/complaints/new/", {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Tell us what went wrong" in page
    assert "Select what your complaint is about" in page


def test_the_family_complains_about_a_request_in_their_own_long_words(parent, family):
    request = SupportRequestFactory(child=family.children.first())
    client = signed_in_client(parent)
    form = client.get(f"/family/complaints/new/?about=request:{request.pk}")
    chosen = re.search(r'value="request:(\d+)"\s+checked', form.content.decode())
    assert chosen, "the record the family came from is chosen"
    assert chosen.group(1) == str(request.pk)
    response = client.post(
        "/family/complaints/new/",
        {"about": f"request:{request.pk}", "summary": LONG, "put_right": "A phone call."},
    )
    complaint = Complaint.objects.get(family=family)
    assert response.status_code == 302
    assert response["Location"] == f"/family/complaints/{complaint.pk}/"
    assert complaint.summary == LONG.strip()
    assert (complaint.about_type, complaint.about_id) == ("pathway.supportrequest", request.pk)
    assert complaint.about_description == f"Request for help {request.reference}"
    assert complaint.made_by == parent


def test_a_family_cannot_complain_about_another_familys_record(parent, council):
    other = SupportRequestFactory(child=family_with_everyone(council).children.first())
    response = signed_in_client(parent).post(
        "/family/complaints/new/", {"about": f"request:{other.pk}", "summary": "Wrong."}
    )
    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_something_else_needs_a_description_and_keeps_what_was_typed(parent):
    response = signed_in_client(parent).post(
        "/family/complaints/new/", {"about": "other", "summary": "The visit was at 8am."}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tell us what your complaint is about" in page
    assert "The visit was at 8am." in page


def test_the_family_sees_the_stage_next_step_and_working_days_left(parent, family):
    complaint = complaint_for(family)
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "Stage 1: we look into it and answer you" in page
    assert "local resolution" not in page
    assert "The council responds by" in page
    assert workdays.describe_days_left(complaint.respond_by, timezone.localdate()) in page
    assert "Ombudsman" not in page
    assert AccessEvent.objects.filter(
        record_type="complaints.complaint", record_id=str(complaint.pk), action="view"
    ).exists()


def test_the_family_is_shown_the_ombudsman_when_the_council_is_late(parent, family):
    complaint = complaint_for(family, received_on=timezone.localdate() - timedelta(days=40))
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "has not kept to the time limit" in page
    assert "www.lgo.org.uk" in page


def test_the_family_asks_for_stage_2_and_sees_when_it_is_due(parent, family):
    complaint = complaint_for(family, stage=2, status=Status.RESPONDED)
    # complaint_for answers earlier stages only: this is stage 2, so answer it as stage 1 was.
    complaint.stage, complaint.status = 1, Status.RESPONDED
    complaint.save()
    complaint.stages.filter(stage=2).delete()
    client = signed_in_client(parent)
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "I am not satisfied: ask for stage 2" in page
    assert page.count("you can ask for stage 2") == 1
    assert "an investigation with an independent person" in page
    response = client.post(f"/family/complaints/{complaint.pk}/next-stage/", {"why": "No call."})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.status) == (2, Status.OPEN)
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "Stage 2: an investigation with an independent person" in page
    assert f"{complaint.respond_by:%-d %B %Y}" in page


def test_asking_for_the_next_stage_too_early_is_a_conflict(parent, family):
    complaint = complaint_for(family)
    response = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/next-stage/")
    assert response.status_code == 409


def test_the_ombudsman_follows_stage_3(parent, family):
    complaint = complaint_for(family, stage=3)
    stage = complaint.stages.get(stage=3)
    stage.response_on, stage.response, stage.outcome = timezone.localdate(), "Done.", "upheld"
    stage.save()
    complaint.status = Status.RESPONDED
    complaint.save()
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "This was the last stage" in page
    assert "0300 061 0614" in page


def test_staff_list_puts_the_soonest_due_first_and_marks_overdue(practitioner, family):
    today = timezone.localdate()
    later = complaint_for(family)
    late = complaint_for(family, received_on=today - timedelta(days=30))
    page = signed_in_client(practitioner).get("/staff/complaints/").content.decode()
    assert page.index(late.reference) < page.index(later.reference)
    assert "govuk-tag--red" in page
    assert "overdue" in page


def test_staff_list_query_count_stays_flat(practitioner, council):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in_client(practitioner)
    counts = []
    for how_many in (2, 10):
        made = [complaint_for(family_with_everyone(council)) for _ in range(how_many)]
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/staff/complaints/")
        assert response.status_code == 200
        assert made[-1].reference in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_family_list_query_count_stays_flat(parent, family, django_assert_max_num_queries):
    made = [complaint_for(family) for _ in range(8)]
    client = signed_in_client(parent)
    # One more than before: whether a young person keeps their own complaints private.
    with django_assert_max_num_queries(11):
        response = client.get("/family/complaints/")
    assert response.status_code == 200
    assert all(complaint.reference in response.content.decode() for complaint in made)


def test_staff_acknowledge_extend_and_respond(complaints_manager, family):
    complaint = complaint_for(family)
    client = signed_in_client(complaints_manager)
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Acknowledge the complaint" in page
    assert client.post(f"/staff/complaints/{complaint.pk}/acknowledge/").status_code == 302
    too_late = workdays.add_working_days(complaint.received_on, 21)
    response = client.post(
        f"/staff/complaints/{complaint.pk}/extend/", {**_date("new_due", too_late), "reason": "x"}
    )
    assert response.status_code == 400
    assert "at most 20 working days" in response.content.decode()
    response = client.post(
        f"/staff/complaints/{complaint.pk}/respond/",
        {
            "response": "We are sorry.",
            "outcome": "upheld",
            "remedy": "An apology and a date for the assessment.",
            "learning": "Calls are now returned within two working days.",
            **_date("responded_on", timezone.localdate()),
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.RESPONDED
    assert complaint.acknowledged_on == timezone.localdate()


def test_staff_forms_show_the_error_summary(complaints_manager, family):
    complaint = complaint_for(family)
    client = signed_in_client(complaints_manager)
    for action in ("advocacy", "extend", "appoint", "respond"):
        response = client.post(f"/staff/complaints/{complaint.pk}/{action}/", {})
        assert response.status_code == 400, action
        assert "govuk-error-summary" in response.content.decode()


def test_a_team_manager_manages_complaints_too(council, family):
    manager = staff_user(council, Role.TEAM_MANAGER)
    complaint = complaint_for(family)
    assert signed_in_client(manager).get(f"/staff/complaints/{complaint.pk}/").status_code == 200


def test_staff_prepare_the_acknowledgement_letter_in_the_letters_app(council, family):
    from supportfirst.letters.models import Letter

    complaint = complaint_for(family)
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    assert (
        "Prepare acknowledgement letter"
        in client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    )
    response = client.post(f"/staff/complaints/{complaint.pk}/letter/")
    letter = Letter.objects.get(family=family)
    assert response.status_code == 302
    assert response["Location"] == f"/staff/letters/{letter.pk}/"
    assert letter.kind == "complaint_acknowledgement"
    assert complaint.reference in letter.subject
    assert (letter.source_type, letter.source_id) == ("complaints.complaint", str(complaint.pk))
    page = client.get(response["Location"]).content.decode()
    assert complaint.reference in page


def test_the_family_is_told_a_response_can_be_put_back_to_20_working_days_at_most(parent, family):
    complaint = complaint_for(family)
    latest = workdays.add_working_days(complaint.received_on, 20)
    client = signed_in_client(parent)
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "we can take longer, but never more than 20 working days" in page
    assert f"the latest is {latest:%-d %B %Y}. We must tell you why." in page
    for start in ("/family/complaints/", "/family/complaints/new/"):
        assert "never more than 20 working days" in client.get(start).content.decode()


def test_the_family_is_told_stage_2_can_be_put_back_to_65_working_days_at_most(parent, family):
    complaint = complaint_for(family, stage=2)
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "never more than 65 working days" in page


def test_no_longest_date_once_the_stage_is_answered(parent, family):
    complaint = complaint_for(family, stage=2)
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "never more than 20 working days" not in page
