"""Writes: a manager records a completed course, and the council sets its rule. Each change is
in the council's access log."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from supportfirst.accounts.models import User
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.training.models import TrainingRecord, TrainingRule


@transaction.atomic
def record_training(
    *,
    actor: Actor,
    person: User,
    course: str,
    completed_on: date,
    renew_by: date,
    delivered_by: str,
    parent_carers: str,
) -> TrainingRecord:
    """Record that a member of the council's staff completed a course."""
    record = TrainingRecord.objects.create(
        council_id=actor.scope.council_id,
        person=person,
        course=course,
        completed_on=completed_on,
        renew_by=renew_by,
        delivered_by=delivered_by.strip(),
        parent_carers=parent_carers.strip(),
        recorded_by=actor.user,
        recorded_at=timezone.now(),
    )
    log_access(actor, family_id=None, record=record, action=Action.CREATE)
    return record


@transaction.atomic
def set_rule(*, actor: Actor, trained_only: bool) -> TrainingRule:
    """Turn the council's rule on or off."""
    rule, _ = TrainingRule.objects.select_for_update().get_or_create(
        council_id=actor.scope.council_id
    )
    rule.trained_only = trained_only
    rule.updated_by = actor.user
    rule.updated_at = timezone.now()
    rule.save()
    log_access(actor, family_id=None, record=rule, action=Action.CHANGE)
    return rule
