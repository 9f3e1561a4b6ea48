"""Hostile files on the public upload: each is refused quickly with a reason, never read until
the machine runs out of memory or time."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from supportfirst.rules.protocol import documents
from supportfirst.rules.protocol.documents import UnreadableDocument, read_document

_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    b'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)


def _word_bomb(paragraphs: int) -> bytes:
    """A small .docx whose document.xml unzips to about paragraphs kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(
                b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body>'
            )
            piece = b"<w:p><w:r><w:t>" + b"A" * 1000 + b"</w:t></w:r></w:p>"
            for _ in range(paragraphs):
                part.write(piece)
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_a_word_zip_bomb_is_refused_before_it_is_unzipped() -> None:
    bomb = _word_bomb(100_000)  # about 100 MB of XML in a file under 300 KB
    assert len(bomb) < 300 * 1024
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="unzips to far more than any protocol"):
        read_document(bomb, "bomb.docx")
    assert time.monotonic() - started < 2


def test_a_pdf_with_a_million_pages_is_refused_quickly() -> None:
    kids = b" ".join([b"3 0 R"] * 1_000_000)
    pdf = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count 1000000 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        ]
    )
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match=f"more than {documents.MAX_PAGES:,} pages"):
        read_document(pdf, "long.pdf")
    assert time.monotonic() - started < 5


def test_a_pdf_whose_page_tree_loops_is_refused() -> None:
    pdf = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        ]
    )
    with pytest.raises(UnreadableDocument):
        read_document(pdf, "loop.pdf")


def test_a_text_far_longer_than_any_protocol_is_refused_before_it_is_audited() -> None:
    text = ("We will talk with you about what would help. " * 60 + "\n\n") * 2_000
    assert len(text) > documents.MAX_TEXT_CHARACTERS
    with pytest.raises(UnreadableDocument, match="more text than we can check"):
        read_document(text.encode(), "long.txt")


def test_a_long_protocol_is_still_read() -> None:
    text = ("We will talk with you about what would help. " * 40 + "\n\n") * 200
    assert len(text) < documents.MAX_TEXT_CHARACTERS
    assert read_document(text.encode(), "protocol.txt").words > 70_000


def test_binary_without_a_nul_byte_is_not_read_as_plain_text():
    """Random bytes (an image or program with no NUL byte near the start) are refused, not
    audited as gibberish with a reading-ease score and items marked met."""
    import random

    rng = random.Random(15)
    noise = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(UnreadableDocument, match="is not a document we can read"):
        read_document(noise, "noise.txt")


def test_plain_text_in_windows_encoding_is_still_read():
    text = "We assess every request under section 17 \u2013 the child\u2019s needs first. " * 20
    document = read_document(text.encode("cp1252"), "windows.txt")
    assert "child\u2019s needs first" in document.text
