"""The pathway's guards, one test each, and the workflow's refusal of illegal moves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.pathway import services
from supportfirst.pathway.models import (
    MoveStatus,
    PathwayEvent,
    RequestStatus,
    SafeguardingMove,
    SupportRequest,
)
from tests.accounts.factories import staff_user
from tests.families.factories import ChildFactory
from tests.pathway.factories import ProposedMoveFactory, SupportRequestFactory, agreed

FACTS = {
    "what_happened": "Alfie told his teacher on Monday that his dad hit him with a belt.",
    "seen_or_said_by": "Alfie, to Ms Green, his class teacher",
    "when_it_happened": "Monday 2 March 2026, about 9am",
}


def actor(user) -> Actor:
    return Actor(user, scope_for(user), "test")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


@pytest.fixture
def other_manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


@pytest.fixture
def support_request(family):
    return SupportRequestFactory(child=family.children.first())


def test_a_request_gets_its_clocks_and_a_received_event(practitioner, council):
    child = ChildFactory(family__council=council)
    received = timezone.make_aware(timezone.datetime(2026, 12, 21, 10, 0))
    request = services.support_request_create(
        actor=actor(practitioner),
        child=child,
        received_at=received,
        who_asked="parent",
        requester_name="Claire Hughes",
        help_asked_for="Help at bedtime",
        consent_to_contact_others=True,
        preferred_contact="email",
    )
    assert request.next_step_due.isoformat() == "2026-12-22"
    assert request.assessment_due.isoformat() == "2027-02-25"
    assert request.events.get().move == "receive"


def test_support_is_one_move_and_writes_an_event(practitioner, support_request):
    services.decide_support(actor=actor(practitioner), request=support_request)
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY
    event = PathwayEvent.objects.get(move="decide_support")
    assert (event.from_status, event.to_status, event.actor) == (
        "awaiting_decision",
        "support_pathway",
        practitioner,
    )


def test_deciding_twice_is_an_illegal_move(practitioner, support_request):
    services.decide_support(actor=actor(practitioner), request=support_request)
    with pytest.raises(IllegalMove) as error:
        services.decide_information(
            actor=actor(practitioner), request=support_request, information_given="Leaflet"
        )
    assert error.value.status_code == 409
    assert "already “On the support pathway”" in str(error.value)


def test_information_needs_what_was_given(practitioner, support_request):
    with pytest.raises(MoveRefused):
        services.decide_information(
            actor=actor(practitioner), request=support_request, information_given="  "
        )


def _propose(user, request, **changes):
    fields = {**FACTS, "family_told": None, "family_told_at": None, "reason_not_told": ""}
    fields.update(changes)
    return services.safeguarding_propose(actor=actor(user), request=request, **fields)


def test_evidence_is_written_down(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        _propose(practitioner, support_request, seen_or_said_by="")
    assert "what was seen or said, by whom, and when" in error.value.messages[0]
    assert not SafeguardingMove.objects.exists()


def test_opinions_have_reasons(practitioner, support_request):
    # Was: opinion words refused the evidence outright. Now each needs a reason (facts about
    # harm must always be recordable), and the refusal names the words that caused it.
    with pytest.raises(MoveRefused) as error:
        _propose(
            practitioner, support_request, what_happened="The home was untidy and mum anxious."
        )
    assert "Give a reason for keeping each one" in error.value.messages[0]
    assert "The words: “untidy”, “anxious”." in error.value.messages[0]
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.AWAITING_DECISION


def test_a_proposal_on_facts_waits_for_a_manager(practitioner, support_request):
    move = _propose(practitioner, support_request)
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SAFEGUARDING_PROPOSED
    assert move.status == MoveStatus.PROPOSED


def test_approver_did_not_propose(manager, support_request):
    move = _propose(manager, support_request, family_told=True, family_told_at=timezone.now())
    with pytest.raises(MoveRefused) as error:
        services.safeguarding_decide(actor=actor(manager), move=move, approve=True, reason="Risk")
    assert any("person who proposed the move cannot" in m for m in error.value.messages)


def test_approver_is_a_team_manager(practitioner, council, support_request):
    move = _propose(practitioner, support_request, family_told=True, family_told_at=timezone.now())
    colleague = staff_user(council, Role.PRACTITIONER)
    with pytest.raises(MoveRefused) as error:
        services.safeguarding_decide(actor=actor(colleague), move=move, approve=True, reason="x")
    assert any("Only a team manager" in m for m in error.value.messages)


def test_family_notice_is_decided(practitioner, manager, support_request):
    move = _propose(practitioner, support_request)
    with pytest.raises(MoveRefused) as error:
        services.safeguarding_decide(actor=actor(manager), move=move, approve=True, reason="Risk")
    assert any("when the family was told" in m for m in error.value.messages)
    move.refresh_from_db()
    assert move.status == MoveStatus.PROPOSED


def test_manager_gives_a_reason(practitioner, manager, support_request):
    move = _propose(practitioner, support_request, family_told=True, family_told_at=timezone.now())
    with pytest.raises(MoveRefused) as error:
        services.safeguarding_decide(actor=actor(manager), move=move, approve=True, reason=" ")
    assert any("reason for your decision" in m for m in error.value.messages)


def test_an_approved_move_is_counted_per_team_and_month(practitioner, manager, support_request):
    from supportfirst.pathway.selectors import safeguarding_moves_by_team_and_month

    move = _propose(practitioner, support_request)
    services.safeguarding_decide(
        actor=actor(manager),
        move=move,
        approve=True,
        reason="Disclosure of being hit; strategy discussion needed.",
        family_told=False,
        reason_not_told="Telling dad first could put Alfie at risk.",
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.MOVED_TO_SAFEGUARDING
    rows = safeguarding_moves_by_team_and_month(scope=scope_for(manager))
    assert [(r.month.month, r.moves) for r in rows] == [(timezone.localdate().month, 1)]


def test_a_declined_move_goes_back_for_a_support_decision(practitioner, manager, support_request):
    move = _propose(practitioner, support_request)
    services.safeguarding_decide(
        actor=actor(manager), move=move, approve=False, reason="This is a request for support."
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.AWAITING_DECISION
    assert [e.move for e in support_request.events.order_by("pk")] == [
        "propose_safeguarding",
        "decline",
        "return_to_decision",
    ]


def test_no_intrusion_without_a_record(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        services.contact_record(
            actor=actor(practitioner),
            request=support_request,
            kind="meeting",
            happened_at=timezone.now() - timedelta(hours=1),
            place="Children's centre",
            family_chose_time_and_place=True,
            notice_given="",
            intrusions=["child_alone"],
            notes="",
            intrusion={"purpose": "To hear Alfie's views"},
        )
    assert "needs an intrusion record" in error.value.messages[0]
    assert "Write why it is necessary for this assessment" in error.value.messages


def test_a_home_visit_always_needs_a_record(practitioner, support_request):
    with pytest.raises(MoveRefused):
        services.contact_record(
            actor=actor(practitioner),
            request=support_request,
            kind="home_visit",
            happened_at=timezone.now(),
            place="Home",
            family_chose_time_and_place=True,
            notice_given="A week",
            intrusions=[],
            notes="",
        )


def test_a_contact_with_its_intrusion_record_is_saved(practitioner, support_request):
    contact = services.contact_record(
        actor=actor(practitioner),
        request=support_request,
        kind="home_visit",
        happened_at=timezone.now(),
        place="Home",
        family_chose_time_and_place=True,
        notice_given="A week by email",
        intrusions=["rooms"],
        notes="Looked at the bathroom for a hoist.",
        intrusion={
            "purpose": "See whether a ceiling hoist fits the bathroom",
            "why_necessary": "The occupational therapist must measure the room",
            "less_intrusive_option": "Photos from the family",
            "less_intrusive_answer": "They would rather we came",
            "why_not_enough": "Ceiling joists cannot be checked from photos",
            "family_view": "agree",
            "family_words": "Happy for you to come on Tuesday",
            "notice_given": "A week by email",
        },
    )
    assert contact.intrusions == ["home_visit", "rooms"]
    assert contact.intrusion_record.family_view == "agree"


def test_requests_cannot_mix_a_child_and_a_new_family(practitioner, family):
    with pytest.raises(ValueError, match="either an existing child or a new family"):
        services.support_request_create(
            actor=actor(practitioner),
            received_at=timezone.now(),
            who_asked="parent",
            requester_name="x",
            help_asked_for="y",
            consent_to_contact_others=False,
            preferred_contact="email",
        )
    assert not SupportRequest.objects.exists()


def test_proposed_move_factory_makes_a_pending_move(practitioner):
    move = ProposedMoveFactory(proposed_by=practitioner)
    assert move.status == MoveStatus.PROPOSED


def test_information_and_advice_is_emailed_to_the_family(
    sent_at_once, practitioner, family, mailoutbox
):
    carer = family.parent_carers.get()
    carer.email = "claire@family.example"
    carer.save()
    request = SupportRequestFactory(child=family.children.first(), preferred_contact="email")
    services.decide_information(
        actor=actor(practitioner),
        request=request,
        information_given="The holiday club list.",
        agreement=agreed(),
    )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["claire@family.example"]
    assert "The holiday club list." in message.body
    assert request.reference in message.subject
    assert request.events.filter(move="send_information").exists()


def test_families_who_prefer_letters_are_not_emailed(practitioner, family, mailoutbox):
    carer = family.parent_carers.get()
    carer.email = "claire@family.example"
    carer.save()
    request = SupportRequestFactory(child=family.children.first(), preferred_contact="letter")
    services.decide_information(
        actor=actor(practitioner),
        request=request,
        information_given="The holiday club list.",
        agreement=agreed(),
    )
    assert mailoutbox == []


def test_a_declined_proposal_from_the_support_pathway_goes_back_to_it(
    practitioner, manager, support_request
):
    services.decide_support(actor=actor(practitioner), request=support_request)
    move = _propose(practitioner, support_request)
    services.safeguarding_decide(
        actor=actor(manager), move=move, approve=False, reason="A request for support."
    )
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY


def test_an_illegal_move_is_reported_before_missing_text(practitioner, support_request):
    services.decide_support(actor=actor(practitioner), request=support_request)
    with pytest.raises(IllegalMove):
        services.decide_information(
            actor=actor(practitioner), request=support_request, information_given=""
        )
