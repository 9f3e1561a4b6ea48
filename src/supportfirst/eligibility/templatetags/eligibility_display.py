"""Plain words for the parts of criteria and decisions: duty or power, who a service is for."""

from __future__ import annotations

from datetime import date

from django import template

from supportfirst.rules.criteria.areas import area_name

register = template.Library()

DUTY_OR_POWER = {
    "duty": (
        "This is a duty. When needs are eligible for it, the council must provide it, or "
        "arrange for it to be provided."
    ),
    "power": (
        "This is a power. The council may provide it. It decides case by case, looking at "
        "the needs, and must give its reason."
    ),
}

FOR_WHOM = {
    "child": "the disabled child",
    "parent_carer": "parent carers",
    "young_carer": "brothers and sisters who help to care",
}

SIGN_OFF_KIND = {"council": "The council", "parent_carer_forum": "The parent carer forum"}


@register.filter
def duty_or_power_text(value: str) -> str:
    return DUTY_OR_POWER.get(value, "")


@register.filter
def duty_or_power_label(value: str) -> str:
    return {"duty": "Duty", "power": "Power"}.get(value, value)


@register.filter
def for_whom(value: str) -> str:
    return FOR_WHOM.get(value, value)


@register.filter
def area_label(value: str) -> str:
    return area_name(value)


@register.filter
def sign_off_kind(value: str) -> str:
    return SIGN_OFF_KIND.get(value, value)


@register.filter
def iso_date(value: str) -> object:
    """A date stored as ISO text, as a date for the date filter."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
