"""Changing a council's own settings (only its council administrator does, through the
front door's settings page)."""

from __future__ import annotations

from django.db import transaction

from supportfirst.councils.models import Council

CLOCK_TARGETS = ("decision_working_days", "plan_working_days", "service_start_working_days")


@transaction.atomic
def clock_targets_save(*, council_id: int, targets: dict[str, int]) -> Council:
    """Save the council's working-day targets for the clocks after an assessment."""
    council = Council.objects.select_for_update().get(pk=council_id)
    for name in CLOCK_TARGETS:
        setattr(council, name, int(targets[name]))
    council.save(update_fields=list(CLOCK_TARGETS))
    return council
