"""`{% wording_findings text %}`: the checker's findings beside a piece of staff text.

Only staff templates load this: findings never appear on the family's pages.
"""

from __future__ import annotations

from typing import Any

from django import template

from supportfirst.language import check

register = template.Library()


@register.inclusion_tag("wording/findings.html")
def wording_findings(text: str, label: str = "") -> dict[str, Any]:
    findings = [
        f for f in check(text or "") if f.category not in ("long-sentence", "unexplained-acronym")
    ]
    return {"findings": findings, "label": label}
