"""Run a worker: the task queue's worker loop (django-tasks-db's `db_worker`) and, beside it,
the daily scheduler (kernel/schedule.py). Run one or more in production, each its own process:

    supportfirst manage worker            (or: supportfirst worker)
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from supportfirst.kernel.schedule import run_scheduler


class Command(BaseCommand):
    help = "Run background tasks (messages, reminders, retention) and queue the daily ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="only run queued tasks; do not queue the daily ones",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        if not options["no_scheduler"]:
            threading.Thread(
                target=run_scheduler, args=(stop,), name="daily-scheduler", daemon=True
            ).start()
        try:
            call_command("db_worker", queue_name="*", reload=False, verbosity=options["verbosity"])
        finally:
            stop.set()
