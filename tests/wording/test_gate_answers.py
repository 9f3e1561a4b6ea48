"""Answering a correction request and responding to a complaint run the wording check over
what the family will read, and need a real reason per distinct flagged phrase."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from supportfirst.complaints.models import Status
from supportfirst.corrections.models import CorrectionStatus
from supportfirst.councils.models import Role
from supportfirst.notifications.models import Notification
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.corrections.factories import CorrectionRequestFactory

REASON = "These are the hospital's words, quoted from its letter."
FLAGGED_ANSWER = "Our notes say Mum refused the visit and was hostile on the phone."


def reason_fields(html: str) -> list[str]:
    return re.findall(r'name="(reason_[0-9a-f_]+)"', html)


def correction_url(correction):
    return f"/staff/corrections/{correction.pk}/"


def test_a_flagged_correction_answer_without_reasons_is_not_sent(practitioner, emailed):
    correction = CorrectionRequestFactory(family=emailed)
    client = signed_in_client(practitioner)
    answer = {"outcome": "not_corrected", "reason_not_corrected": FLAGGED_ANSWER}
    response = client.post(correction_url(correction), answer)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-summary' in html
    assert "Give a reason for keeping “refused”" in html
    assert "Give a reason for keeping “hostile”" in html
    assert "Words to check before the family reads this" in html
    assert FLAGGED_ANSWER in html
    fields = reason_fields(html)
    assert len(fields) == 2
    response = client.post(correction_url(correction), {**answer, **dict.fromkeys(fields, "x")})
    assert response.status_code == 400
    assert "is too short" in response.content.decode()
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.RECEIVED
    assert not Notification.objects.exists()


def test_a_flagged_correction_answer_with_real_reasons_is_sent(practitioner, emailed):
    correction = CorrectionRequestFactory(family=emailed)
    client = signed_in_client(practitioner)
    answer = {"outcome": "not_corrected", "reason_not_corrected": FLAGGED_ANSWER}
    fields = reason_fields(client.post(correction_url(correction), answer).content.decode())
    response = client.post(correction_url(correction), {**answer, **dict.fromkeys(fields, REASON)})
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.NOT_CORRECTED
    assert Notification.objects.get().event == "correction_answered"
    kept = WordingReason.objects.filter(record_id=correction.pk).order_by("words")
    assert [(r.words, r.field, r.reason) for r in kept] == [
        ("hostile", "why the record is not being changed", REASON),
        ("refused", "why the record is not being changed", REASON),
    ]
    page = client.get(correction_url(correction)).content.decode()
    assert REASON.replace("'", "&#x27;") in page


def test_only_the_text_for_the_chosen_answer_is_checked(practitioner, emailed):
    correction = CorrectionRequestFactory(family=emailed)
    response = signed_in_client(practitioner).post(
        correction_url(correction),
        {
            "outcome": "corrected",
            "what_we_changed": "The date now reads Thursday 5 March.",
            "reason_not_corrected": FLAGGED_ANSWER,
        },
    )
    assert response.status_code == 302
    assert not WordingReason.objects.exists()


def test_a_clean_correction_answer_goes_with_one_click(practitioner, emailed):
    correction = CorrectionRequestFactory(family=emailed)
    response = signed_in_client(practitioner).post(
        correction_url(correction),
        {"outcome": "corrected", "what_we_changed": "The surname now reads Hughes."},
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.CORRECTED


@pytest.fixture
def complaints_manager(council):
    """Complaints are run by a complaints manager (or a team manager), not a practitioner."""
    return staff_user(council, Role.COMPLAINTS_MANAGER)


def respond(client, complaint, **extra):
    today = timezone.localdate()
    data = {
        "response": FLAGGED_ANSWER,
        "outcome": "not_upheld",
        "responded_on_0": str(today.day),
        "responded_on_1": str(today.month),
        "responded_on_2": str(today.year),
        **extra,
    }
    return client.post(f"/staff/complaints/{complaint.pk}/respond/", data)


def test_a_flagged_complaint_response_without_reasons_is_not_sent(complaints_manager, emailed):
    complaint = complaint_for(emailed)
    client = signed_in_client(complaints_manager)
    response = respond(client, complaint)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-summary' in html
    assert "Give a reason for keeping “refused”" in html
    assert FLAGGED_ANSWER in html
    fields = reason_fields(html)
    response = respond(client, complaint, **dict.fromkeys(fields, "refused"))
    assert response.status_code == 400
    assert "only repeats the words" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == Status.OPEN
    assert not Notification.objects.exists()


def test_a_flagged_complaint_response_with_real_reasons_is_sent(complaints_manager, emailed):
    complaint = complaint_for(emailed)
    client = signed_in_client(complaints_manager)
    fields = reason_fields(respond(client, complaint).content.decode())
    response = respond(client, complaint, **dict.fromkeys(fields, REASON))
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.RESPONDED
    assert Notification.objects.filter(family=emailed).exists()
    kept = WordingReason.objects.filter(record_type="complaints.complaint", record_id=complaint.pk)
    assert sorted(r.words for r in kept) == ["hostile", "refused"]
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "Reasons for keeping words" in page


def test_a_clean_complaint_response_goes_with_one_click(complaints_manager, emailed):
    complaint = complaint_for(emailed)
    response = respond(signed_in_client(complaints_manager), complaint, response="We are sorry.")
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.RESPONDED


UPHELD = {
    "response": "We are sorry: the visit should have been at a time you chose.",
    "outcome": "upheld",
    "remedy": "We will apologise, although Mum was hostile on the phone.",
    "learning": "Staff will stop saying a parent refused when they asked to rearrange.",
}


def test_the_remedy_and_learning_of_an_upheld_complaint_need_real_reasons(
    complaints_manager, emailed
):
    complaint = complaint_for(emailed)
    client = signed_in_client(complaints_manager)
    response = respond(client, complaint, **UPHELD)
    assert response.status_code == 400
    html = response.content.decode()
    assert "“hostile” in what the council will do to put it right" in html
    assert "“refused” in what the council has learned" in html
    # The error summary says which box each reason is for.
    assert (
        "Give a reason for keeping “hostile” in what the council will do to put it right, or "
        "change the words" in html
    )
    fields = reason_fields(html)
    assert len(fields) == 2
    response = respond(client, complaint, **UPHELD, **dict.fromkeys(fields, "x"))
    assert response.status_code == 400
    complaint.refresh_from_db()
    assert complaint.status == Status.OPEN
    assert not Notification.objects.exists()
    response = respond(client, complaint, **UPHELD, **dict.fromkeys(fields, REASON))
    assert response.status_code == 302
    kept = WordingReason.objects.filter(record_type="complaints.complaint").order_by("words")
    assert [(r.words, r.field) for r in kept] == [
        ("hostile", "what the council will do to put it right"),
        ("refused", "what the council has learned"),
    ]
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "“hostile” in what the council will do to put it right" in page


def test_a_remedy_is_not_checked_when_the_complaint_is_not_upheld(complaints_manager, emailed):
    complaint = complaint_for(emailed)
    response = respond(
        signed_in_client(complaints_manager),
        complaint,
        **{**UPHELD, "outcome": "not_upheld"},
    )
    assert response.status_code == 302
    assert not WordingReason.objects.exists()


def test_a_flagged_reason_for_more_time_needs_a_real_reason(complaints_manager, emailed):
    from supportfirst.rules import workdays

    complaint = complaint_for(emailed)
    client = signed_in_client(complaints_manager)
    client.post(f"/staff/complaints/{complaint.pk}/acknowledge/")
    Notification.objects.all().delete()
    new_due = workdays.add_working_days(complaint.received_on, 15)
    said = {
        "new_due_0": str(new_due.day),
        "new_due_1": str(new_due.month),
        "new_due_2": str(new_due.year),
        "reason": "Mum was uncooperative about a time to meet, so we need longer.",
    }
    url = f"/staff/complaints/{complaint.pk}/extend/"
    response = client.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "“uncooperative” in the reason for more time" in html
    fields = reason_fields(html)
    assert client.post(url, {**said, **dict.fromkeys(fields, "x")}).status_code == 400
    assert not Notification.objects.exists()
    assert client.post(url, {**said, **dict.fromkeys(fields, REASON)}).status_code == 302
    assert Notification.objects.filter(subject__contains="we need more time").exists()
    kept = WordingReason.objects.get(record_type="complaints.complaint")
    assert (kept.words, kept.field) == ("uncooperative", "the reason for more time")


def test_a_flagged_statement_of_complaint_needs_a_real_reason(complaints_manager, emailed):
    complaint = complaint_for(emailed, stage=2)
    client = signed_in_client(complaints_manager)
    today = timezone.localdate()
    said = {
        "statement": "1. Calls not returned. 2. The worker wrote that Mum was aggressive.",
        "agreed_on_0": str(today.day),
        "agreed_on_1": str(today.month),
        "agreed_on_2": str(today.year),
    }
    url = f"/staff/complaints/{complaint.pk}/statement/"
    response = client.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "in the statement of complaint" in html
    fields = reason_fields(html)
    assert client.post(url, {**said, **dict.fromkeys(fields, "x")}).status_code == 400
    response = client.post(url, {**said, **dict.fromkeys(fields, REASON)})
    assert response.status_code == 302
    kept = WordingReason.objects.get(record_type="complaints.complaint")
    assert kept.field == "the statement of complaint"
