"""Turning a letter into HTML and into a tagged, accessible PDF.

The letter's HTML is a fragment that sits inside a GOV.UK page for reading on the web (its
heading is the page's h1) and inside a small document of its own for the PDF. Large print uses
bigger type in both; easy read has its own template text.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from supportfirst.letters.variants import Variant

if TYPE_CHECKING:
    from supportfirst.letters.models import Letter

# The classes each variant's text uses on the web. The PDF's stylesheet keys off the variant.
STYLES = {
    Variant.STANDARD: {
        "p": "govuk-body",
        "h2": "govuk-heading-m",
        "h3": "govuk-heading-s",
        "ul": "govuk-list govuk-list--bullet",
    },
    Variant.LARGE_PRINT: {
        "p": "govuk-body govuk-!-font-size-27",
        "h2": "govuk-heading-l",
        "h3": "govuk-heading-m",
        "ul": "govuk-list govuk-list--bullet govuk-!-font-size-27",
    },
    Variant.EASY_READ: {
        "p": "govuk-body govuk-!-font-size-24",
        "h2": "govuk-heading-l",
        "h3": "govuk-heading-m",
        "ul": "govuk-list govuk-!-font-size-24",
    },
}

PDF_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 12pt;
       line-height: 1.5; color: #0b0c0c; }
h1 { font-size: 18pt; margin: 0 0 12pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
p, li { margin: 0 0 8pt; }
ul { padding-left: 18pt; }
.sf-letter--large_print { font-size: 18pt; }
.sf-letter--large_print h2 { font-size: 22pt; }
.sf-letter--large_print h3 { font-size: 20pt; }
body.sf-large-print h1 { font-size: 26pt; }
.sf-letter--easy_read { font-size: 14pt; line-height: 1.8; }
.sf-letter--easy_read ul { list-style: none; padding-left: 0; }
.sf-letter--easy_read li { margin-bottom: 10pt; }
"""


# Where a kind's template wants the personal paragraph (else it follows the greeting).
PERSONAL_MARK = "<!--personal-->"
# A kind's template marks that its record carries the council's answer (a complaint response).
ANSWERED_MARK = "<!--answered-->"


def styles_for(variant: str) -> dict[str, str]:
    return STYLES[Variant(variant)]


def template_for(kind: str, variant: str) -> str:
    if variant == Variant.EASY_READ:
        return f"letters/kinds/easy_read/{kind}.html"
    return f"letters/kinds/{kind}.html"


def render_body(*, kind: str, variant: str, context: dict[str, Any]) -> str:
    """The letter's words for its kind and variant, filled in from its record."""
    return render_to_string(
        template_for(kind, variant), {**context, "s": styles_for(variant), "variant": variant}
    ).strip()


def render_letter(letter: Letter) -> str:
    """The whole letter as an HTML fragment: who it is from, the date, who it is to, the
    personal paragraph, the letter's words and the sign-off."""
    council = letter.family.council
    s = styles_for(letter.variant)
    personal = render_to_string(
        "letters/personal.html",
        {
            "paragraphs": [p for p in re.split(r"\n\s*\n", letter.personal_paragraph.strip()) if p],
            "s": s,
        },
    )
    placed = PERSONAL_MARK in letter.body_html
    return render_to_string(
        "letters/letter.html",
        {
            "letter": letter,
            "council": council,
            "on": timezone.localdate(letter.sent_at or letter.prepared_at),
            "signed_by": letter.sent_by or letter.prepared_by,
            "personal": mark_safe(personal),
            "placed": placed,
            "body": mark_safe(letter.body_html.replace(PERSONAL_MARK, personal.strip())),
            "s": s,
        },
    ).strip()


def plain_text(fragment: str) -> str:
    """The words of a letter, for the readability score: one sentence-ending per block."""
    blocks = re.sub(r"</(p|li|h2|h3|dd|dt)>", ". ", fragment)
    text = html.unescape(strip_tags(blocks))
    text = re.sub(r"\.\s*\.", ".", text)
    return re.sub(r"\s+", " ", text).strip()


def pdf_document(fragment: str, *, title: str, variant: str = Variant.STANDARD) -> str:
    body_class = "sf-large-print" if variant == Variant.LARGE_PRINT else ""
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        f'<body class="{body_class}"><h1>{html.escape(title)}</h1>{fragment}</body></html>'
    )


def pdf_from_html(fragment: str, *, title: str) -> bytes:
    """A tagged PDF/UA-1 document with its title and language set."""
    # Imported when a PDF is first made: WeasyPrint loads Pango (about a second), and most
    # processes (the command line, most pages) never make a PDF.
    from weasyprint import CSS, HTML

    match = re.search(r"sf-letter--(\w+)", fragment)
    variant = match.group(1) if match else Variant.STANDARD
    document = HTML(string=pdf_document(fragment, title=title, variant=variant))
    pdf: bytes = document.write_pdf(
        stylesheets=[CSS(string=PDF_CSS)], pdf_variant="pdf/ua-1", pdf_tags=True
    )
    return pdf
