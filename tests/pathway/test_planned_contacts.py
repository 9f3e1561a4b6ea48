"""Planned contacts: intrusions justified before they happen, an objection that counts, real
dates, and notes that cannot describe an intrusion without its record. One test per rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.notifications.models import Notification
from supportfirst.pathway import services
from supportfirst.pathway.models import Contact, ContactStatus, FamilyView, RequestStatus
from tests.accounts.factories import family_user, staff_user
from tests.pathway.factories import SupportPathwayRequestFactory

RECORD = {
    "purpose": "To see the stairs Alfie cannot climb at bedtime.",
    "why_necessary": "The occupational therapist must measure the stairs.",
    "less_intrusive_option": "Photographs of the stairs taken by the family.",
    "less_intrusive_answer": "Claire said photographs would not show the depth of the steps.",
    "why_not_enough": "Photographs do not show the depth of each step.",
    "family_view": "agree",
    "family_words": "Come on Tuesday after school.",
    "notice_given": "Two weeks, by email.",
}


def actor(user) -> Actor:
    return Actor(user, scope_for(user), "test")


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


@pytest.fixture
def support_request(family):
    family.parent_carers.update(email="claire@example.com")
    return SupportPathwayRequestFactory(
        child=family.children.first(), received_at=timezone.now() - timedelta(days=10)
    )


def plan(user, request, *, view="agree", intrusions=(), record=True, kind="home_visit", **kw):
    return services.contact_plan(
        actor=actor(user),
        request=request,
        kind=kind,
        planned_for=kw.pop("planned_for", timezone.now() + timedelta(days=7)),
        place="At home",
        family_chose_time_and_place=True,
        notice_given="Two weeks",
        what_for="To see how bedtimes go and what would help.",
        intrusions=list(intrusions),
        intrusion={**RECORD, "family_view": view} if record else None,
    )


def done(user, contact, *, when=None, notes="We measured the stairs together.", **kw):
    return services.contact_record_done(
        actor=actor(user),
        contact=contact,
        kind=contact.kind,
        happened_at=when or timezone.now() - timedelta(minutes=5),
        place="At home",
        family_chose_time_and_place=True,
        notice_given="Two weeks",
        intrusions=kw.pop("intrusions", []),
        notes=notes,
        intrusion=kw.pop("intrusion", dict(RECORD)),
    )


def after_the_fact(user, request, *, when, notes="", intrusions=(), intrusion=None, kind="call"):
    return services.contact_record(
        actor=actor(user),
        request=request,
        kind=kind,
        happened_at=when,
        place="",
        family_chose_time_and_place=True,
        notice_given="",
        intrusions=list(intrusions),
        notes=notes,
        intrusion=intrusion,
    )


# Planning -------------------------------------------------------------------------------------


def test_a_planned_intrusion_without_its_record_is_refused(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        plan(practitioner, support_request, record=False)
    assert "needs an intrusion record" in error.value.messages[0]
    assert "Write the less intrusive option offered to the family first" in error.value.messages
    assert "Write what the family said about the less intrusive option" in error.value.messages
    assert not Contact.objects.exists()


def test_a_plan_must_be_in_the_future(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        plan(practitioner, support_request, planned_for=timezone.now() - timedelta(hours=1))
    assert error.value.messages == [
        "The date of a planned contact must be in the future: record it as done instead"
    ]


def test_a_plan_tells_the_family_what_and_why_in_plain_words(
    practitioner, support_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        contact = plan(practitioner, support_request, intrusions=["child_alone"], view="waiting")
    assert contact.status == ContactStatus.PLANNED
    assert contact.intrusions == ["home_visit", "child_alone"]
    told = Notification.objects.get(family=support_request.family, event="contact_planned")
    assert "We plan a home visit" in told.subject
    assert "coming to your home" in told.body
    assert f"talking with {support_request.child.first_name} without a parent there" in told.body
    assert "Photographs of the stairs taken by the family." in told.body
    assert "Two weeks, by email." in told.body
    assert "You can agree or say no" in told.body
    assert "intrusion" not in told.body.lower()
    assert "proportionate" not in told.body.lower()
    assert support_request.events.filter(move="plan", to_status="planned").exists()


def test_a_plan_whose_purpose_describes_an_intrusion_needs_its_record(
    practitioner, support_request
):
    """A "meeting" planned to see the child alone and look at the bedroom is an intrusion,
    whatever kind it is typed as: the record is needed now, before it happens."""
    with pytest.raises(MoveRefused) as error:
        services.contact_plan(
            actor=actor(practitioner),
            request=support_request,
            kind="meeting",
            planned_for=timezone.now() + timedelta(days=7),
            place="Children's centre",
            family_chose_time_and_place=True,
            notice_given="",
            what_for="To see Alfie alone and look at his bedroom.",
            intrusions=[],
            intrusion=None,
        )
    assert error.value.messages == [
        "What it is for says “see Alfie alone”: that is “Speaking with the child without a "
        "parent there”. Tick it and complete the intrusion record, or change the words if it "
        "is not planned.",
        "What it is for says “look at his bedroom”: that is “Looking at particular rooms”. "
        "Tick it and complete the intrusion record, or change the words if it is not planned.",
    ]
    assert not Contact.objects.exists()


def test_the_timeline_names_the_child_not_the_child(practitioner, support_request):
    """The family reads the timeline: the child's name, never "the child"."""
    contact = plan(practitioner, support_request, intrusions=["child_alone"], view="waiting")
    event = support_request.events.get(move="plan", record_id=contact.pk)
    name = support_request.child.first_name
    assert f"speaking with {name} without a parent there" in event.summary
    assert "the child" not in event.summary


def test_a_plan_with_nothing_intrusive_needs_no_record(practitioner, support_request):
    contact = plan(practitioner, support_request, kind="call", record=False)
    assert contact.status == ContactStatus.PLANNED
    assert not hasattr(contact, "intrusion_record")


# The family's view and an objection -----------------------------------------------------------


def test_a_planned_intrusion_waits_for_the_familys_view(practitioner, support_request):
    contact = plan(practitioner, support_request, view="waiting")
    with pytest.raises(MoveRefused) as error:
        done(practitioner, contact)
    assert "Record whether the family agreed or objected" in error.value.messages[0]
    services.contact_family_view(
        actor=actor(practitioner), contact=contact, family_view="agree", family_words="Yes, fine."
    )
    assert done(practitioner, contact).status == ContactStatus.DONE


def test_an_objection_blocks_the_contact_without_a_manager(practitioner, support_request):
    contact = plan(practitioner, support_request, view="object")
    with pytest.raises(MoveRefused) as error:
        done(practitioner, contact)
    assert "The family objected" in error.value.messages[0]
    contact.refresh_from_db()
    assert contact.status == ContactStatus.PLANNED


def test_an_objection_recorded_later_blocks_too(practitioner, support_request):
    contact = plan(practitioner, support_request, view="agree")
    services.contact_family_view(
        actor=actor(practitioner),
        contact=contact,
        family_view="object",
        family_words="We changed our minds: please meet us at the centre.",
    )
    with pytest.raises(MoveRefused):
        done(practitioner, contact)
    assert support_request.events.filter(move="record_family_view").exists()


def test_staff_cannot_turn_the_familys_no_into_a_yes(practitioner, manager, support_request):
    contact = plan(practitioner, support_request, view="object")
    for staff in (practitioner, manager):
        with pytest.raises(MoveRefused) as error:
            services.contact_family_view(
                actor=actor(staff),
                contact=contact,
                family_view="agree",
                family_words="They said it is fine now.",
            )
        assert "The family said no" in error.value.messages[0]
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.OBJECT
    with pytest.raises(MoveRefused):
        done(practitioner, contact)


def test_the_family_can_change_their_own_no_to_a_yes(practitioner, support_request):
    contact = plan(practitioner, support_request, view="object")
    parent = family_user(support_request.family)
    services.contact_family_view(
        actor=actor(parent), contact=contact, family_view="agree", family_words="Tuesday is fine."
    )
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.AGREE
    assert done(practitioner, contact).status == ContactStatus.DONE


def test_a_plan_the_worker_says_the_family_agreed_to_tells_the_family_so(
    practitioner, support_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan(practitioner, support_request, view="agree")
    told = Notification.objects.get(family=support_request.family, event="contact_planned")
    # The worker wrote these words, so they are labelled as the worker's note, never quoted as
    # the family's own (as on the request page).
    assert "We have written down that you agree." in told.body
    assert "Our worker's note of what you said: Come on Tuesday after school." in told.body
    assert "“Come on Tuesday after school.”" not in told.body
    assert "If that is not right, you can say no on your request page" in told.body


def test_a_plan_the_family_said_no_to_tells_them_it_waits_for_a_manager(
    practitioner, support_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan(practitioner, support_request, view="object")
    told = Notification.objects.get(family=support_request.family, event="contact_planned")
    assert "We have written down that you said no." in told.body
    assert "Our worker's note of what you said: Come on Tuesday after school." in told.body
    assert "“Come on Tuesday after school.”" not in told.body
    assert "it will not go ahead unless a team manager decides it must" in told.body
    assert "You can agree or say no" not in told.body


def test_a_practitioner_cannot_approve_despite_an_objection(council, practitioner, support_request):
    contact = plan(practitioner, support_request, view="object")
    other = staff_user(council, Role.PRACTITIONER)
    with pytest.raises(MoveRefused) as error:
        services.contact_approve(actor=actor(other), contact=contact, reason="R" * 40)
    assert "Only a team manager or a head of service" in " ".join(error.value.messages)


def test_a_manager_cannot_approve_their_own_plan(manager, support_request):
    contact = plan(manager, support_request, view="object")
    with pytest.raises(MoveRefused) as error:
        services.contact_approve(
            actor=actor(manager), contact=contact, reason="The stairs must be measured in person."
        )
    assert "the person who planned the contact cannot" in " ".join(error.value.messages)


def test_an_approval_needs_a_real_written_reason(practitioner, manager, support_request):
    contact = plan(practitioner, support_request, view="object")
    with pytest.raises(MoveRefused) as error:
        services.contact_approve(actor=actor(manager), contact=contact, reason="x")
    assert "in at least a sentence" in error.value.messages[0]


def test_a_contact_the_family_agreed_to_needs_no_approval(practitioner, manager, support_request):
    contact = plan(practitioner, support_request, view="agree")
    with pytest.raises(MoveRefused) as error:
        services.contact_approve(actor=actor(manager), contact=contact, reason="R" * 40)
    assert "Only a contact the family objected to" in error.value.messages[0]


def test_a_managers_approval_lets_it_go_ahead_and_the_family_reads_why(
    practitioner, manager, support_request, django_capture_on_commit_callbacks
):
    contact = plan(practitioner, support_request, view="object")
    reason = "The stairlift cannot be fitted without measuring the stairs in person."
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_approve(actor=actor(manager), contact=contact, reason=reason)
    told = Notification.objects.filter(family=support_request.family).order_by("-pk").first()
    assert reason in told.body
    assert "A team manager" in told.subject
    assert done(practitioner, contact).status == ContactStatus.DONE
    event = support_request.events.get(move="approve_despite_objection")
    assert (event.actor, event.reason) == (manager, reason)


def test_an_objection_does_not_block_once_moved_to_safeguarding(practitioner, support_request):
    contact = plan(practitioner, support_request, view="object")
    type(support_request).objects.filter(pk=support_request.pk).update(
        status=RequestStatus.MOVED_TO_SAFEGUARDING
    )
    contact = Contact.objects.get(pk=contact.pk)
    assert done(practitioner, contact).status == ContactStatus.DONE


def test_cancelling_needs_a_reason_and_tells_the_family(
    practitioner, support_request, django_capture_on_commit_callbacks
):
    contact = plan(practitioner, support_request, view="object")
    with pytest.raises(MoveRefused):
        services.contact_cancel(actor=actor(practitioner), contact=contact, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_cancel(
            actor=actor(practitioner), contact=contact, reason="We will meet at the centre instead."
        )
    contact.refresh_from_db()
    assert contact.status == ContactStatus.CANCELLED
    told = Notification.objects.filter(family=support_request.family).order_by("-pk").first()
    assert "We will meet at the centre instead." in told.body
    with pytest.raises(IllegalMove):
        done(practitioner, contact)


# Recording as done: dates and the link to the plan --------------------------------------------


def test_recording_a_planned_contact_fills_in_the_plan(practitioner, support_request):
    contact = plan(practitioner, support_request)
    when = timezone.now() - timedelta(minutes=30)
    done(practitioner, contact, when=when, notes="We measured the stairs together.")
    assert Contact.objects.count() == 1
    contact.refresh_from_db()
    assert contact.status == ContactStatus.DONE
    assert contact.happened_at == when
    assert contact.planned_for is not None
    assert contact.notes == "We measured the stairs together."
    assert contact.intrusion_record.family_view == FamilyView.AGREE
    assert support_request.events.filter(move="record_done", from_status="planned").exists()


def test_a_planned_contact_cannot_be_recorded_as_done_in_the_future(practitioner, support_request):
    contact = plan(practitioner, support_request)
    with pytest.raises(MoveRefused) as error:
        done(practitioner, contact, when=timezone.now() + timedelta(days=7))
    assert "must be today or in the past" in error.value.messages[0]


def test_a_contact_after_the_fact_cannot_be_dated_in_the_future(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        after_the_fact(practitioner, support_request, when=timezone.now() + timedelta(days=3))
    assert error.value.messages == [
        "The date of the contact must be today or in the past: plan it instead."
    ]


def test_a_contact_cannot_be_dated_before_the_request(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        after_the_fact(practitioner, support_request, when=timezone.now() - timedelta(days=30))
    assert "on or after the day the request for help was made" in error.value.messages[0]


def test_an_unplanned_intrusion_the_family_objected_to_is_refused(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        after_the_fact(
            practitioner,
            support_request,
            kind="home_visit",
            when=timezone.now() - timedelta(hours=1),
            intrusion={**RECORD, "family_view": "object"},
        )
    assert "The family objected" in error.value.messages[0]


# Notes that describe an intrusion -------------------------------------------------------------


def test_a_meeting_at_the_familys_home_is_a_home_visit(practitioner, support_request):
    kind = "meeting"
    with pytest.raises(MoveRefused) as error:
        services.contact_record(
            actor=actor(practitioner),
            request=support_request,
            kind=kind,
            happened_at=timezone.now() - timedelta(hours=1),
            place="Family home",
            family_chose_time_and_place=True,
            notice_given="",
            intrusions=[],
            notes="We talked about bedtimes.",
        )
    assert "The place is the family's home" in " ".join(error.value.messages)
    with pytest.raises(MoveRefused) as error:
        services.contact_plan(
            actor=actor(practitioner),
            request=support_request,
            kind=kind,
            planned_for=timezone.now() + timedelta(days=7),
            place="At home",
            family_chose_time_and_place=True,
            notice_given="Two weeks",
            what_for="To talk about bedtimes.",
            intrusions=[],
        )
    assert "The place is the family's home" in " ".join(error.value.messages)
    assert not Contact.objects.exists()
    # A phone call while the family is at home is not a visit.
    call = services.contact_record(
        actor=actor(practitioner),
        request=support_request,
        kind="call",
        happened_at=timezone.now() - timedelta(hours=1),
        place="At home",
        family_chose_time_and_place=True,
        notice_given="",
        intrusions=[],
        notes="We talked about bedtimes.",
    )
    assert call.status == ContactStatus.DONE


def test_notes_describing_an_intrusion_are_refused_without_a_record(practitioner, support_request):
    with pytest.raises(MoveRefused) as error:
        after_the_fact(
            practitioner,
            support_request,
            kind="meeting",
            when=timezone.now() - timedelta(hours=1),
            notes="Alfie was seen alone and the bedroom was checked.",
        )
    assert error.value.messages == [
        "The notes say “was seen alone”: that is “Speaking with the child without a parent "
        "there”. Tick it and complete the intrusion record, or change the notes if it did not "
        "happen.",
        "The notes say “bedroom was checked”: that is “Looking at particular rooms”. Tick it "
        "and complete the intrusion record, or change the notes if it did not happen.",
    ]
    assert not Contact.objects.exists()


def test_notes_covered_by_the_record_are_saved(practitioner, support_request):
    contact = after_the_fact(
        practitioner,
        support_request,
        kind="meeting",
        when=timezone.now() - timedelta(hours=1),
        notes="With Claire's agreement we looked at Alfie's bedroom for a hoist.",
        intrusions=["rooms"],
        intrusion=RECORD,
    )
    assert contact.intrusions == ["rooms"]


def test_negated_notes_need_no_record(practitioner, support_request):
    contact = after_the_fact(
        practitioner,
        support_request,
        when=timezone.now() - timedelta(hours=1),
        notes="We did not look at the bedroom; Claire told us about bedtimes.",
    )
    assert contact.status == ContactStatus.DONE


def test_notes_of_a_planned_contact_are_checked_too(practitioner, support_request):
    contact = plan(practitioner, support_request)
    with pytest.raises(MoveRefused) as error:
        done(practitioner, contact, notes="We asked the school how Alfie manages at lunch.")
    assert "“asked the school”" in error.value.messages[0]
    assert done(
        practitioner,
        contact,
        notes="We asked the school how Alfie manages at lunch.",
        intrusions=["third_party"],
    ).intrusions == ["home_visit", "third_party"]
