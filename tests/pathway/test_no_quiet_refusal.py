"""No quiet refusal to assess (issue 18, point 4): "information and advice only" needs the
family's recorded agreement, or a reasoned decision not to assess that a team manager confirms;
the letter then explains the right to an assessment and how to challenge."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from supportfirst.assessments.models import Assessment
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.letters import services as letter_services
from supportfirst.letters.models import Letter
from supportfirst.pathway import services
from supportfirst.pathway.models import NextStepDecision, RequestStatus
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory, agreed

REASON = "Mum asked only for the list of holiday clubs; she told me Alfie's needs are met now."


def actor(user) -> Actor:
    return Actor(user, scope_for(user), "test")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


@pytest.fixture
def support_request(family):
    carer = family.parent_carers.get()
    carer.email = "claire@family.example"
    carer.save()
    child = family.children.first()
    child.first_name = "Alfie"
    child.save()
    return SupportRequestFactory(child=child, preferred_contact="email")


def _decide(user, request, **data):
    return signed_in_client(user).post(
        f"/staff/requests/{request.pk}/decision/",
        {"pathway": "information", "information_given": "The holiday club list.", **data},
    )


def _not_assessing(user, request):
    return services.propose_not_assessing(
        actor=actor(user),
        request=request,
        information_given="The holiday club list.",
        reason=REASON,
    )


def _letter(user, decision) -> str:
    letter = letter_services.letter_prepare(
        actor=actor(user),
        family=decision.request.family,
        kind="next_step_decision",
        source=decision,
    )
    return letter.body_html.replace("&#x27;", "'").replace("’", "'")


def test_information_only_without_agreement_or_a_decision_is_refused_on_the_page(
    practitioner, support_request
):
    response = _decide(practitioner, support_request)
    assert response.status_code == 400
    assert "Select whether the family agreed" in response.content.decode()
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.AWAITING_DECISION


def test_information_only_without_agreement_is_refused_by_the_service(
    practitioner, support_request
):
    with pytest.raises(MoveRefused) as error:
        services.decide_information(
            actor=actor(practitioner),
            request=support_request,
            information_given="The holiday club list.",
        )
    assert "family's agreement" in " ".join(error.value.messages)


def test_the_familys_agreement_needs_who_when_and_how(practitioner, support_request):
    response = _decide(practitioner, support_request, basis="family_agreed")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter who in the family agreed" in page
    assert "Enter the date they agreed" in page
    assert "Enter how they agreed" in page


def test_recorded_agreement_gives_information_and_advice(
    sent_at_once, practitioner, support_request
):
    today = timezone.localdate()
    response = _decide(
        practitioner,
        support_request,
        basis="family_agreed",
        agreed_by="Claire Hughes",
        agreed_on_0=str(today.day),
        agreed_on_1=str(today.month),
        agreed_on_2=str(today.year),
        agreed_how="On the phone with me",
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.INFORMATION_GIVEN
    decision = NextStepDecision.objects.get(request=support_request)
    assert (decision.agreed_by, decision.agreed_on, decision.agreed_how) == (
        "Claire Hughes",
        today,
        "On the phone with me",
    )


def test_a_decision_not_to_assess_needs_a_reason(practitioner, support_request):
    response = _decide(practitioner, support_request, basis="not_assessing")
    assert response.status_code == 400
    assert "Write the reason for not assessing" in response.content.decode()


def test_a_decision_not_to_assess_waits_for_a_manager_and_tells_no_one_yet(
    sent_at_once, practitioner, support_request
):
    mail.outbox.clear()
    response = _decide(
        practitioner, support_request, basis="not_assessing", not_assessing_reason=REASON
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.NOT_ASSESSING_PROPOSED
    assert mail.outbox == []


def test_the_letter_waits_for_the_managers_confirmation(practitioner, support_request):
    decision = _not_assessing(practitioner, support_request)
    response = signed_in_client(practitioner).get(
        f"/staff/letters/new/?kind=next_step_decision&source={decision.pk}"
    )
    assert "A team manager must confirm the decision not to assess" in response.content.decode()


def test_a_practitioner_cannot_confirm(practitioner, support_request):
    _not_assessing(practitioner, support_request)
    other = staff_user(support_request.family.council, Role.PRACTITIONER)
    response = signed_in_client(other).post(
        f"/staff/requests/{support_request.pk}/not-assessing/",
        {"decision": "confirm", "reason": "I agree with the reason given."},
    )
    assert response.status_code == 403
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.NOT_ASSESSING_PROPOSED


def test_the_manager_who_decided_cannot_confirm_their_own_decision(manager, support_request):
    _not_assessing(manager, support_request)
    with pytest.raises(MoveRefused) as error:
        services.confirm_not_assessing(
            actor=actor(manager),
            request=support_request,
            confirm=True,
            reason="I agree with the reason given.",
        )
    assert "the person who decided not to assess cannot" in " ".join(error.value.messages)


def test_a_confirmed_decision_tells_the_family(
    sent_at_once, practitioner, manager, support_request
):
    _not_assessing(practitioner, support_request)
    mail.outbox.clear()
    client = signed_in_client(manager)
    page = client.get(f"/staff/requests/{support_request.pk}/not-assessing/")
    assert page.status_code == 200
    assert REASON.split(";")[0] in page.content.decode().replace("&#x27;", "'")
    response = client.post(
        f"/staff/requests/{support_request.pk}/not-assessing/",
        {"decision": "confirm", "reason": "The family asked only for information today."},
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.INFORMATION_GIVEN
    decision = NextStepDecision.objects.get(request=support_request)
    assert decision.confirmed_by == manager
    assert [m.to for m in mail.outbox] == [["claire@family.example"]]


def test_confirming_prepares_the_letter_for_the_worker_to_check_and_send(
    sent_at_once, practitioner, manager, support_request
):
    _not_assessing(practitioner, support_request)
    client = signed_in_client(manager)
    response = client.post(
        f"/staff/requests/{support_request.pk}/not-assessing/",
        {"decision": "confirm", "reason": "The family asked only for information today."},
    )
    assert response.status_code == 302
    letter = Letter.objects.get(family=support_request.family)
    decision = NextStepDecision.objects.get(request=support_request)
    assert letter.kind == "next_step_decision"
    assert letter.source_id == str(decision.pk)
    # Prepared, not sent: the worker checks it and sends it.
    assert letter.sent_at is None
    assert response.url == f"/staff/letters/{letter.pk}/"
    page = client.get(response.url)
    assert page.status_code == 200
    text = page.content.decode().replace("&#x27;", "'")
    assert "The letter to the family is prepared" in text
    assert "We have decided not to assess Alfie's needs now" in text
    assert "you can ask us to assess Alfie's needs at any time" in text
    assert "If you disagree" in text
    # The worker who decided finds it from the request.
    request_page = signed_in_client(practitioner).get(f"/staff/requests/{support_request.pk}/")
    assert "The letter to the family was prepared when it was confirmed" in (
        request_page.content.decode()
    )


def test_not_confirming_prepares_no_letter(practitioner, manager, support_request):
    _not_assessing(practitioner, support_request)
    services.confirm_not_assessing(
        actor=actor(manager),
        request=support_request,
        confirm=False,
        reason="A disabled child's request should be assessed here.",
    )
    assert not Letter.objects.filter(family=support_request.family).exists()


def test_a_manager_who_does_not_confirm_starts_the_assessment(
    practitioner, manager, support_request
):
    _not_assessing(practitioner, support_request)
    response = signed_in_client(manager).post(
        f"/staff/requests/{support_request.pk}/not-assessing/",
        {"decision": "assess", "reason": "A disabled child's request should be assessed here."},
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY
    assert Assessment.objects.filter(request=support_request, kind="child").exists()


def test_the_team_page_lists_decisions_waiting_to_be_confirmed(
    practitioner, manager, support_request
):
    _not_assessing(practitioner, support_request)
    page = signed_in_client(manager).get("/staff/team/").content.decode()
    assert f"/staff/requests/{support_request.pk}/not-assessing/" in page


def test_a_decision_waiting_is_on_every_managers_my_work_not_the_practitioners(
    practitioner, manager, support_request
):
    _not_assessing(practitioner, support_request)
    page = signed_in_client(manager).get("/staff/my-work/").content.decode()
    assert "Confirm or not the decision not to assess Alfie&#x27;s needs" in page
    mine = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert "decision not to assess" not in mine


def test_the_letter_explains_the_reason_the_right_to_an_assessment_and_how_to_challenge(
    practitioner, manager, support_request
):
    _not_assessing(practitioner, support_request)
    decision = services.confirm_not_assessing(
        actor=actor(manager), request=support_request, confirm=True, reason="Agreed, for now."
    )
    page = _letter(practitioner, decision)
    assert "We have decided not to assess Alfie's needs now" in page
    assert "A team manager checked this decision and confirmed it" in page
    assert "you can ask us to assess Alfie's needs at any time (Children Act 1989, section 17)" in (
        page
    )
    assert "If you disagree" in page
    assert "make a complaint" in page


def test_an_agreed_decision_letter_says_the_family_agreed(practitioner, support_request):
    decision = services.decide_information(
        actor=actor(practitioner),
        request=support_request,
        information_given="The holiday club list.",
        agreement=agreed(),
    )
    assert "you agreed that information and advice is the right help for now" in _letter(
        practitioner, decision
    )


def test_a_request_is_closed_without_an_assessment_only_by_agreement_or_confirmation():
    from supportfirst.pathway import moves

    into_information = {
        move.name: move.guards
        for move in moves.REQUEST.moves
        if move.target == RequestStatus.INFORMATION_GIVEN
    }
    assert set(into_information) == {"decide_information", "confirm_not_assessing"}
    assert moves.family_agreement_is_recorded in into_information["decide_information"]
    assert moves.confirmer_is_a_team_manager in into_information["confirm_not_assessing"]
    assert moves.confirmer_did_not_decide in into_information["confirm_not_assessing"]


def test_the_family_reads_the_reason_and_their_right_to_ask_once_confirmed(
    practitioner, manager, support_request
):
    parent = family_user(support_request.family)
    url = f"/family/requests/{support_request.pk}/"
    _not_assessing(practitioner, support_request)
    waiting = signed_in_client(parent).get(url).content.decode()
    assert "A team manager is checking this decision" in waiting
    services.confirm_not_assessing(
        actor=actor(manager), request=support_request, confirm=True, reason="Agreed, for now."
    )
    page = signed_in_client(parent).get(url).content.decode().replace("&#x27;", "'")
    assert "We decided not to assess Alfie's needs now" in page
    assert "You can ask us to assess Alfie's needs at any time" in page
    assert "make a complaint" in page
