from datetime import date

from django import template

from supportfirst.kernel import due

register = template.Library()

_COLOURS = {
    "awaiting_decision": "yellow",
    "support_pathway": "green",
    "information_given": "blue",
    "not_assessing_proposed": "orange",
    "safeguarding_proposed": "orange",
    "moved_to_safeguarding": "red",
}


@register.filter
def days_left(due_on: date, today: date) -> str:
    """The clock in plain words, as My work shows it."""
    return due.clock(due_on, today)


@register.filter
def status_colour(status: str) -> str:
    return _COLOURS.get(status, "grey")
