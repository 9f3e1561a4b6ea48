"""The council administrator's pages for the council's own words to check."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from supportfirst.councils.models import Role
from supportfirst.rules.language import shipped
from supportfirst.vocabulary.models import VocabularyEntry
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.lost_updates import second_save
from tests.vocabulary.factories import RetiredVocabularyEntryFactory, VocabularyEntryFactory

NEW = {
    "entry_id": "tier-3",
    "category": "jargon",
    "words": "tier 3",
    "explanation": "Families do not know what the council's tiers mean.",
    "suggestions": "Say what the help is.",
    "agreed_with_forum": "yes",
    "forum_note": "Forum steering group, 4 March 2026",
}


@pytest.fixture
def admin(council):
    return staff_user(council, Role.COUNCIL_ADMIN)


@pytest.fixture
def client(admin):
    return signed_in_client(admin)


def test_the_administrators_home_links_to_the_words_to_check(client):
    response = client.get(reverse("staff:home"))
    assert reverse("vocabulary:list") in response.content.decode()


def test_the_list_shows_the_councils_entries_and_the_shipped_ones(client, council, other_council):
    VocabularyEntryFactory(council=council, entry_id="tier-3")
    RetiredVocabularyEntryFactory(council=council, entry_id="step-down", agreed_with_forum=False)
    VocabularyEntryFactory(council=other_council, entry_id="not-ours")
    page = client.get(reverse("vocabulary:list")).content.decode()
    assert "tier-3" in page
    assert "step-down" in page
    assert "Retired" in page
    assert "not-ours" not in page
    assert f"Support First checks {len(shipped())} entries" in page
    assert shipped()[0].id in page


def test_adding_an_entry(client, council, admin):
    response = client.post(reverse("vocabulary:new"), NEW)
    assert response.status_code == 302
    entry = VocabularyEntry.objects.get()
    assert (entry.council, entry.entry_id, entry.created_by) == (council, "tier-3", admin)
    assert entry.agreed_with_forum is True
    page = client.get(response["Location"]).content.decode()
    assert "Entry “tier-3” added" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"words": "  \n "}, "Enter at least one word or phrase to check for"),
        ({"entry_id": "Tier 3!"}, "only use lower-case letters"),
        ({"entry_id": shipped()[0].id}, "is the name of a shipped entry"),
        ({"agreed_with_forum": ""}, "Select yes if the parent carer forum agreed"),
        ({"forum_note": ""}, "Say who from the parent carer forum agreed"),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_is_kept(client, change, message):
    response = client.post(reverse("vocabulary:new"), NEW | change)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert message in page
    assert "<title>Error: " in page
    assert "Families do not know what the council" in page
    assert not VocabularyEntry.objects.exists()


def test_a_duplicate_short_name_is_explained(client, council):
    VocabularyEntryFactory(council=council, entry_id="tier-3")
    response = client.post(reverse("vocabulary:new"), NEW)
    assert response.status_code == 400
    assert "Your council already has an entry called “tier-3”" in response.content.decode()


def test_editing_an_entry_keeps_its_short_name(client, council):
    entry = VocabularyEntryFactory(council=council, entry_id="tier-3")
    url = reverse("vocabulary:edit", kwargs={"entry_id": entry.pk})
    page = client.get(url).content.decode()
    assert "tier 3" in page
    response = client.post(url, NEW | {"entry_id": "renamed", "words": "tier three"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.entry_id, entry.words) == ("tier-3", "tier three")


def test_editing_with_bad_input_keeps_what_was_typed(client, council):
    entry = VocabularyEntryFactory(council=council)
    url = reverse("vocabulary:edit", kwargs={"entry_id": entry.pk})
    response = client.post(url, NEW | {"words": "", "explanation": "My new explanation"})
    assert response.status_code == 400
    assert "My new explanation" in response.content.decode()


def test_retiring_and_restoring(client, council):
    entry = VocabularyEntryFactory(council=council)
    retire = reverse("vocabulary:retire", kwargs={"entry_id": entry.pk})
    restore = reverse("vocabulary:restore", kwargs={"entry_id": entry.pk})
    assert client.get(retire).status_code == 405
    assert client.post(retire).status_code == 302
    entry.refresh_from_db()
    assert entry.retired_at is not None
    assert client.post(retire).status_code == 409
    assert client.post(restore).status_code == 302
    entry.refresh_from_db()
    assert entry.retired_at is None


def test_trying_the_checker_shows_the_councils_findings(client, council):
    VocabularyEntryFactory(council=council, entry_id="tier-3", words="tier 3")
    response = client.post(reverse("vocabulary:try"), {"text": "He is at tier 3 now."})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-summary-list" in page
    assert "Your council’s entry “tier-3”" in page
    assert "System jargon" in page
    assert "He is at tier 3 now." in page


def test_trying_nothing_is_explained(client):
    response = client.post(reverse("vocabulary:try"), {"text": ""})
    assert response.status_code == 400
    assert "Enter some writing to check" in response.content.decode()


def test_trying_clean_text(client):
    response = client.post(reverse("vocabulary:try"), {"text": "Ava loves swimming."})
    assert "The checker found nothing in this writing." in response.content.decode()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.FORUM_MEMBER])
def test_only_council_administrators_reach_the_pages(council, role):
    entry = VocabularyEntryFactory(council=council)
    client = signed_in_client(staff_user(council, role))
    for name in ("vocabulary:list", "vocabulary:new", "vocabulary:try"):
        assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse("vocabulary:edit", kwargs={"entry_id": entry.pk})).status_code == 403
    for name in ("vocabulary:retire", "vocabulary:restore"):
        assert client.post(reverse(name, kwargs={"entry_id": entry.pk})).status_code == 403
    assert client.post(reverse("vocabulary:new"), NEW).status_code == 403
    assert not VocabularyEntry.objects.filter(entry_id="tier-3").exists()


def test_a_family_member_is_refused(parent):
    assert signed_in_client(parent).get(reverse("vocabulary:list")).status_code == 403


def test_another_councils_entry_looks_absent(client, other_council):
    entry = VocabularyEntryFactory(council=other_council)
    assert client.get(reverse("vocabulary:edit", kwargs={"entry_id": entry.pk})).status_code == 404
    assert (
        client.post(reverse("vocabulary:retire", kwargs={"entry_id": entry.pk})).status_code == 404
    )


def test_a_second_edit_of_an_entry_does_not_overwrite_the_first(client, council):
    entry = VocabularyEntryFactory(council=council, entry_id="tier-3")
    url = reverse("vocabulary:edit", kwargs={"entry_id": entry.pk})
    other = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    page = second_save(
        client,
        other,
        url,
        NEW | {"explanation": "The first explanation."},
        NEW | {"explanation": "The second explanation."},
    )
    assert "The first explanation." in page
    assert "The second explanation." in page
    entry.refresh_from_db()
    assert entry.explanation == "The first explanation."


def test_after_the_conflict_page_saving_again_keeps_the_second_version(client, council):
    entry = VocabularyEntryFactory(council=council, entry_id="tier-3")
    url = reverse("vocabulary:edit", kwargs={"entry_id": entry.pk})
    other = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    page = second_save(
        client,
        other,
        url,
        NEW | {"explanation": "The first explanation."},
        NEW | {"explanation": "The second explanation."},
    )
    now_at = re.search(r'name="version" value="(\d+)"', page).group(1)
    again = other.post(url, NEW | {"explanation": "The second explanation.", "version": now_at})
    assert again.status_code == 302
    entry.refresh_from_db()
    assert entry.explanation == "The second explanation."
