"""Assessment protocols written for these tests (by the Support First team: none is copied from
a council), and the files made from them in several formats.

GOOD: a support-first protocol that meets every item.
POOR: the common pattern the research found: one process for every child, bedrooms and the
child alone as routine, parenting capacity judged.
POOR_EDITED_A / POOR_EDITED_B: near-copies of POOR with small edits (another council's name,
a changed sentence or two), as councils that bought the same text have.
MIXED: says opposite things in different places.
PARTIAL: mentions things without saying them fully.
INDEPENDENT: a different council's own words, with little in common with the others.
"""

from __future__ import annotations

import io

GOOD = """Eastfield Council: assessing the needs of disabled children and their families

This protocol was co-produced with the Eastfield Parent Carer Forum, and the forum signed it off in March 2026.

1. A separate pathway for disabled children
Disabled children and their families have their own assessment pathway. Where there is no evidence of harm, a request for help is treated as a request for support and follows this needs-led pathway, not child protection procedures.

2. Timescales
We decide the next step within one working day of your request. The assessment is finished within 45 working days.

3. Visits and what we look at
We do not routinely look at your child's bedroom or around your home. We visit your home only if you want us to, or if seeing equipment or adaptations is needed to understand your child's needs.

4. Speaking with your child
We will not see your child alone as a matter of course. We will speak with your child without a parent there only if your child wants this.

5. Parents as experts
Parents are the experts on their child. We do not assess parenting capacity when you ask for support.

6. Eligibility
Our eligibility criteria are published on our website at https://eastfield.example/eligibility-criteria so you can read them before and after a decision.

7. Support for you
Every parent carer can have a parent carer's needs assessment of their own needs (section 17ZD of the Children Act 1989). Brothers and sisters who help to care can have a young carer's assessment.

8. Ways to get support
You can choose direct payments to arrange the support agreed yourself. We provide a range of short breaks, described in our short breaks services statement.

9. Advocacy and training
Your child can have an independent advocate. All assessors are trained in this protocol, and parent carers from the forum help to deliver the training.

10. If you are unhappy
If you want to complain, our complaints procedure has three stages, and then you can go to the Local Government and Social Care Ombudsman.
"""

POOR = """Westbury Borough Council: children's social care assessment procedure

Purpose
This procedure applies to all referrals to children's social care. Every child referred will receive the same single assessment under the assessment framework, whether the referral concerns disability or possible harm.

The assessment
The social worker will assess the child's developmental needs, parenting capacity, and family and environmental factors. The assessment must be completed within 45 working days of the referral.

Home visits
The child's bedroom must be seen on every home visit, and the social worker will observe the home conditions. The social worker should record the sleeping arrangements of every child in the household.

Seeing the child
The child must be seen alone on at least one occasion during the assessment. Where the child has communication difficulties, the social worker will observe the child.

Information sharing
Checks will be made with the school, health visitor and GP before the first visit. Information will be shared with partner agencies where appropriate.

Recording
All assessments are recorded on the case management system and authorised by a team manager.
"""

POOR_EDITED_A = (
    POOR.replace("Westbury Borough Council", "Northdale District Council")
    .replace(
        "Checks will be made with the school, health visitor and GP before the first visit.",
        "Checks will be completed with the school and GP before the first visit.",
    )
    .replace("authorised by a team manager.", "authorised by the team manager within five days.")
)

POOR_EDITED_B = (
    POOR.replace("Westbury Borough Council", "Southmere City Council")
    .replace(
        "The child must be seen alone on at least one occasion during the assessment.",
        "The child must be seen alone on at least one occasion during the assessment, and this must be recorded.",
    )
    .replace("Recording\n", "Case recording\n")
)

MIXED = """Hillcrest Council: disabled children's team practice guidance

We do not routinely look at a child's bedroom when we assess a disabled child's needs.

Home visits
During the home visit the worker will check the child's bedroom and sleeping arrangements.

Parent carers
A parent carer's needs assessment is offered to every parent carer.
"""

PARTIAL = """Lowmoor Council: early help and assessment

Our assessment is completed within 45 working days.

Some families may benefit from short breaks, which are available through the local offer.

We consult families about our services. Training is available for staff. If you disagree with a decision, please speak to your worker.
"""

INDEPENDENT = """Riverside Children's Disability Service: how we work with families

Our family support workers meet parents at a time and place that suits them, often at the child's nursery or at a local children's centre. They talk through what a usual week looks like and what would make it easier.

We write down what parents tell us in their own words and share a draft so they can correct anything before it is finished. The young person can add their own page about what matters to them.

We keep a record of every decision and the reasons for it, and families receive a copy of the finished plan with the name of their worker and how to contact them.
"""


def long_protocol(pages: int = 30) -> str:
    """A long protocol: the good protocol's sections spread over many pages (form feeds), with
    pages of procedure in between that change nothing on the checklist."""
    procedure = (
        "Section {n}. Recording practice. The worker writes up each conversation on the same "
        "day, in plain words, and shares the notes with the family within five working days. "
        "Corrections the family asks for are made or, where we disagree, the family's view is "
        "added beside ours. Notes of meeting {n} are kept on the family's record.\n\n"
        "Each note says who was there, what was discussed, and what happens next. The worker "
        "checks that the family has what they need to take part, such as an interpreter or "
        "information in easy read, before meeting {n}.\n"
    )
    sections = GOOD.split("\n\n")
    out = []
    for page in range(pages):
        chunk = sections[page] if page < len(sections) else ""
        out.append(chunk + "\n\n" + procedure.format(n=page + 1))
    return "\f".join(out)


def as_html(text: str, title: str) -> bytes:
    from html import escape

    body = "".join(
        f"<h2>{escape(line)}</h2>"
        if len(line) < 60 and line[-1] not in ".:"
        else f"<p>{escape(line)}</p>"
        for line in text.splitlines()
        if line.strip()
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{escape(title)}</title>"
        f"<style>p{{margin:0}}</style><script>var x = 'not text';</script></head>"
        f"<body><main>{body}</main></body></html>"
    ).encode()


def as_docx(text: str, *, page_break_after: int | None = None) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for index, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
        made = document.add_paragraph(paragraph.replace("\n", " "))
        if page_break_after is not None and index == page_break_after:
            made.add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(text: str) -> bytes:
    from html import escape

    from weasyprint import HTML

    body = "".join(
        f"<p>{escape(p)}</p>" if p.strip() else ""
        for page in text.split("\f")
        for p in page.split("\n\n")
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def scanned_pdf() -> bytes:
    """A PDF with a page of grey shapes and no text layer, like a scan."""
    from weasyprint import HTML

    shapes = "".join(
        f"<div style='height:8px;margin:6px 0;background:#888;width:{60 + (i * 7) % 35}%'></div>"
        for i in range(40)
    )
    return HTML(string=f"<html><body>{shapes}</body></html>").write_pdf()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(as_pdf(GOOD))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_files() -> dict[str, bytes]:
    """Name -> bytes of every test protocol file, 14 in all, in mixed formats."""
    good_pdf = as_pdf(GOOD)
    return {
        "eastfield-good.txt": GOOD.encode(),
        "eastfield-good.docx": as_docx(GOOD, page_break_after=5),
        "westbury-poor.html": as_html(POOR, "Westbury procedure"),
        "northdale-copy.docx": as_docx(POOR_EDITED_A),
        "southmere-copy.pdf": as_pdf(POOR_EDITED_B),
        "hillcrest-mixed.txt": MIXED.encode(),
        "lowmoor-partial.html": as_html(PARTIAL, "Lowmoor"),
        "riverside-independent.pdf": as_pdf(INDEPENDENT),
        "long-protocol.txt": long_protocol().encode(),
        "scanned.pdf": scanned_pdf(),
        "encrypted.pdf": encrypted_pdf(),
        "damaged.pdf": good_pdf[: len(good_pdf) // 3],
        "empty.txt": b"",
        "old-word.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    }
