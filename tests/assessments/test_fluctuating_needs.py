"""Needs that fluctuate over the week (issue 13 point 5): the worker records that some days
are much harder than others, the family sees it, and the decision judges the hard days."""

from __future__ import annotations

import pytest

from supportfirst.assessments.models import Need
from tests.assessments.conftest import text_of
from tests.assessments.factories import (
    AssessmentFactory,
    NeedFactory,
    ReadyForFamilyAssessmentFactory,
)
from tests.conftest import signed_in_client


@pytest.fixture
def assessment(family, practitioner):
    family.allocated_worker = practitioner
    family.save()
    return AssessmentFactory(request__child=family.children.first())


def test_the_need_form_asks_whether_some_days_are_much_harder(practitioner, assessment):
    client = signed_in_client(practitioner)
    name = assessment.child.first_name
    area = assessment.areas.get(code="health")
    response = client.get(f"/staff/assessments/areas/{area.pk}/")
    assert response.status_code == 200
    page = text_of(response)
    assert f"Some days are much harder than others for {name}" in page
    # The hint is true of any child: no condition is put in the child's mouth.
    assert "For example, needs change from day to day or week to week." in page
    assert "seizures" not in page
    assert f"{name} has" not in page
    assert 'name="need-fluctuates"' in page.replace("&quot;", '"')
    # Ticking it reveals its own frequency question (the GOV.UK conditional reveal): "How
    # often do the hard days come?", asked instead of "How often is help needed?".
    assert 'data-aria-controls="need-hard-days"' in page.replace("&quot;", '"')
    hard_days = page[page.index('id="need-hard-days"') :]
    assert "govuk-checkboxes__conditional" in hard_days[: hard_days.index(">")]
    assert "How often do the hard days come?" in hard_days
    assert 'name="need-hard_days_how_often"' in hard_days
    assert "How often is help needed?" in page
    assert "If some days are much harder than others, answer for the hard days." in page


def test_a_fluctuating_need_is_kept_and_shown_to_the_worker(practitioner, assessment):
    client = signed_in_client(practitioner)
    area = assessment.areas.get(code="health")
    url = f"/staff/assessments/areas/{area.pk}/needs/"
    given = {
        "need-description": "Seizures on two or three days a week.",
        "need-fluctuates": "on",
        "need-unable": ["cannot_without_help"],
        "need-same_age": "yes",
    }
    response = client.post(url, given)
    assert response.status_code == 400
    page = text_of(response)
    assert "Select how often the hard days come" in page
    assert "Select how often help is needed" not in page
    assert "Seizures on two or three days a week." in page
    checkbox = page[page.index('name="need-fluctuates"') :]
    assert "checked" in checkbox[: checkbox.index(">")]

    response = client.post(url, {**given, "need-hard_days_how_often": "several_times_a_week"})
    assert response.status_code == 302
    need = Need.objects.get()
    assert need.fluctuates is True
    assert need.cannot_without_help is True
    assert need.how_often == "several_times_a_week"
    page = text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))
    name = assessment.child.first_name
    assert f"Some days are much harder than others for {name}." in page
    assert "What is listed here is how it is on the hard days." in page
    assert "The hard days come several times a week." in page


def test_a_need_left_unticked_does_not_fluctuate(practitioner, assessment):
    client = signed_in_client(practitioner)
    area = assessment.areas.get(code="health")
    response = client.post(
        f"/staff/assessments/areas/{area.pk}/needs/",
        {
            "need-description": "Medicines three times a day.",
            "need-unable": ["cannot_without_help"],
            "need-how_often": "every_day",
            "need-same_age": "yes",
        },
    )
    assert response.status_code == 302
    assert Need.objects.get().fluctuates is False


def test_a_steady_need_is_asked_how_often_help_is_needed(practitioner, assessment):
    client = signed_in_client(practitioner)
    area = assessment.areas.get(code="health")
    response = client.post(
        f"/staff/assessments/areas/{area.pk}/needs/",
        {
            "need-description": "Medicines three times a day.",
            "need-unable": ["cannot_without_help"],
            "need-hard_days_how_often": "several_times_a_week",
            "need-same_age": "yes",
        },
    )
    assert response.status_code == 400
    assert "Select how often help is needed" in text_of(response)
    assert not Need.objects.exists()


def test_the_family_sees_that_some_days_are_much_harder(parent, family):
    ready = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    area = ready.areas.get(code="health")
    NeedFactory(area=area, description="Seizures on some days.", fluctuates=True)
    NeedFactory(area=ready.areas.get(code="sleep"), description="Wakes every night.")
    response = signed_in_client(parent).get(f"/family/assessments/{ready.pk}/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Seizures on some days." in page
    name = family.children.first().first_name
    assert page.count(f"Some days are much harder than others for {name}.") == 1
    assert "What is listed here is how it is on the hard days." in page
