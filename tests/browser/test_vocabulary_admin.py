"""A council administrator adds the council's own words to check, tries them, and retires
them, in a real browser. axe-checked on every page."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from supportfirst.vocabulary.models import VocabularyEntry
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_adds_tries_and_retires_words(visitor, council):
    admin = staff_user(council, Role.COUNCIL_ADMIN)
    sign_in(visitor, admin)
    page = visitor.page
    page.get_by_role("link", name="Words to check").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Words to check"
    page.locator(".govuk-details__summary").click()
    assert page.get_by_role("cell", name="lens.parenting-capacity").is_visible()
    page.get_by_role("button", name="Add words to check").click()
    visitor.check()

    # A mistake first: the page explains it and keeps what was typed.
    page.get_by_label("Short name for this entry").fill("tier-3")
    page.get_by_label("System jargon").check()
    page.get_by_label("Why these words matter").fill(
        "Families do not know what the council's tiers mean."
    )
    page.get_by_label("What to write instead").fill("Say what the help is.")
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Add the entry").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert page.get_by_label("Why these words matter").input_value().startswith("Families")

    page.get_by_label("Words to check for").fill("tier 3")
    page.get_by_role("button", name="Add the entry").click()
    visitor.check()
    assert "Entry “tier-3” added" in page.content()
    assert VocabularyEntry.objects.get().words == "tier 3"

    page.get_by_label("Try some writing").fill("Ava was stepped up to Tier 3 last month.")
    page.get_by_role("button", name="Check the writing").click()
    visitor.check()
    found = page.locator(".govuk-summary-card", has_text="Tier 3")
    assert "System jargon" in found.inner_text()
    assert "Families do not know what the council's tiers mean." in found.inner_text()
    assert "Say what the help is." in found.inner_text()

    page.get_by_role("link", name="Back to words to check").click()
    visitor.check()
    page.get_by_role("button", name="Retire tier-3").click()
    visitor.check()
    assert "Entry “tier-3” retired" in page.content()
    assert VocabularyEntry.objects.get().retired_at is not None
