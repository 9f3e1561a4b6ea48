"""The family reads the draft and comments: their words are kept apart from the staff text,
only they can add them, and only once the draft is ready for them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from supportfirst.assessments import services
from supportfirst.assessments.models import FamilyComment
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.pathway.models import PathwayEvent
from tests.accounts.factories import family_user
from tests.assessments.conftest import actor, text_of
from tests.assessments.factories import (
    AssessmentFactory,
    AuthorisedAssessmentFactory,
    ParentCarerAssessmentFactory,
    ReadyForFamilyAssessmentFactory,
)
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone

COMMENT = "You have missed that he needs two of us to help him on bad days."


@pytest.fixture
def ready(family):
    return ReadyForFamilyAssessmentFactory(request__child=family.children.first())


def test_a_comment_is_stored_apart_from_the_staff_text(parent, ready):
    area = ready.areas.get(code="personal_care")
    analysis = area.practitioner_analysis
    comment = services.family_comment_add(
        actor=actor(parent), assessment=ready, area=area, text=COMMENT
    )
    assert (comment.author, comment.area, comment.text) == (parent, area, COMMENT)
    area.refresh_from_db()
    assert area.practitioner_analysis == analysis
    assert COMMENT not in area.practitioner_analysis
    event = PathwayEvent.objects.get(move="family_comment")
    assert event.summary == f"The family commented on {ready.title} about “Personal care”"
    assert event.actor == parent


def test_a_general_comment_has_no_area(parent, ready):
    comment = services.family_comment_add(actor=actor(parent), assessment=ready, text=COMMENT)
    assert comment.area is None


def test_only_a_member_of_that_family_can_comment(council, practitioner, ready):
    other_parent = family_user(family_with_everyone(council))
    for person in (practitioner, other_parent):
        with pytest.raises(PermissionDenied):
            services.family_comment_add(actor=actor(person), assessment=ready, text=COMMENT)
    assert not FamilyComment.objects.exists()


def test_no_comment_on_a_draft_that_is_not_ready(parent, family):
    draft = AssessmentFactory(request__child=family.children.first())
    with pytest.raises(IllegalMove):
        services.family_comment_add(actor=actor(parent), assessment=draft, text=COMMENT)


def test_comments_are_still_welcome_once_authorised(parent, family):
    done = AuthorisedAssessmentFactory(request__child=family.children.first())
    services.family_comment_add(actor=actor(parent), assessment=done, text=COMMENT)
    with pytest.raises(MoveRefused):
        services.family_comment_add(actor=actor(parent), assessment=done, text="   ")


def test_the_family_reads_the_draft_and_comments_beside_it(parent, ready):
    client = signed_in_client(parent)
    area = ready.areas.get(code="sleep")
    page = text_of(client.get(f"/family/assessments/{ready.pk}/"))
    assert ready.title in page
    assert area.practitioner_analysis in page

    response = client.post(f"/family/assessments/areas/{area.pk}/comment/", {"text": COMMENT})
    assert response.status_code == 302
    page = text_of(client.get(f"/family/assessments/{ready.pk}/"))
    assert COMMENT in page
    assert FamilyComment.objects.get().area == area


def test_an_empty_comment_is_explained(parent, ready):
    response = signed_in_client(parent).post(f"/family/assessments/{ready.pk}/comment/", {})
    assert response.status_code == 400
    assert "Enter your comments" in text_of(response)


def test_the_family_never_sees_a_draft_in_progress(parent, family):
    draft = AssessmentFactory(request__child=family.children.first())
    client = signed_in_client(parent)
    assert client.get(f"/family/assessments/{draft.pk}/").status_code == 404
    area = draft.areas.first()
    assert client.get(f"/family/assessments/areas/{area.pk}/comment/").status_code == 404
    assert draft.title not in text_of(client.get("/family/assessments/"))


def test_a_family_never_sees_another_familys_assessment(council, parent):
    other = family_with_everyone(council)
    theirs = ReadyForFamilyAssessmentFactory(request__child=other.children.first())
    client = signed_in_client(parent)
    assert client.get(f"/family/assessments/{theirs.pk}/").status_code == 404
    assert (
        client.post(f"/family/assessments/{theirs.pk}/comment/", {"text": COMMENT}).status_code
        == 404
    )
    assert not FamilyComment.objects.exists()


def test_staff_see_the_familys_comments_beside_their_text(practitioner, parent, ready):
    area = ready.areas.get(code="sleep")
    services.family_comment_add(actor=actor(parent), assessment=ready, area=area, text=COMMENT)
    services.family_comment_add(actor=actor(parent), assessment=ready, text="Thank you.")
    client = signed_in_client(practitioner)
    task_list = text_of(client.get(f"/staff/assessments/{ready.pk}/"))
    assert COMMENT in task_list
    assert "Thank you." in task_list
    assert "1 comment from the family" in task_list
    assert COMMENT in text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))


def test_a_young_person_reads_only_their_own_assessment(family, ready):
    carers = ParentCarerAssessmentFactory(request=ready.request, status="ready_for_family")
    young_person = family_user(family, child=ready.child)
    client = signed_in_client(young_person)
    assert client.get(f"/family/assessments/{ready.pk}/").status_code == 200
    assert client.get(f"/family/assessments/{carers.pk}/").status_code == 404
    parent_client = signed_in_client(family_user(family))
    assert parent_client.get(f"/family/assessments/{carers.pk}/").status_code == 200
