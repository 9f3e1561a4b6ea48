"""The daily retention task, run on the task queue (kernel/schedule.py)."""

from __future__ import annotations

import logging

from django_tasks import task

from supportfirst.councils.models import Council
from supportfirst.retention.services import prune_finished_tasks, retention_apply

log = logging.getLogger(__name__)


@task()
def apply_retention() -> dict[str, int]:
    """Apply every council's retention periods; return how many records of each kind went."""
    removed: dict[str, int] = {}
    for council in Council.objects.order_by("pk"):
        for run in retention_apply(council=council):
            removed[run.kind] = removed.get(run.kind, 0) + run.removed
    removed["finished_tasks"] = prune_finished_tasks()
    log.info("Retention applied: %s", removed)
    return removed
