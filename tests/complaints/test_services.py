"""The complaint's moves and their guards: every change goes through the services."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from supportfirst.audit.models import AccessEvent
from supportfirst.complaints import clock, services
from supportfirst.complaints.models import Complaint, ComplaintEvent, Stage, Status
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from tests.accounts.factories import family_user
from tests.complaints.factories import SUMMARY, actor_for, complaint_for

TODAY = timezone.localdate


@pytest.fixture
def staff(complaints_manager):
    return actor_for(complaints_manager)


@pytest.fixture
def parent_actor(parent):
    return actor_for(parent)


def _make(parent_actor, family, **kwargs):
    return services.complaint_make(
        actor=parent_actor,
        family=family,
        summary=SUMMARY,
        put_right="Call us back.",
        about=services.About(description="Phone calls"),
        **kwargs,
    )


def test_a_complaint_opens_at_stage_1_with_a_10_working_day_clock(
    sent_at_once, parent_actor, family
):
    complaint = _make(parent_actor, family, received_on=date(2026, 11, 2))
    assert complaint.stage == Stage.LOCAL_RESOLUTION
    assert complaint.status == Status.OPEN
    assert complaint.respond_by == date(2026, 11, 16)
    assert complaint.get_stage_display() == "Stage 1: local resolution"
    assert complaint.reference.startswith(f"C{family.council.la_code}-")
    assert complaint.stages.get().due_on == date(2026, 11, 16)
    assert ComplaintEvent.objects.filter(complaint=complaint, move="make").exists()
    assert AccessEvent.objects.filter(record_type="complaints.complaint", action="create").exists()
    assert "we have it" in mail.outbox[-1].subject


def test_a_complaint_needs_the_familys_words(parent_actor, family):
    with pytest.raises(MoveRefused, match="what went wrong"):
        services.complaint_make(
            actor=parent_actor, family=family, summary="  ", about=services.About("Calls")
        )


def test_acknowledging_twice_is_refused(staff, family):
    complaint = complaint_for(family)
    complaint = services.complaint_acknowledge(actor=staff, complaint=complaint)
    assert complaint.acknowledged_on == TODAY()
    with pytest.raises(MoveRefused, match="already been acknowledged"):
        services.complaint_acknowledge(actor=staff, complaint=complaint)


def test_extension_within_20_working_days_moves_the_deadline_and_tells_the_family(
    sent_at_once, staff, family
):
    complaint = complaint_for(family, received_on=date(2026, 11, 2))
    done = services.complaint_extend(
        actor=staff, complaint=complaint, new_due=date(2026, 11, 30), reason="Worker away."
    )
    assert done.respond_by == date(2026, 11, 30)
    stage = done.stages.get()
    assert (stage.extended_to, stage.extension_reason) == (date(2026, 11, 30), "Worker away.")
    assert "Worker away." in mail.outbox[-1].body


def test_extension_beyond_20_working_days_is_refused_and_changes_nothing(staff, family):
    complaint = complaint_for(family, received_on=date(2026, 11, 2))
    with pytest.raises(MoveRefused, match="at most 20 working days"):
        services.complaint_extend(
            actor=staff, complaint=complaint, new_due=date(2026, 12, 1), reason="Busy."
        )
    complaint.refresh_from_db()
    assert complaint.respond_by == date(2026, 11, 16)


def test_extension_beyond_65_working_days_at_stage_2_is_refused(staff, family):
    complaint = complaint_for(family, received_on=date(2026, 11, 2), stage=2)
    services.complaint_extend(
        actor=staff, complaint=complaint, new_due=date(2027, 2, 4), reason="Three schools."
    )
    with pytest.raises(MoveRefused, match="at most 65 working days"):
        services.complaint_extend(
            actor=staff, complaint=complaint, new_due=date(2027, 2, 5), reason="More."
        )


def test_stage_3_cannot_be_extended(staff, family):
    complaint = complaint_for(family, stage=3)
    with pytest.raises(MoveRefused, match="stage 3 cannot be extended"):
        services.complaint_extend(
            actor=staff, complaint=complaint, new_due=TODAY() + timedelta(days=90), reason="x"
        )


def test_a_response_needs_its_words_and_outcome(staff, family):
    complaint = complaint_for(family)
    with pytest.raises(MoveRefused) as refused:
        services.complaint_respond(actor=staff, complaint=complaint, response="", outcome="")
    assert "Write the council's response to the family." in refused.value.messages


def test_stage_2_response_needs_the_investigating_officer_and_independent_person(staff, family):
    complaint = complaint_for(family, stage=2)
    with pytest.raises(MoveRefused, match="independent person"):
        services.complaint_respond(
            actor=staff, complaint=complaint, response="We found...", outcome="upheld"
        )
    services.complaint_appoint(
        actor=staff,
        complaint=complaint,
        investigating_officer="Sam Patel",
        independent_person="Ruth Jones",
    )
    with pytest.raises(MoveRefused, match="statement of complaint"):
        services.complaint_respond(
            actor=staff, complaint=complaint, response="We found...", outcome="not_upheld"
        )
    services.complaint_agree_statement(
        actor=staff, complaint=complaint, statement="1. Calls not returned.", agreed_on=TODAY()
    )
    done = services.complaint_respond(
        actor=staff, complaint=complaint, response="We found...", outcome="not_upheld"
    )
    assert done.status == Status.RESPONDED


def test_the_family_asks_for_stage_2_after_the_response(staff, parent_actor, family):
    complaint = complaint_for(family)
    with pytest.raises(IllegalMove) as refused:
        services.complaint_ask_next_stage(actor=parent_actor, complaint=complaint)
    assert str(refused.value) == (
        "“Ask for the next stage” cannot be done now: this complaint is “Being looked at” at "
        "stage 1: local resolution."
    )
    complaint = services.complaint_respond(
        actor=staff, complaint=complaint, response="Sorry.", outcome="not_upheld"
    )
    asked = services.complaint_ask_next_stage(
        actor=parent_actor, complaint=complaint, why="Nobody has called."
    )
    assert (asked.stage, asked.status) == (2, Status.OPEN)
    assert asked.respond_by == clock.stage_2_due(TODAY())
    assert asked.acknowledged_on is None
    assert asked.events.get(move="ask_next_stage").reason == "Nobody has called."


def test_asking_late_is_noted_not_refused(staff, parent_actor, family):
    complaint = complaint_for(family, received_on=date(2026, 1, 5))
    complaint = services.complaint_respond(
        actor=staff,
        complaint=complaint,
        response="Sorry.",
        outcome="upheld",
        remedy="An apology.",
        learning="Calls are returned within two days.",
        responded_on=date(2026, 1, 9),
    )
    asked = services.complaint_ask_next_stage(
        actor=parent_actor, complaint=complaint, asked_on=date(2026, 3, 2)
    )
    assert asked.stages.get(stage=2).asked_late is True


def test_the_review_panel_needs_three_different_people(staff, family):
    complaint = complaint_for(family, stage=3)
    with pytest.raises(MoveRefused, match="three independent people"):
        services.complaint_appoint(actor=staff, complaint=complaint, panel_members=["A", "B"])
    with pytest.raises(MoveRefused, match="three different people"):
        services.complaint_appoint(actor=staff, complaint=complaint, panel_members=["A", "B", "A"])


def test_stage_3_meeting_report_and_response_each_set_the_next_deadline(
    sent_at_once, staff, family
):
    start = TODAY() - timedelta(days=40)
    complaint = complaint_for(family, stage=3, received_on=start)
    with pytest.raises(MoveRefused, match="three independent people before it meets"):
        services.complaint_record_meeting(actor=staff, complaint=complaint, met_on=start)
    with pytest.raises(MoveRefused, match="meets and writes its report"):
        services.complaint_respond(actor=staff, complaint=complaint, response="x", outcome="upheld")
    services.complaint_appoint(
        actor=staff, complaint=complaint, panel_members=["Ann Chair", "Bo Lee", "Cy Moss"]
    )
    met_on = start + timedelta(days=14)
    complaint = services.complaint_record_meeting(actor=staff, complaint=complaint, met_on=met_on)
    assert complaint.status == Status.PANEL_MET
    assert complaint.respond_by == clock.panel_report_due(met_on)
    report_on = met_on + timedelta(days=5)
    complaint = services.complaint_record_report(
        actor=staff, complaint=complaint, report_on=report_on
    )
    assert complaint.respond_by == clock.council_response_due(report_on)
    complaint = services.complaint_respond(
        actor=staff,
        complaint=complaint,
        response="We agree with the panel.",
        outcome="upheld",
        remedy="A new assessment by 1 June.",
        learning="Managers check assessment dates weekly.",
    )
    assert complaint.finished
    assert "Ombudsman" in mail.outbox[-1].body
    with pytest.raises(MoveRefused, match="Ombudsman"):
        services.complaint_ask_next_stage(actor=actor_for(family_user(family)), complaint=complaint)


def test_a_meeting_in_the_future_is_refused(staff, family):
    complaint = complaint_for(family, stage=3)
    services.complaint_appoint(actor=staff, complaint=complaint, panel_members=["A", "B", "C"])
    with pytest.raises(MoveRefused, match="today or in the past"):
        services.complaint_record_meeting(
            actor=staff, complaint=complaint, met_on=TODAY() + timedelta(days=1)
        )


def test_an_accepted_advocate_needs_their_organisation(staff, family):
    complaint = complaint_for(family)
    with pytest.raises(MoveRefused, match="organisation"):
        services.complaint_record_advocacy(
            actor=staff, complaint=complaint, offered_on=TODAY(), answer="accepted"
        )
    done = services.complaint_record_advocacy(
        actor=staff,
        complaint=complaint,
        offered_on=TODAY(),
        answer="accepted",
        organisation="Ashvale Advocacy",
    )
    assert done.advocate_organisation == "Ashvale Advocacy"
    assert done.events.filter(move="record_advocacy").count() == 1


def test_the_demo_has_one_complaint_at_stage_1_in_ashvale(db):
    from supportfirst import demo
    from supportfirst.complaints import demo as complaints_demo

    demo.load_if_empty()
    complaint = Complaint.objects.get()
    assert complaint.family.council.name == "Ashvale Borough Council"
    assert (complaint.stage, complaint.status) == (1, Status.OPEN)
    assert complaint.acknowledged_on is not None
    complaints_demo.load_demo()
    assert Complaint.objects.count() == 1


def test_the_supportfirst_cli_runs_the_reminders(family, capsys):
    from supportfirst.cli import main

    complaint = complaint_for(family, received_on=TODAY() - timedelta(days=20))
    assert main(["manage", "complaint_reminders", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert complaint.reference in out
    assert "OVERDUE" in out
