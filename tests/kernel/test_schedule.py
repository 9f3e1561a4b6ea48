"""Daily work is put on the queue once a day, at or after its time, however many workers run."""

from __future__ import annotations

import datetime as dt

from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from supportfirst.kernel.models import DailyRun
from supportfirst.kernel.schedule import enqueue_due

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DAILY = (
    ("02:00", "supportfirst.asking.tasks.clear_old_drafts"),
    ("07:00", "supportfirst.complaints.tasks.complaint_reminders"),
)


def _at(hour: int, minute: int = 0, day: int = 4) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, 12, day, hour, minute))


@override_settings(TASKS=DATABASE_QUEUE, DAILY_TASKS=DAILY)
def test_each_daily_task_is_queued_once_on_or_after_its_time(db):
    assert enqueue_due(_at(1, 59)) == []
    assert enqueue_due(_at(2, 0)) == ["supportfirst.asking.tasks.clear_old_drafts"]
    assert enqueue_due(_at(6, 30)) == []  # a second worker, or the next tick: not again
    assert enqueue_due(_at(9, 15)) == ["supportfirst.complaints.tasks.complaint_reminders"]
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "supportfirst.asking.tasks.clear_old_drafts",
        "supportfirst.complaints.tasks.complaint_reminders",
    ]
    # The next day, both again.
    assert len(enqueue_due(_at(8, 0, day=5))) == 2
    assert DailyRun.objects.count() == 4


def test_the_service_schedules_its_daily_work(settings):
    paths = [path for _at, path in settings.DAILY_TASKS]
    assert paths == [
        "supportfirst.localprotocol.tasks.protocols_in_force",
        "supportfirst.asking.tasks.clear_old_drafts",
        "supportfirst.retention.tasks.apply_retention",
        "supportfirst.complaints.tasks.complaint_reminders",
    ]


def test_every_daily_task_runs(db):
    """Each scheduled task imports and runs on an empty database (the immediate backend)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    for _when, path in settings.DAILY_TASKS:
        result = import_string(path).enqueue()
        assert result.status == "SUCCESSFUL", (path, result.errors)
