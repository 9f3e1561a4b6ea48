"""Reading a protocol into paragraphs with page numbers.

The kind of file is decided by its content, never by its name: PDF (pypdf), Word .docx
(python-docx), a web page (the standard library's HTML parser) or plain text. Anything that
cannot be read raises `UnreadableDocument` with a one-line reason a person can act on.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
"""The largest file read: a 30-page protocol is well under 5 MB, even as a PDF with pictures."""

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_UNZIPPED_XML_BYTES = 40 * 1024 * 1024
"""The most a Word document may unzip to, in all and in its XML (the text, read into memory as
a tree): a 30-page protocol's XML is well under 5 MB, so a small file that unzips to more than
this is a zip bomb, refused from the ZIP's directory before anything is unzipped."""

MAX_PAGES = 1000
"""The most pages of a PDF read: 30 times a long protocol; a tiny file can claim millions."""

MAX_TEXT_CHARACTERS = 500_000
"""The most text audited from one document (about 80,000 words; a long protocol has 15,000):
more than that is not one protocol, and checking it would hold the page for minutes."""

MIN_TEXT_CHARACTERS = 40
"""A document with less text than this has no text layer worth auditing (a scanned image)."""


class UnreadableDocument(Exception):
    """The file cannot be audited; str(error) is one plain sentence ending with a full stop,
    written to follow the file's name ("protocol.pdf is empty.")."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int | None
    number: int

    @property
    def place(self) -> str:
        if self.page is None:
            return f"paragraph {self.number}"
        return f"page {self.page}, paragraph {self.number}"


@dataclass(frozen=True)
class Document:
    name: str
    kind: str
    paragraphs: tuple[Paragraph, ...]
    pages: int | None

    @property
    def text(self) -> str:
        return "\n\n".join(paragraph.text for paragraph in self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(paragraph.text.split()) for paragraph in self.paragraphs)


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file from disk, refusing an oversized one before reading it."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableDocument("cannot be found.") from None
    except OSError as error:
        raise UnreadableDocument(f"cannot be opened ({error.strerror or error}).") from None
    if path.is_dir():
        raise UnreadableDocument("is a folder, not a file.")
    _check_size(size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot be read ({error.strerror or error}).") from None
    return read_document(data, path.name, max_bytes=max_bytes)


def read_document(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a document from its bytes; the name is only used in what is reported."""
    _check_size(len(data), max_bytes)
    if not data.strip():
        raise UnreadableDocument("is empty.")
    kind = sniff(data)
    if kind == "pdf":
        pages = _pdf_pages(data)
    elif kind == "docx":
        pages = _docx_pages(data)
    elif kind == "html":
        pages = [_html_blocks(_decode(data))]
    else:
        pages = _text_pages(_decode(data))
    paragraphs = _number(pages, paged=kind in {"pdf", "docx", "text"} and len(pages) > 1)
    if sum(len(p.text) for p in paragraphs) > MAX_TEXT_CHARACTERS:
        raise _too_much_text()
    if sum(len(p.text) for p in paragraphs) < MIN_TEXT_CHARACTERS:
        if kind == "pdf":
            raise UnreadableDocument(
                "has no text we can read: it may be a scanned image. Ask the council for a "
                "version with text, or use text recognition (OCR) first."
            )
        raise UnreadableDocument("has almost no text to audit.")
    return Document(
        name=name,
        kind=kind,
        paragraphs=tuple(paragraphs),
        pages=len(pages) if kind in {"pdf", "docx", "text"} else None,
    )


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'html' or 'text', from the content; UnreadableDocument for anything else."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    _check_unzipped_size(archive)
                    return "docx"
        except zipfile.BadZipFile:
            raise UnreadableDocument("is a damaged ZIP or Word file.") from None
        raise UnreadableDocument("is a ZIP file, not a Word document (.docx).")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableDocument(
            "is an old Word document (.doc): save it as .docx or PDF and try again."
        )
    head = data[:2048]
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and (
        b"\x00" in head or _control_share(head) > 0.02
    ):
        raise UnreadableDocument(
            "is not a document we can read: use a PDF, a Word document (.docx), a web page "
            "or plain text."
        )
    lowered = head.lower()
    if re.search(rb"<(!doctype html|html|body|p|h1|h2|div)[\s>]", lowered):
        return "html"
    return "text"


# Bytes no text file holds (apart from tab, new lines, form feed and the escape some
# terminals write): a file with more than a few of them is an image, program or archive.
_CONTROL_BYTES = frozenset({*range(0, 9), 11, *range(14, 27), *range(28, 32), 127})


def _control_share(head: bytes) -> float:
    if not head:
        return 0.0
    return sum(1 for byte in head if byte in _CONTROL_BYTES) / len(head)


def _too_much_text() -> UnreadableDocument:
    return UnreadableDocument(
        f"has more text than we can check at once (over {MAX_TEXT_CHARACTERS:,} characters): "
        "check it in parts."
    )


def _check_unzipped_size(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from its directory, before anything is unzipped. The sizes it states
    can be trusted as a ceiling: Python's zipfile never unzips more than a part says it holds."""
    parts = archive.infolist()
    xml = sum(i.file_size for i in parts if i.filename.lower().endswith((".xml", ".rels")))
    if sum(i.file_size for i in parts) > MAX_UNZIPPED_BYTES or xml > MAX_UNZIPPED_XML_BYTES:
        raise UnreadableDocument(
            "unzips to far more than any protocol holds: save it again from Word, or as a PDF, "
            "and try again."
        )


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise UnreadableDocument(
            f"is {_megabytes(size)}, larger than the {_megabytes(max_bytes)} limit."
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    return data.decode("cp1252", errors="replace")


_SPACES = re.compile(r"[ \t\u00a0]+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\x00", "")).strip()


def _blocks(text: str) -> list[str]:
    """Paragraphs of a page of text: blank lines separate them; where a page has none (as
    PDF text often has), a line that ends a sentence ends its paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", text)
    if len(chunks) == 1:
        chunks = re.split(r"(?<=[.!?:;])\s*\n", text)
    blocks = []
    for chunk in chunks:
        # A word broken across lines with a hyphen is joined again.
        joined = re.sub(r"(\w)-\n(\w)", r"\1\2", chunk)
        for part in _split_headings(joined):
            cleaned = _clean(part.replace("\n", " "))
            if cleaned:
                blocks.append(cleaned)
    return blocks


def _split_headings(chunk: str) -> list[str]:
    """A short line with no closing punctuation, followed by a line that starts a sentence, is
    a heading: it is its own paragraph, so a quote never runs a heading into its first sentence."""
    parts: list[list[str]] = [[]]
    lines = chunk.split("\n")
    for index, line in enumerate(lines):
        parts[-1].append(line)
        stripped = line.strip()
        following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
        if (
            0 < len(stripped) <= 60
            and stripped[-1] not in ".,;:!?-"
            and following[:1].isupper()
            and len(parts[-1]) == 1
        ):
            parts.append([])
    return ["\n".join(part) for part in parts]


def _text_pages(text: str) -> list[list[str]]:
    return [_blocks(page) for page in text.split("\f")]


def _pdf_pages(data: bytes) -> list[list[str]]:
    """The text of each page, read with PDFium (pypdfium2): fast, and the same engine as a
    browser's PDF viewer. PDFium is not thread-safe, so one PDF is read at a time."""
    import pypdfium2

    with _PDFIUM:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            if "password" in str(error).lower():
                raise UnreadableDocument(
                    "is protected by a password: ask for a copy without one."
                ) from None
            raise UnreadableDocument("is a damaged or incomplete PDF.") from None
        try:
            if len(pdf) > MAX_PAGES:
                raise UnreadableDocument(
                    f"has more than {MAX_PAGES:,} pages: check the protocol on its own, not a "
                    "whole collection of documents."
                )
            pages = []
            characters = 0
            for index in range(len(pdf)):
                page = pdf[index]
                text_page = page.get_textpage()
                text = text_page.get_text_bounded()
                text_page.close()
                page.close()
                characters += len(text)
                if characters > 2 * MAX_TEXT_CHARACTERS:
                    raise _too_much_text()
                pages.append(_blocks(text))
            return pages
        except pypdfium2.PdfiumError:
            raise UnreadableDocument("is a damaged or incomplete PDF.") from None
        finally:
            pdf.close()


_PDFIUM = threading.Lock()


def _docx_pages(data: bytes) -> list[list[str]]:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds of error for a broken file
        raise UnreadableDocument("is a damaged Word document.") from None
    pages: list[list[str]] = [[]]
    for paragraph in document.paragraphs:
        text = _clean(paragraph.text)
        if text:
            pages[-1].append(text)
        # A page break typed in the document starts a new page for the quotes' places.
        for element in paragraph._p.iter(qn("w:br")):
            if element.get(qn("w:type")) == "page":
                pages.append([])
    for table in document.tables:
        for row in table.rows:
            cells = [_clean(cell.text) for cell in row.cells]
            line = " | ".join(dict.fromkeys(cell for cell in cells if cell))
            if line:
                pages[-1].append(line)
    return pages


class _HTMLText(HTMLParser):
    BLOCKS = {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "div",
        "br",
        "section",
        "article",
        "blockquote",
        "dd",
        "dt",
        "tr",
        "title",
    }
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _flush(self) -> None:
        text = _clean(" ".join(self._current))
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data.replace("\n", " "))


def _html_blocks(text: str) -> list[str]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks


def _number(pages: list[list[str]], *, paged: bool) -> list[Paragraph]:
    """Number paragraphs within each page (or through the whole document when it has none)."""
    paragraphs: list[Paragraph] = []
    for page_number, blocks in enumerate(pages, start=1):
        for index, block in enumerate(blocks, start=1):
            paragraphs.append(
                Paragraph(
                    text=block,
                    page=page_number if paged else None,
                    number=index if paged else len(paragraphs) + 1,
                )
            )
    return paragraphs


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(paragraph: Paragraph) -> Iterator[str]:
    """The sentences of a paragraph, as written."""
    for sentence in _SENTENCE_END.split(paragraph.text):
        if sentence.strip():
            yield sentence.strip()
