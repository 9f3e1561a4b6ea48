"""The one-click audit of a council's own protocol: a version is turned into the audit
library's document (each section's title, then its paragraphs, then the times it sets) and run
through the same checklist, reading-ease score and language check as the public audit page."""

from __future__ import annotations

from supportfirst.localprotocol.models import ProtocolVersion
from supportfirst.localprotocol.sections import NATIONAL_TIMES, TARGETS
from supportfirst.rules.protocol.audit import AuditRun, Source, audit
from supportfirst.rules.protocol.documents import Document, Paragraph
from supportfirst.rules.protocol.versions import paragraphs


def target_sentences(version: ProtocolVersion) -> list[str]:
    """The times the protocol sets, as sentences: the national ones, then the council's."""
    own = [
        f"Working days from {target.words}: {getattr(version, target.name)}."
        for target in TARGETS
        if getattr(version, target.name)
    ]
    return [*NATIONAL_TIMES, *own]


def protocol_name(version: ProtocolVersion) -> str:
    state = " (draft)" if version.is_draft else ""
    return f"{version.council.name}'s local assessment protocol, version {version.number}{state}"


def as_document(version: ProtocolVersion) -> Document:
    texts: list[str] = []
    for section in version.sections.all():
        texts.append(section.get_key_display())
        texts.extend(paragraphs(section.text))
        if section.key == "timescales":
            texts.extend(target_sentences(version))
    return Document(
        name=protocol_name(version),
        kind="text",
        paragraphs=tuple(
            Paragraph(text=text, page=None, number=number)
            for number, text in enumerate(texts, start=1)
        ),
        pages=None,
    )


def audit_version(version: ProtocolVersion) -> AuditRun:
    document = as_document(version)
    return audit([Source(document.name, lambda: document)])
