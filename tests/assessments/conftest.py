from __future__ import annotations

import html

import pytest

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from tests.accounts.factories import staff_user


def actor(user) -> Actor:
    return Actor(user, scope_for(user), "test")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


def text_of(response) -> str:
    """A page's HTML with entities decoded, so names like Alfie's can be looked for."""
    return html.unescape(response.content.decode())
