"""One run of the protocol audit: read each document, run the checklist, score its reading
ease, find blaming words, then compare every pair and quote what near-copies share.

Documents are read one at a time and let go after their audit; only their fingerprints stay for
the comparison, and the two documents of a flagged pair are read again to quote their shared
passages. That keeps memory flat with the number of documents, apart from the fingerprints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from supportfirst.rules.language import CATEGORIES, RESPECTFUL_LANGUAGE, Checker, readability
from supportfirst.rules.protocol.checklist import (
    MET,
    NOT_MET,
    UNCLEAR,
    ItemResult,
    counts,
    run_checklist,
)
from supportfirst.rules.protocol.documents import (
    MAX_BYTES,
    Document,
    UnreadableDocument,
    read_document,
    read_path,
)
from supportfirst.rules.protocol.similarity import (
    NEAR_COPY,
    PairSimilarity,
    SharedPassage,
    compare,
    fingerprint,
    shared_passages,
)

LANGUAGE_EXAMPLES = 10


def reading_ease_words(score: float) -> str:
    """The Flesch reading ease in words (60 or more is plain English for most adults)."""
    if score >= 60:
        return "plain English for most adults"
    if score >= 50:
        return "fairly difficult"
    if score >= 30:
        return "difficult"
    return "very difficult"


@dataclass(frozen=True)
class Source:
    """Where a document comes from: a name to report and a way to read it (again)."""

    name: str
    read: Callable[[], Document]


def path_source(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Source:
    return Source(str(path), lambda: read_path(path, max_bytes=max_bytes))


def bytes_source(name: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> Source:
    return Source(name, lambda: read_document(data, name, max_bytes=max_bytes))


@dataclass(frozen=True)
class LanguageFinding:
    words: str
    category: str
    explanation: str
    place: str


@dataclass(frozen=True)
class DocumentAudit:
    name: str
    kind: str
    pages: int | None
    words: int
    checklist: tuple[ItemResult, ...]
    reading_ease: float
    language_counts: dict[str, int]
    language_examples: tuple[LanguageFinding, ...]

    @property
    def tally(self) -> dict[str, int]:
        return counts(self.checklist)

    @property
    def met(self) -> int:
        return self.tally[MET]

    @property
    def not_met(self) -> int:
        return self.tally[NOT_MET]

    @property
    def unclear(self) -> int:
        return self.tally[UNCLEAR]

    @property
    def reading_ease_words(self) -> str:
        return reading_ease_words(self.reading_ease)

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "pages": self.pages,
            "words": self.words,
            "reading_ease": round(self.reading_ease, 1),
            "checklist": [result.as_json() for result in self.checklist],
            "summary": self.tally,
            "language": {
                "counts": {CATEGORIES.get(k, k): v for k, v in self.language_counts.items()},
                "examples": [
                    {
                        "words": f.words,
                        "category": CATEGORIES.get(f.category, f.category),
                        "why": f.explanation,
                        "place": f.place,
                    }
                    for f in self.language_examples
                ],
            },
        }


@dataclass(frozen=True)
class Unreadable:
    name: str
    reason: str

    @property
    def message(self) -> str:
        return f"{self.name} {self.reason}"


@dataclass
class AuditRun:
    documents: list[DocumentAudit] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    pairs: list[PairSimilarity] = field(default_factory=list)
    shared: dict[tuple[str, str], list[SharedPassage]] = field(default_factory=dict)
    threshold: float = NEAR_COPY

    def as_json(self) -> dict[str, object]:
        return {
            "documents": [document.as_json() for document in self.documents],
            "unreadable": [{"name": u.name, "reason": u.reason} for u in self.unreadable],
            "near_copy_threshold": self.threshold,
            "pairs": [
                {
                    **pair.as_json(),
                    "shared_passages": [
                        passage.as_json()
                        for passage in self.shared.get((pair.first, pair.second), [])
                    ],
                }
                for pair in self.pairs
            ],
        }


@cache
def _checker() -> Checker:
    return Checker(plain_english=False)


def audit_document(document: Document) -> DocumentAudit:
    checker = _checker()
    tally: Counter[str] = Counter()
    examples: list[LanguageFinding] = []
    for paragraph in document.paragraphs:
        for finding in checker.check(paragraph.text):
            if finding.category not in RESPECTFUL_LANGUAGE:
                continue
            tally[finding.category] += 1
            if len(examples) < LANGUAGE_EXAMPLES:
                examples.append(
                    LanguageFinding(
                        finding.text, finding.category, finding.explanation, paragraph.place
                    )
                )
    return DocumentAudit(
        name=document.name,
        kind=document.kind,
        pages=document.pages,
        words=document.words,
        checklist=tuple(run_checklist(document)),
        reading_ease=readability(document.text),
        language_counts=dict(tally),
        language_examples=tuple(examples),
    )


def audit(sources: Sequence[Source], *, threshold: float = NEAR_COPY) -> AuditRun:
    run = AuditRun(threshold=threshold)
    fingerprints = {}
    by_name = {}
    for source in sources:
        try:
            document = source.read()
        except UnreadableDocument as error:
            run.unreadable.append(Unreadable(source.name, str(error)))
            continue
        run.documents.append(replace(audit_document(document), name=source.name))
        fingerprints[source.name] = fingerprint(document)
        by_name[source.name] = source
        del document
    run.pairs = compare(fingerprints, threshold=threshold)
    for pair in run.pairs:
        if not pair.near_copy:
            break
        first, second = by_name[pair.first].read(), by_name[pair.second].read()
        run.shared[(pair.first, pair.second)] = shared_passages(first, second)
    return run
