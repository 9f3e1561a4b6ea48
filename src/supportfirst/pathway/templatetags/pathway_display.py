from datetime import date

from django import template

from supportfirst.rules import workdays

register = template.Library()

_COLOURS = {
    "awaiting_decision": "yellow",
    "support_pathway": "green",
    "information_given": "blue",
    "safeguarding_proposed": "orange",
    "moved_to_safeguarding": "red",
}


@register.filter
def days_left(due: date, today: date) -> str:
    return workdays.describe_days_left(due, today)


@register.filter
def status_colour(status: str) -> str:
    return _COLOURS.get(status, "grey")
