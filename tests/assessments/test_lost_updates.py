"""No lost updates on a parent carer's assessment decisions: two practitioners open the form,
the first saves, the second gets the conflict page with both versions and the first is kept.
(An area of life has its own check: tests/assessments/test_pages.py.)"""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportfirst.assessments.models import CarerDecisions
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.assessments.factories import ParentCarerAssessmentFactory
from tests.conftest import signed_in_client
from tests.lost_updates import second_save

pytestmark = pytest.mark.django_db


def _decisions(reason: str) -> dict[str, str]:
    sent = {}
    for question in CarerDecisions.QUESTIONS:
        sent[question] = "yes"
        sent[f"{question}_reason"] = f"{reason} ({question})"
    return sent


def test_a_second_save_of_the_carer_decisions_does_not_overwrite_the_first(
    practitioner, council, family
):
    assessment = ParentCarerAssessmentFactory(request__child=family.children.first())
    colleague = signed_in_client(staff_user(council, Role.PRACTITIONER))
    page = second_save(
        signed_in_client(practitioner),
        colleague,
        reverse("assessments:carer_decisions", kwargs={"carer_assessment_id": assessment.pk}),
        _decisions("Sleep is broken most nights"),
        _decisions("Claire works nights"),
    )
    assert "Sleep is broken most nights (carer_has_needs)" in page
    assert "Claire works nights (carer_has_needs)" in page
    saved = CarerDecisions.objects.get(assessment=assessment)
    assert saved.carer_has_needs_reason == "Sleep is broken most nights (carer_has_needs)"
