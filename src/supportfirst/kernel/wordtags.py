"""Template filters built in to every template (settings TEMPLATES "builtins"), so every page
and letter writes the same way. `{{ when|moment }}` gives "4 December 2026, 10:16am" and
`{{ when|clock }}` gives "10:16am" (templates never write a time with Django's `date` filter);
`{{ label|first_lower }}` puts a label inside a sentence without lowering "EHC"."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import template

from supportfirst.kernel import timewords

register = template.Library()


@register.filter
def moment(value: Any) -> str:
    if not isinstance(value, datetime):
        return ""
    return timewords.moment(value)


@register.filter
def clock(value: Any) -> str:
    if not isinstance(value, datetime | time):
        return ""
    return timewords.clock(value)


@register.filter
def first_lower(value: Any) -> str:
    """ "Learning, school and EHC plan" -> "learning, school and EHC plan" (never "ehc")."""
    text = str(value)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
