from datetime import date

from django import template

from supportfirst.families.models import Child

register = template.Library()


@register.filter
def age_on(child: Child, day: date) -> int:
    return child.age_on(day)
