"""Writing letters: prepare one from its record, change the personal paragraph, and send it.

Every function here is the one way to make its change, and each writes the access log. A sent
letter is frozen: its HTML is stored as it was sent and never changes.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.families.models import Family
from supportfirst.kernel.workflow import MoveRefused, apply_move
from supportfirst.letters import kinds, moves, rendering
from supportfirst.letters.models import Letter, LetterKind, Variant
from supportfirst.notifications.services import (
    LETTER_SENT,
    NOT_TOLD,
    Told,
    private_author,
    tell_one_person,
)
from supportfirst.notifications.services import tell_family as tell
from supportfirst.rules.language.plain_english import readability
from supportfirst.wording.services import Reasons, keep_reasons


def addressed_to(family: Family) -> str:
    """The family's parent carers by name, or the family's own name."""
    names = [carer.full_name for carer in family.parent_carers.order_by("pk")]
    if not names:
        return family.name
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _family_id_of(source: Any) -> int | None:
    family_id = getattr(source, "family_id", None)
    if family_id is None and getattr(source, "family", None) is not None:
        family_id = source.family.pk
    return family_id


def reading_ease_of(letter: Letter) -> float:
    return round(readability(rendering.plain_text(letter.render_html())), 1)


def _subject(spec: kinds.KindSpec, context: dict[str, Any]) -> str:
    child = context.get("child")
    label = spec.label
    if child is not None:
        return f"{label}: {child.first_name}"
    complaint = context.get("complaint")
    if complaint is not None:
        return f"{label}: {complaint.reference}"
    return label


@transaction.atomic
def letter_prepare(
    *,
    actor: Actor,
    family: Family,
    kind: str,
    source: Any,
    variant: str = Variant.STANDARD,
    personal_paragraph: str = "",
) -> Letter:
    """A draft letter about `source`, its words filled in from the record now."""
    spec = kinds.spec_for(kind)
    if _family_id_of(source) != family.pk:
        raise MoveRefused(["That record is not about this family."])
    if variant not in Variant.values:
        raise MoveRefused(["Choose standard, large print or easy read."])
    # A young person's own complaint, kept from their parents by their choice: the letter is
    # written to them, sent to them, and left out of their parents' pages and download.
    young_person = private_author(getattr(source, "made_by", None))
    context = {
        **spec.build(source),
        "family": family,
        "council": family.council,
        "worker": family.allocated_worker,
        # Words that differ when the reader is that young person (advocacy is theirs, s26A).
        "to_young_person": young_person is not None,
    }
    source_type, source_id = Letter.source_key(source, spec.source_label)
    letter = Letter(
        family=family,
        child=young_person.membership.child if young_person else context.get("child"),
        addressed_to_user=young_person,
        kind=kind,
        variant=variant,
        subject=_subject(spec, context),
        source_type=source_type,
        source_id=source_id,
        addressed_to=str(young_person) if young_person else addressed_to(family),
        body_html=rendering.render_body(kind=kind, variant=variant, context=context),
        personal_paragraph=personal_paragraph.strip(),
        prepared_by=actor.user,
        prepared_at=timezone.now(),
    )
    letter.reading_ease = reading_ease_of(letter)
    letter.save()
    log_access(actor, family_id=family.pk, record=letter, action=Action.CREATE)
    return letter


def prepare_not_assessing_letter(*, actor: Actor, decision: Any) -> Letter:
    """When a team manager confirms a decision not to assess, the letter is prepared at once
    (the reason, the right to an assessment at any time, how to challenge): a draft for the
    worker to check and send, never sent by itself."""
    return letter_prepare(
        actor=actor,
        family=decision.request.family,
        kind=LetterKind.NEXT_STEP_DECISION,
        source=decision,
    )


@transaction.atomic
def letter_update(*, actor: Actor, letter: Letter, personal_paragraph: str) -> Letter:
    """Change the personal paragraph of a draft; the reading ease is worked out again."""

    def change(locked: Letter) -> None:
        locked.personal_paragraph = personal_paragraph.strip()
        locked.reading_ease = reading_ease_of(locked)

    apply_move(moves.LETTER, letter, "edit", actor=actor, change=change)
    return Letter.objects.get(pk=letter.pk)


@transaction.atomic
def letter_send(
    *,
    actor: Actor,
    letter: Letter,
    tell_family: bool = True,
    reasons: Reasons | None = None,
) -> tuple[Letter, Told]:
    """Send a draft: its HTML is frozen as sent, with the reasons given for keeping flagged
    words, and the family is told it is there; returns the letter and what they were told (the
    demo loader alone passes tell_family=False, so that loading sends no email)."""

    def change(locked: Letter) -> None:
        spec = kinds.spec_for(locked.kind)
        answered = rendering.ANSWERED_MARK in locked.body_html
        if spec.needs_personal_paragraph and not answered and not locked.personal_paragraph.strip():
            raise MoveRefused([spec.needs_personal_paragraph])
        locked.sent_by = actor.user
        locked.sent_at = timezone.now()
        locked.html = rendering.render_letter(locked)
        locked.reading_ease = round(readability(rendering.plain_text(locked.html)), 1)
        keep_reasons(reasons, locked, actor=actor)

    apply_move(moves.LETTER, letter, "send", actor=actor, change=change)
    locked = Letter.objects.get(pk=letter.pk)
    if not tell_family:
        return locked, NOT_TOLD
    subject = f"A letter from {locked.family.council.name}: {locked.subject}"
    body = (
        "We have sent you a letter. Sign in to read it, or to download it as a PDF. "
        f"It is called “{locked.subject}”."
    )
    if locked.addressed_to_user is not None:
        told = tell_one_person(
            locked.family, locked.addressed_to_user, LETTER_SENT, subject=subject, body=body
        )
    else:
        told = tell(locked.family, LETTER_SENT, subject=subject, body=body)
    return locked, told
