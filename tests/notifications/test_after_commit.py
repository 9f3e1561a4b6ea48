"""Messages never hold a transaction.

A message to a family is recorded with the change that caused it and sent only after that
change is saved, with a short timeout. A mail server that refuses, or stops answering, marks
the message as failed: the decision is saved, and the access log's lock is not held while the
mail server is waited on.
"""

from __future__ import annotations

import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import get_connection
from django.db import connection
from django.test import override_settings

from supportfirst.audit.models import AccessEvent
from supportfirst.notifications import family_events, tasks
from supportfirst.notifications import services as notify
from supportfirst.notifications.models import Notification
from supportfirst.pathway import services as pathway
from supportfirst.pathway.models import NextStepDecision
from tests.complaints.factories import actor_for
from tests.pathway.factories import SupportRequestFactory, agreed


def _request(family, preferred_contact="email"):
    return SupportRequestFactory(child=family.children.first(), preferred_contact=preferred_contact)


def _refuse_with(error):
    def refuse(*args, **kwargs):
        raise error

    return refuse


@pytest.mark.parametrize(
    "error", [ConnectionRefusedError("refused"), smtplib.SMTPException("gone")], ids=repr
)
def test_information_and_advice_saves_when_mail_refuses(
    practitioner, family, monkeypatch, django_capture_on_commit_callbacks, error
):
    monkeypatch.setattr(tasks, "send_mail", _refuse_with(error))
    request = _request(family)
    with django_capture_on_commit_callbacks(execute=True):
        pathway.decide_information(
            actor=actor_for(practitioner),
            request=request,
            information_given="The club list.",
            agreement=agreed(),
        )
    assert NextStepDecision.objects.filter(request=request).exists()
    note = Notification.objects.get(family=family)
    assert (note.failed, note.event) == (True, "decision_made")
    assert "Information and advice" in note.subject


def test_a_support_decision_saves_when_mail_refuses(
    practitioner, family, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(tasks, "send_mail", _refuse_with(smtplib.SMTPException("gone")))
    request = _request(family)
    with django_capture_on_commit_callbacks(execute=True):
        pathway.decide_support(actor=actor_for(practitioner), request=request)
    assert NextStepDecision.objects.filter(request=request, pathway="support").exists()
    assert list(Notification.objects.values_list("status", "attempts")) == [("failed", 4)]


def test_a_message_is_not_sent_before_the_save_commits(
    practitioner, family, django_capture_on_commit_callbacks
):
    request = _request(family)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pathway.decide_information(
            actor=actor_for(practitioner),
            request=request,
            information_given="The club list.",
            agreement=agreed(),
        )
        assert mail.outbox == []
    assert mail.outbox == []
    assert Notification.objects.get().status == "queued"  # recorded, waiting to go
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["claire@example.test"]]


@pytest.mark.django_db(transaction=True)
def test_the_access_log_is_committed_before_the_mail_server_is_asked(
    practitioner, family, monkeypatch
):
    """With real commits: when the mail server is asked, no transaction is open (so the access
    log's chain head is not locked) and the decision and its access log entry are saved."""
    seen = []

    def slow_server(*args, **kwargs):
        seen.append(
            (
                connection.in_atomic_block,
                NextStepDecision.objects.count(),
                AccessEvent.objects.filter(record_type__contains="decision").count(),
            )
        )
        raise TimeoutError("the mail server did not answer")

    monkeypatch.setattr(tasks, "send_mail", slow_server)
    request = _request(family)
    pathway.decide_information(
        actor=actor_for(practitioner),
        request=request,
        information_given="The club list.",
        agreement=agreed(),
    )
    assert seen == [(False, 1, 1)] * 4  # the first try and three more
    note = Notification.objects.get()
    assert (note.status, note.attempts) == ("failed", 4)
    assert note.last_error == "The email server did not answer in time."


def test_the_mail_server_is_waited_on_for_seconds_not_minutes():
    assert settings.EMAIL_TIMEOUT == 10
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend"):
        assert get_connection().timeout == 10


def test_a_newline_in_a_childs_name_keeps_the_subject_on_one_line(
    family, django_capture_on_commit_callbacks
):
    """Django refuses an email header holding a newline; a name typed with one used to make
    the page fail. The subject is made one line, and the message goes."""
    family.children.update(first_name="Sam\r\nBcc: evil@example.test")
    request = _request(family)
    with django_capture_on_commit_callbacks(execute=True):
        family_events.request_received(request)
    assert [m.subject for m in mail.outbox] == [
        f"We have your request for help for Sam Bcc: evil@example.test ({request.reference})"
    ]
    assert Notification.objects.get().failed is False
    assert notify.one_line("A\rB\n C\u2028D") == "A B C D"
