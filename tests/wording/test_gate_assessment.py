"""Marking an assessment ready for the family to read runs the wording check over all the
staff text the family will read, and needs a real reason per distinct flagged phrase."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus, CarerDecisions
from supportfirst.councils.models import Role
from supportfirst.notifications.models import Notification
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.assessments.factories import (
    AssessmentFactory,
    NeedFactory,
    ParentCarerAssessmentFactory,
    complete_every_area,
)
from tests.conftest import signed_in_client

REASON = "Mum used these words herself at the visit."


@pytest.fixture
def assessment(family, practitioner, emailed):
    family.allocated_worker = practitioner
    family.save()
    made = AssessmentFactory(request__child=family.children.first())
    complete_every_area(made)
    return made


def ready_url(assessment):
    return f"/staff/assessments/{assessment.pk}/ready/"


def reason_fields(html: str) -> list[str]:
    return re.findall(r'name="(reason_[0-9a-f_]+)"', html)


def flag(assessment, *, analysis: str = "", need: str = ""):
    area = assessment.areas.order_by("position").first()
    if analysis:
        area.practitioner_analysis = analysis
        area.save()
    if need:
        NeedFactory(area=assessment.areas.order_by("position").last(), description=need)


def test_flagged_words_without_reasons_do_not_reach_the_family(practitioner, assessment):
    flag(assessment, analysis="Mum refused the nappies. Mum refused again.")
    client = signed_in_client(practitioner)
    page = client.get(f"/staff/assessments/{assessment.pk}/").content.decode()
    assert "Words to check before the family reads this" in page
    assert "used twice" in page
    assert len(reason_fields(page)) == 1
    response = client.post(ready_url(assessment), {})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-summary' in html
    assert "Give a reason for keeping “refused”" in html
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert not Notification.objects.exists()


def test_x_and_the_words_themselves_are_not_reasons(practitioner, assessment):
    flag(assessment, analysis="Mum refused the nappies.")
    client = signed_in_client(practitioner)
    [field] = reason_fields(client.get(f"/staff/assessments/{assessment.pk}/").content.decode())
    for given, message in (
        ("x", "is too short"),
        ("refused", "only repeats the words"),
        ("Because Mum is hostile to the whole team.", "itself uses words"),
    ):
        response = client.post(ready_url(assessment), {field: given})
        assert response.status_code == 400
        assert message in response.content.decode()
        assert f'value="{given}"' in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert not Notification.objects.exists()


def test_with_real_reasons_it_goes_and_the_manager_reads_them(council, practitioner, assessment):
    flag(assessment, analysis="Mum refused the nappies.", need="Dad is chaotic at bedtime.")
    client = signed_in_client(practitioner)
    fields = reason_fields(client.get(f"/staff/assessments/{assessment.pk}/").content.decode())
    assert len(fields) == 2
    response = client.post(ready_url(assessment), {name: REASON for name in fields})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY
    assert Notification.objects.get().event == "assessment_ready"
    kept = WordingReason.objects.filter(record_id=assessment.pk).order_by("words")
    assert [(r.words, r.reason, r.given_by) for r in kept] == [
        ("chaotic", REASON, practitioner),
        ("refused", REASON, practitioner),
    ]
    assert kept[0].field.startswith("need 1 in ")
    manager = staff_user(council, Role.TEAM_MANAGER)
    page = signed_in_client(manager).get(f"/staff/assessments/{assessment.pk}/authorise/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Reasons for keeping words" in html
    assert REASON in html


def test_a_parent_carers_decisions_are_checked_too(practitioner, family):
    family.allocated_worker = practitioner
    family.save()
    carer = ParentCarerAssessmentFactory(request__child=family.children.first())
    complete_every_area(carer)
    CarerDecisions.objects.create(
        family=family,
        assessment=carer,
        carer_has_needs=True,
        carer_has_needs_reason="Mum struggles to cope with broken nights.",
        child_has_needs=True,
        child_has_needs_reason="Needs help at night.",
        services_could_meet=True,
        services_could_meet_reason="A short break would help.",
        council_will_provide=True,
        council_will_provide_reason="The criteria are met.",
        decided_by=practitioner,
        decided_at=timezone.now(),
    )
    response = signed_in_client(practitioner).post(ready_url(carer), {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give a reason for keeping “struggles to cope”" in html
    assert "in the reason for decision 1" in html
    carer.refresh_from_db()
    assert carer.status == AssessmentStatus.IN_PROGRESS


def test_clean_text_goes_with_one_click(practitioner, assessment):
    client = signed_in_client(practitioner)
    page = client.get(f"/staff/assessments/{assessment.pk}/").content.decode()
    assert "Words to check" not in page
    assert reason_fields(page) == []
    response = client.post(ready_url(assessment), {})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY
    assert not WordingReason.objects.exists()


def test_a_flagged_reason_for_lateness_needs_a_real_reason(council, family):
    from tests.assessments.factories import ReadyForFamilyAssessmentFactory, received_days_ago

    manager = signed_in_client(staff_user(council, Role.TEAM_MANAGER))
    late = ReadyForFamilyAssessmentFactory(
        request__child=family.children.first(), request__received_at=received_days_ago(100)
    )
    url = f"/staff/assessments/{late.pk}/authorise/"
    said = {"late_reason": "Mum cancelled three visits and was hard to reach."}
    response = manager.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "“hard to reach”" in html
    late_fields = reason_fields(html)
    assert late_fields
    assert manager.post(url, {**said, **dict.fromkeys(late_fields, "x")}).status_code == 400
    late.refresh_from_db()
    assert late.status != AssessmentStatus.AUTHORISED
    response = manager.post(url, {**said, **dict.fromkeys(late_fields, REASON)})
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.status == AssessmentStatus.AUTHORISED
    kept = WordingReason.objects.filter(record_id=late.pk, field="why the assessment is late")
    assert [r.words for r in kept] == ["hard to reach"]
