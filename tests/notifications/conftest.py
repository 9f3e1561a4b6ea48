import pytest

from supportfirst.notifications import sms


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def family(council):
    """A family whose parent carer gave an email address."""
    from tests.families.factories import family_with_everyone

    family = family_with_everyone(council)
    family.parent_carers.update(email="claire@example.test", phone="07700 900982")
    return family
