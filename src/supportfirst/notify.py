"""An email backend that sends through GOV.UK Notify with its official Python client.

Notify sends from templates: make one email template whose subject is ((subject)) and whose
body is ((body)), and give its id as NOTIFY_EMAIL_TEMPLATE_ID with NOTIFY_API_KEY.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

log = logging.getLogger(__name__)


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY, timeout=settings.EMAIL_TIMEOUT
        )
        self.template_id = settings.NOTIFY_EMAIL_TEMPLATE_ID

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            for address in message.recipients():
                try:
                    self.client.send_email_notification(
                        email_address=address,
                        template_id=self.template_id,
                        personalisation={"subject": message.subject, "body": message.body},
                    )
                except APIError:
                    log.exception("GOV.UK Notify refused an email")
                    if not self.fail_silently:
                        raise
                    continue
                sent += 1
        return sent
