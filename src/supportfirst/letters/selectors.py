"""Reading letters and the records they are about, always through the scoping layer. Every
read of one family's record is written to the access log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from supportfirst.asking.selectors import authors_keeping_words_private
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.scoping import Scope, get_visible_or_404
from supportfirst.letters import kinds, rendering
from supportfirst.letters.models import Letter, LetterStatus
from supportfirst.wording.models import WordingReason
from supportfirst.wording.services import WordsToCheck
from supportfirst.wording.services import words_to_check as shared_words_to_check

# How a letter names itself on the reasons kept for its flagged words.
LETTER_RECORD_TYPE = "letters.letter"
# A decision letter must name the law it uses: section numbers there are not staff words.
LAW_FIELD = "the letter"


def source_read(*, actor: Actor, kind: str, source_id: str) -> Any:
    """The record a new letter is about; 404 when it is not there or not in the scope."""
    spec = kinds.spec_for(kind)
    try:
        model = spec.source_model()
    except LookupError as exc:
        raise Http404("There is no such record.") from exc
    source = get_visible_or_404(model.objects.all(), actor.scope, pk=source_id)
    family_id = getattr(source, "family_id", None)
    log_access(actor, family_id=family_id, record=source)
    return source


def source_letters(*, scope: Scope, source: Any) -> QuerySet[Letter]:
    source_type, source_id = Letter.source_key(source)
    return (
        Letter.objects.visible_to(scope)
        .filter(source_type=source_type, source_id=source_id)
        .select_related("prepared_by", "sent_by")
        .order_by("-prepared_at", "-pk")
    )


def _in_full(queryset: QuerySet[Letter]) -> QuerySet[Letter]:
    return queryset.select_related(
        "family", "family__council", "family__allocated_worker", "child", "prepared_by", "sent_by"
    )


def letter_read(*, actor: Actor, letter_id: int) -> Letter:
    """One letter, draft or sent, for staff; logged as a view."""
    letter = get_visible_or_404(_in_full(Letter.objects.all()), actor.scope, pk=letter_id)
    log_access(actor, family_id=letter.family_id, record=letter)
    return letter


def letter_reasons(*, actor: Actor, letter: Letter) -> list[WordingReason]:
    """The reasons staff gave for keeping flagged words when the letter was sent."""
    return list(
        WordingReason.objects.visible_to(actor.scope)
        .filter(record_type=LETTER_RECORD_TYPE, record_id=letter.pk)
        .select_related("given_by")
    )


def letter_staff_text(letter: Letter) -> dict[str, str]:
    """The words staff wrote or brought into the letter: the personal paragraph and the
    letter's words filled in from its record."""
    body = letter.body_html.replace(rendering.PERSONAL_MARK, "")
    return {
        "the personal paragraph": letter.personal_paragraph,
        LAW_FIELD: rendering.plain_text(body),
    }


def words_to_check(letter: Letter) -> list[WordsToCheck]:
    """The shared gate over the staff words in the letter: each distinct flagged word or
    phrase once per part of the letter, with its number of uses. The letter names the law it
    uses on purpose, so section numbers there are not flagged."""
    return shared_words_to_check(
        letter_staff_text(letter),
        council_id=letter.family.council_id,
        law_fields=(LAW_FIELD,),
    )


def family_visible(scope: Scope) -> QuerySet[Letter]:
    """Letters a family may read: those sent; a young person reads only letters about them."""
    rows = Letter.objects.visible_to(scope).filter(status=LetterStatus.SENT)
    if scope.child_id is not None:
        rows = rows.filter(child_id=scope.child_id)
    # A letter written to a young person about their own complaint is left out of a parent's
    # pages while the young person keeps their own words private (shown once they share).
    return rows.exclude(addressed_to_user_id__in=authors_keeping_words_private(scope=scope))


def family_letter_read(*, actor: Actor, letter_id: int) -> Letter:
    letter = get_visible_or_404(_in_full(family_visible(actor.scope)), actor.scope, pk=letter_id)
    log_access(actor, family_id=letter.family_id, record=letter)
    return letter


def family_letters(*, scope: Scope) -> QuerySet[Letter]:
    return family_visible(scope).select_related("child").order_by("-sent_at", "-pk")


def council_letters(*, scope: Scope) -> QuerySet[Letter]:
    """The council's letters, drafts first and then the newest, for the staff list."""
    return (
        Letter.objects.visible_to(scope)
        .select_related("family", "child", "prepared_by")
        .order_by("status", "-prepared_at", "-pk")
    )
