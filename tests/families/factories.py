import datetime

import factory

from supportfirst.families.models import Child, Family, ParentCarer, Sibling, Stage
from tests.councils.factories import CouncilFactory


class FamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Family

    council = factory.SubFactory(CouncilFactory)
    reference = factory.Sequence(lambda n: f"SF-T-{n:05d}")
    name = factory.Sequence(lambda n: f"Family {n}")
    stage = Stage.REQUEST_RECEIVED


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    family = factory.SubFactory(FamilyFactory)
    first_name = factory.Sequence(lambda n: f"Child{n}")
    last_name = "Testperson"
    date_of_birth = datetime.date(2015, 5, 1)
    disability_codes = factory.LazyFunction(lambda: ["AUT"])
    about = "Needs someone with them at all times when awake."


class ParentCarerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParentCarer

    family = factory.SubFactory(FamilyFactory)
    full_name = factory.Sequence(lambda n: f"Parent {n}")
    relationship = "Mum"


class SiblingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sibling

    family = factory.SubFactory(FamilyFactory)
    first_name = factory.Sequence(lambda n: f"Sibling{n}")
    date_of_birth = datetime.date(2012, 1, 1)
    helps_to_care = True


def family_with_everyone(council, **kwargs) -> Family:
    """A family with a child, a parent carer and a brother or sister who helps to care."""
    family = FamilyFactory(council=council, **kwargs)
    ChildFactory(family=family)
    ParentCarerFactory(family=family)
    SiblingFactory(family=family)
    return family
