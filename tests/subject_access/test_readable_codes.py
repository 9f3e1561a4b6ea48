"""The family's download shows words, not the codes the service keeps internally."""

from __future__ import annotations

import re

from supportfirst.complaints.models import Status
from tests.complaints.factories import complaint_for
from tests.subject_access.conftest import download

# A code like "awaiting_decision" or "record_advocacy": lower-case words joined by underscores.
CODE = re.compile(r"(?<![\w./@-])[a-z]+(?:_[a-z0-9]+)+(?![\w./@-])")


def _visible_text(html: str) -> str:
    """The text of an HTML page, without tags, attribute values or the style sheet."""
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_no_codes_in_the_pages_of_the_download(alpha, alpha_parent):
    complaint_for(alpha.family, stage=2, status=Status.RESPONDED)
    _, archive = download(alpha_parent)
    pages = [name for name in archive.namelist() if name.endswith(".html")]
    assert any("complaint" in name for name in pages)
    found = {
        name: sorted(set(CODE.findall(_visible_text(archive.read(name).decode()))))
        for name in pages
    }
    assert {name: codes for name, codes in found.items() if codes} == {}


def test_moves_and_statuses_are_in_words(alpha, alpha_parent):
    _, archive = download(alpha_parent)
    page = _visible_text(archive.read("records/pathway-pathwayevent.html").decode())
    assert "Record contact" in page
    assert "awaiting_decision" not in page
