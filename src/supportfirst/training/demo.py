"""The demo councils' training records: every practitioner and manager but one completed the
council's assessment training, delivered by a manager with the forum's parent carers. Every
name is invented; the council's rule is left off, so the demo story allocates as before."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import CASEWORK_ROLES, MANAGER_ROLES, Council, Membership, Role
from supportfirst.councils.scoping import scope_for
from supportfirst.training.models import Course, TrainingRecord
from supportfirst.training.services import record_training

DEMO_ORDER = 70


def load_demo() -> None:
    today = timezone.localdate()
    for council in Council.objects.filter(is_demo=True):
        if TrainingRecord.objects.filter(council=council).exists():
            continue
        members = Membership.objects.filter(council=council).select_related("user")
        manager = next((m for m in members if m.role in MANAGER_ROLES), None)
        forum = next((m for m in members if m.role == Role.FORUM_MEMBER), None)
        if manager is None or forum is None:
            continue
        staff = [m.user for m in members if m.role in CASEWORK_ROLES]
        actor = Actor(manager.user, scope_for(manager.user))
        for person in staff[:-1] if len(staff) > 1 else staff:
            record_training(
                actor=actor,
                person=person,
                course=Course.ASSESSMENT,
                completed_on=today - timedelta(days=120),
                renew_by=today + timedelta(days=610),
                delivered_by=f"{manager.user}, team manager",
                parent_carers=f"{forum.user}, parent carer forum trainer",
            )
