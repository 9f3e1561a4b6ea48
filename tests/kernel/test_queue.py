"""Messages on the task queue: queued after commit, sent by a worker, tried again after 1, 5
and 30 minutes, and recorded as not delivered (with the reason in plain English) after that.
A mail server that refuses or never answers never stops a decision or a page."""

from __future__ import annotations

import smtplib
import socket
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from supportfirst.kernel import queue
from supportfirst.notifications import services as notify
from supportfirst.notifications import tasks
from supportfirst.notifications.models import MessageStatus, Notification
from supportfirst.pathway.models import NextStepDecision
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _family_with_email(family):
    family.parent_carers.update(email="claire@example.test")


@pytest.fixture
def hanging_server() -> Iterator[int]:
    """A mail server that accepts the connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


@pytest.fixture
def refusing_port() -> int:
    """A port nothing listens on: the connection is refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port: int = probe.getsockname()[1]
    probe.close()
    return port


def _smtp(port: int) -> override_settings:
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=1,
    )


@pytest.mark.parametrize(
    ("server", "reason"),
    [
        ("hanging_server", "The email server did not answer in time."),
        ("refusing_port", "The email server refused to connect."),
    ],
)
def test_a_decision_saves_and_pages_answer_when_the_mail_server_fails(
    request, server, reason, practitioner, family, django_capture_on_commit_callbacks
):
    port = request.getfixturevalue(server)
    support_request = SupportRequestFactory(
        child=family.children.first(), preferred_contact="email"
    )
    client = signed_in_client(practitioner)
    with _smtp(port), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/staff/requests/{support_request.pk}/decision/", {"pathway": "support"}
        )
    assert response.status_code == 302
    assert NextStepDecision.objects.filter(request=support_request, pathway="support").exists()
    note = Notification.objects.get(family=family)
    assert (note.status, note.attempts, note.last_error) == ("failed", 4, reason)
    page = client.get(f"/staff/families/{family.pk}/notifications/")
    assert page.status_code == 200
    assert f"Not delivered after 4 tries. {reason}" in page.content.decode()
    timeline = client.get(f"/staff/requests/{support_request.pk}/timeline/")
    assert timeline.status_code == 200
    assert "Next step: support pathway" in timeline.content.decode()


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_message_waits_on_the_queue_until_a_worker_sends_it(
    family, django_capture_on_commit_callbacks, monkeypatch
):
    # The worker closes stale connections between tasks; here that would close the test's own
    # transaction (on PostgreSQL), so it is left open.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify.tell_family(
            family,
            "decision_made",
            subject="Decided",
            body="What we decided.",
            preferred_contact="email",
        )
    assert mail.outbox == []
    assert Notification.objects.get().status == MessageStatus.QUEUED
    assert DBTaskResult.objects.ready().count() == 1
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert [m.subject for m in mail.outbox] == ["Decided"]
    note = Notification.objects.get()
    assert (note.status, note.attempts) == (MessageStatus.SENT, 1)
    assert note.delivered_at is not None


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_refused_message_is_tried_again_after_1_5_and_30_minutes(family, monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({})

    monkeypatch.setattr(tasks, "send_mail", refuse)
    note = Notification.objects.create(
        family=family, event="decision_made", channel="email", sent_at=timezone.now(), to="c***"
    )
    what = {
        "ids": [note.pk],
        "channel": "email",
        "destinations": ["claire@example.test"],
        "subject": "Decided",
        "body": "Body",
    }
    for attempt, minutes in [(1, 1), (2, 5), (3, 30)]:
        before = timezone.now()
        assert tasks.deliver_message.call(**what, attempt=attempt) == "to try again"
        note.refresh_from_db()
        assert (note.status, note.attempts) == (MessageStatus.QUEUED, attempt)
        assert note.outcome == (
            "Not sent yet: we will try again. The email server would not accept the address."
        )
        waiting = DBTaskResult.objects.order_by("-enqueued_at").first()
        assert waiting.args_kwargs["kwargs"]["attempt"] == attempt + 1
        assert (
            before + timedelta(minutes=minutes)
            <= waiting.run_after
            <= timezone.now() + timedelta(minutes=minutes)
        )
    assert tasks.deliver_message.call(**what, attempt=4) == "not delivered"
    note.refresh_from_db()
    assert (note.status, note.failed) == (MessageStatus.FAILED, True)
    assert note.outcome == (
        "Not delivered after 4 tries. The email server would not accept the address."
    )
    assert DBTaskResult.objects.count() == 3  # no fifth try


def test_a_staff_email_is_tried_four_times_then_given_up(monkeypatch, caplog):
    tries = []

    def refuse(*args, **kwargs):
        tries.append(args[3])
        raise ConnectionRefusedError

    monkeypatch.setattr(queue, "send_mail", refuse)
    result = queue.send_email.call(to=["a@council.test"], subject="S", body="B")
    assert result == "1 to try again"  # and the immediate backend ran the later tries at once
    assert tries == [["a@council.test"]] * 4
    assert "An email could not be sent after 4 tries" in caplog.text


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (TimeoutError(), "The email server did not answer in time."),
        (ConnectionRefusedError(), "The email server refused to connect."),
        (smtplib.SMTPServerDisconnected(), "The email server closed the connection."),
        (
            smtplib.SMTPServerDisconnected("Connection unexpectedly closed: timed out"),
            "The email server did not answer in time.",
        ),
        (smtplib.SMTPDataError(554, b"no"), "The email server refused the message."),
        (OSError("no route"), "The service could not reach the email server."),
        (ValueError("x"), "Something went wrong while sending the message."),
    ],
)
def test_each_failure_is_said_in_plain_english(error, words):
    assert queue.plain_reason(error) == words
