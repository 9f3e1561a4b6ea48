"""Fixtures shared by the growing-up tests."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user


@pytest.fixture
def worker(council):
    return staff_user(council, Role.PRACTITIONER)
