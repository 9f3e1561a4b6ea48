"""Respectful wording on the web: findings beside staff text, reasons to keep flagged words,
the check-as-you-type endpoint, and never a finding on the family's pages."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.councils.models import Role
from supportfirst.pathway.models import SafeguardingMove
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import ReadyForFamilyAssessmentFactory
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory

EVIDENCE = {
    "what_happened": "Alfie told Ms Green that his dad hit him; his dad claims it was a game.",
    "seen_or_said_by": "Alfie, to Ms Green, his class teacher",
    "when_it_happened": "Monday 2 March 2026, 9am",
    "family_told": "no",
    "reason_not_told": "Dad lives at home.",
}


@pytest.fixture
def support_request(family):
    return SupportRequestFactory(child=family.children.first())


def test_the_check_endpoint_answers_staff_with_findings(practitioner):
    response = signed_in_client(practitioner).post(
        "/staff/wording/check/", {"text": "Mum failed to come."}
    )
    assert response.status_code == 200
    [finding] = response.json()["findings"]
    assert (finding["text"], finding["category"]) == ("failed to", "parent-blame")


def test_the_check_endpoint_is_for_staff_only(family):
    assert (
        signed_in_client(family_user(family))
        .post("/staff/wording/check/", {"text": "x"})
        .status_code
        == 403
    )
    assert Client().post("/staff/wording/check/", {"text": "x"}).status_code == 302


def test_findings_are_shown_beside_saved_staff_text(practitioner, support_request):
    client = signed_in_client(practitioner)
    decision = {
        "pathway": "information",
        "information_given": "Told Mum she failed to apply in time.",
        "basis": "family_agreed",
        "agreed_by": "Claire Hughes",
        "agreed_on_0": "1",
        "agreed_on_1": "3",
        "agreed_on_2": "2026",
        "agreed_how": "On the phone",
    }
    url = f"/staff/requests/{support_request.pk}/decision/"
    asked = client.post(url, decision)
    assert asked.status_code == 400
    fields = re.findall(r'name="(reason_[0-9a-f_]+)"', asked.content.decode())
    reason = "Mum used these words herself when we spoke on the phone."
    assert client.post(url, {**decision, **dict.fromkeys(fields, reason)}).status_code == 302
    page = client.get(f"/staff/requests/{support_request.pk}/").content.decode()
    assert "Words to check in the information given" in page
    assert "“failed to”" in page
    assert "Reasons for keeping words" in page


def test_a_proposal_with_flagged_words_needs_a_reason_for_each(practitioner, support_request):
    client = signed_in_client(practitioner)
    url = f"/staff/requests/{support_request.pk}/safeguarding/"
    page = client.post(url, EVIDENCE).content.decode()
    assert "Give a reason for keeping “claims” in the evidence, or change the words" in page
    assert EVIDENCE["what_happened"] in page
    assert not SafeguardingMove.objects.exists()
    response = client.post(url, {**EVIDENCE, "reason_0_0": "Quoting what Dad told the school."})
    assert response.status_code == 302
    kept = WordingReason.objects.get()
    assert (kept.words, kept.reason, kept.given_by) == (
        "claims",
        "Quoting what Dad told the school.",
        practitioner,
    )
    move = SafeguardingMove.objects.get()
    assert kept.record_id == move.pk


def test_the_manager_sees_the_reasons_kept(council, practitioner, support_request):
    signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/safeguarding/",
        {**EVIDENCE, "reason_0_0": "Quoting what Dad told the school."},
    )
    manager = staff_user(council, Role.TEAM_MANAGER)
    move = SafeguardingMove.objects.get()
    page = signed_in_client(manager).get(f"/staff/safeguarding/{move.pk}/").content.decode()
    assert "Quoting what Dad told the school." in page


def _flagged_assessment(family):
    assessment = ReadyForFamilyAssessmentFactory(request__child=family.children.first())
    area = assessment.areas.order_by("position").first()
    area.practitioner_analysis = "Mum struggles to cope at bedtime."
    area.save()
    return assessment


def test_authorising_with_flagged_words_needs_reasons(council, family):
    assessment = _flagged_assessment(family)
    manager = staff_user(council, Role.TEAM_MANAGER)
    client = signed_in_client(manager)
    url = f"/staff/assessments/{assessment.pk}/authorise/"
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Give a reason for keeping “struggles to cope”" in refused.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.READY_FOR_FAMILY
    names = [n for n in refused.context["form"].fields if n.startswith("reason_")]
    assert len(names) == 1
    client.post(url, {names[0]: "Mum's own words at the visit."})
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.AUTHORISED
    assert WordingReason.objects.get().reason == "Mum's own words at the visit."


def test_findings_never_appear_on_the_familys_pages(family):
    assessment = _flagged_assessment(family)
    page = signed_in_client(family_user(family)).get(f"/family/assessments/{assessment.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Mum struggles to cope at bedtime." in html
    assert "Words to check" not in html
    assert "wording.js" not in html


def test_a_councils_own_words_are_checked_in_its_staff_text(council, other_council, practitioner):
    from supportfirst.wording.services import wording_findings
    from tests.vocabulary.factories import VocabularyEntryFactory

    VocabularyEntryFactory(council=council, words="tier 3")
    assert [f.text for f in wording_findings(council.pk, "A tier 3 case.")] == ["tier 3"]
    assert wording_findings(other_council.pk, "A tier 3 case.") == []
    response = signed_in_client(practitioner).post(
        "/staff/wording/check/", {"text": "A tier 3 case."}
    )
    assert [f["text"] for f in response.json()["findings"]] == ["tier 3"]
