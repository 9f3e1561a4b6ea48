"""Text messages, through a backend chosen in settings like Django's email backends.

`SMS_BACKEND` names a class with `send_messages(messages) -> int`:

- `ConsoleSMSBackend` prints each message (the default, and for the demo);
- `LocmemSMSBackend` keeps them in `supportfirst.notifications.sms.outbox` (the tests);
- `NotifySMSBackend` sends through GOV.UK Notify's SMS API (`NOTIFY_API_KEY` and
  `NOTIFY_SMS_TEMPLATE_ID`, a text message template whose body is ((body))).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextMessage:
    to: str
    body: str


# What LocmemSMSBackend has "sent", like django.core.mail.outbox.
outbox: list[TextMessage] = []


class BaseSMSBackend:
    def __init__(self, fail_silently: bool = False) -> None:
        self.fail_silently = fail_silently

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        raise NotImplementedError


class ConsoleSMSBackend(BaseSMSBackend):
    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        for message in messages:
            sys.stdout.write(f"Text message to {message.to}:\n{message.body}\n{'-' * 40}\n")
        return len(messages)


class LocmemSMSBackend(BaseSMSBackend):
    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


class NotifySMSBackend(BaseSMSBackend):
    def __init__(self, fail_silently: bool = False) -> None:
        super().__init__(fail_silently)
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY, timeout=settings.EMAIL_TIMEOUT
        )
        self.template_id = settings.NOTIFY_SMS_TEMPLATE_ID

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        sent = 0
        for message in messages:
            try:
                self.client.send_sms_notification(
                    phone_number=message.to,
                    template_id=self.template_id,
                    personalisation={"body": message.body},
                )
            except APIError:
                log.exception("GOV.UK Notify refused a text message")
                if not self.fail_silently:
                    raise
                continue
            sent += 1
        return sent


def get_backend(fail_silently: bool = False) -> BaseSMSBackend:
    backend: type[BaseSMSBackend] = import_string(settings.SMS_BACKEND)
    return backend(fail_silently=fail_silently)


def send_sms(to: str, body: str) -> int:
    return get_backend().send_messages([TextMessage(to=to, body=body)])
