"""A named worker (issue 18, point 5): allocation is a declared move of the request, each change
is on the timeline with who and when, the family sees their worker and how to reach them, an
unallocated request is on every manager's My work with how long it has waited, and the online
requests list clears once a request is allocated."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.pathway import allocation
from supportfirst.pathway.models import PathwayEvent
from tests.accounts.factories import family_user, staff_user
from tests.asking.factories import OnlineRequestFactory
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER, full_name="Dana Okafor")


@pytest.fixture
def worker(council):
    user = staff_user(council, Role.PRACTITIONER, full_name="Sam Patel", email="sam@ashvale.test")
    user.membership.job_title = "Social worker"
    user.membership.work_phone = "01632 960 123"
    user.membership.save()
    return user


@pytest.fixture
def unallocated(council):
    family = family_with_everyone(council, allocated_worker=None, name="Osei family")
    return SupportRequestFactory(child=family.children.get())


def _actor(user):
    return Actor(user, scope_for(user))


def test_a_manager_allocates_a_worker_and_it_is_on_the_timeline(manager, worker, unallocated):
    response = signed_in_client(manager).post(
        f"/staff/requests/{unallocated.pk}/worker/", {"worker": worker.pk}
    )
    assert response.status_code == 302
    unallocated.family.refresh_from_db()
    assert unallocated.family.allocated_worker == worker
    event = PathwayEvent.objects.get(request=unallocated, move="allocate_worker")
    assert event.actor == manager
    assert event.summary == "Worker allocated: Sam Patel (Social worker)"
    assert abs(event.at - timezone.now()) < datetime.timedelta(minutes=1)


def test_changing_the_worker_names_both_on_the_timeline(council, manager, worker, unallocated):
    allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=worker)
    other = staff_user(council, Role.PRACTITIONER, full_name="Lee Brown")
    allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=other)
    summaries = list(
        PathwayEvent.objects.filter(request=unallocated).values_list("summary", flat=True)
    )
    assert summaries[-1] == "Worker changed from Sam Patel (Social worker) to Lee Brown"
    page = signed_in_client(manager).get(f"/staff/requests/{unallocated.pk}/timeline/")
    assert "Worker changed from Sam Patel (Social worker) to Lee Brown" in page.content.decode()


def test_a_practitioner_cannot_allocate(worker, unallocated, council):
    other = staff_user(council, Role.PRACTITIONER)
    assert (
        signed_in_client(worker).get(f"/staff/requests/{unallocated.pk}/worker/").status_code == 403
    )
    with pytest.raises(MoveRefused, match="Only a team manager"):
        allocation.allocate_worker(actor=_actor(worker), request=unallocated, worker=other)


def test_a_worker_from_another_council_cannot_be_chosen(manager, unallocated, other_council):
    stranger = staff_user(other_council, Role.PRACTITIONER)
    response = signed_in_client(manager).post(
        f"/staff/requests/{unallocated.pk}/worker/", {"worker": stranger.pk}
    )
    assert response.status_code == 400
    assert "Select a person from the list" in response.content.decode()
    with pytest.raises(MoveRefused, match="in your council"):
        allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=stranger)


def test_choosing_nobody_is_explained(manager, unallocated):
    response = signed_in_client(manager).post(f"/staff/requests/{unallocated.pk}/worker/", {})
    assert response.status_code == 400
    assert "Select the person who will be the family" in response.content.decode()


def test_a_practitioner_takes_an_unallocated_request(worker, unallocated):
    response = signed_in_client(worker).post(f"/staff/requests/{unallocated.pk}/take/")
    assert response.status_code == 302
    unallocated.family.refresh_from_db()
    assert unallocated.family.allocated_worker == worker
    event = PathwayEvent.objects.get(request=unallocated, move="take_request")
    assert event.actor == worker
    assert "Sam Patel (Social worker) took the request" in event.summary


def test_a_request_with_a_worker_cannot_be_taken(council, worker, unallocated):
    allocation.take_request(actor=_actor(worker), request=unallocated)
    other = staff_user(council, Role.PRACTITIONER)
    client = signed_in_client(other)
    response = client.post(f"/staff/requests/{unallocated.pk}/take/")
    assert response.status_code == 302
    unallocated.family.refresh_from_db()
    assert unallocated.family.allocated_worker == worker
    page = client.get(f"/staff/requests/{unallocated.pk}/").content.decode()
    assert "already has a named worker" in page


def test_the_family_sees_their_worker_and_how_to_reach_them(manager, worker, unallocated):
    parent = family_user(unallocated.family)
    before = signed_in_client(parent).get("/family/").content.decode()
    assert "You do not have a named worker yet" in before
    allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=worker)
    page = signed_in_client(parent).get("/family/").content.decode()
    assert "You do not have a named worker yet" not in page
    assert "Sam Patel" in page
    assert "01632 960 123" in page
    assert "sam@ashvale.test" in page


def test_the_family_sees_the_change_on_their_timeline(manager, worker, unallocated):
    allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=worker)
    parent = family_user(unallocated.family)
    page = signed_in_client(parent).get(f"/family/requests/{unallocated.pk}/").content.decode()
    assert "Worker allocated: Sam Patel (Social worker)" in page


def test_an_unallocated_request_is_on_every_managers_my_work(council, manager, unallocated):
    unallocated.received_at = timezone.now() - datetime.timedelta(days=14)
    unallocated.save()
    second = staff_user(council, Role.HEAD_OF_SERVICE)
    for person in (manager, second):
        page = signed_in_client(person).get("/staff/my-work/").content.decode()
        assert "Allocate a worker for" in page
        assert "(waited 10 working days)" in page or "(waited 9 working days)" in page


def test_a_practitioner_is_not_asked_to_allocate(worker, unallocated):
    page = signed_in_client(worker).get("/staff/my-work/").content.decode()
    assert "Allocate a worker for" not in page


def test_once_allocated_it_leaves_the_managers_list(manager, worker, unallocated):
    allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=worker)
    page = signed_in_client(manager).get("/staff/my-work/").content.decode()
    assert "Allocate a worker for" not in page


def test_online_requests_waiting_clears_once_allocated(manager, worker, unallocated):
    OnlineRequestFactory(support_request=unallocated)
    client = signed_in_client(manager)
    assert unallocated.reference in client.get("/staff/online-requests/").content.decode()
    allocation.allocate_worker(actor=_actor(manager), request=unallocated, worker=worker)
    assert unallocated.reference not in client.get("/staff/online-requests/").content.decode()


def test_a_managers_my_work_stays_flat_as_unallocated_requests_grow(council, manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in_client(manager)

    def add(count: int) -> None:
        for _ in range(count):
            family = family_with_everyone(council, allocated_worker=None)
            SupportRequestFactory(child=family.children.get())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/staff/my-work/")
        assert "Allocate a worker for" in response.content.decode()
        return len(captured)

    add(2)
    small = queries()
    add(10)
    assert queries() == small


def test_a_worker_named_during_an_untold_proposal_does_not_give_it_away(manager, worker, council):
    from supportfirst.pathway.models import RequestStatus
    from tests.pathway.factories import ProposedMoveFactory

    family = family_with_everyone(council, allocated_worker=None)
    move = ProposedMoveFactory(request__child=family.children.get(), proposed_by=worker)
    assert move.request.status == RequestStatus.SAFEGUARDING_PROPOSED
    allocation.allocate_worker(actor=_actor(manager), request=move.request, worker=worker)
    event = PathwayEvent.objects.get(request=move.request, move="allocate_worker")
    assert event.to_status == RequestStatus.SAFEGUARDING_PROPOSED
    parent = family_user(family)
    page = signed_in_client(parent).get(f"/family/requests/{move.request.pk}/").content.decode()
    assert "Worker allocated" not in page
    assert "Sam Patel" in signed_in_client(parent).get("/family/").content.decode()
