"""Plain words for the parts of criteria and decisions: what the law says (a duty, a general
duty or a power, from the law catalogue), who a service is for."""

from __future__ import annotations

from datetime import date

from django import template

from supportfirst.rules.criteria.areas import area_name
from supportfirst.rules.criteria.lawkinds import DUTY, GENERAL, POWER, SERVICE_SENTENCES

register = template.Library()

DUTY_OR_POWER = SERVICE_SENTENCES
LABELS = {DUTY: "Duty", GENERAL: "General duty", POWER: "Power"}
# What a met service means to the family who will receive it.
MET_SENTENCES = {
    DUTY: "We have decided this is needed, so the law says we must arrange it.",
    GENERAL: "We must provide a range of this kind of support in our area. This is not a "
    "promise of a particular service, but we must decide fairly about your family, and give "
    "reasons.",
    POWER: "The law allows us to provide this. We must still decide fairly about your family, "
    "and give reasons.",
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
    return LABELS.get(value, value)


@register.filter
def met_law_sentence(value: str) -> str:
    """For a letter or plan: what the law means for a service the council has agreed."""
    return MET_SENTENCES.get(value, "")


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
