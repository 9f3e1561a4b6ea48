"""`supportfirst manage criteria_adopt COUNCIL-SLUG VERSION --council-signatory ... --forum-
signatory ... --on YYYY-MM-DD --equality-summary ...`: record that a council has adopted one
published version of its own criteria for eligibility decisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from supportfirst.councils.models import Council
from supportfirst.eligibility.adoption import criteria_adopt
from supportfirst.eligibility.models import PublishedCriteria
from supportfirst.kernel.workflow import MoveRefused


class Command(BaseCommand):
    help = "Record a council's adoption of one published version of its criteria."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("council", help="the council's slug, e.g. ashvale")
        parser.add_argument("version", help="the published version, e.g. 2.1")
        parser.add_argument("--council-signatory", required=True, help="name and role")
        parser.add_argument("--forum-signatory", required=True, help="name and forum")
        parser.add_argument("--on", required=True, help="the date adopted, YYYY-MM-DD")
        parser.add_argument(
            "--equality-summary", required=True, help="how the equality impact was considered"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council has the slug “{options['council']}”.")
        criteria = PublishedCriteria.objects.filter(
            owner=council.la_code, version=options["version"]
        ).first()
        if criteria is None:
            raise CommandError(
                f"{council.name} has no published criteria with version {options['version']}."
            )
        try:
            adopted_on = date.fromisoformat(options["on"])
        except ValueError as error:
            raise CommandError("--on must be a date written YYYY-MM-DD.") from error
        try:
            adoption = criteria_adopt(
                council=council,
                criteria=criteria,
                council_signatory=options["council_signatory"],
                forum_signatory=options["forum_signatory"],
                adopted_on=adopted_on,
                equality_impact_summary=options["equality_summary"],
            )
        except MoveRefused as error:
            raise CommandError("Not adopted:\n" + "\n".join(error.messages)) from error
        self.stdout.write(
            f"{criteria.title}, version {criteria.version}: adopted by {council.name} on "
            f"{adoption.adopted_on.isoformat()}."
        )
