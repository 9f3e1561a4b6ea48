"""Growing up records in each state, for tests."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from supportfirst.families.models import Family
from supportfirst.transition.models import EhcAdviceRequest, Transition
from tests.accounts.factories import UserFactory


def born_years_ago(years: int, *, days: int = 0) -> datetime.date:
    """A date of birth `years` ago today (less `days`, for someone just older)."""
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition

    family = factory.LazyAttribute(lambda t: t.child.family)
    started_by = factory.SubFactory(UserFactory)
    started_at = factory.LazyFunction(timezone.now)


class AdviceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EhcAdviceRequest

    family = factory.LazyAttribute(lambda a: a.child.family)
    requested_on = factory.LazyFunction(timezone.localdate)
    recorded_by = factory.SubFactory(UserFactory)
    recorded_at = factory.LazyFunction(timezone.now)


def matrix_transition_id(family: Family) -> int:
    child = family.children.order_by("pk").first()
    existing = Transition.objects.filter(child=child).first()
    return (existing or TransitionFactory(child=child)).pk


def matrix_advice_id(family: Family) -> int:
    child = family.children.order_by("pk").first()
    existing = EhcAdviceRequest.objects.filter(child=child).order_by("pk").first()
    return (existing or AdviceRequestFactory(child=child)).pk
