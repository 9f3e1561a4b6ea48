"""Drafting criteria in the browser with the rule for needs that fluctuate over the week: the
criterion form sets and keeps it, and a worked example can record a need whose hard days count."""

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


def test_the_hard_days_rule_is_set_kept_and_tested_by_an_example_made_in_the_form():
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    draft = a_draft(council)
    client = signed_in_client(manager_of(council))
    criterion_url = reverse(
        "eligibility:criteria_criterion", kwargs={"draft_id": draft.pk, "criterion_index": 0}
    )
    page = client.get(criterion_url)
    assert page.status_code == 200
    assert "A need that comes and goes is judged by its hard days" in page.content.decode()
    # Enough on the hard days but not every day would be irrational: refused, and said why.
    response = client.post(
        criterion_url, _post(draft, one_area_enough_on_hard_days=["cannot_without_help"])
    )
    assert response.status_code == 400
    assert "never better" in response.content.decode()
    draft.refresh_from_db()
    assert "one_area_enough_on_hard_days" not in draft.data["criteria"][0]
    danger = ["only_with_danger"]
    response = client.post(
        criterion_url,
        _post(draft, one_area_enough_when=danger, one_area_enough_on_hard_days=danger),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["criteria"][0]["one_area_enough_on_hard_days"] == danger
    # Saving the criterion again without touching it keeps the rule.
    assert client.post(criterion_url, _post(draft)).status_code == 302
    draft.refresh_from_db()
    assert draft.data["criteria"][0]["one_area_enough_on_hard_days"] == danger
    # No worked example tests it yet.
    assert not drafting.draft_check(draft).ready

    example_url = reverse("eligibility:criteria_example_add", kwargs={"draft_id": draft.pk})
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
            "need_1_how_often": "several_times_a_week",
            "need_1_same_age": "yes",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    example = draft.data["examples"][-1]
    assert example["case"]["needs"][0]["fluctuates"] is True
    assert example["expect"]["eligible"] is True
    assert example["expect"]["needs"] == {"need-1": "met"}
    assert drafting.draft_check(draft).ready
