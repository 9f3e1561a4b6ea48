"""Filters for the easy-read letters (see `letters.easy_read`)."""

from __future__ import annotations

from typing import Any

from django import template

from supportfirst.letters import easy_read

register = template.Library()


@register.filter
def without_end_stop(text: str) -> str:
    return easy_read.without_end_stop(text)


@register.filter
def law_named(citations: Any) -> str:
    return easy_read.law_named(citations)


@register.filter
def easy_lines(text: str) -> list[str]:
    return easy_read.lines(text)
