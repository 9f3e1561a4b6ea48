"""Complaints the Ombudsman would accept: a complaints manager runs them, the worker complained
about never sees them, the one-year time limit is checked when a complaint is made, stage 2
starts with an agreed statement of complaint, and each upheld complaint records its remedy and
learning. Advocacy under section 26A is offered to a child or young person who complains."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.complaints import clock, services
from supportfirst.complaints.models import Complaint, TimeLimitDecision
from supportfirst.complaints.services import About
from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import MoveRefused
from tests.accounts.factories import family_user, staff_user
from tests.complaints.factories import actor_for, complaint_for
from tests.conftest import signed_in_client

TODAY = timezone.localdate


# The complaints manager role


def test_a_complaints_manager_runs_complaints(complaints_manager, family):
    complaint = complaint_for(family)
    client = signed_in_client(complaints_manager)
    page = client.get(f"/staff/complaints/{complaint.pk}/")
    assert page.status_code == 200
    assert "Acknowledge the complaint" in page.content.decode()
    assert client.post(f"/staff/complaints/{complaint.pk}/acknowledge/").status_code == 302


def test_a_complaints_manager_lands_on_the_complaints_list(complaints_manager):
    response = signed_in_client(complaints_manager).get("/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/staff/complaints/"


def test_a_practitioner_reads_a_complaint_but_does_not_run_it(practitioner, family):
    complaint = complaint_for(family)
    client = signed_in_client(practitioner)
    page = client.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    assert "The council's complaints manager runs this complaint." in page
    assert "Acknowledge the complaint" not in page
    assert client.post(f"/staff/complaints/{complaint.pk}/acknowledge/").status_code == 403
    assert client.get(f"/staff/complaints/{complaint.pk}/respond/").status_code == 403


def test_a_complaints_manager_never_sees_another_councils_complaint(complaints_manager):
    from tests.councils.factories import CouncilFactory
    from tests.families.factories import family_with_everyone

    elsewhere = complaint_for(family_with_everyone(CouncilFactory()))
    client = signed_in_client(complaints_manager)
    assert client.get(f"/staff/complaints/{elsewhere.pk}/").status_code == 404
    assert elsewhere.reference not in client.get("/staff/complaints/").content.decode()


def test_a_complaints_manager_does_not_read_families_other_records(complaints_manager, family):
    assert (
        signed_in_client(complaints_manager).get(f"/staff/families/{family.pk}/").status_code == 403
    )


# The worker complained about


def test_the_worker_complained_about_cannot_see_the_complaint(
    complaints_manager, practitioner, family
):
    complaint = complaint_for(family)
    colleague = staff_user(family.council, Role.PRACTITIONER)
    services.complaint_name_worker(
        actor=actor_for(complaints_manager), complaint=complaint, worker=practitioner
    )
    them = signed_in_client(practitioner)
    assert them.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    assert them.get(f"/staff/complaints/{complaint.pk}/advocacy/").status_code == 403
    assert complaint.reference not in them.get("/staff/complaints/").content.decode()
    # Another practitioner still reads it; the manager running it sees who it is about.
    assert signed_in_client(colleague).get(f"/staff/complaints/{complaint.pk}/").status_code == 200
    page = signed_in_client(complaints_manager).get(f"/staff/complaints/{complaint.pk}/")
    assert f"{practitioner} (cannot see this complaint)" in page.content.decode()


def test_a_manager_complained_about_cannot_see_or_run_it(complaints_manager, family):
    manager = staff_user(family.council, Role.TEAM_MANAGER)
    complaint = complaint_for(family)
    services.complaint_name_worker(
        actor=actor_for(complaints_manager), complaint=complaint, worker=manager
    )
    client = signed_in_client(manager)
    assert client.get(f"/staff/complaints/{complaint.pk}/").status_code == 404
    assert client.post(f"/staff/complaints/{complaint.pk}/acknowledge/").status_code == 404
    assert client.get(f"/staff/complaints/{complaint.pk}/respond/").status_code == 404


def test_the_worker_complained_about_does_not_get_it_on_their_list(
    complaints_manager, practitioner, family
):
    from supportfirst.complaints.due import due_items
    from supportfirst.councils.scoping import scope_for

    family.allocated_worker = practitioner
    family.save()
    complaint = complaint_for(family)
    mine = due_items(scope=scope_for(practitioner), worker_id=practitioner.pk, today=TODAY())
    assert [item.record_id for item in mine] == [complaint.pk]
    services.complaint_name_worker(
        actor=actor_for(complaints_manager), complaint=complaint, worker=practitioner
    )
    assert due_items(scope=scope_for(practitioner), worker_id=practitioner.pk, today=TODAY()) == []


def test_nobody_names_themselves(complaints_manager, family):
    complaint = complaint_for(family)
    with pytest.raises(MoveRefused, match="cannot name yourself"):
        services.complaint_name_worker(
            actor=actor_for(complaints_manager), complaint=complaint, worker=complaints_manager
        )


def test_the_worker_page_names_the_councils_caseworkers(complaints_manager, practitioner, family):
    complaint = complaint_for(family)
    client = signed_in_client(complaints_manager)
    page = client.get(f"/staff/complaints/{complaint.pk}/worker/").content.decode()
    assert str(practitioner) in page
    assert "They will not be able to see this complaint" in page
    response = client.post(f"/staff/complaints/{complaint.pk}/worker/", {"worker": practitioner.pk})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.about_worker == practitioner
    response = client.post(f"/staff/complaints/{complaint.pk}/worker/", {})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


# The one-year time limit


def test_the_time_limit_is_checked_when_the_complaint_is_made(family):
    parent = actor_for(family_user(family))
    late = services.complaint_make(
        actor=parent,
        family=family,
        summary="The assessment was wrong.",
        about=About(description="An assessment"),
        happened_on=TODAY() - timedelta(days=400),
    )
    in_time = services.complaint_make(
        actor=parent,
        family=family,
        summary="Nobody called back.",
        about=About(description="Calls"),
        happened_on=TODAY() - timedelta(days=30),
    )
    assert late.made_late
    assert late.time_limit_open
    assert not in_time.made_late


def test_a_late_complaint_is_taken_and_needs_a_decision_before_it_is_acknowledged(
    complaints_manager, family
):
    staff = actor_for(complaints_manager)
    complaint = complaint_for(family)
    complaint.happened_on = complaint.received_on - timedelta(days=500)
    complaint.save()
    with pytest.raises(MoveRefused, match="more than a year ago"):
        services.complaint_acknowledge(actor=staff, complaint=complaint)
    with pytest.raises(MoveRefused, match="reason"):
        services.complaint_decide_time_limit(
            actor=staff, complaint=complaint, consider=True, reason=" "
        )
    decided = services.complaint_decide_time_limit(
        actor=staff,
        complaint=complaint,
        consider=True,
        reason="Ms Hughes was in hospital for most of last year.",
    )
    assert decided.time_limit_decision == TimeLimitDecision.ACCEPTED
    assert services.complaint_acknowledge(actor=staff, complaint=decided).acknowledged_on


def test_a_complaint_in_time_has_no_time_limit_to_decide(complaints_manager, family):
    complaint = complaint_for(family)
    with pytest.raises(MoveRefused, match="within a year"):
        services.complaint_decide_time_limit(
            actor=actor_for(complaints_manager), complaint=complaint, consider=True, reason="x"
        )


def test_the_family_says_when_it_happened_and_reads_the_decision(complaints_manager, family):
    parent = family_user(family)
    client = signed_in_client(parent)
    when = TODAY() - timedelta(days=450)
    response = client.post(
        "/family/complaints/new/",
        {
            "about": "other",
            "about_other": "Our short breaks",
            "summary": "The short breaks stopped without a word.",
            "happened_on_0": when.day,
            "happened_on_1": when.month,
            "happened_on_2": when.year,
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get(family=family)
    assert complaint.happened_on == when
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "more than a year before you complained" in page
    assert "We will decide and tell you why." in page
    staff = signed_in_client(complaints_manager)
    assert (
        "Decide whether to consider this complaint"
        in staff.get(f"/staff/complaints/{complaint.pk}/").content.decode()
    )
    response = staff.post(
        f"/staff/complaints/{complaint.pk}/time-limit/",
        {"consider": "yes", "reason": "The family were told the breaks would restart."},
    )
    assert response.status_code == 302
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "We will still look into it. Our reason: The family were told" in page


def test_the_time_limit_form_shows_the_error_summary(complaints_manager, family):
    complaint = complaint_for(family)
    complaint.happened_on = complaint.received_on - timedelta(days=500)
    complaint.save()
    response = signed_in_client(complaints_manager).post(
        f"/staff/complaints/{complaint.pk}/time-limit/", {"consider": "no"}
    )
    assert response.status_code == 400
    assert "Write the reason for the decision" in response.content.decode()


# The stage 2 statement of complaint


def test_stage_2_clock_runs_from_the_agreed_statement(complaints_manager, family):
    start = TODAY() - timedelta(days=20)
    complaint = complaint_for(family, stage=2, received_on=start)
    agreed = start + timedelta(days=7)
    done = services.complaint_agree_statement(
        actor=actor_for(complaints_manager),
        complaint=complaint,
        statement="1. Nobody returned calls for three weeks.",
        agreed_on=agreed,
    )
    stage = done.stages.get(stage=2)
    assert stage.statement_agreed_on == agreed
    assert done.respond_by == clock.stage_2_due(agreed) == stage.due_on
    assert stage.clock_from == agreed


def test_the_statement_cannot_be_agreed_before_stage_2_was_asked_for(complaints_manager, family):
    complaint = complaint_for(family, stage=2)
    with pytest.raises(MoveRefused, match="on or after the day stage 2 was asked for"):
        services.complaint_agree_statement(
            actor=actor_for(complaints_manager),
            complaint=complaint,
            statement="1. Calls.",
            agreed_on=complaint.received_on - timedelta(days=1),
        )


def test_there_is_no_statement_at_stage_1(complaints_manager, family):
    complaint = complaint_for(family)
    with pytest.raises(MoveRefused, match="stage 2"):
        services.complaint_agree_statement(
            actor=actor_for(complaints_manager),
            complaint=complaint,
            statement="1. Calls.",
            agreed_on=TODAY(),
        )


def test_the_family_reads_the_agreed_statement(complaints_manager, family):
    complaint = complaint_for(family, stage=2)
    client = signed_in_client(family_user(family))
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "We will agree with you what the investigation looks at." in page
    response = signed_in_client(complaints_manager).post(
        f"/staff/complaints/{complaint.pk}/statement/",
        {
            "statement": "1. Nobody returned calls.",
            "agreed_on_0": TODAY().day,
            "agreed_on_1": TODAY().month,
            "agreed_on_2": TODAY().year,
        },
    )
    assert response.status_code == 302
    page = client.get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "1. Nobody returned calls." in page


# Remedy and learning


def test_an_upheld_complaint_records_its_remedy_and_learning(complaints_manager, family):
    staff = actor_for(complaints_manager)
    complaint = complaint_for(family)
    with pytest.raises(MoveRefused, match="put it right and what it has learned"):
        services.complaint_respond(
            actor=staff, complaint=complaint, response="We are sorry.", outcome="partly_upheld"
        )
    done = services.complaint_respond(
        actor=staff,
        complaint=complaint,
        response="We are sorry.",
        outcome="partly_upheld",
        remedy="An apology and an assessment visit by 10 June.",
        learning="Duty calls are now logged and returned within two working days.",
    )
    stage = done.stages.get(stage=1)
    assert stage.remedy.startswith("An apology")
    assert stage.learning.startswith("Duty calls")
    page = signed_in_client(family_user(family)).get(f"/family/complaints/{complaint.pk}/")
    assert "What we will do to put it right" in page.content.decode()
    assert "What we have learned" in page.content.decode()


def test_a_complaint_not_upheld_needs_no_remedy(complaints_manager, family):
    done = services.complaint_respond(
        actor=actor_for(complaints_manager),
        complaint=complaint_for(family),
        response="We looked into it.",
        outcome="not_upheld",
    )
    assert done.stages.get(stage=1).remedy == ""


def test_the_response_form_asks_for_remedy_and_learning_when_upheld(complaints_manager, family):
    complaint = complaint_for(family)
    response = signed_in_client(complaints_manager).post(
        f"/staff/complaints/{complaint.pk}/respond/",
        {
            "response": "We are sorry.",
            "outcome": "upheld",
            "responded_on_0": TODAY().day,
            "responded_on_1": TODAY().month,
            "responded_on_2": TODAY().year,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write what the council will do to put it right" in page
    assert "Write what the council has learned" in page
    assert "We are sorry." in page


# Advocacy


def test_a_young_person_who_complains_is_offered_an_advocate(family):
    child = family.children.order_by("pk").first()
    young_person = family_user(family, child=child)
    complaint = services.complaint_make(
        actor=actor_for(young_person),
        family=family,
        summary="Nobody asked me what I wanted.",
        about=About(description="My assessment"),
    )
    assert complaint.by_young_person
    page = (
        signed_in_client(young_person).get(f"/family/complaints/{complaint.pk}/").content.decode()
    )
    assert "You can have an advocate" in page
    assert "We must arrange one for you" in page


def test_a_parent_reading_their_childs_complaint_is_not_told_the_advocate_is_theirs(family):
    # s26A is owed to the young person who complains: "you can have an advocate" is said to
    # them, not to the parent who reads the shared complaint.
    child = family.children.order_by("pk").first()
    young_person = family_user(family, child=child)
    complaint = services.complaint_make(
        actor=actor_for(young_person),
        family=family,
        summary="Nobody asked me what I wanted.",
        about=About(description="My assessment"),
    )
    page = signed_in_client(family_user(family)).get(f"/family/complaints/{complaint.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "We must arrange one for you" not in text
    assert "If your child wants to complain, they can have an advocate" in text


def test_parents_are_signposted_not_promised_an_advocate(family):
    parent = family_user(family)
    complaint = services.complaint_make(
        actor=actor_for(parent),
        family=family,
        summary="Nobody called back.",
        about=About(description="Calls"),
    )
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    assert "If your child wants to complain, they can have an advocate" in page
    assert "we can tell you about advocacy services near you" in page
    assert "arrange one for you" not in page


def test_stage_1_is_never_called_independent(parent, family):
    from supportfirst.complaints.models import FAMILY_STAGE_NAMES

    assert "independent" not in FAMILY_STAGE_NAMES[1].lower()
    complaint = complaint_for(family)
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/").content.decode()
    heading = '<h3 class="govuk-heading-s">Stage 1: we look into it and answer you</h3>'
    stage_1 = page.split(heading, 1)[1].split("</dl>", 1)[0]
    assert "independent" not in stage_1.lower()


def test_a_late_complaint_not_considered_tells_the_family_why_and_where_next(
    complaints_manager, family
):
    complaint = complaint_for(family)
    complaint.happened_on = complaint.received_on - timedelta(days=900)
    complaint.save()
    services.complaint_decide_time_limit(
        actor=actor_for(complaints_manager),
        complaint=complaint,
        consider=False,
        reason="The worker involved left in 2023 and the records were not kept.",
    )
    page = signed_in_client(family_user(family)).get(f"/family/complaints/{complaint.pk}/")
    text = page.content.decode()
    # Either limb of the time limit can be the reason: not always "cannot look into it fairly".
    assert "We have decided not to look into it." in text
    assert "cannot now look into it fairly" not in text
    assert "The worker involved left in 2023" in text
    assert "whether it will look at your complaint" in text


def test_asking_for_stage_2_says_the_time_runs_from_the_agreed_statement(family):
    parent = family_user(family)
    complaint = services.complaint_make(
        actor=actor_for(parent),
        family=family,
        summary="Nobody called back.",
        about=About(description="Calls"),
    )
    Complaint.objects.filter(pk=complaint.pk).update(status="responded")
    page = signed_in_client(parent).get(f"/family/complaints/{complaint.pk}/next-stage/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "within 25 working days of the day we agree it" in text
    assert "within 25 working days of your request" not in text


def test_the_complaints_list_names_the_stages_after_stage_1(family):
    parent = family_user(family)
    text = signed_in_client(parent).get("/family/complaints/").content.decode()
    assert "ask for stage 2: an investigation with an independent person" in text
    assert "looked at again by someone independent" not in text
