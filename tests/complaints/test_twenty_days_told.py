"""Stage 1 of a complaint is answered within 10 working days, extendable to at most 20 (Children
Act 1989 Representations Procedure (England) Regulations 2006). Wherever a family is told the
first, they are told the second."""

from __future__ import annotations

from pathlib import Path

import supportfirst

TEMPLATES = Path(supportfirst.__file__).parent / "templates"


def test_every_template_giving_10_working_days_for_a_complaint_says_at_most_20():
    missing = [
        str(path.relative_to(TEMPLATES))
        for path in sorted(TEMPLATES.rglob("*.html"))
        if "10 working days" in (text := path.read_text(encoding="utf-8"))
        and "complain" in text
        and "20 working days" not in text
    ]
    assert missing == []
