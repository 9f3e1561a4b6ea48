"""The words on the family's and the public's eligibility pages pass the service's own
respectful-language and plain-English checks (template text; the criteria's own text is
checked by the criteria package's tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supportfirst.rules.language import check

TEMPLATES = Path(__file__).resolve().parents[2] / "src/supportfirst/templates/eligibility"
FAMILY_AND_PUBLIC = sorted([*TEMPLATES.glob("family/*.html"), *TEMPLATES.glob("public/*.html")])


BLOCK = re.compile(r"</?(?:h[1-6]|p|li|dt|dd|div|td|th|caption|strong|span|ul)\b[^>]*>")


def _words(path: Path) -> str:
    """The template's own words, one block (heading, paragraph, list item...) per line."""
    text = re.sub(r"{%.*?%}|{{.*?}}", " ", path.read_text(encoding="utf-8"), flags=re.S)
    text = BLOCK.sub("\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    blocks = (re.sub(r"\s+", " ", block).strip() for block in text.split("\n"))
    return "\n".join(b if b.endswith((".", ":", "?")) else f"{b}." for b in blocks if b)


@pytest.mark.parametrize("path", FAMILY_AND_PUBLIC, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_family_and_public_pages_use_plain_respectful_words(path):
    findings = [(f.category, f.text) for f in check(_words(path))]
    assert findings == []


def test_the_check_finds_blaming_words():
    assert check("The parent failed to engage.")
