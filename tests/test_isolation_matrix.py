"""The isolation matrix: no URL shows one council's or one family's records to another.

Every URL pattern of the project is enumerated. A URL is either on the PUBLIC allow-list or
needs sign-in. A URL that takes an object id must have its keyword argument in OBJECT_IDS,
which says how to find the id of a given family's object; then:
- staff of another council get 404 for it;
- a family member gets 404 for another family's object (staff-only pages refuse them too);
- and, so that the test can fail, the right person from the owning council or family gets it.
A new URL that is neither public nor understood by the matrix fails these tests.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from supportfirst.councils.models import CASEWORK_ROLES, FAMILY_ROLES, STAFF_ROLES, Role
from supportfirst.families.models import Family
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import matrix_id
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.families.factories import family_with_everyone

PUBLIC = {
    "api:openapi",
    "pages:start",
    "pages:accessibility",
    "pages:privacy",
    "pages:healthz",
    "accounts:sign_in",
    "accounts:signed_out",
    "accounts:password_reset",
    "accounts:password_reset_sent",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}


# For each keyword argument that names a record: how to get that record's id for a family.
def _request_id(family: Family) -> int:
    from tests.pathway.factories import SupportRequestFactory

    request = family.support_requests.order_by("pk").first()
    if request is None:
        request = SupportRequestFactory(child=family.children.order_by("pk").first())
    return request.pk


def _move_id(family: Family) -> int:
    from supportfirst.pathway.models import SafeguardingMove
    from tests.accounts.factories import UserFactory
    from tests.pathway.factories import ProposedMoveFactory

    move = SafeguardingMove.objects.filter(family=family).order_by("pk").first()
    if move is None:
        request = family.support_requests.order_by("pk").first()
        extra = {"request": request} if request else {"request__child": family.children.first()}
        move = ProposedMoveFactory(proposed_by=UserFactory(), **extra)
    return move.pk


def _vocabulary_entry_id(family: Family) -> int:
    from supportfirst.vocabulary.models import VocabularyEntry
    from tests.vocabulary.factories import VocabularyEntryFactory

    entry = VocabularyEntry.objects.filter(council=family.council).order_by("pk").first()
    if entry is None:
        entry = VocabularyEntryFactory(council=family.council)
    return entry.pk


OBJECT_IDS: dict[str, Callable[[Family], int]] = {
    "family_id": lambda family: family.pk,
    "child_id": lambda family: family.children.order_by("pk").first().pk,
    "request_id": _request_id,
    "move_id": _move_id,
    # Needs assessments: made once per family by tests/assessments/factories.py.
    "assessment_id": partial(matrix_id, name="assessment_id"),
    "carer_assessment_id": partial(matrix_id, name="carer_assessment_id"),
    "area_id": partial(matrix_id, name="area_id"),
    "need_id": partial(matrix_id, name="need_id"),
    "offer_id": partial(matrix_id, name="offer_id"),
    # A council's own words to check (council administrators' pages).
    "entry_id": _vocabulary_entry_id,
}

# Public URLs whose arguments are not records (tokens in emailed links).
PUBLIC_ARGUMENTS = {"uidb64": "MQ", "token": "set-password"}
# Public URLs that, opened with those arguments, send the person on: URL name -> where to.
PUBLIC_REDIRECTS: dict[str, str] = {}


def _add_app_entries() -> None:
    """Each app's tests may add to the matrix in `tests/<app>/matrix.py`: `PUBLIC` (URL names),
    `OBJECT_IDS` (keyword argument -> how to get that record's id for a family),
    `PUBLIC_ARGUMENTS` (keyword argument -> a value for a public URL) and `PUBLIC_REDIRECTS`
    (URL name -> where that public URL sends the person)."""
    for path in sorted(Path(__file__).parent.glob("*/matrix.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.matrix")
        PUBLIC.update(getattr(module, "PUBLIC", ()))
        for name, found in getattr(module, "OBJECT_IDS", {}).items():
            assert name not in OBJECT_IDS, f"{path}: {name} is already in the matrix"
            OBJECT_IDS[name] = found
        PUBLIC_ARGUMENTS.update(getattr(module, "PUBLIC_ARGUMENTS", {}))
        PUBLIC_REDIRECTS.update(getattr(module, "PUBLIC_REDIRECTS", {}))


_add_app_entries()


@dataclass(frozen=True)
class Route:
    name: str
    kwargs: tuple[str, ...]
    callback: Callable

    @property
    def is_api(self) -> bool:
        return getattr(self.callback, "is_api", False)

    @property
    def roles(self) -> frozenset[str]:
        return getattr(self.callback, "allowed_roles", frozenset())

    def __str__(self) -> str:
        return self.name


def _routes(resolver: URLResolver | None = None, namespace: str = "") -> list[Route]:
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.extend(_routes(entry, inner))
        elif isinstance(entry, URLPattern):
            assert entry.name, f"every URL needs a name: {entry.pattern}"
            kwargs = tuple(sorted(entry.pattern.converters)) or tuple(
                sorted(entry.pattern.regex.groupindex)
            )
            found.append(Route(f"{namespace}{entry.name}", kwargs, entry.callback))
    return found


ROUTES = _routes()
PRIVATE = [r for r in ROUTES if r.name not in PUBLIC]
WITH_IDS = [r for r in PRIVATE if r.kwargs]


def url_for(route: Route, family: Family) -> str:
    return reverse(route.name, kwargs={k: OBJECT_IDS[k](family) for k in route.kwargs})


def test_the_matrix_sees_the_project_urls():
    names = {r.name for r in ROUTES}
    assert {"staff:family", "family:child", "pages:start"} <= names
    assert WITH_IDS, "no URL takes an object id: the matrix would prove nothing"


def test_public_list_names_only_real_urls():
    assert {r.name for r in ROUTES} >= PUBLIC


@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in PUBLIC], ids=str)
def test_public_urls_need_no_sign_in(db, route):
    assert getattr(route.callback, "login_required", True) is False
    url = reverse(route.name, kwargs={k: PUBLIC_ARGUMENTS[k] for k in route.kwargs})
    response = Client().get(url)
    to = PUBLIC_REDIRECTS.get(route.name)
    if to is None:
        assert response.status_code == 200, f"{url} gave {response.status_code}"
    else:
        assert (response.status_code, response["Location"]) == (302, to), url


@pytest.mark.parametrize("route", PRIVATE, ids=str)
def test_every_other_url_needs_sign_in(db, route):
    unknown = [k for k in route.kwargs if k not in OBJECT_IDS]
    assert not unknown, (
        f"{route.name} takes {unknown}: add how to find that record to OBJECT_IDS in this test, "
        "or add the URL to PUBLIC if it truly needs no sign-in"
    )
    family = family_with_everyone(CouncilFactory())
    response = Client().get(url_for(route, family))
    if route.is_api:
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        return
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


@pytest.fixture
def two_councils(db):
    council_a, council_b = CouncilFactory(), CouncilFactory()
    return {
        "a": council_a,
        "b": council_b,
        "family_a": family_with_everyone(council_a),
        "family_a2": family_with_everyone(council_a),
        "family_b": family_with_everyone(council_b),
    }


def client_for(user, route: Route) -> Client:
    """A browser session for pages; a bearer token for the API."""
    if route.is_api:
        from supportfirst.api.models import ApiToken, token_hash

        # Made directly, so that even a token wrongly given to a family account is tested.
        token = f"sf_matrix_{user.pk}"
        ApiToken.objects.get_or_create(
            user=user,
            name="matrix",
            key_hash=token_hash(token),
            prefix="sf_matr",
            scope="read_and_move",
        )
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    return signed_in_client(user)


def _both_methods(client: Client, url: str) -> list[int]:
    """GET, then POST with nothing in it: a page taking one method answers 405 to the other."""
    return [client.get(url).status_code, client.post(url, {}).status_code]


@pytest.mark.parametrize("route", WITH_IDS, ids=str)
def test_staff_never_see_another_councils_records(two_councils, route):
    """Every staff role in turn, against one record of the other council (made once a route:
    making it is most of the time, and no refused request changes it)."""
    url = url_for(route, two_councils["family_b"])
    for role in sorted(STAFF_ROLES):
        intruder = staff_user(two_councils["a"], role)
        statuses = _both_methods(client_for(intruder, route), url)
        assert set(statuses) <= {403, 404, 405}, (role, statuses)
        if role in route.roles:
            assert 404 in statuses, f"{role}: a record of another council must look absent"


@pytest.mark.parametrize("route", WITH_IDS, ids=str)
def test_family_members_never_see_another_familys_records(two_councils, route):
    parent = family_user(two_councils["family_a"])
    for other in ("family_a2", "family_b"):
        statuses = _both_methods(client_for(parent, route), url_for(route, two_councils[other]))
        assert set(statuses) <= {403, 404, 405}, statuses
        if Role.FAMILY_MEMBER in route.roles:
            assert 404 in statuses


@pytest.mark.parametrize("route", WITH_IDS, ids=str)
def test_the_owner_does_see_the_record(two_councils, route):
    """The control that keeps the matrix honest: the right person is let in."""
    family = two_councils["family_b"]
    if route.roles & CASEWORK_ROLES:
        role = Role.PRACTITIONER if Role.PRACTITIONER in route.roles else Role.TEAM_MANAGER
        owner = staff_user(two_councils["b"], role)
    elif route.roles & FAMILY_ROLES:
        owner = family_user(family)
    elif Role.COUNCIL_ADMIN in route.roles:
        owner = staff_user(two_councils["b"], Role.COUNCIL_ADMIN)
    else:
        pytest.fail(f"{route.name} serves no role the matrix knows: {sorted(route.roles)}")
    statuses = _both_methods(client_for(owner, route), url_for(route, family))
    assert not set(statuses) & {403, 404}, statuses
    # 415: an API call read the record, then refused the empty form-encoded body as not JSON.
    assert set(statuses) & {200, 302, 400, 409, 415}, statuses


@pytest.mark.parametrize("route", [r for r in WITH_IDS if "child_id" in r.kwargs], ids=str)
def test_a_young_person_sees_only_their_own_childs_record(two_councils, route):
    family = two_councils["family_a"]
    own = family.children.order_by("pk").first()
    from tests.families.factories import ChildFactory

    brother = ChildFactory(family=family)
    young_person = family_user(family, child=own)
    client = signed_in_client(young_person)
    if Role.YOUNG_PERSON not in route.roles:
        assert client.get(reverse(route.name, kwargs={"child_id": own.pk})).status_code == 403
        return
    assert client.get(reverse(route.name, kwargs={"child_id": own.pk})).status_code == 200
    assert client.get(reverse(route.name, kwargs={"child_id": brother.pk})).status_code == 404
