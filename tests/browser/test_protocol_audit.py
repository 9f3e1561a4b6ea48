"""The protocol audit in a real browser, axe-checked on a desktop and a phone: a forum member
finds it from the start page, uploads a council's protocol and a near-copy, reads the checklist
with its quotes and the shared passages; an empty upload is an error on the page."""

from __future__ import annotations

import pytest

from tests.protocol import protocols

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _journey(visitor, tmp_path) -> None:
    page = visitor.page
    poor = tmp_path / "westbury.html"
    poor.write_bytes(protocols.as_html(protocols.POOR, "Westbury"))
    copy = tmp_path / "southmere.pdf"
    copy.write_bytes(protocols.as_pdf(protocols.POOR_EDITED_B))

    visitor.goto("/")
    page.get_by_role("link", name="check a council's assessment protocol").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Check a council's assessment protocol"
    )

    page.get_by_role("button", name="Check the protocols").click()
    visitor.check()
    assert "Choose at least one protocol document to check" in page.content()

    page.get_by_label("Protocol documents").set_input_files([str(poor), str(copy)])
    page.get_by_role("button", name="Check the protocols").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Protocol audit results"
    text = page.inner_text("main")
    assert "“The child's bedroom must be seen on every home visit" in text
    assert "What westbury.html and southmere.pdf share" in text
    page.get_by_role("link", name="Check more documents").click()
    visitor.check()


def test_a_forum_member_checks_two_protocols_on_a_desktop(visitor, tmp_path):
    _journey(visitor, tmp_path)


def test_a_forum_member_checks_two_protocols_on_a_phone(phone_visitor, tmp_path):
    _journey(phone_visitor, tmp_path)
