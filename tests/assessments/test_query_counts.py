"""Assessment pages cost the same number of queries however much is written in them, and
however many families the council has."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from supportfirst.assessments.models import AssessmentArea
from tests.accounts.factories import family_user
from tests.assessments.factories import (
    FamilyAccountFactory,
    FamilyCommentFactory,
    NeedFactory,
    ReadyForFamilyAssessmentFactory,
)
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone


def _queries(client, url: str, shows: str) -> int:
    """The queries the page costs; the page answers 200 and shows `shows` (so it rendered)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode(), f"{url} does not show {shows!r}"
    return len(captured)


def _write_more(assessment, council, each: int) -> None:
    """More needs, accounts and comments in every area, and more families with assessments."""
    for area in AssessmentArea.objects.filter(assessment=assessment):
        for _ in range(each):
            NeedFactory(area=area)
            FamilyAccountFactory(area=area)
            FamilyCommentFactory(assessment=assessment, area=area)
    FamilyCommentFactory(assessment=assessment)
    for _ in range(each):
        other = family_with_everyone(council)
        ReadyForFamilyAssessmentFactory(request__child=other.children.first())


@pytest.fixture
def ready(family):
    return ReadyForFamilyAssessmentFactory(request__child=family.children.first())


@pytest.mark.parametrize(
    "url", ["/staff/assessments/{id}/", "/staff/assessments/areas/{area}/"], ids=str
)
def test_staff_assessment_pages_stay_flat(council, practitioner, ready, url):
    client = signed_in_client(practitioner)
    url = url.format(id=ready.pk, area=ready.areas.first().pk)
    _write_more(ready, council, 1)
    small = _queries(client, url, ready.subject_name)
    _write_more(ready, council, 4)
    assert _queries(client, url, ready.subject_name) == small


def test_the_request_assessments_page_stays_flat(council, practitioner, ready):
    client = signed_in_client(practitioner)
    url = f"/staff/requests/{ready.request_id}/assessments/"
    small = _queries(client, url, ready.subject_name)
    for _ in range(3):
        ReadyForFamilyAssessmentFactory(
            request=ready.request,
            kind="young_carer",
            sibling=ready.family.siblings.create(
                first_name="Extra", date_of_birth="2013-01-01", helps_to_care=True
            ),
        )
    assert _queries(client, url, "Extra") == small


def test_the_familys_reading_page_stays_flat(council, family, ready):
    client = signed_in_client(family_user(family))
    url = f"/family/assessments/{ready.pk}/"
    _write_more(ready, council, 1)
    small = _queries(client, url, ready.subject_name)
    _write_more(ready, council, 4)
    assert _queries(client, url, ready.subject_name) == small


def test_my_work_stays_flat_with_more_assessments(council, practitioner, ready):
    ready.family.allocated_worker = practitioner
    ready.family.save()
    client = signed_in_client(practitioner)
    small = _queries(client, "/staff/my-work/", ready.family.name)
    for _ in range(5):
        other = family_with_everyone(council, allocated_worker=practitioner)
        ReadyForFamilyAssessmentFactory(request__child=other.children.first())
    assert _queries(client, "/staff/my-work/", ready.family.name) == small
