"""Messages to a family when something happens on their request.

Every part of the service that tells a family about an event calls `notify_family`; this module
decides how the message reaches them.
"""

from __future__ import annotations

from django.core.mail import send_mail

from supportfirst.families.models import Family

# The events a family is told about.
REQUEST_RECEIVED = "request_received"
DECISION_MADE = "decision_made"
ASSESSMENT_READY = "assessment_ready"
PLAN_READY = "plan_ready"
LETTER_SENT = "letter_sent"
COMPLAINT_UPDATE = "complaint_update"


def notify_family(family: Family, event: str, *, subject: str, body: str) -> list[str]:
    """Send `subject` and `body` to the family's parent carers; return where it went."""
    addresses = [carer.email for carer in family.parent_carers.order_by("pk") if carer.email]
    if addresses:
        send_mail(subject, body, None, addresses, fail_silently=False)
    return addresses
