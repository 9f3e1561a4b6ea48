"""Background work on Django's Tasks API (the `django-tasks` package; Django 6 has the same API).

Every message the service sends, and every piece of daily work, is a task: a plain function
decorated with `@task()`, enqueued after the change that asked for it is saved
(`enqueue_after_commit`), and run by a worker process (`supportfirst worker`). The database
backend keeps the queue in the service's own database, so there is nothing else to run.

A task that talks to something outside (a mail server, GOV.UK Notify) may fail. It then asks
for another try later with `try_again`: after 1, 5 and 30 minutes (`MESSAGE_RETRY_DELAYS`),
and after the last it gives up and records why, in plain English (`plain_reason`).

This module also holds the one email task for staff and for people who have no family record
yet (invitations, second factor resets): `email_after_commit`.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db.transaction import on_commit
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

log = logging.getLogger(__name__)


def enqueue_after_commit(work: Task[Any, Any], *args: Any, **kwargs: Any) -> None:
    """Put `work` on the queue once the surrounding transaction is saved (at once when there is
    none). Nothing is queued if the change is rolled back, and the queue is never waited on
    inside a transaction."""
    on_commit(lambda: work.enqueue(*args, **kwargs))


def retry_delays() -> tuple[int, ...]:
    """Seconds before each new try (settings.MESSAGE_RETRY_DELAYS)."""
    return tuple(settings.MESSAGE_RETRY_DELAYS)


def tries_allowed() -> int:
    """How many times a message is tried in all: once, then once after each delay."""
    return len(retry_delays()) + 1


def try_again(work: Task[Any, Any], attempt: int, *args: Any, **kwargs: Any) -> bool:
    """Enqueue try number `attempt + 1` of `work` after its delay; False when `attempt` was the
    last try allowed. `work` must take `attempt` as a keyword argument.

    A backend that cannot hold a task until later (the immediate backend, used by the tests
    and by TASKS_BACKEND=immediate) runs the next try at once."""
    delays = retry_delays()
    if attempt > len(delays):
        return False
    if work.get_backend().supports_defer:
        later = timezone.now() + timedelta(seconds=delays[attempt - 1])
        work.using(run_after=later).enqueue(*args, attempt=attempt + 1, **kwargs)
    else:
        work.enqueue(*args, attempt=attempt + 1, **kwargs)
    return True


def plain_reason(error: BaseException) -> str:
    """Why a message could not be sent, in words a member of staff or a family can read."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "The email server would not accept the address."
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "The email server would not let the service sign in."
    if isinstance(error, ConnectionRefusedError):
        return "The email server refused to connect."
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        # smtplib reports a server that never answers as "Connection unexpectedly closed:
        # timed out".
        return "The email server did not answer in time."
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "The email server closed the connection."
    if isinstance(error, smtplib.SMTPException):
        return "The email server refused the message."
    if type(error).__name__ == "APIError":
        return "GOV.UK Notify refused the message."
    if isinstance(error, OSError):
        return "The service could not reach the email server."
    return "Something went wrong while sending the message."


@task()
def send_email(*, to: list[str], subject: str, body: str, attempt: int = 1) -> str:
    """Email `to` (members of staff, or a person being invited), trying again later when the
    mail server refuses or does not answer. Returns what happened, for the task's result."""
    failed = []
    for address in to:
        try:
            send_mail(subject, body, None, [address], fail_silently=False)
        except Exception as error:
            log.warning("An email could not be sent (try %s): %s", attempt, plain_reason(error))
            failed.append(address)
    if not failed:
        return "sent"
    if try_again(send_email, attempt, to=failed, subject=subject, body=body):
        return f"{len(failed)} to try again"
    log.error("An email could not be sent after %s tries", attempt)
    return f"{len(failed)} not delivered"


def email_after_commit(*, to: list[str], subject: str, body: str) -> int:
    """Email each address once the surrounding transaction is saved, through the queue; returns
    how many addresses will be tried. Subjects are put on one line (a newline is refused)."""
    addresses = sorted({a for a in to if a})
    if addresses:
        enqueue_after_commit(send_email, to=addresses, subject=" ".join(subject.split()), body=body)
    return len(addresses)
