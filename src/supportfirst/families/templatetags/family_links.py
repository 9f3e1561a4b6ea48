"""Links on the family's home page to pages that may not exist in every build of the service."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def family_link(*names: str) -> str:
    """The address of the first of these URL names that exists, or "" when none does, so a
    page shows a link only to a part of the service that is there."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""
