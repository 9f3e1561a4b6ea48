import factory

from supportfirst.councils.models import Council, Membership, Role, Team


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Testshire Council {n}")
    la_code = factory.Sequence(lambda n: f"{800 + n % 200:03d}")
    slug = factory.Sequence(lambda n: f"testshire-{n}")
    contact_email = "team@council.example"
    contact_phone = "01632 960 000"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Disabled Children's Team {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    council = factory.SubFactory(CouncilFactory)
    role = Role.PRACTITIONER
