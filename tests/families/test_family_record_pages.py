"""The family's record pages: every section they can see, nothing of another family's, no
hidden safeguarding proposal, every read logged, and queries flat as the record grows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.audit.models import AccessEvent
from supportfirst.councils.models import Role
from supportfirst.rules.workdays import describe_days_left
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.families import record_story as story_data
from tests.families.factories import ChildFactory, family_with_everyone
from tests.families.record_story import plain_contact, propose_move, record_story
from tests.pathway.factories import SupportRequestFactory


@pytest.fixture
def worker(council, family):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    worker.membership.job_title = "Social worker, disabled children's team"
    worker.membership.save()
    family.allocated_worker = worker
    family.save()
    council.contact_email = "dct@ashvale.example"
    council.contact_phone = "01632 960000"
    council.save()
    return worker


@pytest.fixture
def story(family, worker):
    return record_story(family, worker)


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_request_page_shows_what_was_asked_the_decision_and_the_next_date(parent, story):
    page = _page(signed_in_client(parent), f"/family/requests/{story.request.pk}/")
    assert story.request.help_asked_for in page
    assert story_data.DECISION_NOTES.replace("'", "&#x27;") in page
    assert "Support pathway: assess needs with the family" in page
    assert "Decided by Priya Raman" in page
    assert "We will finish your assessments by" in page
    assert "working days left" in page


def test_a_request_waiting_for_its_decision_shows_working_days_left(parent, family):
    request = SupportRequestFactory(child=family.children.first())
    page = _page(signed_in_client(parent), f"/family/requests/{request.pk}/")
    due = request.next_step_due
    clock = describe_days_left(due, timezone.localdate())
    assert f"We will decide the next step by {due:%-d %B %Y} ({clock})." in page


def test_every_contact_and_intrusion_record_is_shown_with_its_reasons(parent, story):
    page = _page(signed_in_client(parent), f"/family/requests/{story.request.pk}/")
    assert story_data.CONTACT_NOTES in page
    assert "Home visit on" in page
    assert "Phone call on" in page
    assert story_data.PURPOSE in page
    assert story_data.WHY_NECESSARY in page
    assert story_data.NOTICE in page
    assert "Fine, as long as it is after school." in page
    assert "Priya Raman" in page


def test_the_timeline_leaves_out_a_proposal_the_family_was_not_told_about(parent, story):
    client = signed_in_client(parent)
    page = _page(client, f"/family/requests/{story.hidden_request.pk}/")
    assert "Waiting for the next-step decision" in page
    assert "safeguarding" not in page.lower()
    assert story_data.UNTOLD_EVIDENCE not in page
    listing = _page(client, "/family/requests/")
    assert "safeguarding" not in listing.lower()
    assert "Waiting for the next-step decision" in listing


def test_a_proposal_the_family_was_told_about_is_on_the_timeline(parent, family, worker):
    request = SupportRequestFactory(child=family.children.first())
    propose_move(worker, request, told=True, evidence=story_data.TOLD_EVIDENCE)
    page = _page(signed_in_client(parent), f"/family/requests/{request.pk}/")
    assert "A move to safeguarding was proposed" in page
    assert "Move to safeguarding proposed" in page


def test_the_parent_carers_four_decisions_once_ready(parent, story):
    page = _page(signed_in_client(parent), f"/family/requests/{story.request.pk}/")
    assert story_data.CARER_REASON in page
    assert "Will the council provide them?" in page


def test_the_four_decisions_are_not_shown_while_the_assessment_is_in_progress(parent, story):
    story.decisions.assessment.status = AssessmentStatus.IN_PROGRESS
    story.decisions.assessment.save()
    page = _page(signed_in_client(parent), f"/family/requests/{story.request.pk}/")
    assert story_data.CARER_REASON not in page


def test_the_home_page_says_who_the_worker_is_and_how_to_reach_them(parent, story):
    page = _page(signed_in_client(parent), "/family/")
    assert "Priya Raman" in page
    assert "Social worker, disabled children&#x27;s team" in page
    assert "dct@ashvale.example" in page
    assert "01632 960000" in page
    for link in (
        "/family/requests/",
        "/family/assessments/",
        "/family/corrections/",
        "/family/eligibility/",
        "/family/plans/",
        "/family/letters/",
        "/family/complaints/",
        "/family/download/",
        "/family/notifications/",
    ):
        assert f'href="{link}"' in page
    assert f'href="/family/requests/{story.request.pk}/"' in page


def test_wording_findings_are_never_shown_to_the_family(parent, family, worker):
    request = SupportRequestFactory(child=family.children.first())
    plain_contact(worker, request, notes="Mum failed to attend and seemed hostile.")
    page = _page(signed_in_client(parent), f"/family/requests/{request.pk}/")
    assert "Words to check" not in page
    assert "sf-findings" not in page
    staff_page = _page(signed_in_client(worker), f"/staff/requests/{request.pk}/")
    assert "Words to check" in staff_page


def test_another_familys_request_is_not_found(parent, council, worker):
    other = family_with_everyone(council)
    request = SupportRequestFactory(child=other.children.first())
    assert signed_in_client(parent).get(f"/family/requests/{request.pk}/").status_code == 404


def test_a_young_person_sees_only_requests_about_them(family, story):
    brother = ChildFactory(family=family, first_name="Sam")
    theirs = SupportRequestFactory(child=brother)
    young_person = family_user(family, child=brother)
    client = signed_in_client(young_person)
    listing = _page(client, "/family/requests/")
    assert f"/family/requests/{theirs.pk}/" in listing
    assert f"/family/requests/{story.request.pk}/" not in listing
    assert client.get(f"/family/requests/{story.request.pk}/").status_code == 404


def test_each_read_is_logged(parent, story):
    client = signed_in_client(parent)
    client.get(f"/family/requests/{story.request.pk}/")
    assert AccessEvent.objects.filter(
        actor_id=parent.pk, record_type="pathway.supportrequest", record_id=str(story.request.pk)
    ).exists()
    client.get("/family/requests/")
    client.get("/family/")
    assert (
        AccessEvent.objects.filter(actor_id=parent.pk, record_type="families.family").count() == 2
    )


def _queries(client, url: str, shows: str) -> int:
    """The queries the page costs; the page answers 200 and shows `shows` (so it rendered)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode(), f"{url} does not show {shows!r}"
    return len(captured)


def _grow(family, worker, story, count: int) -> None:
    for _ in range(count):
        SupportRequestFactory(child=family.children.first())
        plain_contact(worker, story.request)
        story_data.contact_with_intrusion(worker, story.request)


@pytest.mark.parametrize("url", ["/family/", "/family/requests/", "request"])
def test_queries_stay_flat_as_the_record_grows(parent, family, worker, story, url):
    url = f"/family/requests/{story.request.pk}/" if url == "request" else url
    client = signed_in_client(parent)
    _grow(family, worker, story, 2)
    request_link = f"/family/requests/{story.request.pk}/"
    shows = {"/family/": family.name, "/family/requests/": request_link}.get(
        url, story.request.reference
    )
    _queries(client, url, shows)  # the first visit may offer surveys (a few writes, once)
    small = _queries(client, url, shows)
    _grow(family, worker, story, 15)
    assert _queries(client, url, shows) == small


def test_a_support_decision_without_notes_still_gives_the_reason(parent, family, worker):
    from supportfirst.pathway import services

    request = SupportRequestFactory(child=family.children.first())
    services.decide_support(actor=story_data.actor_for(worker), request=request)
    page = _page(signed_in_client(parent), f"/family/requests/{request.pk}/")
    assert "Every disabled child has the right to have their needs assessed" in page


def test_the_family_home_page_shows_no_staff_instruction_about_brothers_and_sisters(council):
    from tests.families.factories import SiblingFactory

    family = family_with_everyone(council)
    SiblingFactory(family=family, helps_to_care=True)
    page = _page(signed_in_client(family_user(family)), "/family/")
    assert "Helps to care" in page
    assert "offer a young carer" not in page
    staff = signed_in_client(staff_user(council, Role.PRACTITIONER))
    assert "offer a young carer" in _page(staff, f"/staff/families/{family.pk}/")
