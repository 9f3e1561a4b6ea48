"""Bring each council's working-day targets into line with its local assessment protocol in force
today. Run every morning: a version published to come into force on a later date sets the
targets from that date."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from supportfirst.localprotocol.services import protocol_targets_bring_into_force


class Command(BaseCommand):
    help = "Set each council's working-day targets from its local assessment protocol in force."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = protocol_targets_bring_into_force(today=timezone.localdate())
        for name in changed:
            self.stdout.write(f"{name}: targets set from the protocol in force.")
        if not changed:
            self.stdout.write("No council's targets changed.")
