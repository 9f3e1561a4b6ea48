"""A young person with their own account decides whether their parents see their own views."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportfirst.asking.models import YoungPersonSharing
from tests.accounts.factories import family_user
from tests.assessments.factories import ReadyForFamilyAssessmentFactory
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportPathwayRequestFactory

pytestmark = pytest.mark.django_db

OWN_VIEW = "I like swimming best and I want to go on my own with my friend."


@pytest.fixture
def assessment(family):
    child = family.children.get()
    made = ReadyForFamilyAssessmentFactory(request=SupportPathwayRequestFactory(child=child))
    made.areas.update(child_view=OWN_VIEW, child_view_how=["spoken"])
    return made


def _pages(assessment):
    area = assessment.areas.order_by("position").first()
    return [
        reverse("family_assessments:assessment", kwargs={"assessment_id": assessment.pk}),
        reverse("family_assessments:area_comment", kwargs={"area_id": area.pk}),
    ]


def test_before_a_young_person_has_an_account_parents_see_their_views(family, assessment):
    parent = signed_in_client(family_user(family))
    for page in _pages(assessment):
        assert OWN_VIEW in parent.get(page).content.decode()


def test_once_they_have_an_account_their_views_are_kept_from_parents_until_they_choose(
    family, assessment
):
    child = family.children.get()
    young = signed_in_client(family_user(family, child=child))
    YoungPersonSharing.objects.create(family=family, child=child)  # made with the account
    parent = signed_in_client(family_user(family))
    for page in _pages(assessment):
        text = parent.get(page).content.decode()
        assert OWN_VIEW not in text
        assert "has chosen to keep their own views between them and the council" in text
        assert OWN_VIEW in young.get(page).content.decode()

    response = young.post(reverse("family_asking:my_views"), {"share": "yes"})
    assert response["Location"] == reverse("family_asking:my_views")
    for page in _pages(assessment):
        assert OWN_VIEW in parent.get(page).content.decode()

    young.post(reverse("family_asking:my_views"), {"share": "no"})
    assert OWN_VIEW not in parent.get(_pages(assessment)[0]).content.decode()


def test_staff_always_see_the_young_persons_views(family, assessment, practitioner):
    YoungPersonSharing.objects.create(family=family, child=family.children.get())
    area = assessment.areas.order_by("position").first()
    staff = signed_in_client(practitioner)
    url = reverse("assessments:area", kwargs={"area_id": area.pk})
    assert OWN_VIEW in staff.get(url).content.decode()


def test_the_my_views_page_is_only_for_the_young_person(family):
    child = family.children.get()
    young = signed_in_client(family_user(family, child=child))
    page = young.get(reverse("family_asking:my_views"))
    assert page.status_code == 200
    question = "Can your parents see what you tell us and write to us yourself?"
    assert question in page.content.decode()
    response = young.post(reverse("family_asking:my_views"), {})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    parent = signed_in_client(family_user(family))
    assert parent.get(reverse("family_asking:my_views")).status_code == 403


def test_family_pages_never_show_wording_findings(family):
    child = family.children.get()
    young = signed_in_client(family_user(family, child=child))
    page = young.get(reverse("family_asking:my_views")).content.decode()
    assert "wording" not in page.lower()
