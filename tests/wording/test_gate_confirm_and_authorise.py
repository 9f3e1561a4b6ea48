"""Eligibility confirmation and assessment authorisation use the shared wording gate (issue 18,
review point 8): one reason per distinct flagged phrase, and each must be a real reason (at
least a sentence, not the phrase said again, itself free of blaming words)."""

from __future__ import annotations

import pytest

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.councils.models import Role
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.assessments.factories import ReadyForFamilyAssessmentFactory
from tests.conftest import signed_in_client

REAL = "Mum's own words to me at the visit, which she asked us to keep."


@pytest.fixture
def assessment(family):
    assessment = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    first, second = assessment.areas.order_by("position")[:2]
    # The same phrase twice in one place, and again in another place.
    first.practitioner_analysis = "Mum struggles to cope at bedtime. Dad struggles to cope too."
    first.save()
    second.practitioner_analysis = "Mum struggles to cope in the mornings."
    second.save()
    return assessment


def _authorise(client, assessment, data):
    return client.post(f"/staff/assessments/{assessment.pk}/authorise/", data)


def test_authorising_asks_one_reason_per_distinct_phrase(council, assessment):
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    refused = _authorise(client, assessment, {})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Words to check before the family reads this" in page
    assert "used twice" in page
    names = [n for n in refused.context["form"].fields if n.startswith("reason_")]
    # One per phrase per place (two places), not one per use (three uses).
    assert len(names) == 2


@pytest.mark.parametrize(
    ("reason", "problem"),
    [
        ("x", "too short"),
        ("struggles to cope", "only repeats the words"),
        ("Mum struggles to cope, struggles to cope.", "only repeats the words"),
        ("Because the mother is non-compliant with every plan.", "non-compliant"),
    ],
)
def test_authorising_refuses_a_reason_that_is_not_a_real_one(council, assessment, reason, problem):
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    names = [
        n
        for n in _authorise(client, assessment, {}).context["form"].fields
        if n.startswith("reason_")
    ]
    response = _authorise(client, assessment, dict.fromkeys(names, reason))
    assert response.status_code == 400
    assert problem in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY
    assert not WordingReason.objects.exists()


def test_authorising_with_real_reasons_keeps_one_per_phrase(council, assessment):
    client = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    names = [
        n
        for n in _authorise(client, assessment, {}).context["form"].fields
        if n.startswith("reason_")
    ]
    response = _authorise(client, assessment, dict.fromkeys(names, REAL))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.AUTHORISED
    assert WordingReason.objects.count() == 2
