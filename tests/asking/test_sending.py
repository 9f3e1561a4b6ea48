"""Sending a request: it lands in the council's queue through the pathway service."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from supportfirst.asking import services
from supportfirst.asking.models import OnlineRequest, OnlineRequestDraft
from supportfirst.audit.models import AccessEvent
from supportfirst.families.models import Sibling
from supportfirst.pathway.models import PathwayEvent, RequestStatus, SupportRequest
from supportfirst.pathway.services import ASSESSMENT_WORKING_DAYS, NEXT_STEP_WORKING_DAYS
from supportfirst.rules import workdays
from tests.asking.factories import DraftFactory, complete_answers
from tests.asking.journey import answer_everything, url

pytestmark = pytest.mark.django_db


def test_a_sent_request_is_in_the_councils_queue_with_its_due_dates(council):
    client = Client()
    answer_everything(client, council)
    response = client.post(url("check", council))
    assert response["Location"] == url("sent", council)
    request = SupportRequest.objects.get()
    today = timezone.localdate()
    assert request.family.council == council
    assert request.status == RequestStatus.AWAITING_DECISION
    assert request.next_step_due == workdays.add_working_days(today, NEXT_STEP_WORKING_DAYS)
    assert request.assessment_due == workdays.add_working_days(today, ASSESSMENT_WORKING_DAYS)
    assert request.help_asked_for == "A break at weekends."
    assert request.consent_to_contact_others is True
    assert request.child.first_name == "Arjun"
    assert request.child.date_of_birth == date(2016, 4, 9)
    assert "Gujarati" in request.communication_needs
    assert PathwayEvent.objects.filter(move="receive").count() == 1
    family = request.family
    assert family.interpreter_language == "Gujarati"
    assert family.parent_carers.get().email == "priya@example.test"
    sibling = Sibling.objects.get(family=family)
    assert (sibling.first_name, sibling.helps_to_care) == ("Maya", True)
    online = OnlineRequest.objects.get()
    assert online.support_request == request
    assert online.good_week.startswith("Two nights")
    assert online.formats == ["easy_read"]
    assert online.parent_carer_help == "yes"


def test_the_confirmation_page_gives_the_reference_and_the_date_due(council):
    client = Client()
    answer_everything(client, council)
    client.post(url("check", council))
    request = SupportRequest.objects.get()
    page = client.get(url("sent", council)).content.decode()
    assert "govuk-panel--confirmation" in page
    assert request.reference in page
    assert request.next_step_due.strftime("%-d %B %Y") in page
    # It says how we told them, only because we did (masked: the page is not signed in).
    assert "We have sent an email to" in page
    assert "priya@example.test" not in page


def test_the_family_is_told_the_request_was_received(sent_at_once, council):
    client = Client()
    answer_everything(client, council)
    client.post(url("check", council))
    request = SupportRequest.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["priya@example.test"]
    assert request.reference in message.subject
    assert request.next_step_due.strftime("%-d %B %Y") in message.body


def test_the_system_actor_records_the_request_and_is_logged(council):
    draft = DraftFactory(council=council)
    online = services.online_request_submit(draft=draft)
    actor = online.support_request.recorded_by
    assert actor.username == f"online-form-{council.la_code}"
    assert not actor.is_active
    assert not actor.has_usable_password()
    assert not hasattr(actor, "membership")  # no membership of any council or family
    event = AccessEvent.objects.filter(record_type="asking.onlinerequest").get()
    assert (event.council_id, event.family_id, event.role) == (
        council.pk,
        online.family_id,
        services.ONLINE_FORM_ROLE,
    )


def test_a_sent_draft_keeps_no_answers_and_cannot_be_sent_twice(council):
    draft = DraftFactory(council=council)
    services.online_request_submit(draft=draft)
    draft.refresh_from_db()
    assert draft.answers == {}
    assert draft.submitted_at is not None
    with pytest.raises(services.Refused):
        services.online_request_submit(draft=draft)
    assert SupportRequest.objects.count() == 1


def test_an_unfinished_draft_is_refused(council):
    draft = DraftFactory(council=council, answers=complete_answers(help_wanted=""))
    with pytest.raises(services.Refused):
        services.online_request_submit(draft=draft)
    assert not SupportRequest.objects.exists()


def test_an_age_gives_an_estimated_date_of_birth_that_staff_are_told_about(council):
    draft = DraftFactory(council=council, answers=complete_answers(date_of_birth="", age=7))
    online = services.online_request_submit(draft=draft)
    assert online.child_age_given == 7
    assert online.support_request.child.age_on(timezone.localdate()) == 7


def test_the_browser_session_ends_after_sending(council):
    client = Client()
    answer_everything(client, council)
    client.post(url("check", council))
    assert client.get(url("check", council))["Location"] == url("about_you", council)
    assert OnlineRequestDraft.objects.get().submitted_at is not None
