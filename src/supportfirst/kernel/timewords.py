"""One way to write a time and a moment, everywhere (pages, letters, messages, the download):
the GOV.UK style. "10:16am", "3pm", "midday", "midnight"; a moment is "4 December 2026,
10:16am". Templates use the built-in filters `clock` and `moment` (kernel/wordtags.py); Python
code calls these functions. Never Django's "a.m." style, which doubles a sentence's full stop."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def clock(value: datetime | time) -> str:
    """The time of day: "10:16am", "3pm", "midday", "midnight"."""
    if isinstance(value, datetime):
        value = _local(value).time()
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.minute == 0:
        return f"{hour}{suffix}"
    return f"{hour}:{value.minute:02d}{suffix}"


def day(value: date) -> str:
    """A day as the pages write it: "4 December 2026"."""
    if isinstance(value, datetime):
        value = _local(value).date()
    return f"{value.day} {value:%B %Y}"


def moment(value: datetime) -> str:
    """A day and a time: "4 December 2026, 10:16am"."""
    local = _local(value)
    return f"{day(local.date())}, {clock(local.time())}"
