"""`supportfirst manage criteria_publish [FILE ...]`: publish a council's own criteria file
(checked first; every problem is listed with its place). No FILE: the shipped sets."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from supportfirst.eligibility.publishing import (
    CriteriaRefused,
    criteria_publish_file,
    criteria_publish_shipped,
)


class Command(BaseCommand):
    help = "Publish criteria files (each checked first). No file: the shipped criteria sets."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="*", help="criteria files (YAML)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["files"]:
                done = [criteria_publish_file(path) for path in options["files"]]
            else:
                done = criteria_publish_shipped()
        except CriteriaRefused as error:
            raise CommandError("Not published:\n" + "\n".join(error.messages)) from error
        for item in done:
            row = item.row
            said = "published" if item.created else "already published, unchanged"
            self.stdout.write(f"{row.set_id} version {row.version} ({row.status}): {said}")
