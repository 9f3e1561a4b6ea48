"""Fixtures for the wording tests: a family told by email, so a test can see whether any
message about staff words reached them."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.notifications.models import NotificationPreference


@pytest.fixture
def emailed(family):
    family.parent_carers.update(email="claire@example.test")
    NotificationPreference.objects.create(
        family=family,
        channel="email",
        email="claire@example.test",
        mobile="",
        format="standard",
        language="",
        updated_at=timezone.now(),
    )
    return family
