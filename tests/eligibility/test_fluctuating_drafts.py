"""Drafting criteria in the browser with needs that fluctuate over the week: there is no rule
of its own for them (one area enough applies to them as to every need), and a worked example
can record a need whose hard days count, asked "How often do the hard days come?"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportfirst.eligibility import drafting
from supportfirst.eligibility.draft_forms import CriterionForm
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.eligibility.drafts import a_draft, manager_of

pytestmark = pytest.mark.django_db


def _post(draft, **changes):
    initial = CriterionForm.initial_from(draft.data["criteria"][0])
    initial.update(changes)
    return {k: v for k, v in initial.items() if v is not None}


def test_one_area_enough_applies_to_the_hard_days_and_an_example_made_in_the_form_tests_it():
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    draft = a_draft(council)
    client = signed_in_client(manager_of(council))
    criterion_url = reverse(
        "eligibility:criteria_criterion", kwargs={"draft_id": draft.pk, "criterion_index": 0}
    )
    page = client.get(criterion_url)
    assert page.status_code == 200
    assert "hard days" not in page.content.decode()  # no rule of their own
    danger = ["only_with_danger"]
    response = client.post(criterion_url, _post(draft, one_area_enough_when=danger))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["criteria"][0]["one_area_enough_when"] == danger
    assert "one_area_enough_on_hard_days" not in draft.data["criteria"][0]
    assert not drafting.draft_check(draft).ready  # no worked example tests it yet

    example_url = reverse("eligibility:criteria_example_add", kwargs={"draft_id": draft.pk})
    page = client.get(example_url)
    assert page.status_code == 200
    assert "How often do the hard days come?" in page.content.decode()
    response = client.post(
        example_url,
        {
            "name": "Seizures on some days",
            "arises": "yes",
            "impact": "yes",
            "child_age": "8",
            "need_1_area": "health",
            "need_1_flags": ["cannot_without_help", "only_with_danger"],
            "need_1_fluctuates": "on",
            "need_1_hard_days_how_often": "several_times_a_week",
            "need_1_same_age": "yes",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    example = draft.data["examples"][-1]
    need = example["case"]["needs"][0]
    assert (need["fluctuates"], need["how_often"]) == (True, "several_times_a_week")
    assert example["expect"]["eligible"] is True
    assert example["expect"]["needs"] == {"need-1": "met"}
    assert drafting.draft_check(draft).ready


def test_a_criterion_with_a_hard_days_rule_of_its_own_is_not_kept():
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    draft = a_draft(council)
    client = signed_in_client(manager_of(council))
    criterion_url = reverse(
        "eligibility:criteria_criterion", kwargs={"draft_id": draft.pk, "criterion_index": 0}
    )
    response = client.post(
        criterion_url, _post(draft, one_area_enough_on_hard_days=["only_with_danger"])
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert "one_area_enough_on_hard_days" not in draft.data["criteria"][0]
