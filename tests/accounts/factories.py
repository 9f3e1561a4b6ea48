import factory
from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.models import User
from supportfirst.councils.models import Membership, Role

PASSWORD = "correct horse battery staple"
_HASHED: dict[str, str] = {}


def hashed_password() -> str:
    """Argon2 is slow on purpose: hash the test password once and share it."""
    if PASSWORD not in _HASHED:
        _HASHED[PASSWORD] = make_password(PASSWORD)
    return _HASHED[PASSWORD]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.test")
    password = factory.LazyFunction(hashed_password)


def staff_user(council, role=Role.PRACTITIONER, *, with_device=True, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, council=council, role=role)
    if with_device:
        TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    return user


def family_user(family, *, child=None, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Membership.objects.create(
        user=user,
        council=family.council,
        role=Role.YOUNG_PERSON if child else Role.FAMILY_MEMBER,
        family=family,
        child=child,
    )
    return user
