"""Respectful wording in the browser: findings appear as a practitioner types, and a flagged
word in a safeguarding proposal needs a reason before it can be sent."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_findings_as_you_type_and_a_reason_to_keep_a_word(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker)
    request = SupportRequestFactory(child=family.children.get())
    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/requests/{request.pk}/safeguarding/")
    box = page.get_by_label("What was seen or said")
    box.press_sequentially("Alfie told Ms Green his dad hit him; his dad claims it was a game.")
    live = page.locator(".sf-findings", has_text="claims")
    live.get_by_text("“claims”").wait_for()
    assert "suggest that the family is not telling the truth" in live.inner_text()
    visitor.check()
    page.get_by_label("Who saw or said it").fill("Alfie, to Ms Green")
    page.get_by_label("When it happened").fill("Monday 2 March 2026")
    page.get_by_label("Yes, the family has been told").check()
    page.get_by_role("group", name="Date the family was told").get_by_label("Day").fill("2")
    page.get_by_role("group", name="Date the family was told").get_by_label("Month").fill("3")
    page.get_by_role("group", name="Date the family was told").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Propose the move").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("Why keep “claims” in the evidence?").fill(
        "Quoting what Dad told the school."
    )
    page.get_by_role("button", name="Propose the move").click()
    visitor.check()
    assert WordingReason.objects.get().words == "claims"
