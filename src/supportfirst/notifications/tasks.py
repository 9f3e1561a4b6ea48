"""Sending a family's message: a task on the queue (see `kernel/queue.py`), run by a worker
after the change that caused it is saved.

Each try is counted on the message's `Notification` rows. A try that fails (the mail server
refuses or does not answer in `EMAIL_TIMEOUT` seconds, GOV.UK Notify refuses) records why, in
plain English, and asks for another try after 1, 5 and 30 minutes; after the last the message is
recorded as not delivered, which staff and the family see on their messages pages.
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from supportfirst.kernel.queue import plain_reason, tries_allowed, try_again
from supportfirst.notifications import sms
from supportfirst.notifications.models import Channel, MessageStatus, Notification

log = logging.getLogger(__name__)


@task()
def deliver_message(
    *,
    ids: list[int],
    channel: str,
    destinations: list[str],
    subject: str,
    body: str,
    attempt: int = 1,
) -> str:
    """Send one message to its destinations and record the outcome on its `Notification` rows.
    Returns the outcome (kept with the task's result)."""
    rows = Notification.objects.filter(pk__in=ids)
    if not rows.exists():
        return "gone"  # removed (by retention) before it could be sent
    try:
        if channel == Channel.TEXT:
            sms.send_sms(destinations[0], f"{subject}\n\n{body}")
        else:
            send_mail(subject, body, None, destinations, fail_silently=False)
    except Exception as error:
        reason = plain_reason(error)
        log.warning("Try %s of a message to a family failed: %r", attempt, error)
        last = attempt >= tries_allowed()
        # Recorded before the next try is queued: a backend without delays runs it at once.
        rows.update(
            attempts=attempt,
            last_error=reason[:200],
            status=MessageStatus.FAILED if last else MessageStatus.QUEUED,
        )
        if last:
            log.error("A message to a family was not delivered after %s tries", attempt)
            return "not delivered"
        try_again(
            deliver_message,
            attempt,
            ids=ids,
            channel=channel,
            destinations=destinations,
            subject=subject,
            body=body,
        )
        return "to try again"
    rows.update(
        attempts=attempt, last_error="", status=MessageStatus.SENT, delivered_at=timezone.now()
    )
    return "sent"
