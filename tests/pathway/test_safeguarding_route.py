"""A lawful safeguarding route (issue 18, point 3): the statutory test named, facts about harm
always recordable, the outcome of enquiries recorded, and no proposal waiting for nobody."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.notifications.models import Notification
from supportfirst.pathway import enquiries, services
from supportfirst.pathway.evidence import evidence_findings
from supportfirst.pathway.models import (
    EnquiryOutcome,
    MoveStatus,
    NextStepDecision,
    RequestStatus,
    SafeguardingMove,
)
from supportfirst.pathway.selectors import enquiry_outcomes_by_team_and_month
from supportfirst.wording.models import WordingReason
from supportfirst.wording.services import Reasons
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import SupportRequestFactory, long_ago

NAPPY = "At 3pm the nurse found Zara in a dirty nappy; she was hungry and had a bruise on her arm."
AGGRESSIVE = "The father was aggressive to the nurse: he shouted at her and pushed her."
THE_TEST = (
    "Is there reasonable cause to suspect that Alfie is suffering, or is likely to suffer, "
    "significant harm? (Children Act 1989, section 47)"
)


def actor(user) -> Actor:
    return Actor(user, scope_for(user), "test")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


@pytest.fixture
def support_request(family):
    child = family.children.first()
    child.first_name = "Alfie"
    child.save()
    return SupportRequestFactory(child=child)


def _post_proposal(user, request, what_happened, **extra):
    data = {
        "what_happened": what_happened,
        "seen_or_said_by": "Ms Green, school nurse",
        "when_it_happened": "2 March 2026, about 3pm",
        **extra,
    }
    return signed_in_client(user).post(f"/staff/requests/{request.pk}/safeguarding/", data)


def _propose(user, request, what_happened=NAPPY, *, told=True, reasons=None):
    return services.safeguarding_propose(
        actor=actor(user),
        request=request,
        what_happened=what_happened,
        seen_or_said_by="Ms Green, school nurse",
        when_it_happened="2 March 2026, about 3pm",
        family_told=told,
        family_told_at=timezone.now() if told else None,
        reason_not_told="" if told else "Telling dad first could put Alfie at risk.",
        reasons=reasons,
    )


def _approved(practitioner, manager, request, *, told=True):
    move = _propose(practitioner, request, told=told)
    return services.safeguarding_decide(
        actor=actor(manager), move=move, approve=True, reason="A bruise and a dirty nappy."
    )


# a. The statutory test, named


def test_the_proposal_and_decision_pages_name_the_statutory_test(
    practitioner, manager, support_request
):
    client = signed_in_client(practitioner)
    page = client.get(f"/staff/requests/{support_request.pk}/safeguarding/").content.decode()
    assert THE_TEST in page
    assert "cogent" not in page
    move = _propose(practitioner, support_request)
    response = signed_in_client(manager).get(f"/staff/safeguarding/{move.pk}/")
    assert response.status_code == 200
    assert THE_TEST in response.content.decode()


def test_the_proposal_page_says_what_to_do_when_a_child_is_in_danger_now(
    practitioner, support_request
):
    council = support_request.family.council
    council.contact_phone = "01234 567890"
    council.save()
    response = signed_in_client(practitioner).get(
        f"/staff/requests/{support_request.pk}/safeguarding/"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "If you think a child may be in danger now, do not wait for this form." in page
    assert "Phone 999, or the council's child protection team" in page
    assert "01234 567890" in page
    assert page.index("danger now") < page.index("data-wording-url")


# b. Facts about harm are always recordable


def test_a_dirty_nappy_is_a_fact_and_saves_with_nothing_flagged(practitioner, support_request):
    response = _post_proposal(
        practitioner,
        support_request,
        NAPPY,
        family_told="no",
        reason_not_told="Telling dad first could put Zara at risk.",
    )
    assert response.status_code == 302
    assert SafeguardingMove.objects.get().what_happened == NAPPY


def test_aggression_to_a_nurse_saves_with_a_reason_for_the_flag(practitioner, support_request):
    first = _post_proposal(practitioner, support_request, AGGRESSIVE)
    assert first.status_code == 400
    assert "Give a reason for keeping “aggressive”" in first.content.decode()
    reason = "It is what the nurse saw: he shouted at her and pushed her."
    second = _post_proposal(practitioner, support_request, AGGRESSIVE, reason_0_0=reason)
    assert second.status_code == 302
    kept = WordingReason.objects.get(record_type="pathway.safeguardingmove")
    assert (kept.words, kept.reason) == ("aggressive", reason)


def test_an_opinion_word_saves_only_with_a_reason(practitioner, support_request):
    text = "The home was chaotic when Ms Green visited."
    with pytest.raises(MoveRefused) as error:
        _propose(practitioner, support_request, text)
    assert "The words: “chaotic”." in error.value.messages[0]
    assert not SafeguardingMove.objects.exists()
    found = evidence_findings(text, council_id=support_request.family.council_id)
    data = {item.reason_name: "Ms Green's word; she counted 40 bags of rubbish." for item in found}
    move = _propose(practitioner, support_request, text, reasons=Reasons(found, data))
    assert move.status == MoveStatus.PROPOSED


def test_the_manager_sees_the_flagged_words_and_reasons(practitioner, manager, support_request):
    text = "Mum lacks insight, Ms Green said after the visit."
    found = evidence_findings(text, council_id=support_request.family.council_id)
    data = {item.reason_name: "Ms Green's own words, written down at the time." for item in found}
    move = _propose(practitioner, support_request, text, reasons=Reasons(found, data))
    response = signed_in_client(manager).get(f"/staff/safeguarding/{move.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Words flagged in the evidence, with the proposer's reasons" in page
    assert "“lacks insight”: Ms Green&#x27;s own words, written down at the time." in page


# c. The outcome of the enquiries


def test_no_further_action_returns_the_request_with_its_clocks_and_tells_the_family(
    practitioner, manager, support_request, mailoutbox, sent_at_once
):
    support_request.family.parent_carers.update(email="claire@example.com")
    move = _approved(practitioner, manager, support_request)
    enquiries.record_outcome(
        actor=actor(manager),
        move=move,
        outcome=EnquiryOutcome.NO_FURTHER_ACTION,
        reason="The strategy discussion found no cause to continue.",
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY
    assert NextStepDecision.objects.get(request=support_request).pathway == "support"
    # The timeline shows it; the needs assessments start (their own events follow).
    assert "enquiries_no_further_action" in {e.move for e in support_request.events.all()}
    told = Notification.objects.filter(
        family=support_request.family, subject__contains="no further"
    )
    assert "back on the support pathway" in told.get().body
    assert mailoutbox[-1].to == ["claire@example.com"]
    rows = enquiry_outcomes_by_team_and_month(scope=scope_for(manager))
    assert [(r.returned, r.child_protection) for r in rows] == [(1, 0)]


def test_child_protection_keeps_the_request_moved(practitioner, manager, support_request):
    move = _approved(practitioner, manager, support_request)
    enquiries.record_outcome(
        actor=actor(practitioner),
        move=move,
        outcome=EnquiryOutcome.CHILD_PROTECTION,
        reason="An initial child protection conference made a plan.",
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.MOVED_TO_SAFEGUARDING
    move.refresh_from_db()
    assert move.outcome == EnquiryOutcome.CHILD_PROTECTION
    rows = enquiry_outcomes_by_team_and_month(scope=scope_for(manager))
    assert [(r.returned, r.child_protection) for r in rows] == [(0, 1)]


def test_an_outcome_needs_a_reason_and_an_approved_move(practitioner, manager, support_request):
    proposed = _propose(practitioner, support_request)
    with pytest.raises(IllegalMove):
        enquiries.record_outcome(
            actor=actor(manager), move=proposed, outcome="no_further_action", reason="None."
        )
    move = services.safeguarding_decide(
        actor=actor(manager), move=proposed, approve=True, reason="A bruise."
    )
    with pytest.raises(MoveRefused) as error:
        enquiries.record_outcome(
            actor=actor(manager), move=move, outcome="child_protection", reason=" "
        )
    assert "Write what the enquiries found" in error.value.messages[0]


def test_the_outcome_page_keeps_what_was_typed_and_saves(practitioner, manager, support_request):
    move = _approved(practitioner, manager, support_request)
    client = signed_in_client(practitioner)
    url = f"/staff/safeguarding/{move.pk}/outcome/"
    assert "Record the outcome of the enquiries" in client.get(url).content.decode()
    bad = client.post(url, {"outcome_reason": "Strategy discussion on 4 March."})
    assert bad.status_code == 400
    assert "Select the outcome of the enquiries" in bad.content.decode()
    assert "Strategy discussion on 4 March." in bad.content.decode()
    good = client.post(
        url, {"outcome": "no_further_action", "outcome_reason": "Strategy discussion on 4 March."}
    )
    assert good.status_code == 302
    team = signed_in_client(manager).get("/staff/team/").content.decode()
    assert "Outcomes of enquiries by month" in team
    assert "No further action: back to support" in team


def test_a_family_who_was_told_sees_the_outcome_and_one_never_told_does_not(
    council, practitioner, manager, family
):
    told_request = SupportRequestFactory(child=family.children.first())
    untold_request = SupportRequestFactory(child=family.children.first())
    for request, told in ((told_request, True), (untold_request, False)):
        move = _approved(practitioner, manager, request, told=told)
        enquiries.record_outcome(
            actor=actor(manager), move=move, outcome="no_further_action", reason="No cause."
        )
    parent = signed_in_client(family_user(family))
    seen = parent.get(f"/family/requests/{told_request.pk}/").content.decode()
    assert "Safeguarding enquiries finished with no further action" in seen
    hidden = parent.get(f"/family/requests/{untold_request.pk}/")
    assert hidden.status_code == 200
    assert "Safeguarding enquiries finished" not in hidden.content.decode()


# d. Nobody waits for nobody


def test_a_managers_own_proposal_shows_as_waiting_for_another_manager(
    council, manager, support_request
):
    move = _propose(manager, support_request)
    SafeguardingMove.objects.filter(pk=move.pk).update(proposed_at=long_ago(14))
    page = signed_in_client(manager).get("/staff/team/").content.decode()
    assert "proposed by you on" in page
    assert "waiting for another manager" in page
    assert "working days so far" in page
    assert f"/staff/safeguarding/{move.pk}/" not in page
    head = staff_user(council, Role.HEAD_OF_SERVICE)
    theirs = signed_in_client(head).get("/staff/team/").content.decode()
    assert f"/staff/safeguarding/{move.pk}/" in theirs


def test_a_head_of_service_decides_the_only_managers_proposal(council, manager, support_request):
    move = _propose(manager, support_request)
    head = staff_user(council, Role.HEAD_OF_SERVICE)
    response = signed_in_client(head).post(
        f"/staff/safeguarding/{move.pk}/",
        {"decision": "approve", "reason": "A bruise and a dirty nappy seen by the nurse."},
    )
    assert response.status_code == 302
    move.refresh_from_db()
    assert (move.status, move.decided_by) == (MoveStatus.APPROVED, head)


def test_a_council_with_one_manager_is_told_it_needs_a_second_approver(council, manager):
    """With one team manager and no head of service, that manager's own proposals (and the
    visits they plan that a family refuses) would wait for nobody: the Team page says so, and
    how to put it right, until a second person who can decide exists."""
    response = signed_in_client(manager).get("/staff/team/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "You are the only person who can decide" in page
    assert "head of service" in page
    staff_user(council, Role.HEAD_OF_SERVICE)
    page = signed_in_client(manager).get("/staff/team/").content.decode()
    assert "You are the only person who can decide" not in page


def test_evidence_has_its_own_explanations_never_the_needs_assessment_advice(
    practitioner, manager, support_request
):
    """On the manager's page the flagged words in evidence are explained for evidence: say what
    was seen or heard, who saw or heard it and when. Never that safeguarding words belong to a
    safeguarding inspection, not a needs assessment, nor a doorway for a wheelchair."""
    text = "The home conditions were poor and Mum was hostile, Ms Green said."
    found = evidence_findings(text, council_id=support_request.family.council_id)
    assert {item.finding.text for item in found} >= {"home conditions", "hostile"}
    for item in found:
        assert f"“{item.finding.text}”" in item.finding.explanation
        assert "who saw or heard it" in item.finding.explanation
        assert "needs assessment" not in item.finding.explanation
    data = {item.reason_name: "Ms Green's own words, written down at the time." for item in found}
    move = _propose(practitioner, support_request, text, reasons=Reasons(found, data))
    response = signed_in_client(manager).get(f"/staff/safeguarding/{move.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "“home conditions” sums up what someone thought" in page
    assert "who saw or heard it, and when" in page
    assert "safeguarding inspection" not in page
    assert "not a needs assessment" not in page
    assert "wheelchair" not in page


def test_a_fact_about_a_child_protection_step_is_not_flagged_in_evidence(support_request):
    text = "Ms Green saw Alfie alone at school; a bruise was seen on his arm."
    found = evidence_findings(text, council_id=support_request.family.council_id)
    assert found == []


def test_check_as_you_type_explains_evidence_for_evidence(practitioner):
    client = signed_in_client(practitioner)
    text = "The home conditions were poor."
    plain = client.post("/staff/wording/check/", {"text": text}).json()["findings"]
    evidence = client.post(
        "/staff/wording/check/", {"text": text, "context": "safeguarding-evidence"}
    ).json()["findings"]
    assert "needs assessment" in plain[0]["explanation"]
    assert "needs assessment" not in evidence[0]["explanation"]
    assert evidence[0]["explanation"].startswith("“home conditions” sums up")
