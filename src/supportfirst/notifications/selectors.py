"""Reading what a family was told. Every read is written to the access log."""

from __future__ import annotations

from django.db.models import QuerySet

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
