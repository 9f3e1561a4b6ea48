"""A council's own words: adding, changing, retiring and restoring them, and the checker."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.rules.language import shipped
from supportfirst.vocabulary import services
from supportfirst.vocabulary.models import VocabularyEntry, phrase_pattern
from supportfirst.vocabulary.selectors import checker_for_council
from tests.accounts.factories import staff_user
from tests.vocabulary.factories import VocabularyEntryFactory

TIER_3 = {
    "category": "jargon",
    "words": "tier 3\nblue-form",
    "explanation": "Families do not know what the council's tiers mean.",
    "suggestions": "Say what the help is.\nName the team.",
    "agreed_with_forum": True,
    "forum_note": "Forum steering group, 4 March 2026",
}


@pytest.fixture
def actor(council):
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    return Actor(admin, scope_for(admin))


def _rules(council, text):
    return [f.rule for f in checker_for_council(council.pk).check(text)]


def test_an_added_entry_is_checked_with_the_shipped_ones(council, actor):
    entry = services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    assert entry.created_by == actor.user
    assert entry.is_active
    findings = checker_for_council(council.pk).check("She is at Tier  3. Mum failed to attend.")
    mine = [f for f in findings if f.rule == "tier-3"]
    assert [f.text for f in mine] == ["Tier  3"]
    assert mine[0].category == "jargon"
    assert mine[0].suggestions == ("Say what the help is.", "Name the team.")
    assert any(f.rule != "tier-3" and f.category == "parent-blame" for f in findings)


@pytest.mark.parametrize("text", ["blue-form", "blue form", "blueform", "Blue-Form"])
def test_a_hyphen_in_a_phrase_matches_a_hyphen_a_space_or_nothing(council, actor, text):
    services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    assert "tier-3" in _rules(council, f"A {text} plan was agreed.")


def test_phrases_are_literal_words_not_patterns():
    assert phrase_pattern("a.b (c)") == r"a\.b\s+\(c\)"
    assert phrase_pattern("parent’s  view") == r"parent's\s+view"


def test_a_phrase_does_not_match_inside_a_longer_word(council, actor):
    services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    assert "tier-3" not in _rules(council, "Frontier 3 is a film. Tier 30 is not a tier.")


def test_editing_changes_what_is_checked(council, actor):
    entry = services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    assert "tier-3" in _rules(council, "At tier 3.")
    services.entry_edit(actor=actor, entry=entry, **(TIER_3 | {"words": "level four"}))
    assert "tier-3" not in _rules(council, "At tier 3.")
    assert "tier-3" in _rules(council, "At level four.")
    entry.refresh_from_db()
    assert entry.entry_id == "tier-3"
    assert entry.updated_by == actor.user


def test_a_retired_entry_no_longer_matches_and_a_restored_one_does(council, actor):
    entry = services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    assert "tier-3" in _rules(council, "At tier 3.")
    services.entry_retire(actor=actor, entry=entry)
    entry.refresh_from_db()
    assert entry.retired_by == actor.user
    assert "tier-3" not in _rules(council, "At tier 3.")
    assert VocabularyEntry.objects.filter(pk=entry.pk).exists(), "retired, never deleted"
    services.entry_restore(actor=actor, entry=entry)
    assert "tier-3" in _rules(council, "At tier 3.")


def test_retiring_twice_or_restoring_an_active_entry_is_refused(council, actor):
    entry = services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    with pytest.raises(services.EntryStateError):
        services.entry_restore(actor=actor, entry=entry)
    services.entry_retire(actor=actor, entry=entry)
    with pytest.raises(services.EntryStateError):
        services.entry_retire(actor=actor, entry=entry)


def test_the_shipped_vocabulary_still_applies_with_no_entries(council):
    assert "parent-blame" in {
        f.category for f in checker_for_council(council.pk).check("Mum failed to attend.")
    }


def test_another_councils_entries_never_apply(council, other_council, actor):
    VocabularyEntryFactory(council=other_council, entry_id="tier-3", words="tier 3")
    assert "tier-3" not in _rules(council, "At tier 3.")
    assert "tier-3" in _rules(other_council, "At tier 3.")


def test_a_duplicate_short_name_is_refused(council, actor):
    services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    with pytest.raises(ValidationError) as error:
        services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    assert "already has an entry called" in str(error.value.message_dict["entry_id"])


def test_the_same_short_name_in_another_council_is_fine(council, other_council, actor):
    VocabularyEntryFactory(council=other_council, entry_id="tier-3")
    services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)


def test_a_shipped_short_name_is_refused(council, actor):
    shipped_id = shipped()[0].id
    with pytest.raises(ValidationError) as error:
        services.entry_add(actor=actor, entry_id=shipped_id, **TIER_3)
    assert "shipped entry" in str(error.value.message_dict["entry_id"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"words": " \n  \n"}, "words"),
        ({"words": "--"}, "words"),
        ({"suggestions": ""}, "suggestions"),
        ({"forum_note": ""}, "forum_note"),
    ],
)
def test_unusable_entries_are_refused_with_a_plain_message(council, actor, change, field):
    with pytest.raises(ValidationError) as error:
        services.entry_add(actor=actor, entry_id="tier-3", **(TIER_3 | change))
    assert field in error.value.message_dict
    assert not VocabularyEntry.objects.exists()


def test_the_language_packages_complaint_becomes_a_form_error(council, actor):
    with pytest.raises(ValidationError) as error:
        services.entry_add(actor=actor, entry_id="tier-3", **(TIER_3 | {"explanation": " "}))
    assert "This entry cannot be used" in error.value.messages[0]
    assert "'explanation' is missing" in error.value.messages[0]


def test_the_checker_is_built_once_per_change(council, actor):
    first = checker_for_council(council.pk)
    assert checker_for_council(council.pk) is first
    entry = services.entry_add(actor=actor, entry_id="tier-3", **TIER_3)
    second = checker_for_council(council.pk)
    assert second is not first
    services.entry_edit(actor=actor, entry=entry, **(TIER_3 | {"words": "level four"}))
    assert checker_for_council(council.pk) is not second
