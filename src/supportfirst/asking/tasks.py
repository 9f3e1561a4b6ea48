"""Daily work for online requests, run on the task queue (kernel/schedule.py)."""

from __future__ import annotations

from django_tasks import task

from supportfirst.asking.services import drafts_delete_expired


@task()
def clear_old_drafts() -> int:
    """Delete drafts nobody can come back to (`supportfirst manage clear_old_drafts`)."""
    return drafts_delete_expired()
