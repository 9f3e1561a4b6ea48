"""Writing correction requests: the family asks; a practitioner or team manager answers."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.corrections import clock, moves
from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from supportfirst.corrections.records import FoundRecord
from supportfirst.families.models import Family
from supportfirst.kernel.workflow import apply_move
from supportfirst.notifications.services import Told, tell_family
from supportfirst.wording.services import Reasons, keep_reasons

CORRECTION_ANSWERED = "correction_answered"
# How a correction request names itself on the reasons kept for its flagged words.
RECORD_TYPE = "corrections.correctionrequest"
# What the family reads in the answer, by the outcome chosen.
ANSWER_TEXT = {
    "corrected": ("what_we_changed", "what you changed"),
    "not_corrected": ("reason_not_corrected", "why the record is not being changed"),
}


@transaction.atomic
def correction_ask(
    *, actor: Actor, found: FoundRecord, what_is_wrong: str, what_it_should_say: str
) -> CorrectionRequest:
    """The family asks us to correct one record they can see. Due in one calendar month."""
    now = timezone.now()
    shown_on, shown_on_id = found.kind.shown_on(found.record)
    correction = CorrectionRequest.objects.create(
        family_id=found.family_id,
        record_kind=found.kind.kind,
        record_id=found.record.pk,
        record_label=found.label[:300],
        shown_on=shown_on,
        shown_on_id=shown_on_id,
        what_is_wrong=what_is_wrong,
        what_it_should_say=what_it_should_say,
        asked_by=actor.user,
        asked_at=now,
        due_on=clock.rectification_due(timezone.localdate(now)),
    )
    log_access(actor, family_id=correction.family_id, record=correction, action=Action.CREATE)
    return correction


@transaction.atomic
def correction_answer(
    *,
    actor: Actor,
    correction: CorrectionRequest,
    corrected: bool,
    what_we_changed: str = "",
    reason_not_corrected: str = "",
    reasons: Reasons | None = None,
) -> tuple[CorrectionRequest, Told]:
    """Answer a correction request once: corrected (say what changed) or not (say why, and the
    family's view stays with the record), with the reasons given for keeping flagged words.
    The family is told; returns the answered request and what they were told."""

    def change(locked: CorrectionRequest) -> None:
        locked.what_we_changed = what_we_changed.strip() if corrected else ""
        locked.reason_not_corrected = "" if corrected else reason_not_corrected.strip()
        locked.answered_by = actor.user
        locked.answered_at = timezone.now()

    apply_move(
        moves.CORRECTION,
        correction,
        "correct" if corrected else "do_not_correct",
        actor=actor,
        context={"what_we_changed": what_we_changed, "reason_not_corrected": reason_not_corrected},
        change=change,
    )
    locked = CorrectionRequest.objects.get(pk=correction.pk)
    keep_reasons(reasons, locked, actor=actor)
    return locked, _tell_family(locked)


def _tell_family(correction: CorrectionRequest) -> Told:
    family = Family.objects.get(pk=correction.family_id)
    if correction.status == CorrectionStatus.CORRECTED:
        outcome = f"We have corrected it. What we changed: {correction.what_we_changed}"
    else:
        outcome = (
            "We have not changed it. The reason: "
            f"{correction.reason_not_corrected}\n\n"
            "Your view is kept with the record, so everyone who reads it sees what you told us. "
            "If you are unhappy with our answer, you can make a complaint to us, and then to "
            "the Information Commissioner's Office (ico.org.uk)."
        )
    return tell_family(
        family,
        CORRECTION_ANSWERED,
        subject="We have answered your request to correct your record",
        body=(
            f"You asked us to correct: {correction.record_label}.\n\n{outcome}\n\n"
            "Sign in to Support First to read the answer."
        ),
    )
