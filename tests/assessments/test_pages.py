"""The staff pages: forms keep what was typed, refusals are explained, clocks are shown."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.assessments.models import (
    Assessment,
    AssessmentStatus,
    CarerDecisions,
    FamilyAccount,
    Need,
    OfferAnswer,
)
from supportfirst.councils.models import Role
from supportfirst.rules import workdays
from tests.accounts.factories import staff_user
from tests.assessments.conftest import text_of
from tests.assessments.factories import (
    AssessmentFactory,
    ParentCarerAssessmentFactory,
    ParentCarerOfferFactory,
    ReadyForFamilyAssessmentFactory,
    YoungCarerOfferFactory,
    received_days_ago,
)
from tests.conftest import signed_in_client


@pytest.fixture
def assessment(family, practitioner):
    family.allocated_worker = practitioner
    family.save()
    return AssessmentFactory(request__child=family.children.first())


@pytest.fixture
def client(practitioner):
    return signed_in_client(practitioner)


def test_the_task_list_shows_each_area_with_its_status_and_the_clock(client, assessment):
    sleep = assessment.areas.get(code="sleep")
    sleep.practitioner_analysis = "Nights are broken."
    sleep.save()
    assessment.areas.filter(code="communication").update(completed=True, practitioner_analysis="x")
    page = text_of(client.get(f"/staff/assessments/{assessment.pk}/"))
    assert 'class="govuk-task-list"' in page
    assert page.count("Not started") == assessment.areas.count() - 2
    assert "In progress" in page
    assert "Completed" in page
    assert assessment.due.strftime("%B %Y") in page
    assert workdays.describe_days_left(assessment.due, timezone.localdate()) in page


def test_an_area_keeps_what_was_typed_when_something_is_missing(client, assessment):
    area = assessment.areas.get(code="communication")
    response = client.post(
        f"/staff/assessments/areas/{area.pk}/",
        {
            "family_account": "He uses about twenty signs and points to pictures.",
            "child_view": "Pointed to the picture of the park.",
            "child_view_how": ["trusted_adult"],
            "completed": "on",
        },
    )
    assert response.status_code == 400
    page = text_of(response)
    assert page.count("There is a problem") == 1
    assert "He uses about twenty signs and points to pictures." in page
    assert "Enter who told us" in page
    assert f"Enter who helped {assessment.child.first_name} tell us" in page
    assert "Write your analysis, or tick" in page
    assert not FamilyAccount.objects.exists()


def test_an_area_is_saved_and_shows_on_the_task_list(client, assessment):
    area = assessment.areas.get(code="communication")
    response = client.post(
        f"/staff/assessments/areas/{area.pk}/",
        {
            "family_account": "He uses about twenty signs.",
            "family_account_by": "Claire Hughes (Mum)",
            "child_view": "Signed 'more' when shown the music cards.",
            "child_view_how": ["signs", "trusted_adult"],
            "child_view_through_whom": "Ms Green, his teaching assistant",
            "practitioner_analysis": "Signing is how he takes part.",
            "completed": "on",
            "version": "0",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/staff/assessments/{assessment.pk}/"
    page = text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))
    assert "“He uses about twenty signs.”" in page
    assert "Claire Hughes (Mum)" in page
    assert "Add to what the family told us" in page


def test_a_stale_area_form_shows_what_is_saved_now(client, assessment):
    area = assessment.areas.get(code="sleep")
    area.practitioner_analysis = "Saved by someone else."
    area.version = 3
    area.save()
    response = client.post(
        f"/staff/assessments/areas/{area.pk}/",
        {"practitioner_analysis": "My version.", "version": "2"},
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Someone else saved this area" in page
    assert "Saved by someone else." in page
    assert "My version." in page
    assert 'name="version" value="3"' in page


def test_a_need_is_added_with_its_flags_or_the_page_says_what_is_missing(client, assessment):
    area = assessment.areas.get(code="personal_care")
    url = f"/staff/assessments/areas/{area.pk}/needs/"
    response = client.post(url, {"need-description": "Help to wash and dress."})
    assert response.status_code == 400
    assert "Select how often help is needed" in text_of(response)
    assert "Help to wash and dress." in text_of(response)

    response = client.post(
        url,
        {
            "need-description": "Help to wash and dress.",
            "need-unable": ["cannot_without_help", "takes_much_longer"],
            "need-how_often": "every_day",
            "need-same_age": "yes",
        },
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.cannot_without_help, need.takes_much_longer, need.only_with_danger) == (
        True,
        True,
        False,
    )
    page = text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))
    assert f"It takes {assessment.child.first_name} much longer than normal" in page

    response = client.post(f"/staff/assessments/needs/{need.pk}/remove/")
    assert response.status_code == 302
    assert not Need.objects.exists()


def test_marking_ready_too_soon_is_explained_on_the_task_list(client, assessment):
    response = client.post(f"/staff/assessments/{assessment.pk}/ready/")
    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page
    assert "Complete every area first" in page
    assert page.startswith("<!DOCTYPE html>")


def test_marking_ready_twice_gets_a_409_page(client, assessment):
    assessment.areas.update(completed=True, nothing_to_add=True)
    assert client.post(f"/staff/assessments/{assessment.pk}/ready/").status_code == 302
    response = client.post(f"/staff/assessments/{assessment.pk}/ready/")
    assert response.status_code == 409
    assert "That cannot be done now" in text_of(response)
    page = text_of(client.get(f"/staff/assessments/{assessment.pk}/"))
    assert "Make more changes" in page


def test_only_a_team_manager_can_open_the_authorise_page(client, family):
    ready = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    assert client.get(f"/staff/assessments/{ready.pk}/authorise/").status_code == 403


def test_authorising_on_time_needs_no_reason(council, family):
    manager = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    ready = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    page = text_of(manager.get(f"/staff/assessments/{ready.pk}/authorise/"))
    assert "Why is this assessment late?" not in page
    assert manager.post(f"/staff/assessments/{ready.pk}/authorise/").status_code == 302
    ready.refresh_from_db()
    assert ready.status == AssessmentStatus.AUTHORISED


def test_authorising_late_asks_for_the_reason_and_keeps_it(council, family):
    manager = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    late = ReadyForFamilyAssessmentFactory(
        request__child=family.children.first(), request__received_at=received_days_ago(100)
    )
    url = f"/staff/assessments/{late.pk}/authorise/"
    page = text_of(manager.get(url))
    assert "Why is this assessment late?" in page
    assert "45 working days after the request" in page

    response = manager.post(url, {"late_reason": ""})
    assert response.status_code == 400
    assert "more than 45 working days after the request was received" in text_of(response)

    reason = "The family asked us to wait until after Alfie's operation."
    assert manager.post(url, {"late_reason": reason}).status_code == 302
    late.refresh_from_db()
    assert (late.status, late.late_reason) == (AssessmentStatus.AUTHORISED, reason)


def test_the_request_lists_its_assessments_and_offers(client, assessment):
    YoungCarerOfferFactory(request=assessment.request)
    page = text_of(client.get(f"/staff/requests/{assessment.request_id}/assessments/"))
    assert assessment.title in page
    assert "Young carer's needs assessment" in page
    assert "Record the answer" in page


def test_an_offers_answer_is_recorded(client, assessment):
    offer = ParentCarerOfferFactory(request=assessment.request)
    url = f"/staff/assessments/offers/{offer.pk}/"
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Select their answer" in text_of(response)
    response = client.post(url, {"answer": OfferAnswer.COMBINED})
    made = Assessment.objects.get(kind="parent_carer")
    assert response["Location"] == f"/staff/assessments/{made.pk}/"
    assert made.combined_with == assessment
    assert made.title in text_of(client.get(f"/staff/assessments/{assessment.pk}/"))


def test_the_four_decisions_are_each_needed_with_a_reason(client, assessment):
    carer = ParentCarerAssessmentFactory(request=assessment.request)
    url = f"/staff/assessments/{carer.pk}/decisions/"
    response = client.post(url, {"carer_has_needs": "yes", "carer_has_needs_reason": "Tired."})
    assert response.status_code == 400
    page = text_of(response)
    assert "Tired." in page
    assert "Select yes or no: does the council provide" not in page
    assert "Write your reason about whether the council will provide them" in page
    answers = {
        "carer_has_needs": "yes",
        "child_has_needs": "yes",
        "services_could_meet": "yes",
        "council_will_provide": "no",
    }
    reasons = {f"{name}_reason": f"Because of {name}." for name in answers}
    assert client.post(url, {**answers, **reasons}).status_code == 302
    decisions = CarerDecisions.objects.get(assessment=carer)
    assert decisions.complete
    assert decisions.council_will_provide is False
    assert "The four decisions" in text_of(client.get(f"/staff/assessments/{carer.pk}/"))
    assert "Because of services_could_meet." in text_of(client.get(url))


def test_the_decisions_page_is_only_for_a_parent_carers_assessment(client, assessment):
    assert client.get(f"/staff/assessments/{assessment.pk}/decisions/").status_code == 404


def test_rule_a_childs_need_asks_whether_it_is_more_than_other_children_of_the_same_age_need(
    client, assessment
):
    """The age comparator (issue 13 point 5): a two-year-old needing help to dress is typical."""
    name = assessment.child.first_name
    area = assessment.areas.get(code="personal_care")
    page = text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))
    assert f"Is this more than other children of {name}" in page
    url = f"/staff/assessments/areas/{area.pk}/needs/"
    given = {
        "need-description": "Needs help to get dressed.",
        "need-unable": ["cannot_without_help"],
        "need-how_often": "every_day",
    }
    response = client.post(url, given)
    assert response.status_code == 400
    assert f"Say whether this is more than other children of {name}" in text_of(response)
    assert "Needs help to get dressed." in text_of(response)
    assert client.post(url, {**given, "need-same_age": "no"}).status_code == 302
    assert Need.objects.get().more_than_same_age is False
    page = text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))
    assert "other children of the same age need this help too" in page.lower()


def test_a_carers_need_does_not_ask_the_age_question(client, assessment):
    carer = ParentCarerAssessmentFactory(request=assessment.request)
    area = carer.areas.get(code="carer_health")
    page = text_of(client.get(f"/staff/assessments/areas/{area.pk}/"))
    assert "more than other children" not in page
    response = client.post(
        f"/staff/assessments/areas/{area.pk}/needs/",
        {
            "need-description": "No sleep.",
            "need-unable": ["cannot_without_help"],
            "need-how_often": "every_day",
        },
    )
    assert response.status_code == 302
    assert Need.objects.get().more_than_same_age is None
