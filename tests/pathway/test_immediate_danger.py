"""A child may be in immediate danger (issue 18, point 3): one short step records the concern,
tells every team manager and head of service of the council at once (My work and an email),
says plainly to phone the police or child protection now, and is completed afterwards."""

from __future__ import annotations

import pytest
from django.core import mail

from supportfirst.councils.models import Role
from supportfirst.pathway.models import MoveStatus, RequestStatus, SafeguardingMove
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory

FACTS = {
    "what_happened": "At 3pm Zara's father hit her across the face in the school car park.",
    "when_it_happened": "Today at about 3pm",
    "who_at_risk": "Zara Hughes, at home now with her father",
}


@pytest.fixture
def support_request(family):
    child = family.children.first()
    child.first_name = "Zara"
    child.save()
    return SupportRequestFactory(child=child)


@pytest.fixture
def managers(council):
    return [
        staff_user(council, Role.TEAM_MANAGER),
        staff_user(council, Role.TEAM_MANAGER),
        staff_user(council, Role.HEAD_OF_SERVICE),
    ]


def _url(request) -> str:
    return f"/staff/requests/{request.pk}/immediate-danger/"


def _report(user, request, **changes):
    return signed_in_client(user).post(_url(request), {**FACTS, **changes})


def test_the_page_says_to_phone_999_or_child_protection_before_anything_else(
    practitioner, support_request
):
    council = support_request.family.council
    council.contact_phone = "01234 567890"
    council.save()
    response = signed_in_client(practitioner).get(_url(support_request))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Phone the police on 999 now, or the council's child protection team" in page
    assert "01234 567890" in page
    assert page.index("999 now") < page.index("data-wording-url")


def test_the_request_page_offers_the_route(practitioner, support_request):
    response = signed_in_client(practitioner).get(f"/staff/requests/{support_request.pk}/")
    assert response.status_code == 200
    assert _url(support_request) in response.content.decode()


def test_one_step_records_the_concern_as_a_proposal_for_a_manager(
    sent_at_once, practitioner, managers, support_request
):
    response = _report(practitioner, support_request)
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SAFEGUARDING_PROPOSED
    move = SafeguardingMove.objects.get(request=support_request)
    assert move.immediate_danger is True
    assert move.status == MoveStatus.PROPOSED
    assert move.who_at_risk == FACTS["who_at_risk"]
    assert move.what_happened == FACTS["what_happened"]
    assert support_request.events.filter(move="report_immediate_danger").exists()


def test_every_manager_and_head_of_service_of_the_council_is_emailed_at_once(
    sent_at_once, council, other_council, practitioner, managers, support_request
):
    staff_user(other_council, Role.TEAM_MANAGER)
    staff_user(council, Role.PRACTITIONER)
    mail.outbox.clear()
    _report(practitioner, support_request)
    sent_to = sorted(address for message in mail.outbox for address in message.to)
    assert sent_to == sorted(m.email for m in managers)
    message = mail.outbox[0]
    assert support_request.reference in message.subject
    assert "A child may be in immediate danger" in message.subject
    move = SafeguardingMove.objects.get(request=support_request)
    assert f"/staff/safeguarding/{move.pk}/" in message.body
    # The email names no one: the concern is read behind sign-in.
    assert "Zara" not in message.body
    assert "Hughes" not in message.body


def test_the_email_goes_only_after_the_concern_is_saved(
    practitioner, managers, support_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _report(practitioner, support_request)
    assert mail.outbox == []
    assert callbacks


def test_every_manager_sees_it_at_the_top_of_my_work(
    council, other_council, practitioner, managers, support_request
):
    _report(practitioner, support_request)
    for manager in managers:
        page = signed_in_client(manager).get("/staff/my-work/").content.decode()
        assert "A child may be in immediate danger" in page
        assert support_request.reference in page
        assert page.index("danger-alerts") < page.index("What is due")
    elsewhere = signed_in_client(staff_user(other_council, Role.TEAM_MANAGER))
    assert support_request.reference not in elsewhere.get("/staff/my-work/").content.decode()


def test_opinion_words_save_in_one_step_and_their_reasons_are_asked_on_completion(
    sent_at_once, practitioner, managers, support_request
):
    words = "The father was aggressive to the nurse: he shouted at her and pushed her."
    mail.outbox.clear()
    worker = signed_in_client(practitioner)
    first = worker.post(_url(support_request), {**FACTS, "what_happened": words})
    # Saved at once, whatever the words: no reason is asked before the concern is kept.
    assert first.status_code == 302
    move = SafeguardingMove.objects.get()
    assert move.immediate_danger is True
    assert move.what_happened == words
    # Every manager was still told at once.
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(m.email for m in managers)
    told = worker.get(first.url).content.decode()
    assert "Some words are flagged (“aggressive”)" in told
    # The manager completing the record is asked the reason before approving.
    client = signed_in_client(managers[0])
    page = client.get(f"/staff/safeguarding/{move.pk}/")
    assert page.status_code == 200
    assert "evidence-to-explain" in page.content.decode()
    decision = {
        "decision": "approve",
        "reason": "A nurse was pushed by the father in front of witnesses on the ward.",
        "seen_or_said_by": "Nurse Patel, on the ward",
        "family_told": "no",
        "reason_not_told": "Telling her father first could put Zara at risk.",
    }
    refused = client.post(f"/staff/safeguarding/{move.pk}/", decision)
    assert refused.status_code == 400
    assert "Give a reason for keeping “aggressive” in the evidence" in refused.content.decode()
    assert "Nurse Patel, on the ward" in refused.content.decode()
    names = [n for n in refused.context["form"].fields if n.startswith("reason_")]
    assert names
    why = "The nurse's own word, in her written statement to me this afternoon."
    kept = {n: why for n in names}
    done = client.post(f"/staff/safeguarding/{move.pk}/", {**decision, **kept})
    assert done.status_code == 302
    move.refresh_from_db()
    assert move.status == MoveStatus.APPROVED
    assert WordingReason.objects.filter(
        record_type="pathway.safeguardingmove", record_id=move.pk, words="aggressive"
    ).exists()


def test_declining_a_hurried_concern_needs_no_reason_for_its_words(
    sent_at_once, practitioner, managers, support_request
):
    words = "The father was aggressive to the nurse: he shouted at her and pushed her."
    _report(practitioner, support_request, what_happened=words)
    move = SafeguardingMove.objects.get()
    response = signed_in_client(managers[0]).post(
        f"/staff/safeguarding/{move.pk}/",
        {
            "decision": "decline",
            "reason": "The nurse has since said the father did not push her, on the phone today.",
            "family_told": "no",
            "reason_not_told": "Telling her father before the police speak to him is a risk.",
        },
    )
    assert response.status_code == 302
    move.refresh_from_db()
    assert move.status == MoveStatus.DECLINED
    assert not WordingReason.objects.filter(words="aggressive").exists()


def test_who_is_at_risk_is_asked(practitioner, support_request):
    response = _report(practitioner, support_request, who_at_risk="")
    assert response.status_code == 400
    assert "Enter who is at risk" in response.content.decode()
    assert "hit her across the face in the school car park" in response.content.decode()


def test_the_manager_completes_the_record_before_approving(
    sent_at_once, practitioner, managers, support_request
):
    _report(practitioner, support_request)
    move = SafeguardingMove.objects.get()
    client = signed_in_client(managers[0])
    page = client.get(f"/staff/safeguarding/{move.pk}/")
    assert page.status_code == 200
    assert "Who saw or heard it" in page.content.decode()
    decision = {
        "decision": "approve",
        "reason": "A child was hit in front of witnesses; the police are with her now.",
        "family_told": "no",
        "reason_not_told": "Telling her father first could put Zara at risk.",
    }
    missing = client.post(f"/staff/safeguarding/{move.pk}/", decision)
    assert missing.status_code == 400
    assert "Enter who saw or heard it" in missing.content.decode()
    done = client.post(
        f"/staff/safeguarding/{move.pk}/",
        {**decision, "seen_or_said_by": "Ms Green, class teacher, in the car park"},
    )
    assert done.status_code == 302
    move.refresh_from_db()
    assert move.status == MoveStatus.APPROVED
    assert move.seen_or_said_by == "Ms Green, class teacher, in the car park"
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.MOVED_TO_SAFEGUARDING
    # Decided: it no longer waits at the top of My work.
    assert "danger-alerts" not in client.get("/staff/my-work/").content.decode()


def test_a_request_already_with_safeguarding_still_says_to_phone_now(
    practitioner, council, support_request
):
    support_request.status = RequestStatus.MOVED_TO_SAFEGUARDING
    support_request.save()
    response = signed_in_client(practitioner).get(_url(support_request))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Phone the police on 999 now" in page
    assert 'name="what_happened"' not in page
    assert "Record a contact" in page


def test_a_family_not_told_sees_nothing_of_the_concern(practitioner, managers, support_request):
    _report(practitioner, support_request)
    parent = family_user(support_request.family)
    response = signed_in_client(parent).get(f"/family/requests/{support_request.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert support_request.reference in page
    assert "safeguarding" not in page.lower()
    assert "danger" not in page.lower()
    assert "Waiting for the next-step decision" in page


def test_a_closed_request_points_to_a_new_request(practitioner, support_request):
    support_request.status = RequestStatus.INFORMATION_GIVEN
    support_request.save()
    response = signed_in_client(practitioner).get(_url(support_request))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Phone the police on 999 now" in page
    assert f"/staff/families/{support_request.family_id}/requests/new/" in page
    assert 'name="what_happened"' not in page


def test_no_button_while_a_proposal_waits_or_the_request_has_moved(practitioner, support_request):
    from tests.pathway.factories import ProposedMoveFactory

    client = signed_in_client(practitioner)
    request_url = f"/staff/requests/{support_request.pk}/"
    assert _url(support_request) in client.get(request_url).content.decode()
    # A proposal waiting for a manager, even where the request's status has not caught up.
    move = ProposedMoveFactory(
        request=support_request, family=support_request.family, proposed_by=practitioner
    )
    page = client.get(request_url)
    assert page.status_code == 200
    assert _url(support_request) not in page.content.decode()
    refused = _report(practitioner, support_request)
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "This concern was not recorded here" in text
    assert "waiting for a manager" in text
    assert "Phone the police on 999" in text
    assert SafeguardingMove.objects.count() == 1
    # Approved, enquiries still going: still no second concern through this route.
    move.status = MoveStatus.APPROVED
    move.save()
    assert _url(support_request) not in client.get(request_url).content.decode()
    assert _report(practitioner, support_request).status_code == 409
    # Enquiries ended with no further action: the route is open again.
    move.outcome = "no_further_action"
    move.save()
    assert _url(support_request) in client.get(request_url).content.decode()


def test_a_request_already_proposed_refuses_the_post_plainly(practitioner, support_request):
    support_request.status = RequestStatus.SAFEGUARDING_PROPOSED
    support_request.save()
    assert _url(support_request) not in (
        signed_in_client(practitioner)
        .get(f"/staff/requests/{support_request.pk}/")
        .content.decode()
    )
    response = _report(practitioner, support_request)
    assert response.status_code == 409
    assert "This concern was not recorded here" in response.content.decode()
    assert not SafeguardingMove.objects.exists()
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SAFEGUARDING_PROPOSED
