"""Daily work for local protocols, run on the task queue (kernel/schedule.py)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from supportfirst.localprotocol.services import protocol_targets_bring_into_force


@task()
def protocols_in_force() -> list[str]:
    """Set each council's working-day targets from its protocol in force today (the councils
    whose targets changed). The same as `supportfirst manage protocol_in_force`."""
    return protocol_targets_bring_into_force(today=timezone.localdate())
