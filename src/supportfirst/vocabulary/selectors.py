"""Reading a council's vocabulary, and the checker that uses it."""

from __future__ import annotations

import logging
import threading

from django.db.models import Count, Max
from django.shortcuts import get_object_or_404

from supportfirst.rules.language import Checker, Entry, VocabularyError, entries_from, shipped
from supportfirst.vocabulary.models import VocabularyEntry, VocabularyEntryQuerySet

logger = logging.getLogger(__name__)

# One checker per council, with the version of the council's entries it was built from.
# The version is read from the database on every call, so a change made by any process is
# seen by every process on its next check.
_CHECKERS: dict[int, tuple[tuple[int, str], Checker]] = {}
_LOCK = threading.Lock()


def entries_for_council(*, council_id: int) -> VocabularyEntryQuerySet:
    """All of a council's own entries, active first, then retired."""
    return VocabularyEntry.objects.of_council(council_id).order_by("retired_at", "entry_id")


def entry_read(*, council_id: int, entry_pk: int) -> VocabularyEntry:
    """One of the council's own entries, or 404 (another council's entry looks absent)."""
    return get_object_or_404(VocabularyEntry.objects.of_council(council_id), pk=entry_pk)


def _version(council_id: int) -> tuple[int, str]:
    """Changes whenever an entry is added, edited, retired or restored (each sets
    updated_at), and whenever one is added (the count)."""
    figures = VocabularyEntry.objects.of_council(council_id).aggregate(
        count=Count("pk"), latest=Max("updated_at")
    )
    latest = figures["latest"]
    return figures["count"], latest.isoformat() if latest else ""


def council_entries(*, council_id: int) -> tuple[Entry, ...]:
    """The council's active entries as the language package reads them. An entry that
    cannot be used (for example, a later release ships an entry with the same name) is
    left out and logged, rather than stopping every check."""
    shipped_ids = {entry.id for entry in shipped()}
    built: list[Entry] = []
    for row in VocabularyEntry.objects.of_council(council_id).active().order_by("entry_id"):
        if row.entry_id in shipped_ids:
            logger.warning("council %s entry %r clashes with a shipped one", council_id, row.pk)
            continue
        try:
            built.extend(entries_from([row.as_raw()]))
        except VocabularyError:
            logger.warning("council %s entry %r cannot be used", council_id, row.pk)
    return tuple(built)


def checker_for_council(council_id: int) -> Checker:
    """The shipped vocabulary plus the council's active entries, compiled once per change."""
    version = _version(council_id)
    cached = _CHECKERS.get(council_id)
    if cached is not None and cached[0] == version:
        return cached[1]
    checker = Checker(entries=shipped() + council_entries(council_id=council_id))
    with _LOCK:
        _CHECKERS[council_id] = (version, checker)
    return checker
