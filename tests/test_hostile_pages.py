"""No 500 from any page on any input (issue 14 point 7): every staff, family and public page
is opened by the person it is for, then every field its forms name is sent hostile values (a NUL
character with markup, a number too big for any column, a digit that is not ASCII), and hostile
values go in its query string too. The answer may be a page with errors, a redirect, a refusal
or a 409; it is never a server error. The API has its own tests (tests/api/test_hostile_input.py)
and scripts/api-fuzz."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from supportfirst.councils.models import CASEWORK_ROLES, FAMILY_ROLES, Role
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.families.factories import family_with_everyone
from tests.test_isolation_matrix import (
    PUBLIC,
    PUBLIC_ARGUMENTS,
    ROUTES,
    Route,
    url_for,
)

HOSTILE = ["Sam\x00<script>x</script>", "9" * 40]
QUERY_NAMES = ("record", "page", "q", "kind", "source", "child", "status", "about", "next")
FIELD_NAME = re.compile(r"<(?:input|textarea|select)\b[^>]*\bname=\"([^\"]+)\"")
PAGES = [r for r in ROUTES if not r.is_api]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One council and family for the whole walk, and one person per role, made once (each
    test's own changes are rolled back as usual)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            council = CouncilFactory()
            family = family_with_everyone(council)
            people = {role: staff_user(council, role) for role in Role if role not in FAMILY_ROLES}
            people[Role.FAMILY_MEMBER] = family_user(family)
            yield {"council": council, "family": family, "people": people}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _person(route: Route, world):
    people = world["people"]
    if route.roles & CASEWORK_ROLES:
        role = Role.PRACTITIONER if Role.PRACTITIONER in route.roles else Role.TEAM_MANAGER
    elif route.roles & FAMILY_ROLES:
        role = Role.FAMILY_MEMBER
    elif route.roles:
        role = sorted(route.roles)[0]
    else:
        role = Role.PRACTITIONER
    return people[role]


def _visit(route: Route, world) -> tuple[Client, str]:
    if route.name in PUBLIC:
        url = reverse(route.name, kwargs={k: PUBLIC_ARGUMENTS[k] for k in route.kwargs})
        return Client(), url
    return signed_in_client(_person(route, world)), url_for(route, world["family"])


def _fields(page: str) -> set[str]:
    return set(FIELD_NAME.findall(page)) - {"csrfmiddlewaretoken"}


@pytest.mark.parametrize("route", PAGES, ids=str)
def test_no_page_gives_a_server_error_on_hostile_input(world, db, route: Route):
    client, url = _visit(route, world)
    numbers, text = HOSTILE[1], HOSTILE[0]
    first = client.get(url, dict.fromkeys(QUERY_NAMES, numbers))
    assert first.status_code < 500, (url, "GET")
    html = first.get("Content-Type", "").startswith("text/html")
    names = _fields(first.content.decode(errors="replace")) if html else set()
    for value in (text, numbers):
        sent = client.post(url, dict.fromkeys(names | set(QUERY_NAMES), value))
        assert sent.status_code < 500, (url, "POST", value)
        if sent.status_code == 400 and value == text:
            assert b"<script>x</script>" not in sent.content, url


def test_the_walk_covers_the_forms():
    names = {r.name for r in PAGES}
    assert {"asking:check", "pathway:request", "complaints:family_new"} & names
    assert len(PAGES) > 100


WITH_IDS = [r for r in PAGES if r.kwargs and r.name not in PUBLIC]


@pytest.mark.parametrize("route", WITH_IDS, ids=str)
def test_an_id_too_big_for_the_database_is_not_found(world, db, route: Route):
    client = signed_in_client(_person(route, world))
    url = reverse(route.name, kwargs=dict.fromkeys(route.kwargs, 10**30))
    response = client.get(url)
    assert response.status_code in {403, 404, 405}, (url, response.status_code)
    if response.status_code == 404:
        assert "Page not found" in response.content.decode()
