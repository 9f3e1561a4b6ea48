"""Independent advocacy in the assessment: offered and recorded by the worker, needed before
authorising, and shown to the family in plain English."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from supportfirst.assessments import moves, services
from supportfirst.assessments.models import AssessmentStatus
from supportfirst.assessments.selectors import staff_text_of
from supportfirst.audit.models import AccessEvent
from supportfirst.families.advocacy import AdvocacyAnswer, AdvocacyInput
from supportfirst.kernel.workflow import IllegalMove, MoveRefused, guard_message
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

NOT_RECORDED = {"advocacy_answer": "", "advocacy_on": None}


def _url(assessment) -> str:
    return f"/staff/assessments/{assessment.pk}/advocacy/"


def test_advocacy_answer_is_recorded(manager, family):
    assessment = ReadyForFamilyAssessmentFactory(
        request__child=family.children.first(), **NOT_RECORDED
    )
    with pytest.raises(MoveRefused) as refused:
        services.authorise(actor=actor(manager), assessment=assessment)
    assert refused.value.messages == [guard_message(moves.advocacy_answer_is_recorded)]
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY


def test_a_parent_carers_assessment_needs_no_advocacy_answer(manager, family):
    assessment = ParentCarerAssessmentFactory(
        request__child=family.children.first(),
        status=AssessmentStatus.READY_FOR_FAMILY,
        **NOT_RECORDED,
    )
    services.authorise(actor=actor(manager), assessment=assessment)
    assert assessment.status == AssessmentStatus.AUTHORISED


def test_authorising_without_the_advocacy_answer_is_refused_on_the_page(council, family, manager):
    ready = ReadyForFamilyAssessmentFactory(request__child=family.children.first(), **NOT_RECORDED)
    client = signed_in_client(manager)
    page = client.get(f"/staff/assessments/{ready.pk}/authorise/")
    assert page.status_code == 200
    assert "Not recorded yet: the assessment cannot be authorised" in text_of(page)
    response = client.post(f"/staff/assessments/{ready.pk}/authorise/")
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert "Record whether independent advocacy was offered" in text_of(response)


def test_the_worker_records_an_accepted_offer_with_the_organisation(practitioner, family):
    assessment = AssessmentFactory(request__child=family.children.first(), **NOT_RECORDED)
    client = signed_in_client(practitioner)
    page = client.get(_url(assessment))
    assert page.status_code == 200
    assert "Offer of an advocate" in text_of(page)

    missing = client.post(_url(assessment), {"on": "", "answer": "accepted", "organisation": ""})
    assert missing.status_code == 400
    assert "Enter the advocate's organisation" in text_of(missing)

    response = client.post(
        _url(assessment),
        {
            "on_0": "2",
            "on_1": "12",
            "on_2": "2026",
            "answer": "accepted",
            "organisation": "Young Voices Advocacy",
        },
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.advocacy_answer == AdvocacyAnswer.ACCEPTED
    assert assessment.advocate_organisation == "Young Voices Advocacy"
    assert assessment.advocacy_on == datetime.date(2026, 12, 2)
    assert assessment.advocacy_recorded_by == practitioner
    assert PathwayEvent.objects.filter(move="record_advocacy").exists()
    assert AccessEvent.objects.filter(
        record_type="assessments.assessment", record_id=assessment.pk, action="change"
    ).exists()
    task_list = client.get(f"/staff/assessments/{assessment.pk}/")
    assert task_list.status_code == 200
    assert "Accepted: they want an advocate" in text_of(task_list)


def test_not_appropriate_needs_a_reason_and_keeps_what_was_typed(practitioner, family):
    assessment = AssessmentFactory(request__child=family.children.first(), **NOT_RECORDED)
    client = signed_in_client(practitioner)
    response = client.post(
        _url(assessment),
        {"on_0": "2", "on_1": "12", "on_2": "2026", "answer": "not_appropriate", "reason": ""},
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Write why offering an advocate is not appropriate" in page
    assert re.search(r'value="not_appropriate"\s+checked', page)
    assert 'value="2026"' in page


def test_the_date_cannot_be_in_the_future(practitioner, family):
    assessment = AssessmentFactory(request__child=family.children.first(), **NOT_RECORDED)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(MoveRefused) as refused:
        services.advocacy_save(
            actor=actor(practitioner),
            assessment=assessment,
            given=AdvocacyInput(answer=AdvocacyAnswer.DECLINED, on=tomorrow),
        )
    assert refused.value.messages == ["The date advocacy was offered must be today or in the past."]


def test_the_offer_cannot_change_once_authorised(practitioner, family):
    assessment = AuthorisedAssessmentFactory(request__child=family.children.first())
    with pytest.raises(IllegalMove):
        services.advocacy_save(
            actor=actor(practitioner),
            assessment=assessment,
            given=AdvocacyInput(answer=AdvocacyAnswer.DECLINED, on=timezone.localdate()),
        )


def test_a_parent_carers_assessment_has_no_advocacy_offer(practitioner, family):
    assessment = ParentCarerAssessmentFactory(request__child=family.children.first())
    with pytest.raises(IllegalMove):
        services.advocacy_save(
            actor=actor(practitioner),
            assessment=assessment,
            given=AdvocacyInput(answer=AdvocacyAnswer.DECLINED, on=timezone.localdate()),
        )


def test_the_reason_it_is_not_appropriate_goes_through_the_wording_gate(practitioner, family):
    assessment = AssessmentFactory(request__child=family.children.first())
    saved = services.advocacy_save(
        actor=actor(practitioner),
        assessment=assessment,
        given=AdvocacyInput(
            answer=AdvocacyAnswer.NOT_APPROPRIATE,
            on=timezone.localdate(),
            reason="Alfie is eight months old; we watched how he responds instead.",
        ),
    )
    assert staff_text_of(saved)["why an advocate is not appropriate"] == (
        "Alfie is eight months old; we watched how he responds instead."
    )


def test_the_family_sees_the_answer_and_how_to_get_an_advocate(family):
    child = family.children.first()
    assessment = ReadyForFamilyAssessmentFactory(
        request__child=child,
        advocacy_answer=AdvocacyAnswer.ACCEPTED,
        advocate_organisation="Young Voices Advocacy",
    )
    response = signed_in_client(family_user(family)).get(f"/family/assessments/{assessment.pk}/")
    assert response.status_code == 200
    page = text_of(response)
    assert f"An advocate for {child.first_name}" in page
    assert f"{child.first_name} wanted an advocate." in page
    assert "Young Voices Advocacy" in page
    assert "Advocacy services are for children and young people" in page
    assert f"To ask for an advocate for {child.first_name}, at any time, tell your worker" in page
    assert "section 17(4A)" in page
