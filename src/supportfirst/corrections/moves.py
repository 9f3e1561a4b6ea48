"""The moves of a correction request: a practitioner or team manager answers it once, corrected
(saying what changed) or not corrected (saying why). Each guard's docstring is the message shown
when it fails. Its steps are kept in the access log; its moves are made by an `audit.Actor`."""

from __future__ import annotations

from typing import Any

from supportfirst.audit.events import write_access_event
from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from supportfirst.kernel.workflow import Move, Workflow


def what_changed_is_written(
    correction: CorrectionRequest, actor: Any, context: dict[str, Any]
) -> bool:
    """Write what you changed, so the family can check it"""
    return bool(str(context.get("what_we_changed", "")).strip())


def reason_not_corrected_is_written(
    correction: CorrectionRequest, actor: Any, context: dict[str, Any]
) -> bool:
    """Write the reason the record is not being changed"""
    return bool(str(context.get("reason_not_corrected", "")).strip())


ALREADY_ANSWERED = "This correction request has already been answered: “{status}”."

CORRECTION = Workflow(
    record_type="correction request",
    event_writer=write_access_event,
    moves=(
        Move(
            "correct",
            "Correct the record",
            frozenset({CorrectionStatus.RECEIVED}),
            CorrectionStatus.CORRECTED,
            (what_changed_is_written,),
            when_illegal=ALREADY_ANSWERED,
        ),
        Move(
            "do_not_correct",
            "Do not correct the record",
            frozenset({CorrectionStatus.RECEIVED}),
            CorrectionStatus.NOT_CORRECTED,
            (reason_not_corrected_is_written,),
            when_illegal=ALREADY_ANSWERED,
        ),
    ),
)
