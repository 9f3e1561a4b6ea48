"""Reading what a family was told. Every read is written to the access log."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.scoping import get_visible_or_404
from supportfirst.families.models import Family
from supportfirst.notifications.models import Notification

PAGE_LIMIT = 200


def family_notifications(*, actor: Actor, family_id: int) -> tuple[Family, QuerySet[Notification]]:
    """A family and the latest messages sent to them, for staff."""
    family = get_visible_or_404(Family.objects.all(), actor.scope, pk=family_id)
    log_access(actor, family_id=family.pk, record=family)
    rows = Notification.objects.visible_to(actor.scope).filter(family=family)[:PAGE_LIMIT]
    return family, rows


# The family's own list: the latest messages, enough to see whether the last few arrived.
FAMILY_LIST_LIMIT = 20


def messages_to_me(*, actor: Actor, family: Family) -> list[Notification]:
    """The latest messages sent to the signed-in family member's family, with whether each was
    delivered. A message sent to one family member only (a young person's own) is in their list
    alone."""
    rows = list(
        Notification.objects.visible_to(actor.scope)
        .filter(family=family)
        .filter(Q(addressed_to_user__isnull=True) | Q(addressed_to_user_id=actor.user.pk))[
            :FAMILY_LIST_LIMIT
        ]
    )
    if rows:
        log_access(actor, family_id=family.pk, record=family)
    return rows
