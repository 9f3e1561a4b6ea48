"""Template helpers of the local assessment protocol: a text's paragraphs, and the link to a
council's protocol that every letter carries (when the council has published one)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from supportfirst.localprotocol import selectors
from supportfirst.rules.protocol.versions import paragraphs as split_paragraphs

register = template.Library()


@register.filter
def paragraphs(text: str) -> list[str]:
    return split_paragraphs(text)


@register.simple_tag
def protocol_address(council: Any) -> str:
    """The address of the council's published protocol, or "" when it has none published."""
    if council is None or selectors.latest_published(council.pk) is None:
        return ""
    return reverse("public_protocol:council", kwargs={"council_slug": council.slug})
