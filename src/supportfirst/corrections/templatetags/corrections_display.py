"""Showing, on a record's own page, that the family asked for a correction and its outcome."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from supportfirst.corrections.selectors import corrections_shown_on

register = template.Library()


@register.inclusion_tag("corrections/includes/on_record.html", takes_context=True)
def corrections_on(context: Any, shown_on: str, shown_on_id: int) -> dict[str, Any]:
    """Every correction request about the records on this page (one query), for the family or
    for staff, each linking to its own page."""
    scope = context["request"].scope
    return {
        "corrections": corrections_shown_on(
            scope=scope, shown_on=shown_on, shown_on_id=shown_on_id
        ),
        "for_family": scope.is_family,
    }


@register.simple_tag
def correction_link(kind: str, record_id: int) -> str:
    """The address of the page to ask us to correct one record."""
    return f"{reverse('family_corrections:new')}?record={kind}:{record_id}"
