"""The kernel's one record: which daily task has been put on the queue for which day."""

from __future__ import annotations

from django.db import models


class DailyRun(models.Model):
    """A daily task enqueued for one day. Unique per task and day, so with several workers
    running the scheduler, each daily task is queued once a day however many see it due."""

    task_path = models.CharField(max_length=200)
    day = models.DateField()
    enqueued_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task_path", "day"], name="one_daily_run_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.task_path} on {self.day:%Y-%m-%d}"
