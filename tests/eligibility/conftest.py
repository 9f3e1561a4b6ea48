from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from supportfirst.rules.criteria import shipped_set_paths
from tests.accounts.factories import family_user, staff_user
from tests.councils.factories import CouncilFactory
from tests.families.factories import family_with_everyone


def shipped_text(name: str) -> str:
    return next(p for p in shipped_set_paths() if p.name == name).read_text(encoding="utf-8")


@pytest.fixture
def ashvale(db):
    """A council whose LA code is Ashvale's, so the shipped Ashvale criteria are its own."""
    from tests.eligibility.factories import adopt_current

    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    adopt_current(council)
    return council


@pytest.fixture
def ashvale_family(ashvale):
    return family_with_everyone(ashvale)


@pytest.fixture
def worker(ashvale):
    return staff_user(ashvale, Role.PRACTITIONER)


@pytest.fixture
def manager(ashvale):
    return staff_user(ashvale, Role.TEAM_MANAGER)


@pytest.fixture
def ashvale_parent(ashvale_family):
    return family_user(ashvale_family)


@pytest.fixture
def on_5_december_2026(monkeypatch):
    """Today is 5 December 2026 (Northmoor 1.1 in force, 1.2 signed off for 4 January 2027),
    whatever the real date: `timezone.localdate()` with no value gives that day."""
    import datetime

    from django.utils import timezone

    real = timezone.localdate

    def localdate(value=None, timezone=None):
        if value is None:
            return datetime.date(2026, 12, 5)
        return real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
