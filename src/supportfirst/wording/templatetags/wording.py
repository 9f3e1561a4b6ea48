"""`{% wording_findings text %}`: the checker's findings beside a piece of staff text.

Only staff templates load this: findings never appear on the family's pages.
"""

from __future__ import annotations

from typing import Any

from django import template

from supportfirst.wording import services

register = template.Library()


@register.inclusion_tag("wording/findings.html", takes_context=True)
def wording_findings(context: Any, text: str, label: str = "", where: str = "") -> dict[str, Any]:
    """`where` names the context the words are written in (for example
    "safeguarding-evidence"), which has its own explanations."""
    council = context.get("current_council")
    findings = services.wording_findings(
        council.pk if council else None, text, services.known_context(where)
    )
    return {"findings": findings, "label": label}
