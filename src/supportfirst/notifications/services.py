"""Messages to a family when something happens on their request.

Every part of the service that tells a family about an event calls `notify_family`; this module
decides how the message reaches them (the family's `NotificationPreference`: email or text
message) and records each message sent as a `Notification`, so staff can see what the family
was told.

A message never holds a database transaction: it is recorded with the change that caused it,
and put on the task queue only after that change is saved (`kernel.queue.enqueue_after_commit`).
A worker sends it with a short timeout (`EMAIL_TIMEOUT`), tries again after 1, 5 and 30 minutes
when it cannot, and records the outcome on its `Notification` (`notifications/tasks.py`). A
message that cannot be sent never undoes or stops the save.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.families.models import ContactMethod, Family
from supportfirst.kernel.queue import email_after_commit, enqueue_after_commit
from supportfirst.notifications.models import (
    Channel,
    Format,
    MessageStatus,
    Notification,
    NotificationPreference,
)
from supportfirst.notifications.tasks import deliver_message

log = logging.getLogger(__name__)

# The events a family is told about.
REQUEST_RECEIVED = "request_received"
DECISION_MADE = "decision_made"
ASSESSMENT_READY = "assessment_ready"
PLAN_READY = "plan_ready"
LETTER_SENT = "letter_sent"
COMPLAINT_UPDATE = "complaint_update"
COMPLAINT_REMINDER = "complaint_reminder"
CONTACT_PLANNED = "contact_planned"

EVENT_LABELS = {
    REQUEST_RECEIVED: "Request received",
    DECISION_MADE: "Next step decided",
    ASSESSMENT_READY: "Assessment ready to read",
    PLAN_READY: "Support plan ready",
    LETTER_SENT: "Letter sent",
    COMPLAINT_UPDATE: "Complaint",
    COMPLAINT_REMINDER: "Complaint reminder",
    CONTACT_PLANNED: "Visits and meetings we plan",
}

# True while the demo story is loaded: its families are invented, so nobody is told anything.
_not_telling: ContextVar[bool] = ContextVar("not_telling_families", default=False)


@contextmanager
def not_telling_families() -> Iterator[None]:
    """Within this block `notify_family` sends and records nothing (for loading demo data)."""
    token = _not_telling.set(True)
    try:
        yield
    finally:
        _not_telling.reset(token)


UK_MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")


def normalise_mobile(number: str) -> str:
    """A UK mobile number without spaces, brackets or dashes ("" when it is not one)."""
    compact = re.sub(r"[\s()\-]", "", number)
    return compact if UK_MOBILE.match(compact) else ""


def mask(channel: str, to: str) -> str:
    """Enough of an address or number to recognise it, no more."""
    if channel == Channel.TEXT:
        return f"mobile ending {to[-3:]}"
    name, _, domain = to.partition("@")
    return f"{name[:1]}***@{domain}"


def _carer_emails(family: Family) -> list[str]:
    return [carer.email for carer in family.parent_carers.order_by("pk") if carer.email]


def _carer_mobile(family: Family) -> str:
    for carer in family.parent_carers.order_by("pk"):
        number = normalise_mobile(carer.phone)
        if number:
            return number
    return ""


def preference_for(family: Family, preferred_contact: str = "") -> NotificationPreference:
    """The family's saved choice, or what the service assumes until they choose: how they
    said they like to be contacted (on the request, or on the family's record), to the first
    parent carer's email or mobile. A family who asked for letters or phone calls has an
    unsaved preference with no channel: the team contacts them that way, not this service."""
    saved = NotificationPreference.objects.filter(family=family).first()
    if saved is not None:
        return saved
    emails = _carer_emails(family)
    mobile = _carer_mobile(family)
    how = preferred_contact or family.preferred_contact
    channels: dict[str, str] = {
        ContactMethod.EMAIL: Channel.EMAIL,
        ContactMethod.TEXT: Channel.TEXT,
    }
    channel = channels.get(how, "")
    if channel == Channel.TEXT and not mobile:
        channel = Channel.EMAIL
    return NotificationPreference(
        family=family,
        channel=channel,
        email=emails[0] if emails else "",
        mobile=mobile,
        format=Format.STANDARD,
        language=family.interpreter_language,
        updated_at=timezone.now(),
    )


@transaction.atomic
def preference_save(
    *,
    actor: Actor,
    family: Family,
    channel: str,
    email: str,
    mobile: str,
    format: str,
    language: str,
) -> NotificationPreference:
    preference, created = NotificationPreference.objects.update_or_create(
        family=family,
        defaults={
            "channel": channel,
            "email": email.strip(),
            "mobile": normalise_mobile(mobile),
            "format": format,
            "language": language.strip(),
            "updated_by": actor.user,
            "updated_at": timezone.now(),
        },
    )
    log_access(
        actor,
        family_id=family.pk,
        record=preference,
        action=Action.CREATE if created else Action.CHANGE,
    )
    return preference


def one_line(subject: str) -> str:
    """A subject on one line. Names typed by the public can hold a newline or a carriage
    return, and an email header with one is refused (a message never sent, a page that fails)."""
    return " ".join(subject.split())


def _record(
    family: Family,
    event: str,
    channel: str,
    destinations: list[str],
    subject: str,
    body: str,
    fmt: str,
    at: datetime,
    only_for: Any = None,
    status: str = MessageStatus.QUEUED,
) -> list[int]:
    return [
        Notification.objects.create(
            family=family,
            event=event,
            channel=channel,
            sent_at=at,
            to=mask(channel, to),
            subject=subject[:300],
            body=body,
            format=fmt,
            addressed_to_user=only_for,
            status=status,
            attempts=1 if status == MessageStatus.SENT else 0,
            delivered_at=at if status == MessageStatus.SENT else None,
        ).pk
        for to in destinations
    ]


def send_after_commit(
    family: Family,
    event: str,
    *,
    channel: str,
    destinations: list[str],
    subject: str,
    body: str,
    fmt: str = Format.STANDARD,
    only_for: Any = None,
) -> Told:
    """Record the message now and send it once the surrounding transaction is saved (at once
    when there is none). Returns what will be tried: a failure shows on the family's messages
    page, not here. `only_for`: the one family member it is for (see `tell_one_person`)."""
    subject = one_line(subject)
    ids = _record(
        family, event, channel, destinations, subject, body, fmt, timezone.now(), only_for
    )
    enqueue_after_commit(
        deliver_message,
        ids=ids,
        channel=channel,
        destinations=list(destinations),
        subject=subject,
        body=body,
    )
    return Told(channel, tuple(destinations))


@dataclass(frozen=True)
class Told:
    """What the family was sent about one event: the channel and where it went, or nothing
    (they asked to be contacted another way, or we have no address for them)."""

    channel: str = ""
    sent_to: tuple[str, ...] = ()
    failed: bool = False

    @property
    def sentence(self) -> str:
        """For a staff page after an action: whether the family was sent a message about it,
        said truthfully (a family who asked for phone calls or letters gets no message)."""
        if self.sent_to and not self.failed:
            how = "a text message" if self.channel == Channel.TEXT else "an email"
            return (
                f"We are sending the family {how} about it. If it cannot be sent, the family's "
                "messages page will say so."
            )
        if self.sent_to:
            return "We could not send the family a message about it: please contact them yourself."
        return (
            "The family has not been sent a message: they asked to be contacted another way, or "
            "we have no email address or mobile number for them. Please tell them yourself."
        )


NOT_TOLD = Told()


# Whether an account is a young person's who keeps their own words from their parents. Named by
# its path: the rule lives with the young person's choice (asking), which imports this module.
KEEPS_OWN_WORDS_PRIVATE = "supportfirst.asking.selectors.keeps_own_words_private"


def private_author(user: Any) -> Any:
    """`user` when they are a young person keeping their own words from their parents (then a
    message about what they wrote goes to them alone); None otherwise."""
    if user is None:
        return None
    return user if import_string(KEEPS_OWN_WORDS_PRIVATE)(user) else None


def tell_one_person(family: Family, user: Any, event: str, *, subject: str, body: str) -> Told:
    """A message for one family member only, to their own account's email address: a young
    person's message about their own complaint, which their parents are not sent and never see
    (it is left out of their pages and download). Nothing is sent without an address."""
    if _not_telling.get() or not user.email:
        return NOT_TOLD
    return send_after_commit(
        family,
        event,
        channel=Channel.EMAIL,
        destinations=[user.email],
        subject=subject,
        body=body,
        only_for=user,
    )


def notify_family(
    family: Family,
    event: str,
    *,
    subject: str,
    body: str,
    already_sent_to: list[str] | None = None,
    preferred_contact: str = "",
) -> list[str]:
    """Send `subject` and `body` the way the family chose (see `tell_family`); return where it
    went (nothing when it could not be sent)."""
    told = tell_family(
        family,
        event,
        subject=subject,
        body=body,
        already_sent_to=already_sent_to,
        preferred_contact=preferred_contact,
    )
    return [] if told.failed else list(told.sent_to)


def tell_family(
    family: Family,
    event: str,
    *,
    subject: str,
    body: str,
    already_sent_to: list[str] | None = None,
    preferred_contact: str = "",
) -> Told:
    """Send `subject` and `body` the way the family chose; return what they were told.

    Text messages go to the family's mobile; emails to the address they gave, or to every
    parent carer with an email address. Each message is recorded as a `Notification` and sent
    after the transaction commits (`send_after_commit`). When another part of the service has
    already emailed the family about this event, pass `already_sent_to`: the message is
    recorded, not sent twice. A message the email server or Notify refuses is logged and its
    `Notification` marked failed (so staff see the family was not told), never an error for the
    person acting and never a reason to undo the save.
    `preferred_contact` is how the family asked to be contacted on a request (used
    until they choose on their notifications page): by letter or phone, nothing is sent here.
    """
    if _not_telling.get():
        return NOT_TOLD
    preference = preference_for(family, preferred_contact)
    if already_sent_to:
        _record(
            family,
            event,
            Channel.EMAIL,
            already_sent_to,
            one_line(subject),
            body,
            preference.format,
            timezone.now(),
            status=MessageStatus.SENT,
        )
        return Told(Channel.EMAIL, tuple(already_sent_to))
    if not preference.channel:
        return NOT_TOLD
    if preference.channel == Channel.TEXT and preference.mobile:
        destinations, channel = [preference.mobile], Channel.TEXT
    else:
        destinations = [preference.email] if preference.email else _carer_emails(family)
        channel = Channel.EMAIL
    if not destinations:
        return NOT_TOLD
    return send_after_commit(
        family,
        event,
        channel=channel,
        destinations=destinations,
        subject=subject,
        body=body,
        fmt=preference.format,
    )


def email_staff_after_commit(*, destinations: list[str], subject: str, body: str) -> int:
    """Email members of staff (at their work address) once the surrounding transaction is
    saved, through the queue (retried like every message). Nothing is recorded on a family's
    messages, so the family never sees a message about them that was meant for staff. Returns
    how many addresses will be tried."""
    return email_after_commit(to=destinations, subject=one_line(subject), body=body)
