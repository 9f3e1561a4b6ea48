"""A council's own additions to the respectful-language vocabulary, agreed with its forum.

The shipped vocabulary (supportfirst/rules/language/vocabulary.yaml) is always checked. A council
administrator adds entries of their own, usually agreed with the parent carer forum. An entry
is never deleted, so that reasons given for keeping its words still make sense:

- active: checked in every staff text of the council (`retired_at` is empty);
- retired: no longer checked (`retired_at` and `retired_by` say when and by whom);
  it can be restored, and is active again.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from supportfirst.rules.language.text import normalise
from supportfirst.rules.language.vocabulary import CATEGORIES, RESPECTFUL_LANGUAGE

CATEGORY_CHOICES = [(category, CATEGORIES[category]) for category in RESPECTFUL_LANGUAGE]

ENTRY_ID_PATTERN = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$"
ENTRY_ID_MESSAGE = (
    "The short name can only use lower-case letters, numbers and hyphens, like tier-3"
)


def lines(text: str) -> list[str]:
    """The non-blank lines of a text, each with its spacing tidied."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def phrase_pattern(phrase: str) -> str:
    """A plain phrase as a safe pattern: every character literal, any run of spaces matching
    any spacing, and a hyphen matching a hyphen, a space or nothing ("wheelchair-bound" also
    finds "wheelchair bound" and "wheelchairbound")."""
    words = normalise(phrase).split()
    return r"\s+".join(
        "[- ]?".join(re.escape(part) for part in word.split("-") if part) for word in words
    )


class VocabularyEntryQuerySet(models.QuerySet["VocabularyEntry"]):
    def of_council(self, council_id: int) -> VocabularyEntryQuerySet:
        return self.filter(council_id=council_id)

    def active(self) -> VocabularyEntryQuerySet:
        return self.filter(retired_at__isnull=True)


class VocabularyEntry(models.Model):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="vocabulary_entries"
    )
    entry_id = models.CharField(
        "Short name",
        max_length=80,
        validators=[RegexValidator(ENTRY_ID_PATTERN, ENTRY_ID_MESSAGE)],
        help_text="Stable: findings and the reasons given for keeping words refer to it.",
    )
    category = models.CharField(max_length=30, choices=CATEGORY_CHOICES)
    words = models.TextField(help_text="One plain word or phrase on each line.")
    explanation = models.TextField()
    suggestions = models.TextField(help_text="One suggestion on each line.")
    agreed_with_forum = models.BooleanField(default=False)
    forum_note = models.TextField(blank=True, help_text="Who from the forum agreed, and when.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()
    revision = models.PositiveIntegerField(default=0, editable=False)
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = VocabularyEntryQuerySet.as_manager()

    class Meta:
        ordering = ["entry_id"]
        verbose_name_plural = "vocabulary entries"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "entry_id"], name="vocabulary_entry_id_unique_in_council"
            )
        ]

    def __str__(self) -> str:
        return self.entry_id

    @property
    def is_active(self) -> bool:
        return self.retired_at is None

    @property
    def phrases(self) -> list[str]:
        return lines(self.words)

    def as_raw(self) -> dict[str, Any]:
        """The entry in the form the language package reads (as in vocabulary.yaml)."""
        return {
            "id": self.entry_id,
            "category": self.category,
            "patterns": [phrase_pattern(phrase) for phrase in self.phrases],
            "explanation": self.explanation,
            "suggestions": self.suggestion_list,
        }

    @property
    def suggestion_list(self) -> list[str]:
        return lines(self.suggestions)
