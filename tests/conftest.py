"""Shared test set-up: every HTML page any test fetches is checked for page quality."""

from __future__ import annotations

import os

import pytest
from django.test import Client

from supportfirst.councils.models import Role
from supportfirst.kernel import councilwall
from tests.accounts.factories import family_user, staff_user
from tests.councils.factories import CouncilFactory
from tests.families.factories import family_with_everyone
from tests.page_quality import assert_page_quality

CHECKED_STATUSES = {200, 400, 403, 404, 405, 429}


@pytest.fixture(autouse=True)
def _check_every_page(monkeypatch):
    original = Client.request

    def request(self, **environ):
        response = original(self, **environ)
        content_type = response.get("Content-Type", "")
        if (
            response.status_code in CHECKED_STATUSES
            and content_type.startswith("text/html")
            and not response.streaming
            and response.content
        ):
            assert_page_quality(response.content.decode("utf-8"), where=environ["PATH_INFO"])
        return response

    monkeypatch.setattr(Client, "request", request)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with no attempts counted (the rate limits' counts live in the cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sent_at_once(monkeypatch):
    """For tests about what a message says and where it goes: a message is put on the task
    queue after its transaction commits, and a test's own transaction never commits, so here it
    is queued at once (and the test settings' immediate backend runs it at once). When it goes
    is tested in tests/notifications/test_after_commit.py."""
    monkeypatch.setattr(
        "supportfirst.kernel.queue.on_commit", lambda callback, **kwargs: callback()
    )


@pytest.fixture
def council(db):
    return CouncilFactory()


@pytest.fixture
def other_council(db):
    return CouncilFactory()


@pytest.fixture
def family(council):
    return family_with_everyone(council)


@pytest.fixture
def practitioner(council):
    return staff_user(council, Role.PRACTITIONER)


@pytest.fixture
def parent(family):
    return family_user(family)


def verified_client(user) -> Client:
    """A client signed in as a member of staff who has given their second factor."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def signed_in_client(user) -> Client:
    """A client signed in as anyone: staff with their second factor, families with a password."""
    if user.needs_second_factor:
        return verified_client(user)
    client = Client()
    client.force_login(user)
    return client


# Tests make their records as the command line does, across councils; each page request then
# runs behind the second wall with its own council (kernel/councilwall.py, PostgreSQL only).
councilwall.run_for_all_councils()


#: The fixtures through which a test reaches the suite's database.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config, items):
    """SUPPORTFIRST_DATABASE_TESTS_ONLY=1 runs only the tests that use the suite's database.
    CI runs the whole suite on SQLite, then again on PostgreSQL with this set: a test that never
    touches the database (the plain-Python rules, the writers, the checkers' own tests) gives the
    same answer on both, so running it twice proves nothing more. A test that reaches the
    database another way (a subprocess given DATABASE_URL) says so with
    `@pytest.mark.uses_database_url`, and is kept."""
    if os.environ.get("SUPPORTFIRST_DATABASE_TESTS_ONLY", "") in ("", "0"):
        return
    kept, dropped = [], []
    for item in items:
        uses = DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        marked = item.get_closest_marker("django_db") or item.get_closest_marker(
            "uses_database_url"
        )
        (kept if uses or marked else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
