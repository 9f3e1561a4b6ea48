"""Pages cost the same number of queries whether a council has 10 families or 1,000."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from supportfirst.families.models import Child, Family, ParentCarer, Sibling
from tests.conftest import signed_in_client


def _add_families(council, worker, count: int) -> None:
    start = Family.objects.count()
    families = Family.objects.bulk_create(
        Family(
            council=council,
            reference=f"SF-Q-{start + i:06d}",
            name=f"Bulk family {start + i:06d}",
            allocated_worker=worker,
        )
        for i in range(count)
    )
    Child.objects.bulk_create(
        Child(
            family=f,
            council=council,
            first_name="Kit",
            last_name="Bulk",
            date_of_birth="2016-01-01",
        )
        for f in families
    )
    ParentCarer.objects.bulk_create(
        ParentCarer(family=f, full_name="Sam Bulk", relationship="Dad") for f in families
    )
    Sibling.objects.bulk_create(
        Sibling(family=f, first_name="Jo", date_of_birth="2012-01-01") for f in families
    )


def _queries(client, url: str, shows: str) -> int:
    """The queries the page costs; the page answers 200 and shows `shows` (so it rendered)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode(), f"{url} does not show {shows!r}"
    return len(captured)


@pytest.mark.parametrize("url", ["/staff/", "/staff/?show=all"])
def test_staff_home_queries_stay_flat(council, practitioner, url):
    client = signed_in_client(practitioner)
    _add_families(council, practitioner, 10)
    small = _queries(client, url, "Bulk family 000000")
    _add_families(council, practitioner, 990)
    assert _queries(client, url, "Bulk family 000000") == small


def test_family_record_queries_stay_flat(council, practitioner, family):
    client = signed_in_client(practitioner)
    _add_families(council, practitioner, 10)
    small = _queries(client, f"/staff/families/{family.pk}/", family.name)
    _add_families(council, practitioner, 990)
    assert _queries(client, f"/staff/families/{family.pk}/", family.name) == small
