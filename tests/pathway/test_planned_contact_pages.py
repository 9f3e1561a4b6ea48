"""The planned-contact pages: GOV.UK errors that keep what was typed, who may approve, and
what the family reads (never "intrusion record" or "necessary and proportionate")."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import Contact, ContactStatus, FamilyView
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.lost_updates import second_save
from tests.pathway.factories import PlannedContactFactory, SupportPathwayRequestFactory


def _date(prefix: str, day) -> dict[str, str]:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


@pytest.fixture
def support_request(family):
    return SupportPathwayRequestFactory(
        child=family.children.first(), received_at=timezone.now() - timedelta(days=10)
    )


def test_planning_for_a_past_date_is_a_govuk_error_that_keeps_what_was_typed(
    practitioner, support_request
):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/contacts/plan/",
        {
            "kind": "home_visit",
            **_date("happened_on", yesterday),
            "happened_time": "10:00am",
            "family_chose_time_and_place": "yes",
            "what_for": "To see the stairs",
            "purpose": "Measure the stairs",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "The date of a planned contact must be in the future" in page
    assert "Write the less intrusive option offered to the family first" in page
    assert "Measure the stairs" in page
    assert not Contact.objects.exists()


def test_recording_a_contact_dated_next_week_is_a_govuk_error(practitioner, support_request):
    next_week = timezone.localdate() + timedelta(days=7)
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/contacts/new/",
        {
            "kind": "call",
            **_date("happened_on", next_week),
            "happened_time": "10:00am",
            "family_chose_time_and_place": "yes",
            "notes": "We talked about bedtimes.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_happened_on' in page
    assert "The date of the contact must be today or in the past: plan it instead" in page
    assert "We talked about bedtimes." in page


def test_recording_a_contact_dated_before_the_request_is_a_govuk_error(
    practitioner, support_request
):
    before = timezone.localdate() - timedelta(days=40)
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/contacts/new/",
        {
            "kind": "call",
            **_date("happened_on", before),
            "happened_time": "10:00am",
            "family_chose_time_and_place": "yes",
        },
    )
    assert response.status_code == 400
    assert "when the request for help was made" in response.content.decode()


def test_notes_describing_an_intrusion_are_refused_on_the_page(practitioner, support_request):
    an_hour_ago = timezone.localtime() - timedelta(hours=1)
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{support_request.pk}/contacts/new/",
        {
            "kind": "meeting",
            **_date("happened_on", an_hour_ago.date()),
            "happened_time": f"{an_hour_ago:%H:%M}",
            "place": "Family home",
            "family_chose_time_and_place": "yes",
            "notes": "Alfie was seen alone and the bedroom was checked.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The notes say “was seen alone”" in page
    assert "“Looking at particular rooms”" in page
    assert not Contact.objects.exists()


def test_the_plan_page_shows_an_objection_and_who_can_approve(council, support_request):
    contact = PlannedContactFactory(request=support_request)
    practitioner = staff_user(council, Role.PRACTITIONER)
    page = signed_in_client(practitioner).get(f"/staff/contacts/{contact.pk}/").content.decode()
    assert "The family objected" in page
    assert "Record it as done" not in page
    assert "We do not want Alfie seen without one of us." in page
    assert (
        signed_in_client(practitioner).get(f"/staff/contacts/{contact.pk}/approve/").status_code
        == 403
    )
    manager = staff_user(council, Role.TEAM_MANAGER)
    page = signed_in_client(manager).get(f"/staff/contacts/{contact.pk}/").content.decode()
    assert "Approve it although the family objected" in page


def test_a_manager_approves_on_the_page_and_then_it_can_be_recorded(council, support_request):
    contact = PlannedContactFactory(request=support_request)
    manager = staff_user(council, Role.TEAM_MANAGER)
    client = signed_in_client(manager)
    response = client.post(f"/staff/contacts/{contact.pk}/approve/", {"reason": "x"})
    assert response.status_code == 400
    assert "in at least a sentence" in response.content.decode()
    reason = "Alfie asked to talk to us on his own, and his school agrees it matters."
    response = client.post(f"/staff/contacts/{contact.pk}/approve/", {"reason": reason})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.approval_reason == reason
    assert "Record it as done" in client.get(f"/staff/contacts/{contact.pk}/").content.decode()


def test_the_family_reads_the_plan_in_plain_words(support_request):
    contact = PlannedContactFactory(request=support_request)
    parent = family_user(support_request.family)
    page = signed_in_client(parent).get(f"/family/requests/{support_request.pk}/").content.decode()
    assert "Visits and meetings we plan" in page
    assert "To see the stairs Alfie finds hard at bedtime." in page
    name = support_request.child.first_name
    assert f"Coming to your home; talking with {name} without a parent there" in page
    assert "Talking with Alfie with his mum beside him." in page
    assert "You said no, so it will not go ahead unless a team manager decides it must" in page
    assert "ntrusion record" not in page
    assert "proportionate" not in page.lower()
    assert f"/family/contacts/{contact.pk}/your-view/" in page


def test_the_family_gives_their_own_answer(support_request):
    contact = PlannedContactFactory(
        request=support_request, record__family_view=FamilyView.WAITING, record__family_words=""
    )
    parent = family_user(support_request.family)
    client = signed_in_client(parent)
    response = client.post(f"/family/contacts/{contact.pk}/your-view/", {})
    assert response.status_code == 400
    assert "Select yes if you agree" in response.content.decode()
    response = client.post(
        f"/family/contacts/{contact.pk}/your-view/",
        {"family_view": "object", "family_words": "Please meet us at the centre instead."},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.OBJECT
    assert contact.intrusion_record.family_words == "Please meet us at the centre instead."
    assert contact.status == ContactStatus.PLANNED


def test_the_team_page_lists_objections_waiting_for_a_manager(council, support_request):
    waiting = PlannedContactFactory(request=support_request)
    PlannedContactFactory(request=support_request, record__family_view=FamilyView.AGREE)
    manager = staff_user(council, Role.TEAM_MANAGER)
    page = signed_in_client(manager).get("/staff/team/").content.decode()
    assert "Planned contacts the family objected to" in page
    assert page.count('href="/staff/contacts/') == 1
    assert f'href="/staff/contacts/{waiting.pk}/"' in page


def test_my_work_lists_the_contacts_i_planned(council, support_request):
    worker = staff_user(council, Role.PRACTITIONER)
    mine = PlannedContactFactory(request=support_request, planned_by=worker)
    PlannedContactFactory(request=support_request)
    page = signed_in_client(worker).get("/staff/my-work/").content.decode()
    name = support_request.child.first_name
    assert f"Planned home visit with {name}" in page
    assert page.count(f"Planned home visit with {name}") == 1
    assert f'href="/staff/contacts/{mine.pk}/"' in page


def test_staff_turning_the_familys_no_into_a_yes_is_a_govuk_error(practitioner, support_request):
    contact = PlannedContactFactory(request=support_request)
    response = signed_in_client(practitioner).post(
        f"/staff/contacts/{contact.pk}/view/",
        {"family_view": "agree", "family_words": "They said on the phone it is fine now."},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "The family said no. Only they can change their answer" in page
    assert "They said on the phone it is fine now." in page
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.OBJECT


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (ContactStatus.CANCELLED, "This home visit was cancelled, so there is nothing to answer."),
        (ContactStatus.DONE, "This home visit has already happened"),
    ],
)
def test_the_family_cannot_answer_a_contact_that_is_over_and_is_told_why(
    support_request, status, words
):
    contact = PlannedContactFactory(request=support_request, status=status)
    client = signed_in_client(family_user(support_request.family))
    for response in (
        client.get(f"/family/contacts/{contact.pk}/your-view/"),
        client.post(f"/family/contacts/{contact.pk}/your-view/", {"family_view": "agree"}),
    ):
        page = response.content.decode()
        assert response.status_code == 200
        assert words in page
        assert "Send your answer" not in page
        assert "Record the family" not in page
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.OBJECT


def test_the_familys_answer_page_has_no_doubled_full_stop(support_request):
    contact = PlannedContactFactory(request=support_request)
    page = signed_in_client(family_user(support_request.family)).get(
        f"/family/contacts/{contact.pk}/your-view/"
    )
    assert ".." not in page.content.decode().replace("...", "")


def test_the_request_page_has_no_doubled_full_stop_after_the_purpose(practitioner, support_request):
    contact = PlannedContactFactory(request=support_request, family=support_request.family)
    assert contact.intrusion_record.purpose.endswith(".")
    response = signed_in_client(practitioner).get(f"/staff/requests/{support_request.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Purpose: To hear what Alfie thinks about overnight breaks. The family" in page
    assert "breaks.." not in page


def test_a_second_answer_from_the_family_does_not_overwrite_the_first(support_request):
    contact = PlannedContactFactory(
        request=support_request, record__family_view=FamilyView.WAITING, record__family_words=""
    )
    family = support_request.family
    page = second_save(
        signed_in_client(family_user(family)),
        signed_in_client(family_user(family)),
        f"/family/contacts/{contact.pk}/your-view/",
        {"family_view": "object", "family_words": "Please meet us at the centre instead."},
        {"family_view": "agree", "family_words": "Come to the house."},
    )
    assert "Please meet us at the centre instead." in page
    assert "Come to the house." in page
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.OBJECT


def test_a_second_record_of_the_familys_view_by_staff_does_not_overwrite_the_first(
    council, support_request
):
    contact = PlannedContactFactory(
        request=support_request, record__family_view=FamilyView.WAITING, record__family_words=""
    )
    page = second_save(
        signed_in_client(staff_user(council, Role.PRACTITIONER)),
        signed_in_client(staff_user(council, Role.PRACTITIONER)),
        f"/staff/contacts/{contact.pk}/view/",
        {"family_view": "object", "family_words": "Claire would rather meet at the centre."},
        {"family_view": "agree", "family_words": "Claire is happy with a home visit."},
    )
    assert "Claire would rather meet at the centre." in page
    assert "Claire is happy with a home visit." in page
    contact.refresh_from_db()
    assert contact.intrusion_record.family_view == FamilyView.OBJECT


def test_a_second_record_of_a_contact_as_done_does_not_overwrite_the_first(
    council, support_request
):
    an_hour_ago = timezone.localtime() - timedelta(hours=1)
    contact = PlannedContactFactory(
        request=support_request, kind="call", happened_at=an_hour_ago, intrusions=[], record=None
    )
    done = {
        "kind": "call",
        **_date("happened_on", an_hour_ago.date()),
        "happened_time": f"{an_hour_ago:%H:%M}",
        "family_chose_time_and_place": "yes",
    }
    page = second_save(
        signed_in_client(staff_user(council, Role.PRACTITIONER)),
        signed_in_client(staff_user(council, Role.PRACTITIONER)),
        f"/staff/contacts/{contact.pk}/done/",
        done | {"notes": "We talked about bedtimes."},
        done | {"notes": "We talked about the school run."},
    )
    assert "We talked about the school run." in page
    assert "We talked about bedtimes." in page
    contact.refresh_from_db()
    assert contact.status == ContactStatus.DONE
    assert contact.notes == "We talked about bedtimes."
