"""The forum guide to the protocol audit names every checklist item with its reason."""

from __future__ import annotations

from pathlib import Path

from supportfirst.rules.protocol.checklist import ITEMS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "protocol-audit.md"


def test_the_guide_explains_every_item() -> None:
    text = GUIDE.read_text()
    for item in ITEMS:
        assert f"### {item.message}\n" in text, item.id
        assert f"Id `{item.id}`. {item.why}" in text, item.id
