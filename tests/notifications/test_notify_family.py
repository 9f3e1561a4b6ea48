"""The family's channel and format, text messages through the SMS backend, the record of every
message, and the events that send them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from supportfirst.assessments import services as assessment_services
from supportfirst.complaints.models import Complaint
from supportfirst.notifications import family_events, services, sms, tasks
from supportfirst.notifications.models import Notification, NotificationPreference
from supportfirst.pathway import services as pathway_services
from tests.assessments.factories import AssessmentFactory, complete_every_area
from tests.complaints.factories import actor_for, complaint_for
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory, agreed

pytestmark = pytest.mark.usefixtures("sent_at_once")


def _prefer(family, **kwargs):
    values = {"channel": "email", "email": "", "mobile": "", "format": "standard", "language": ""}
    values.update(kwargs)
    return NotificationPreference.objects.create(family=family, updated_at=timezone.now(), **values)


def test_email_goes_to_the_parent_carers_and_is_recorded_masked(family):
    sent = services.notify_family(family, services.PLAN_READY, subject="Plan", body="Read it.")
    assert sent == ["claire@example.test"]
    assert mail.outbox[-1].to == ["claire@example.test"]
    note = Notification.objects.get(family=family)
    assert (note.channel, note.to, note.subject, note.event) == (
        "email",
        "c***@example.test",
        "Plan",
        "plan_ready",
    )


def test_a_family_who_chose_text_messages_gets_a_text_not_an_email(family):
    _prefer(family, channel="text", mobile="07700900982")
    sent = services.notify_family(family, services.PLAN_READY, subject="Plan", body="Read it.")
    assert sent == ["07700900982"]
    assert mail.outbox == []
    assert sms.outbox == [sms.TextMessage(to="07700900982", body="Plan\n\nRead it.")]
    assert Notification.objects.get().to == "mobile ending 982"


def test_the_chosen_format_and_language_are_kept_with_each_message(family):
    _prefer(family, email="dad@example.test", format="easy_read", language="Polish")
    services.notify_family(family, services.PLAN_READY, subject="Plan", body="Read it.")
    assert mail.outbox[-1].to == ["dad@example.test"]
    assert Notification.objects.get().format == "easy_read"
    assert services.preference_for(family).language == "Polish"


def test_families_who_asked_for_letters_are_not_messaged(family):
    family.preferred_contact = "letter"
    family.save()
    assert services.notify_family(family, services.PLAN_READY, subject="P", body="B") == []
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_a_refused_email_is_recorded_as_not_delivered_and_loses_nothing(
    practitioner, family, monkeypatch
):
    import smtplib

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("supportfirst.notifications.tasks.send_mail", refuse)
    request = pathway_services.support_request_create(
        actor=actor_for(practitioner),
        child=family.children.first(),
        received_at=timezone.now(),
        who_asked="parent",
        requester_name="Claire Hughes",
        help_asked_for="Help at bedtime",
        consent_to_contact_others=True,
        preferred_contact="email",
    )
    assert request.pk is not None
    assert Notification.objects.get().failed is True


def test_already_sent_messages_are_recorded_not_sent_twice(family):
    sent = services.notify_family(
        family, services.DECISION_MADE, subject="S", body="B", already_sent_to=["a@b.test"]
    )
    assert sent == ["a@b.test"]
    assert mail.outbox == []
    assert Notification.objects.get().to == "a***@b.test"


@override_settings(
    SMS_BACKEND="supportfirst.notifications.sms.NotifySMSBackend",
    NOTIFY_API_KEY="test-key",
    NOTIFY_SMS_TEMPLATE_ID="template-1",
    EMAIL_TIMEOUT=7,
)
def test_the_notify_backend_sends_through_govuk_notify(monkeypatch):
    calls = []
    calls_timeout = []

    class FakeClient:
        def __init__(self, key, timeout=None):
            calls.append(("key", key))
            calls_timeout.append(timeout)

        def send_sms_notification(self, **kwargs):
            calls.append(("sms", kwargs))

    monkeypatch.setattr("supportfirst.notifications.sms.NotificationsAPIClient", FakeClient)
    assert sms.send_sms("07700900982", "Hello") == 1
    assert calls == [
        ("key", "test-key"),
        (
            "sms",
            {
                "phone_number": "07700900982",
                "template_id": "template-1",
                "personalisation": {"body": "Hello"},
            },
        ),
    ]
    assert calls_timeout == [7]  # Notify is never waited on for long


def test_a_request_received_tells_the_family(practitioner, family):
    pathway_services.support_request_create(
        actor=actor_for(practitioner),
        child=family.children.first(),
        received_at=timezone.now(),
        who_asked="parent",
        requester_name="Claire Hughes",
        help_asked_for="Help at bedtime",
        consent_to_contact_others=True,
        preferred_contact="email",
    )
    assert Notification.objects.get().event == "request_received"
    assert "We have your request" in mail.outbox[-1].subject


def test_a_message_says_how_to_contact_the_council_not_to_reply(family):
    council = family.council
    council.contact_phone, council.contact_email = "01632 960000", "team@council.example"
    council.save()
    family_events.complaint_acknowledged(complaint_for(family))
    body = mail.outbox[-1].body
    assert "contact us: phone 01632 960000 or email team@council.example" in body
    assert "Please do not reply to this message." in body
    assert "reply to this message or" not in body
    advocacy = "they can have an advocate, and we will arrange one (Children Act 1989, section 26A)"
    assert advocacy in body


def test_the_support_decision_tells_the_family(practitioner, family):
    request = SupportRequestFactory(child=family.children.first(), preferred_contact="email")
    pathway_services.decide_support(actor=actor_for(practitioner), request=request)
    assert Notification.objects.get().event == "decision_made"
    assert "a needs assessment" in mail.outbox[-1].subject


def test_information_and_advice_is_not_sent_twice(practitioner, family):
    request = SupportRequestFactory(child=family.children.first(), preferred_contact="email")
    pathway_services.decide_information(
        actor=actor_for(practitioner),
        request=request,
        information_given="The club list.",
        agreement=agreed(),
    )
    assert len(mail.outbox) == 1
    note = Notification.objects.get()
    assert (note.event, note.to) == ("decision_made", "c***@example.test")


def test_information_and_advice_goes_by_text_to_a_family_who_chose_texts(practitioner, family):
    _prefer(family, channel="text", mobile="07700900982")
    request = SupportRequestFactory(child=family.children.first(), preferred_contact="text")
    pathway_services.decide_information(
        actor=actor_for(practitioner),
        request=request,
        information_given="The club list.",
        agreement=agreed(),
    )
    assert mail.outbox == []
    assert "The club list." in sms.outbox[-1].body


def test_an_assessment_ready_to_read_tells_the_family(practitioner, family):
    request = SupportRequestFactory(child=family.children.first())
    assessment = AssessmentFactory(request=request)
    complete_every_area(assessment)
    assessment_services.mark_ready(actor=actor_for(practitioner), assessment=assessment)
    note = Notification.objects.get()
    assert note.event == "assessment_ready"
    assert "ready for you to read" in note.subject


def test_complaint_reminders_tell_each_family_once_and_list_for_staff(family, capsys):
    today = timezone.localdate()
    soon = complaint_for(family, received_on=today - timedelta(days=13))
    later = complaint_for(family, received_on=today)
    call_command("complaint_reminders", today=today.isoformat())
    out = capsys.readouterr().out
    assert soon.reference in out
    assert later.reference not in out
    assert family.council.name in out
    reminders = Notification.objects.filter(event="complaint_reminder")
    assert reminders.count() == 1
    call_command("complaint_reminders", today=today.isoformat())
    assert reminders.count() == 1


def test_complaint_reminders_dry_run_tells_nobody(family, capsys):
    complaint_for(family, received_on=timezone.localdate() - timedelta(days=20))
    call_command("complaint_reminders", dry_run=True)
    assert "OVERDUE" in capsys.readouterr().out
    assert not Notification.objects.exists()
    assert Complaint.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("07700 900982", "07700900982"), ("+44 7700 900982", "+447700900982"), ("0161 496 0000", "")],
)
def test_only_uk_mobile_numbers_are_kept(typed, kept):
    assert services.normalise_mobile(typed) == kept


def test_nobody_is_told_anything_while_demo_data_loads(family):
    from django.core import mail

    from supportfirst.notifications.models import Notification
    from supportfirst.notifications.services import not_telling_families, notify_family

    with not_telling_families():
        assert notify_family(family, "request_received", subject="Hello", body="Body") == []
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_staff_are_told_truthfully_whether_the_family_got_a_message(family):
    from supportfirst.notifications.services import NOT_TOLD, tell_family

    assert "has not been sent a message" in NOT_TOLD.sentence
    told = tell_family(family, "decision_made", subject="Decided", body="Body")
    # The message goes after the save, so staff are told it is being sent and where a
    # failure would show (it used to say "We have emailed the family about it.").
    assert told.sentence == (
        "We are sending the family an email about it. If it cannot be sent, the family's "
        "messages page will say so."
    )


def test_a_message_that_could_not_be_sent_is_said_so(family, monkeypatch, practitioner):
    """A refusal comes after the save (the message is sent after commit): it is said on the
    family's messages page, and the sentence for a known failure still says so."""
    notify = services

    def refuse(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(tasks, "send_mail", refuse)
    notify.tell_family(family, "decision_made", subject="Decided", body="Body")
    assert Notification.objects.get().failed is True
    page = signed_in_client(practitioner).get(f"/staff/families/{family.pk}/notifications/")
    assert page.status_code == 200
    assert "Not delivered" in page.content.decode()
    assert notify.Told("email", ("a@b.test",), failed=True).sentence == (
        "We could not send the family a message about it: please contact them yourself."
    )


def test_a_family_who_asked_for_phone_calls_is_not_said_to_be_told(family):
    from supportfirst.notifications.services import tell_family

    told = tell_family(
        family, "decision_made", subject="Decided", body="Body", preferred_contact="phone"
    )
    assert "Please tell them yourself" in told.sentence
