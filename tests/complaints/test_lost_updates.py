"""No lost updates on the complaint forms that change what is recorded (the offer of an
advocate, the agreed statement, who the complaint is about): two complaints managers open the
same form, the first saves, the second gets the conflict page and the first save is kept."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.complaints.models import Complaint, ComplaintStage
from supportfirst.councils.models import Role
from tests.accounts.factories import staff_user
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.lost_updates import second_save

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _managers(complaints_manager, council):
    return signed_in_client(complaints_manager), signed_in_client(
        staff_user(council, Role.COMPLAINTS_MANAGER, full_name="Sam Lee")
    )


def _today(prefix: str) -> dict[str, int]:
    return {f"{prefix}_0": TODAY().day, f"{prefix}_1": TODAY().month, f"{prefix}_2": TODAY().year}


def test_a_second_save_of_the_advocacy_offer_does_not_overwrite_the_first(
    complaints_manager, council, family
):
    complaint = complaint_for(family)
    page = second_save(
        *_managers(complaints_manager, council),
        f"/staff/complaints/{complaint.pk}/advocacy/",
        {**_today("offered_on"), "answer": "accepted", "organisation": "Coram Voice"},
        {**_today("offered_on"), "answer": "accepted", "organisation": "NYAS"},
    )
    assert "Coram Voice" in page
    assert "NYAS" in page
    assert "Priya Shah saved it" in page
    assert Complaint.objects.get(pk=complaint.pk).advocate_organisation == "Coram Voice"


def test_a_second_save_of_the_statement_does_not_overwrite_the_first(
    complaints_manager, council, family
):
    complaint = complaint_for(family, stage=2)
    page = second_save(
        *_managers(complaints_manager, council),
        f"/staff/complaints/{complaint.pk}/statement/",
        {"statement": "1. Nobody returned calls.", **_today("agreed_on")},
        {"statement": "1. The visit was not needed.", **_today("agreed_on")},
    )
    assert "1. Nobody returned calls." in page
    assert "1. The visit was not needed." in page
    stage = ComplaintStage.objects.filter(complaint=complaint).order_by("-stage").first()
    assert stage.statement == "1. Nobody returned calls."


def test_a_second_save_of_who_the_complaint_is_about_does_not_overwrite_the_first(
    complaints_manager, council, family
):
    complaint = complaint_for(family)
    named = staff_user(council, Role.PRACTITIONER, full_name="Jo Fisher")
    other = staff_user(council, Role.PRACTITIONER, full_name="Kim Ross")
    page = second_save(
        *_managers(complaints_manager, council),
        f"/staff/complaints/{complaint.pk}/worker/",
        {"worker": str(named.pk)},
        {"worker": str(other.pk)},
    )
    assert "Jo Fisher" in page
    assert "Kim Ross" in page
    assert Complaint.objects.get(pk=complaint.pk).about_worker_id == named.pk
