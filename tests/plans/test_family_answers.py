"""Support plans and the family: what they may read, agreeing or disagreeing in their own words."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from supportfirst.plans import services
from supportfirst.plans.models import PlanStatus
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.letters.factories import actor_for
from tests.plans.factories import draft_plan_for, shared_plan_for


def test_the_family_cannot_read_a_draft(family):
    plan = draft_plan_for(family)
    client = signed_in_client(family_user(family))
    assert client.get(reverse("family_plans:plan", kwargs={"plan_id": plan.pk})).status_code == 404
    assert client.get(reverse("family_plans:list")).status_code == 200


def test_the_family_agrees_in_their_own_words(family):
    plan = shared_plan_for(family)
    client = signed_in_client(family_user(family))
    url = reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    response = client.post(
        url, {"answer": "agree", "words": "Thank you, this is what we asked for."}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED
    assert plan.family_response == "Thank you, this is what we asked for."
    assert "You agreed with this plan" in client.get(url).content.decode()
    assert client.post(url, {"answer": "disagree", "words": "x"}).status_code == 409


def test_disagreeing_needs_their_words_and_shows_how_to_complain(family):
    plan = shared_plan_for(family)
    client = signed_in_client(family_user(family))
    url = reverse("family_plans:plan", kwargs={"plan_id": plan.pk})
    empty = client.post(url, {"answer": "disagree", "words": "  "})
    assert empty.status_code == 400
    assert "Tell us what you disagree with, in your own words" in empty.content.decode()
    assert PlanStatus(type(plan).objects.get(pk=plan.pk).status) == PlanStatus.SHARED
    words = "Six hours is not enough. He needs a weekend overnight."
    assert client.post(url, {"answer": "disagree", "words": words}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DISAGREED
    assert not plan.is_agreed
    page = client.get(url).content.decode()
    assert words in page
    assert 'href="/family/complaints/"' in page
    assert "Local Government and Social Care Ombudsman" in page
    staff_page = signed_in_client(staff_user(family.council)).get(
        reverse("plans:plan", kwargs={"plan_id": plan.pk})
    )
    assert words in staff_page.content.decode()


def test_only_the_family_answers(family, worker):
    plan = shared_plan_for(family)
    with pytest.raises(PermissionDenied):
        services.plan_respond(actor=actor_for(worker), plan=plan, agree=True, words="")


def test_a_young_person_reads_only_their_own_plan(family):
    from tests.families.factories import ChildFactory

    own = shared_plan_for(family)
    brother = ChildFactory(family=family)
    other = draft_plan_for(family)
    other.child = brother
    other.status = PlanStatus.SHARED
    other.save()
    client = signed_in_client(family_user(family, child=own.child))
    assert client.get(reverse("family_plans:plan", kwargs={"plan_id": own.pk})).status_code == 200
    assert client.get(reverse("family_plans:plan", kwargs={"plan_id": other.pk})).status_code == 404
