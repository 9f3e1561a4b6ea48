"""The audit written for people: plain text for a terminal, and a self-contained HTML page
(every piece of a document's text escaped: a protocol is untrusted input)."""

from __future__ import annotations

import textwrap
from html import escape

from supportfirst.rules.protocol.audit import AuditRun, DocumentAudit, reading_ease_words
from supportfirst.rules.protocol.checklist import MET, NOT_MET, UNCLEAR

WIDTH = 96
MARK = {MET: "MET", NOT_MET: "NOT MET", UNCLEAR: "UNCLEAR"}


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def document_text(document: DocumentAudit) -> list[str]:
    tally = document.tally
    pages = f"{document.pages} pages, " if document.pages else ""
    lines = [
        f"{document.name} ({document.kind}, {pages}{document.words} words)",
        f"  Reading ease {document.reading_ease:.0f}: {reading_ease_words(document.reading_ease)}.",
        f"  {tally[MET]} met, {tally[NOT_MET]} not met, {tally[UNCLEAR]} unclear.",
    ]
    for result in document.checklist:
        lines.append(f"  [{MARK[result.answer]}] {result.message} ({result.id})")
        lines.append(_wrap(result.explanation, "      "))
        for evidence in result.evidence:
            lines.append(_wrap(f"“{evidence.sentence}” ({evidence.place})", "      "))
    total = sum(document.language_counts.values())
    lines.append(f"  Words that blame or judge families: {total} found.")
    for finding in document.language_examples:
        lines.append(_wrap(f"“{finding.words}” ({finding.place}): {finding.explanation}", "      "))
    return lines


def as_text(run: AuditRun) -> str:
    lines: list[str] = []
    for document in run.documents:
        lines.extend(document_text(document))
        lines.append("")
    for unreadable in run.unreadable:
        lines.append(f"Could not read {unreadable.message}")
    if len(run.documents) > 1:
        lines.append("")
        lines.append(f"Similarity of every pair (near-copy at {run.threshold:.2f} or more):")
        for pair in run.pairs:
            flag = "  NEAR-COPY" if pair.near_copy else ""
            lines.append(f"  {pair.similarity:.2f}  {pair.first}  |  {pair.second}{flag}")
            for passage in run.shared.get((pair.first, pair.second), [])[:5]:
                lines.append(
                    _wrap(f"{pair.first}, {passage.first.place}: “{passage.first.text}”", "      ")
                )
                lines.append(
                    _wrap(
                        f"{pair.second}, {passage.second.place}: “{passage.second.text}”", "      "
                    )
                )
    return "\n".join(lines).rstrip() + "\n"


_STYLE = """
body{font-family:Arial,sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}
body{color:#0b0c0c;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #b1b4b6;text-align:left;padding:.4em;vertical-align:top}
blockquote{margin:.3em 0 .3em 1em;border-left:4px solid #b1b4b6;padding-left:.6em}
.met{color:#00703c;font-weight:bold}.not-met{color:#d4351c;font-weight:bold}
.unclear{color:#505a5f;font-weight:bold}
"""


def as_html(run: AuditRun) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Protocol audit</title>",
        f"<style>{_STYLE}</style></head><body><main>",
        "<h1>Protocol audit</h1>",
        "<p>Each answer quotes the sentences that decided it, so you can check it. A reader that "
        "looks for words and patterns can be fooled: read the quotes.</p>",
    ]
    for document in run.documents:
        out.append(document_html(document))
    if run.unreadable:
        out.append("<h2>Files that could not be read</h2><ul>")
        out.extend(f"<li>{escape(u.message)}</li>" for u in run.unreadable)
        out.append("</ul>")
    if len(run.documents) > 1:
        out.append(pairs_html(run))
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


def document_html(document: DocumentAudit) -> str:
    tally = document.tally
    rows = []
    for result in document.checklist:
        css = result.answer.replace(" ", "-")
        quotes = "".join(
            f"<blockquote>“{escape(e.sentence)}” <small>({escape(e.place)})</small></blockquote>"
            for e in result.evidence
        )
        rows.append(
            f"<tr><td>{escape(result.message)}</td>"
            f'<td class="{css}">{escape(result.answer.capitalize())}</td>'
            f"<td>{escape(result.explanation)}{quotes}</td></tr>"
        )
    findings = "".join(
        f"<li>“{escape(f.words)}” ({escape(f.place)}): {escape(f.explanation)}</li>"
        for f in document.language_examples
    )
    total = sum(document.language_counts.values())
    return (
        f"<section><h2>{escape(document.name)}</h2>"
        f"<p>{tally[MET]} met, {tally[NOT_MET]} not met, {tally[UNCLEAR]} unclear. Reading ease "
        f"{document.reading_ease:.0f} ({escape(reading_ease_words(document.reading_ease))}).</p>"
        '<table><thead><tr><th scope="col">What a support-first protocol does</th>'
        '<th scope="col">Answer</th><th scope="col">Why</th></tr></thead><tbody>'
        + "".join(rows)
        + f"</tbody></table><h3>Words that blame or judge families: {total}</h3>"
        + (f"<ul>{findings}</ul>" if findings else "<p>None found.</p>")
        + "</section>"
    )


def pairs_html(run: AuditRun) -> str:
    rows = []
    for pair in run.pairs:
        flag = "Near-copy" if pair.near_copy else ""
        rows.append(
            f"<tr><td>{escape(pair.first)}</td><td>{escape(pair.second)}</td>"
            f"<td>{pair.similarity:.2f}</td><td>{flag}</td></tr>"
        )
    shared = []
    for (first, second), passages in run.shared.items():
        items = "".join(
            f"<tr><td>{escape(p.first.place)}<blockquote>{escape(p.first.text)}</blockquote></td>"
            f"<td>{escape(p.second.place)}<blockquote>{escape(p.second.text)}</blockquote></td></tr>"
            for p in passages
        )
        shared.append(
            f"<h3>What {escape(first)} and {escape(second)} share</h3>"
            f'<table><thead><tr><th scope="col">{escape(first)}</th>'
            f'<th scope="col">{escape(second)}</th></tr></thead><tbody>{items}</tbody></table>'
        )
    return (
        "<section><h2>How alike the documents are</h2>"
        f"<p>0 means nothing shared, 1 means the same text. Pairs at {run.threshold:.2f} or more "
        "are flagged as near-copies.</p>"
        '<table><thead><tr><th scope="col">Document</th><th scope="col">Document</th>'
        '<th scope="col">Similarity</th><th scope="col">Near-copy</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
        + "".join(shared)
        + "</section>"
    )
