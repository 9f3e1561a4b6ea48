"""The audit on the test protocols (tests/protocol/protocols.py), item by item, in every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportfirst.rules.protocol.audit import AuditRun, audit, bytes_source, path_source
from supportfirst.rules.protocol.checklist import ITEM_IDS, MET, NOT_MET, UNCLEAR
from supportfirst.rules.protocol.documents import UnreadableDocument, read_document, read_path
from supportfirst.rules.protocol.report import as_html, as_text
from tests.protocol import protocols


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("protocols")
    made = {}
    for name, data in protocols.test_files().items():
        path = folder / name
        path.write_bytes(data)
        made[name] = path
    return made


@pytest.fixture(scope="module")
def run(files: dict[str, Path]) -> AuditRun:
    return audit([path_source(path) for path in files.values()])


def answers(run: AuditRun, name: str) -> dict[str, str]:
    document = next(d for d in run.documents if Path(d.name).name == name)
    return {result.id: result.answer for result in document.checklist}


def test_there_are_at_least_twelve_protocols_in_four_formats(files: dict[str, Path]) -> None:
    assert len(files) >= 12
    kinds = {
        read_path(p).kind
        for n, p in files.items()
        if n.split(".")[0]
        in {"eastfield-good", "westbury-poor", "northdale-copy", "southmere-copy"}
    }
    assert kinds == {"text", "docx", "html", "pdf"}


@pytest.mark.parametrize("name", ["eastfield-good.txt", "eastfield-good.docx", "long-protocol.txt"])
def test_the_good_protocol_meets_every_item_in_every_format(run: AuditRun, name: str) -> None:
    assert answers(run, name) == dict.fromkeys(ITEM_IDS, MET)


POOR_ANSWERS = {
    "distinct-pathway": NOT_MET,
    "no-routine-bedroom": NOT_MET,
    "no-routine-child-alone": NOT_MET,
    "no-parenting-capacity": NOT_MET,
    "co-produced": NOT_MET,
    "published-criteria": NOT_MET,
    "timescales": UNCLEAR,
    "parent-carer-assessment": NOT_MET,
    "young-carers": NOT_MET,
    "direct-payments": NOT_MET,
    "short-breaks": NOT_MET,
    "assessor-training": NOT_MET,
    "advocacy": NOT_MET,
    "complaints-route": NOT_MET,
}


@pytest.mark.parametrize(
    "name", ["westbury-poor.html", "northdale-copy.docx", "southmere-copy.pdf"]
)
def test_the_poor_protocol_and_its_copies(run: AuditRun, name: str) -> None:
    assert answers(run, name) == POOR_ANSWERS


def test_the_poor_protocol_quotes_the_bedroom_rule_with_its_place(run: AuditRun) -> None:
    document = next(d for d in run.documents if d.name.endswith("westbury-poor.html"))
    bedroom = next(r for r in document.checklist if r.id == "no-routine-bedroom")
    assert bedroom.evidence[0].sentence.startswith("The child's bedroom must be seen")
    assert bedroom.evidence[0].place == "paragraph 8"


def test_the_mixed_protocol_is_unclear_where_it_contradicts_itself(run: AuditRun) -> None:
    got = answers(run, "hillcrest-mixed.txt")
    assert got["no-routine-bedroom"] == UNCLEAR
    assert got["parent-carer-assessment"] == MET
    assert got["distinct-pathway"] == UNCLEAR
    assert got["timescales"] == NOT_MET


def test_the_partial_protocol(run: AuditRun) -> None:
    got = answers(run, "lowmoor-partial.html")
    assert got == {
        **dict.fromkeys(ITEM_IDS, NOT_MET),
        "no-routine-bedroom": UNCLEAR,
        "no-routine-child-alone": UNCLEAR,
        "no-parenting-capacity": UNCLEAR,
        "co-produced": UNCLEAR,
        "timescales": UNCLEAR,
        "short-breaks": UNCLEAR,
        "assessor-training": UNCLEAR,
        "complaints-route": UNCLEAR,
    }


def test_the_independent_protocol(run: AuditRun) -> None:
    got = answers(run, "riverside-independent.pdf")
    assert got["distinct-pathway"] == UNCLEAR
    assert got["advocacy"] == NOT_MET
    assert got["no-routine-bedroom"] == UNCLEAR  # silent: nothing rules a routine look out


def test_page_numbers_come_from_the_document(run: AuditRun) -> None:
    long = next(d for d in run.documents if d.name.endswith("long-protocol.txt"))
    assert long.pages == 30
    complaints = next(r for r in long.checklist if r.id == "complaints-route")
    assert complaints.evidence[0].place.startswith("page 12,")
    word = next(d for d in run.documents if d.name.endswith("eastfield-good.docx"))
    assert word.pages == 2


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("scanned.pdf", "has no text we can read: it may be a scanned image."),
        ("encrypted.pdf", "is protected by a password"),
        ("damaged.pdf", "is a damaged or incomplete PDF."),
        ("empty.txt", "is empty."),
        ("old-word.doc", "is an old Word document (.doc)"),
    ],
)
def test_unreadable_files_are_named_with_a_reason_not_audited(
    run: AuditRun, name: str, reason: str
) -> None:
    found = [u for u in run.unreadable if Path(u.name).name == name]
    assert len(found) == 1
    assert reason in found[0].reason
    assert not any(Path(d.name).name == name for d in run.documents)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(UnreadableDocument, match="is 200 MB, larger than the 50 MB limit"):
        read_path(big)


def test_binary_and_zip_files_that_are_not_documents() -> None:
    with pytest.raises(UnreadableDocument, match="not a document we can read"):
        read_document(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "picture.png")
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(UnreadableDocument, match="a ZIP file, not a Word document"):
        read_document(buffer.getvalue(), "notes.zip")


def test_the_kind_is_decided_by_content_not_by_name() -> None:
    html = protocols.as_html(protocols.POOR, "x")
    assert read_document(html, "looks-like.pdf").kind == "html"
    document = read_document(html, "page.txt")
    assert not any("not text" in p.text for p in document.paragraphs)  # script left out


def test_near_copies_are_flagged_and_independent_texts_are_not(run: AuditRun) -> None:
    copies = {"westbury-poor.html", "northdale-copy.docx", "southmere-copy.pdf"}
    same_text = {"eastfield-good.txt", "eastfield-good.docx"}
    for pair in run.pairs:
        both = {Path(pair.first).name, Path(pair.second).name}
        assert pair.near_copy == (both <= copies or both == same_text), (both, pair.similarity)
    count = len(run.documents)
    assert len(run.pairs) == count * (count - 1) // 2


def test_shared_passages_are_shown_side_by_side(run: AuditRun) -> None:
    flagged = [p for p in run.pairs if p.near_copy and "eastfield" not in p.first]
    assert len(flagged) == 3
    for pair in flagged:
        passages = run.shared[(pair.first, pair.second)]
        texts = [(p.first.text, p.second.text) for p in passages]
        assert any(
            "The child's bedroom must be seen" in a and "bedroom must be seen" in b
            for a, b in texts
        )


def test_reading_ease_and_blaming_words(run: AuditRun) -> None:
    poor = next(d for d in run.documents if d.name.endswith("westbury-poor.html"))
    good = next(d for d in run.documents if d.name.endswith("eastfield-good.txt"))
    assert good.reading_ease > poor.reading_ease
    assert sum(poor.language_counts.values()) >= 1
    assert any(f.words.lower() == "parenting capacity" for f in poor.language_examples)


def test_reports_escape_the_documents_text() -> None:
    hostile = (
        b"<p>Our protocol &lt;script&gt;alert(1)&lt;/script&gt; is for disabled children.</p>"
        b"<p>A <a href='https://evil.example'>link</a> that must stay text.</p>"
    )
    run = audit([bytes_source("<b>name</b>.html", hostile)])
    html = as_html(run)
    assert "<script>" not in html
    assert "<b>name</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;name&lt;/b&gt;.html" in html
    assert as_text(run).startswith("<b>name</b>.html (html,")
