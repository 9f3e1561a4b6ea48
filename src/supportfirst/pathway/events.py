"""The pathway's event writer: every step of a request, and of the records that hang from it
(assessments, offers, eligibility decisions, plans), goes on the request's timeline as one
append-only `PathwayEvent`."""

from __future__ import annotations

from supportfirst.kernel.workflow import Step
from supportfirst.pathway.models import PathwayEvent, SupportRequest


def request_of(record: object) -> SupportRequest:
    """The request a pathway record belongs to (the request itself, or the record's request)."""
    if isinstance(record, SupportRequest):
        return record
    request: SupportRequest = record.request  # type: ignore[attr-defined]
    return request


def write_pathway_event(step: Step) -> PathwayEvent:
    """One row on the request's timeline: who, when, from, to, why."""
    request = request_of(step.record)
    return PathwayEvent.objects.create(
        family_id=request.family_id,
        request=request,
        record_type=step.record_type,
        record_id=step.record.pk,
        move=step.move,
        from_status=step.from_status,
        to_status=step.to_status,
        actor=step.actor,
        at=step.at,
        reason=step.reason,
        summary=step.summary,
    )
