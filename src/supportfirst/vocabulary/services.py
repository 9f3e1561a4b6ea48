"""Changes to a council's own vocabulary: add, edit, retire, restore. One function each.

Every change is checked the way the checker will read it: the entry is built with the
language package's own `entries_from`, so an entry that is saved is an entry that works.
A problem is raised as a ValidationError whose message a person can act on.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.kernel.workflow import IllegalMove
from supportfirst.rules.language.vocabulary import VocabularyError, entries_from, shipped
from supportfirst.vocabulary.models import ENTRY_ID_MESSAGE, ENTRY_ID_PATTERN, VocabularyEntry

_HAS_WORD = re.compile(r"\w")


class EntryStateError(IllegalMove):
    """The entry is not in a state where that can be done (already retired, or active)."""


def _check_entry_id(*, council_id: int, entry_id: str) -> None:
    if not re.fullmatch(ENTRY_ID_PATTERN, entry_id):
        raise ValidationError({"entry_id": ENTRY_ID_MESSAGE})
    if entry_id in {entry.id for entry in shipped()}:
        raise ValidationError(
            {"entry_id": f"“{entry_id}” is the name of a shipped entry: choose another name"}
        )
    if VocabularyEntry.objects.of_council(council_id).filter(entry_id=entry_id).exists():
        raise ValidationError(
            {"entry_id": f"Your council already has an entry called “{entry_id}”"}
        )


def _check_usable(entry: VocabularyEntry) -> None:
    """Build the entry as the checker will; turn its complaint into a plain message."""
    if not entry.phrases:
        raise ValidationError({"words": "Enter at least one word or phrase to check for"})
    for phrase in entry.phrases:
        if not _HAS_WORD.search(phrase):
            raise ValidationError(
                {"words": f"“{phrase}” has no letters or numbers: enter words to check for"}
            )
    if not entry.suggestion_list:
        raise ValidationError({"suggestions": "Enter at least one suggestion"})
    if entry.agreed_with_forum and not entry.forum_note.strip():
        raise ValidationError(
            {"forum_note": "Say who from the parent carer forum agreed, and when"}
        )
    try:
        entries_from([entry.as_raw()])
    except VocabularyError as error:
        raise ValidationError(f"This entry cannot be used: {error}") from None


@transaction.atomic
def entry_add(
    *,
    actor: Actor,
    entry_id: str,
    category: str,
    words: str,
    explanation: str,
    suggestions: str,
    agreed_with_forum: bool,
    forum_note: str = "",
) -> VocabularyEntry:
    council_id = actor.scope.council_id
    entry_id = entry_id.strip()
    _check_entry_id(council_id=council_id, entry_id=entry_id)
    now = timezone.now()
    entry = VocabularyEntry(
        council_id=council_id,
        entry_id=entry_id,
        category=category,
        words=words.strip(),
        explanation=explanation.strip(),
        suggestions=suggestions.strip(),
        agreed_with_forum=agreed_with_forum,
        forum_note=forum_note.strip(),
        created_by=actor.user,
        created_at=now,
        updated_by=actor.user,
        updated_at=now,
    )
    _check_usable(entry)
    entry.save()
    return entry


@transaction.atomic
def entry_edit(
    *,
    actor: Actor,
    entry: VocabularyEntry,
    category: str,
    words: str,
    explanation: str,
    suggestions: str,
    agreed_with_forum: bool,
    forum_note: str = "",
) -> VocabularyEntry:
    """Change what an entry checks for and says. Its short name stays: findings refer to it."""
    entry = VocabularyEntry.objects.select_for_update().get(pk=entry.pk)
    entry.category = category
    entry.words = words.strip()
    entry.explanation = explanation.strip()
    entry.suggestions = suggestions.strip()
    entry.agreed_with_forum = agreed_with_forum
    entry.forum_note = forum_note.strip()
    _check_usable(entry)
    entry.updated_by = actor.user
    entry.updated_at = timezone.now()
    entry.save()
    return entry


@transaction.atomic
def entry_retire(*, actor: Actor, entry: VocabularyEntry) -> VocabularyEntry:
    """Stop checking for the entry's words. It is kept, and can be restored."""
    entry = VocabularyEntry.objects.select_for_update().get(pk=entry.pk)
    if not entry.is_active:
        raise EntryStateError(f"“{entry.entry_id}” is already retired.")
    now = timezone.now()
    entry.retired_at, entry.retired_by = now, actor.user
    entry.updated_at, entry.updated_by = now, actor.user
    entry.save()
    return entry


@transaction.atomic
def entry_restore(*, actor: Actor, entry: VocabularyEntry) -> VocabularyEntry:
    """Check for a retired entry's words again."""
    entry = VocabularyEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.is_active:
        raise EntryStateError(f"“{entry.entry_id}” is not retired.")
    _check_usable(entry)
    entry.retired_at, entry.retired_by = None, None
    entry.updated_at, entry.updated_by = timezone.now(), actor.user
    entry.save()
    return entry
