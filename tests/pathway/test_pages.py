"""The pathway's staff pages: forms keep what was typed, refusals are explained, clocks shown."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import Contact, RequestStatus, SafeguardingMove, SupportRequest
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import ProposedMoveFactory, SupportRequestFactory, long_ago


@pytest.fixture
def support_request(family, practitioner):
    family.allocated_worker = practitioner
    family.save()
    return SupportRequestFactory(child=family.children.first())


def test_support_is_pre_selected_and_one_click(practitioner, support_request):
    client = signed_in_client(practitioner)
    page = client.get(f"/staff/requests/{support_request.pk}/").content.decode()
    support_radio = re.search(r'<input[^>]*value="support"[^>]*>', page).group(0)
    assert "checked" in support_radio
    response = client.post(
        f"/staff/requests/{support_request.pk}/decision/", {"pathway": "support"}
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.SUPPORT_PATHWAY


def test_information_without_what_was_given_is_explained(practitioner, support_request):
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/decision/", {"pathway": "information"}
    )
    assert response.status_code == 400
    assert "Write what information and advice was given" in response.content.decode()


def test_a_second_decision_gets_a_409_page(practitioner, support_request):
    client = signed_in_client(practitioner)
    client.post(f"/staff/requests/{support_request.pk}/decision/", {"pathway": "support"})
    response = client.post(
        f"/staff/requests/{support_request.pk}/decision/",
        {
            "pathway": "information",
            "information_given": "A leaflet",
            "basis": "family_agreed",
            "agreed_by": "Claire Hughes",
            "agreed_on_0": "1",
            "agreed_on_1": "3",
            "agreed_on_2": "2026",
            "agreed_how": "On the phone",
        },
    )
    assert response.status_code == 409
    assert "That cannot be done now" in response.content.decode()


def test_a_new_familys_request_keeps_what_was_typed(practitioner):
    response = signed_in_client(practitioner).post(
        "/staff/requests/new/",
        {"parent_name": "Nasreen Begum", "help_asked_for": "Help with bathing Zara"},
    )
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Nasreen Begum" in page
    assert "Help with bathing Zara" in page
    assert "Enter the child" in page


def test_a_new_familys_request_is_saved(practitioner):
    today = timezone.localdate()
    response = signed_in_client(practitioner).post(
        "/staff/requests/new/",
        {
            "parent_name": "Nasreen Begum",
            "parent_relationship": "Mum",
            "child_first_name": "Zara",
            "child_last_name": "Begum",
            "child_date_of_birth_0": "30",
            "child_date_of_birth_1": "9",
            "child_date_of_birth_2": "2014",
            "received_on_0": str(today.day),
            "received_on_1": str(today.month),
            "received_on_2": str(today.year),
            "received_time": "0:01",
            "who_asked": "parent",
            "requester_name": "Nasreen Begum",
            "help_asked_for": "Help with bathing Zara",
            "consent_to_contact_others": "yes",
            "preferred_contact": "phone",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    request = SupportRequest.objects.get()
    assert request.family.name == "Begum family"
    assert request.child.first_name == "Zara"


def _new_family(**changes):
    today = timezone.localdate()
    data = {
        "parent_name": "Nasreen Begum",
        "parent_relationship": "Mum",
        "child_first_name": "Zara",
        "child_last_name": "Begum",
        "child_date_of_birth_0": "30",
        "child_date_of_birth_1": "9",
        "child_date_of_birth_2": "2014",
        "received_on_0": str(today.day),
        "received_on_1": str(today.month),
        "received_on_2": str(today.year),
        "received_time": "0:01",
        "who_asked": "parent",
        "help_asked_for": "Help with bathing Zara",
        "consent_to_contact_others": "yes",
        "preferred_contact": "phone",
    }
    return {**data, **changes}


def test_a_parent_asking_for_a_new_family_is_not_asked_their_name_twice(practitioner):
    client = signed_in_client(practitioner)
    form = client.get("/staff/requests/new/").content.decode()
    assert "Their name, if they are not the parent carer or the child named above" in form
    response = client.post("/staff/requests/new/", _new_family())
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SupportRequest.objects.get().requester_name == "Nasreen Begum"


def test_a_young_person_asking_is_named_from_the_child(practitioner):
    response = signed_in_client(practitioner).post(
        "/staff/requests/new/", _new_family(who_asked="young_person")
    )
    assert response.status_code == 302
    assert SupportRequest.objects.get().requester_name == "Zara Begum"


def test_a_professional_asking_must_still_be_named(practitioner):
    response = signed_in_client(practitioner).post(
        "/staff/requests/new/",
        _new_family(who_asked="professional", requester_organisation="Oak School"),
    )
    assert response.status_code == 400
    assert "Enter the name of the person who asked" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_a_contact_without_its_intrusion_record_lists_what_is_missing(
    practitioner, support_request
):
    today = timezone.localdate()
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/contacts/new/",
        {
            "kind": "home_visit",
            "happened_on_0": str(today.day),
            "happened_on_1": str(today.month),
            "happened_on_2": str(today.year),
            "happened_time": "10:00am",
            "family_chose_time_and_place": "yes",
            "notes": "Measured the bathroom",
            "purpose": "Measure for a hoist",
        },
    )
    page = response.content.decode()
    assert "Write why it is necessary for this assessment" in page
    assert "Measure for a hoist" in page
    assert "Measured the bathroom" in page
    assert not Contact.objects.exists()


def test_a_proposal_with_opinion_words_asks_a_reason_for_each(practitioner, support_request):
    # Was: refused outright ("opinions, not evidence"). Now a reason is asked for each flagged
    # word, named in the error, and what was typed is kept.
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/safeguarding/",
        {
            "what_happened": "The house was untidy and mum was difficult.",
            "seen_or_said_by": "Me",
            "when_it_happened": "Today",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Give a reason for keeping “house was untidy”" in page
    assert "Give a reason for keeping “difficult”" in page
    assert "The house was untidy and mum was difficult." in page
    assert not SafeguardingMove.objects.exists()


def test_a_manager_sees_and_decides_a_proposal(council, practitioner, support_request):
    manager = staff_user(council, Role.TEAM_MANAGER)
    move = ProposedMoveFactory(request=support_request, proposed_by=practitioner)
    support_request.status = RequestStatus.SAFEGUARDING_PROPOSED
    support_request.save()
    client = signed_in_client(manager)
    assert (
        "Moves to safeguarding waiting for a decision"
        in client.get("/staff/team/").content.decode()
    )
    response = client.post(
        f"/staff/safeguarding/{move.pk}/",
        {"decision": "approve", "reason": "Disclosure of being hit: strategy discussion."},
    )
    assert response.status_code == 302
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.MOVED_TO_SAFEGUARDING
    assert "1</td>" in client.get("/staff/team/").content.decode()


def test_my_work_shows_overdue_first(practitioner, family, support_request):
    late = SupportRequestFactory(child=family.children.first(), received_at=long_ago(10))
    late.next_step_due = timezone.localdate() - datetime.timedelta(days=7)
    late.save()
    page = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert "overdue" in page
    assert page.index(f"/staff/requests/{late.pk}/") < page.index(
        f"/staff/requests/{support_request.pk}/"
    )


def test_the_timeline_tells_the_story(practitioner, support_request):
    client = signed_in_client(practitioner)
    client.post(f"/staff/requests/{support_request.pk}/decision/", {"pathway": "support"})
    page = client.get(f"/staff/requests/{support_request.pk}/timeline/").content.decode()
    assert "Next step: support pathway" in page


def _queries(client, url: str, shows: str) -> int:
    """The queries the page costs; the page answers 200 and shows `shows` (so it rendered)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode(), f"{url} does not show {shows!r}"
    return len(captured)


def _add_requests(council, worker, count: int) -> None:
    """Families allocated to the worker, each with a request waiting for its decision."""
    from supportfirst.pathway.models import SupportRequest as Request
    from tests.families.test_query_counts import _add_families

    _add_families(council, worker, count)
    from supportfirst.families.models import Child

    children = Child.objects.filter(family__council=council).exclude(
        pk__in=Request.objects.values("child_id")
    )
    now = timezone.now()
    today = timezone.localdate()
    Request.objects.bulk_create(
        Request(
            family_id=child.family_id,
            council_id=child.council_id,
            child=child,
            reference=f"RB-{child.pk:07d}",
            received_at=now,
            who_asked="parent",
            requester_name="A parent",
            help_asked_for="Help",
            preferred_contact="email",
            next_step_due=today,
            assessment_due=today,
        )
        for child in children
    )


def test_my_work_queries_stay_flat_from_10_to_1000_families(council, practitioner):
    client = signed_in_client(practitioner)
    _add_requests(council, practitioner, 10)
    small = _queries(client, "/staff/my-work/", "Bulk family 000000")
    _add_requests(council, practitioner, 990)
    assert _queries(client, "/staff/my-work/", "Bulk family 000000") == small
