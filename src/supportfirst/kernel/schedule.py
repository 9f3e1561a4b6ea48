"""Daily work on the task queue: each entry of `settings.DAILY_TASKS` ("HH:MM", a task's
dotted path) is enqueued once a day, at or after its local time, by whichever worker first
sees it due (`DailyRun` keeps it to once). `supportfirst worker` runs `run_scheduler` beside
the queue's worker loop; a worker that was stopped at the time catches up when it starts.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from supportfirst.kernel.models import DailyRun

log = logging.getLogger(__name__)

# How often the scheduler looks at the clock.
TICK_SECONDS = 30


@dataclass(frozen=True)
class Daily:
    at: time
    task_path: str


def daily_tasks() -> list[Daily]:
    return [Daily(time.fromisoformat(at), path) for at, path in settings.DAILY_TASKS]


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every daily task whose time today has come and that is not yet queued today;
    return their paths."""
    moment = timezone.localtime(now or timezone.now())
    queued = []
    for daily in daily_tasks():
        if moment.time() < daily.at:
            continue
        try:
            with transaction.atomic():
                DailyRun.objects.create(
                    task_path=daily.task_path, day=moment.date(), enqueued_at=moment
                )
        except IntegrityError:
            continue  # already queued today (perhaps by another worker)
        import_string(daily.task_path).enqueue()
        log.info("Queued the daily task %s", daily.task_path)
        queued.append(daily.task_path)
    return queued


def run_scheduler(stop: threading.Event) -> None:
    """Look at the clock every TICK_SECONDS until `stop` is set; never dies on an error."""
    while not stop.is_set():
        try:
            close_old_connections()
            enqueue_due()
        except Exception:
            log.exception("The daily scheduler could not queue its tasks; trying again soon")
        finally:
            close_old_connections()
        stop.wait(TICK_SECONDS)
