from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from django import template

from supportfirst.assessments.models import AreaStatus
from supportfirst.kernel import due

register = template.Library()

_AREA_TAGS = {
    "not_started": "govuk-tag govuk-tag--blue",
    "in_progress": "govuk-tag govuk-tag--yellow",
}
_STATUS_COLOURS = {
    "in_progress": "yellow",
    "ready_for_family": "purple",
    "authorised": "green",
    "not_answered": "yellow",
    "accepted": "green",
    "combined": "green",
    "requested": "green",
    "declined": "grey",
}


@register.filter
def days_left(due_on: date, today: date) -> str:
    """ "5 working days left", "due today", "3 working days overdue"."""
    return due.clock(due_on, today)


@register.filter
def is_late(due: date, today: date) -> bool:
    return today > due


@register.filter
def area_tag_class(status: str) -> str:
    """The GOV.UK tag for an area's status on the task list; "" for completed (plain text)."""
    return _AREA_TAGS.get(status, "")


@register.filter
def status_colour(status: str) -> str:
    return _STATUS_COLOURS.get(status, "grey")


@register.filter
def unable_for(need, name: str) -> list[str]:
    return need.unable_to_achieve(name)


@register.filter
def area_status_label(status: str) -> str:
    return str(AreaStatus(status).label)


@register.filter
def not_written_by(comments: Iterable[Any], authors: Collection[int] | None) -> list[Any]:
    """The comments not written by these accounts (a young person's own words, kept from a
    parent by the young person's choice)."""
    return [c for c in comments if not authors or c.author_id not in authors]
