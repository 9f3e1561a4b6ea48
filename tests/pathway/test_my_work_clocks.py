"""My work lists every clock a worker has: complaints too, and requests from families who have
no worker yet (a request sent online) are on everyone's list until someone is allocated."""

from __future__ import annotations

from supportfirst.complaints.models import Status
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory


def test_a_complaint_with_the_council_clock_running_is_on_my_work(council, practitioner):
    family = family_with_everyone(council, allocated_worker=practitioner)
    complaint = complaint_for(family)
    page = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert f"Complaint {complaint.reference}, stage 1" in page
    assert f"/staff/complaints/{complaint.pk}/" in page


def test_a_complaint_the_council_has_answered_is_not(council, practitioner):
    family = family_with_everyone(council, allocated_worker=practitioner)
    complaint = complaint_for(family, status=Status.RESPONDED)
    page = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert complaint.reference not in page


def test_another_workers_complaint_is_not_on_my_list(council, practitioner):
    other = staff_user(council, Role.PRACTITIONER)
    complaint = complaint_for(family_with_everyone(council, allocated_worker=other))
    page = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert complaint.reference not in page


def test_a_request_from_a_family_with_no_worker_is_on_everyones_list(council, practitioner):
    family = family_with_everyone(council, allocated_worker=None)
    request = SupportRequestFactory(child=family.children.get())
    assert request.recorded_by_id != practitioner.pk
    page = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert f"/staff/requests/{request.pk}/" in page
