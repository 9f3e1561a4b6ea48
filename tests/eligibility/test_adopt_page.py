"""Adopting criteria in the browser (issue 13 point 6): a team manager or head of service
adopts a published version the parent carer forum signed off, with the equality impact
considered; who and when are recorded, the access log says so, the public page shows it, and
the command line still adopts through the same service."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from supportfirst.audit.models import AccessEvent
from supportfirst.councils.models import Role
from supportfirst.eligibility.models import CriteriaAdoption
from tests.accounts.factories import staff_user
from tests.assessments.conftest import text_of
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory

from .factories import own_published_criteria

EQUALITY = "Considered with the forum: needs-led, and no diagnosis is excluded."


@pytest.fixture
def council(db):
    return CouncilFactory(name="Westbury Council", la_code="991", slug="westbury")


@pytest.fixture
def criteria(council):
    return own_published_criteria(council)


def _url(criteria) -> str:
    return reverse("eligibility:criteria_adopt", kwargs={"criteria_id": criteria.pk})


GOOD = {
    "council_signatory": "Morgan Ellis, Director of Children's Services",
    "forum_signatory": "Helen Marsh, Westbury Parent Carer Forum, chair",
    "adopted_on_0": "1",
    "adopted_on_1": "12",
    "adopted_on_2": "2026",
    "equality_impact_summary": EQUALITY,
}


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE])
def test_a_manager_adopts_a_forum_signed_off_version(council, criteria, role):
    manager = staff_user(council, role)
    client = signed_in_client(manager)
    overview = client.get(reverse("eligibility:criteria_drafts"))
    assert overview.status_code == 200
    assert f"Adopt version {criteria.version}" in text_of(overview)

    page = client.get(_url(criteria))
    assert page.status_code == 200
    assert "Helen Marsh, Ashvale Parent Carer Forum, chair" in text_of(page)

    response = client.post(_url(criteria), GOOD)
    assert response.status_code == 302
    adoption = CriteriaAdoption.objects.get(criteria=criteria)
    assert adoption.recorded_by == manager
    assert adoption.adopted_on == datetime.date(2026, 12, 1)
    assert adoption.equality_impact_summary == EQUALITY
    assert adoption.council_signatory == GOOD["council_signatory"]
    assert AccessEvent.objects.filter(
        actor_id=manager.pk, record_type="eligibility.criteriaadoption", record_id=adoption.pk
    ).exists()

    public = Client().get(response["Location"])
    assert public.status_code == 200
    assert "Adopted by Westbury Council on 1 December 2026" in text_of(public)
    assert EQUALITY in text_of(public)
    # Adopted now: nothing left to adopt, and the page is gone.
    assert client.get(_url(criteria)).status_code == 404


def test_the_equality_impact_is_needed_and_what_was_typed_is_kept(council, criteria):
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    response = client.post(_url(criteria), {**GOOD, "equality_impact_summary": "  "})
    assert response.status_code == 400
    page = text_of(response)
    assert "govuk-error-summary" in page
    assert "Say how the council considered the equality impact" in page
    assert GOOD["council_signatory"] in page
    assert not CriteriaAdoption.objects.exists()


def test_the_date_cannot_be_in_the_future(council, criteria):
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    response = client.post(
        _url(criteria),
        {
            **GOOD,
            "adopted_on_0": str(tomorrow.day),
            "adopted_on_1": str(tomorrow.month),
            "adopted_on_2": str(tomorrow.year),
        },
    )
    assert response.status_code == 400
    assert "The date adopted must be today or in the past" in text_of(response)


def test_a_practitioner_cannot_adopt(council, criteria):
    client = signed_in_client(staff_user(council, Role.PRACTITIONER))
    assert client.get(_url(criteria)).status_code == 403


def test_the_model_criteria_and_another_councils_cannot_be_adopted_here(council, criteria):
    """Every published version is signed off by the forum (the loader refuses one that is not);
    the page offers only the council's own, so the national model and Ashvale's give 404."""
    from supportfirst.eligibility.models import PublishedCriteria
    from supportfirst.eligibility.publishing import criteria_publish_shipped

    criteria_publish_shipped()
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    for other in PublishedCriteria.objects.exclude(owner="991"):
        assert client.get(_url(other)).status_code == 404
    assert client.get(_url(criteria)).status_code == 200


def test_the_sign_off_dates_are_written_in_words(council, criteria):
    page = signed_in_client(staff_user(council, Role.TEAM_MANAGER)).get(_url(criteria))
    assert page.status_code == 200
    assert "Helen Marsh, Ashvale Parent Carer Forum, chair, 20 November 2026" in text_of(page)
    assert "2026-11-20" not in text_of(page)


def test_the_council_cannot_adopt_before_the_forum_signed_off(council, criteria):
    # The forum signed version off on 20 November 2026: an adoption dated before it would
    # record a council adopting criteria the forum had not yet signed off.
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    response = client.post(
        _url(criteria), {**GOOD, "adopted_on_0": "19", "adopted_on_1": "11", "adopted_on_2": "2026"}
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "govuk-error-summary" in page
    assert (
        "The council can only adopt the criteria on or after the day the parent carer forum "
        "signed them off, 20 November 2026" in page
    )
    assert EQUALITY in page
    assert not CriteriaAdoption.objects.exists()
