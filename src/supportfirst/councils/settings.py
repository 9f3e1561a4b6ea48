"""Changing a council's own settings (only its council administrator does, through the
front door's settings page)."""

from __future__ import annotations

from django.db import transaction

from supportfirst.councils.models import Council, Membership

CLOCK_TARGETS = ("decision_working_days", "plan_working_days", "service_start_working_days")


@transaction.atomic
def clock_targets_save(*, council_id: int, targets: dict[str, int]) -> Council:
    """Save the council's working-day targets for the clocks after an assessment."""
    council = Council.objects.select_for_update().get(pk=council_id)
    for name in CLOCK_TARGETS:
        setattr(council, name, int(targets[name]))
    council.save(update_fields=list(CLOCK_TARGETS))
    return council


@transaction.atomic
def staff_contact_save(*, membership: Membership, job_title: str, work_phone: str) -> Membership:
    """Save how families reach a member of staff: their job title and work phone."""
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    locked.job_title = job_title.strip()
    locked.work_phone = work_phone.strip()
    locked.save(update_fields=["job_title", "work_phone"])
    return locked
