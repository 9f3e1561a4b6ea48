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


@pytest.fixture
def complaints_manager(council):
    """The council's complaints manager, who runs complaints."""
    from supportfirst.councils.models import Role
    from tests.accounts.factories import staff_user

    return staff_user(council, Role.COMPLAINTS_MANAGER, full_name="Priya Shah")
