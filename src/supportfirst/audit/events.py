"""An event writer for records whose steps are kept in the access log (letters, correction
requests, online requests): the move is made by an `Actor`, and its event is one change in the
hash-chained access log."""

from __future__ import annotations

from supportfirst.audit.models import AccessEvent, Action
from supportfirst.audit.services import log_access
from supportfirst.kernel.workflow import Step


def write_access_event(step: Step) -> AccessEvent:
    """The step, as a change to the family's record in the access log."""
    return log_access(
        step.actor, family_id=step.record.family_id, record=step.record, action=Action.CHANGE
    )
