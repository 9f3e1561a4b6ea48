"""The smaller faults review found in issue 18: who decides a lone manager's proposal, the
approve form hidden from the person who planned the visit, the family's "Where", the time a
request was received, and no running clock on a closed request."""

from __future__ import annotations

import datetime

from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import RequestStatus
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import PlannedContactFactory, SupportRequestFactory

EVIDENCE = {
    "what_happened": "At 3pm the nurse found Alfie in a nappy soaked through; he was hungry.",
    "seen_or_said_by": "Ms Green, school nurse",
    "when_it_happened": "2 March 2026, about 3pm",
    "family_told": "no",
    "reason_not_told": "Telling dad first could put Alfie at risk.",
}


def _propose(user, request):
    client = signed_in_client(user)
    response = client.post(f"/staff/requests/{request.pk}/safeguarding/", EVIDENCE, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_only_managers_proposal_goes_to_the_head_of_service(council, family):
    manager = staff_user(council, Role.TEAM_MANAGER)
    staff_user(council, Role.HEAD_OF_SERVICE)
    page = _propose(manager, SupportRequestFactory(family=family, child=family.children.first()))
    assert "The proposal has gone to the head of service to decide." in page
    assert "gone to a team manager" not in page


def test_with_no_head_of_service_the_lone_manager_is_told_the_council_must_name_one(
    council, family
):
    manager = staff_user(council, Role.TEAM_MANAGER)
    page = _propose(manager, SupportRequestFactory(family=family, child=family.children.first()))
    assert "The council must name a head of service to decide it" in page
    assert "gone to a team manager" not in page


def test_a_practitioners_proposal_goes_to_a_team_manager(council, family, practitioner):
    page = _propose(
        practitioner, SupportRequestFactory(family=family, child=family.children.first())
    )
    assert "The proposal has gone to a team manager to decide." in page


def test_the_manager_who_planned_a_visit_is_not_shown_the_approve_form(council, family):
    manager = staff_user(council, Role.TEAM_MANAGER)
    contact = PlannedContactFactory(request__child=family.children.first(), planned_by=manager)
    client = signed_in_client(manager)
    response = client.get(f"/staff/contacts/{contact.pk}/approve/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Another team manager, or the head of service, must decide" in page
    assert "Approve it</button>" not in page
    refused = client.post(f"/staff/contacts/{contact.pk}/approve/", {"reason": "Because."})
    assert refused.status_code == 403
    detail = client.get(f"/staff/contacts/{contact.pk}/").content.decode()
    assert "another team manager or the head of service must decide" in detail


def test_another_manager_sees_the_approve_form(council, family):
    planner = staff_user(council, Role.TEAM_MANAGER)
    contact = PlannedContactFactory(request__child=family.children.first(), planned_by=planner)
    head = staff_user(council, Role.HEAD_OF_SERVICE)
    response = signed_in_client(head).get(f"/staff/contacts/{contact.pk}/approve/")
    assert response.status_code == 200
    assert "Approve it" in response.content.decode()


def test_the_family_is_not_told_they_chose_a_place_that_is_not_decided(council, family):
    request = SupportRequestFactory(family=family, child=family.children.first())
    PlannedContactFactory(
        request=request, family=family, place="", family_chose_time_and_place=True
    )
    parent = family_user(family)
    response = signed_in_client(parent).get(f"/family/requests/{request.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "You chose the time and place" not in page
    assert "Not decided yet. You chose the time; we will agree the place with you." in page


def test_the_timeline_says_a_request_was_received_when_the_request_says(family, practitioner):
    from supportfirst.audit.services import Actor
    from supportfirst.councils.scoping import scope_for
    from supportfirst.pathway import services

    child = family.children.first()
    # Minutes that are not :00, whatever the time the test runs (the pages write "10pm" for a
    # time on the hour, so a run in the first minute of an hour would not find "10:00").
    received = (timezone.now() - datetime.timedelta(days=3, hours=2)).replace(minute=17)
    request = services.support_request_create(
        actor=Actor(practitioner, scope_for(practitioner), "test"),
        child=child,
        received_at=received,
        who_asked="parent",
        requester_name="Claire Hughes",
        help_asked_for="Help at bedtime.",
        consent_to_contact_others=True,
        preferred_contact="email",
    )
    event = request.events.get(move="receive")
    assert event.at == received
    client = signed_in_client(practitioner)
    shown = f"{timezone.localtime(received):%-I:%M}"
    assert shown in client.get(f"/staff/requests/{request.pk}/").content.decode()
    assert shown in client.get(f"/staff/requests/{request.pk}/timeline/").content.decode()


def test_a_closed_request_shows_no_running_assessment_clock(council, family, practitioner):
    request = SupportRequestFactory(
        family=family, child=family.children.first(), status=RequestStatus.INFORMATION_GIVEN
    )
    response = signed_in_client(practitioner).get(f"/staff/requests/{request.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "No assessment: the request ended with information and advice" in page
    assert "working days left" not in page.split("Assessment due")[1].split("</div>")[0]
