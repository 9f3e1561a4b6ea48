"""Complaint deadlines in the next 2 working days: tell each family once, and list them for staff.
The worker runs the same reminders every morning (complaints/tasks.py).

supportfirst manage complaint_reminders [--today 2026-11-23] [--within 2] [--dry-run]
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from supportfirst.complaints.selectors import next_step
from supportfirst.complaints.tasks import complaints_due_soon, remind_families


class Command(BaseCommand):
    help = "Remind families and list for staff the complaint steps due in the next 2 working days."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="the day to count from (YYYY-MM-DD); default today")
        parser.add_argument("--within", type=int, default=2, help="working days ahead (default 2)")
        parser.add_argument("--dry-run", action="store_true", help="list only; tell no family")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = (
                date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
            )
        except ValueError as error:
            raise CommandError("--today must be a date like 2026-11-23") from error
        due = complaints_due_soon(today=today, within=options["within"])
        if not due:
            self.stdout.write("No complaint steps are due in the next working days.")
            return
        council = None
        told = 0
        for complaint in due:
            if complaint.family.council.name != council:
                council = complaint.family.council.name
                self.stdout.write(f"\n{council}")
            stage = next(s for s in complaint.stages.all() if s.stage == complaint.stage)
            step = next_step(complaint, stage, today)
            flag = "OVERDUE " if step.overdue else ""
            self.stdout.write(
                f"  {flag}{complaint.reference} ({complaint.family.name}), "
                f"{complaint.get_stage_display()}: {step.what} by {complaint.respond_by:%-d %B %Y}"
                f" ({step.clock.described if step.clock else ''})"
            )
            if not options["dry_run"]:
                told += remind_families([complaint], today=today)
        self.stdout.write(f"\n{len(due)} due; {told} families told now.")
