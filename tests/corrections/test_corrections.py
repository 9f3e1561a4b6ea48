"""Asking us to correct a record: the allow-list, the family's form, the staff answer, the
outcome on the family's page and on the record's own page, and query counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.assessments.models import AssessmentStatus
from supportfirst.audit.models import AccessEvent
from supportfirst.corrections import clock
from supportfirst.corrections.models import CorrectionRequest, CorrectionStatus
from supportfirst.corrections.services import correction_answer
from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import assessments_for
from tests.conftest import signed_in_client
from tests.corrections.factories import CorrectionRequestFactory
from tests.families.factories import ChildFactory, ParentCarerFactory, family_with_everyone
from tests.families.record_story import actor_for, record_story

WRONG = "It says Claire agreed to the visit on a Tuesday. " * 200
SHOULD_SAY = "Claire asked for the visit to be after school on a Thursday."


@pytest.fixture
def story(family, practitioner):
    family.allocated_worker = practitioner
    family.save()
    ParentCarerFactory(family=family, email="claire@example.test")
    return record_story(family, practitioner)


def _new(client, key: str, data=None):
    url = f"/family/corrections/new/?record={key}"
    return client.post(url, data) if data is not None else client.get(url)


def test_every_record_a_family_can_see_can_be_corrected(parent, family, practitioner):
    made = assessments_for(family)
    story = record_story(family, practitioner)
    client = signed_in_client(parent)
    keys = [
        f"request:{story.request.pk}",
        f"decision:{story.request.next_step_decision.pk}",
        f"contact:{story.call.pk}",
        f"intrusion:{story.visit.intrusion_record.pk}",
        f"carer_decisions:{story.decisions.pk}",
        f"assessment:{made.child.pk}",
        f"area:{made.child.areas.first().pk}",
        f"need:{made.need.pk}",
        f"family:{family.pk}",
        f"child:{family.children.first().pk}",
        f"parent_carer:{family.parent_carers.first().pk}",
        f"sibling:{family.siblings.first().pk}",
    ]
    for key in keys:
        response = _new(client, key)
        assert response.status_code == 200, key
        assert "Ask us to correct your record" in response.content.decode()


@pytest.mark.parametrize(
    "key", ["", "request", "request:", "request:abc", "user:1", "safeguardingmove:1", ":1"]
)
def test_a_record_not_on_the_allow_list_is_not_found(parent, key):
    assert _new(signed_in_client(parent), key).status_code == 404


def test_another_familys_record_is_not_found(parent, council, other_council, story):
    client = signed_in_client(parent)
    for other in (family_with_everyone(council), family_with_everyone(other_council)):
        assert _new(client, f"family:{other.pk}").status_code == 404
        assert _new(client, f"child:{other.children.first().pk}").status_code == 404
        assert _new(client, f"child:{other.children.first().pk}", {}).status_code == 404
    assert CorrectionRequest.objects.count() == 0


def test_an_assessment_not_ready_for_the_family_cannot_be_corrected(parent, family):
    made = assessments_for(family)
    made.carer.status = AssessmentStatus.IN_PROGRESS
    made.carer.save()
    assert _new(signed_in_client(parent), f"assessment:{made.carer.pk}").status_code == 404


def test_a_young_person_cannot_correct_their_parents_details(family):
    young_person = family_user(family, child=family.children.first())
    client = signed_in_client(young_person)
    assert _new(client, f"parent_carer:{family.parent_carers.first().pk}").status_code == 404
    assert _new(client, f"child:{family.children.first().pk}").status_code == 200
    brother = ChildFactory(family=family)
    assert _new(client, f"child:{brother.pk}").status_code == 404


def test_an_empty_form_shows_the_error_summary(parent, story):
    response = _new(signed_in_client(parent), f"contact:{story.call.pk}", {})
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "Enter what is wrong" in page
    assert "Enter what it should say" not in page
    assert "<title>Error: " in page


def test_long_text_is_kept_when_the_other_field_is_missing(parent, story):
    response = _new(
        signed_in_client(parent), f"contact:{story.call.pk}", {"what_it_should_say": SHOULD_SAY}
    )
    assert response.status_code == 400
    assert SHOULD_SAY.strip() in response.content.decode()


def test_what_it_should_say_is_optional(parent, practitioner, story):
    client = signed_in_client(parent)
    response = _new(client, f"contact:{story.call.pk}", {"what_is_wrong": WRONG})
    assert response.status_code == 302
    correction = CorrectionRequest.objects.get()
    assert correction.what_it_should_say == ""
    assert "Not given" in client.get(response["Location"]).content.decode()
    staff = signed_in_client(practitioner)
    assert staff.get(f"/staff/corrections/{correction.pk}/").status_code == 200


def test_the_family_pages_say_the_date_plainly_without_the_law(parent, story):
    client = signed_in_client(parent)
    form = _new(client, f"contact:{story.call.pk}").content.decode()
    assert "(one month)" in form
    assert "(optional)" in form
    for law in ("GDPR", "Article 16"):
        assert law not in form
    response = _new(client, f"contact:{story.call.pk}", {"what_is_wrong": WRONG})
    page = client.get(response["Location"]).content.decode()
    assert "(one month)" in page
    assert "GDPR" not in page


def test_the_correction_journey(sent_at_once, parent, practitioner, story):
    client = signed_in_client(parent)
    response = _new(
        client,
        f"contact:{story.call.pk}",
        {"what_is_wrong": WRONG, "what_it_should_say": SHOULD_SAY},
    )
    correction = CorrectionRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/family/corrections/{correction.pk}/"
    assert correction.record_label.startswith("Phone call on")
    assert (correction.shown_on, correction.shown_on_id) == ("request", story.request.pk)
    assert correction.due_on == clock.rectification_due(timezone.localdate())
    assert correction.what_is_wrong == WRONG.strip()
    page = client.get(response["Location"]).content.decode()
    assert f"We have your request and will answer by {correction.due_on:%-d %B %Y}" in page
    # The record's own page says a correction was asked for, to the family and to staff.
    assert (
        "You asked us to correct something"
        in client.get(f"/family/requests/{story.request.pk}/").content.decode()
    )
    staff = signed_in_client(practitioner)
    assert (
        "The family asked for corrections"
        in staff.get(f"/staff/requests/{story.request.pk}/").content.decode()
    )
    # Staff list, then answer without a reason, then with one.
    listing = staff.get("/staff/corrections/").content.decode()
    assert f"/staff/corrections/{correction.pk}/" in listing
    url = f"/staff/corrections/{correction.pk}/"
    mail.outbox.clear()  # what the family was told earlier about their request
    refused = staff.post(url, {"outcome": "not_corrected"})
    assert refused.status_code == 400
    assert "Write the reason the record is not being changed" in refused.content.decode()
    reason = "Our notes from the call, read back to Claire at the time, say Tuesday."
    assert (
        staff.post(url, {"outcome": "not_corrected", "reason_not_corrected": reason}).status_code
        == 302
    )
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.NOT_CORRECTED
    assert correction.answered_by == practitioner
    assert len(mail.outbox) == 1
    assert reason in mail.outbox[0].body
    assert "complaint" in mail.outbox[0].body
    # The family sees the outcome, with how to complain, and their view stays on the record.
    page = client.get(f"/family/corrections/{correction.pk}/").content.decode()
    assert reason in page
    assert "make a complaint" in page
    record_page = client.get(f"/family/requests/{story.request.pk}/").content.decode()
    assert "not corrected" in record_page
    assert SHOULD_SAY in record_page
    # An answered request cannot be answered again.
    again = staff.post(url, {"outcome": "corrected", "what_we_changed": "Changed it."})
    assert again.status_code == 409


def test_a_corrected_record_says_what_changed(parent, practitioner, family):
    correction = CorrectionRequestFactory(family=family, asked_by=parent)
    changed = "The surname now reads Hughes."
    response = signed_in_client(practitioner).post(
        f"/staff/corrections/{correction.pk}/",
        {"outcome": "corrected", "what_we_changed": changed},
    )
    assert response.status_code == 302
    client = signed_in_client(parent)
    assert changed in client.get(f"/family/corrections/{correction.pk}/").content.decode()
    home = client.get("/family/").content.decode()
    assert "corrected. What changed: The surname now reads Hughes." in home
    staff_page = signed_in_client(practitioner).get(f"/staff/families/{family.pk}/")
    assert changed in staff_page.content.decode()


def test_the_answer_service_guards(practitioner, family):
    correction = CorrectionRequestFactory(family=family)
    actor = actor_for(practitioner)
    with pytest.raises(MoveRefused):
        correction_answer(actor=actor, correction=correction, corrected=True)
    correction_answer(actor=actor, correction=correction, corrected=True, what_we_changed="Done")
    with pytest.raises(IllegalMove):
        correction_answer(
            actor=actor, correction=correction, corrected=False, reason_not_corrected="x"
        )


def test_staff_list_is_due_first_with_answered_ones_last(council, practitioner):
    family = family_with_everyone(council)
    late = CorrectionRequestFactory(family=family, due_on=timezone.localdate() + timedelta(days=20))
    soon = CorrectionRequestFactory(family=family, due_on=timezone.localdate() + timedelta(days=2))
    done = CorrectionRequestFactory(
        family=family, due_on=timezone.localdate(), status=CorrectionStatus.CORRECTED
    )
    page = signed_in_client(practitioner).get("/staff/corrections/").content.decode()
    positions = [page.index(f"/staff/corrections/{c.pk}/") for c in (soon, late, done)]
    assert positions == sorted(positions)


def test_reads_are_logged(parent, family):
    correction = CorrectionRequestFactory(family=family, asked_by=parent)
    signed_in_client(parent).get(f"/family/corrections/{correction.pk}/")
    assert AccessEvent.objects.filter(
        actor_id=parent.pk,
        record_type="corrections.correctionrequest",
        record_id=str(correction.pk),
    ).exists()


def test_a_family_member_cannot_use_the_staff_pages(parent, family):
    correction = CorrectionRequestFactory(family=family)
    client = signed_in_client(parent)
    assert client.get("/staff/corrections/").status_code == 403
    assert client.get(f"/staff/corrections/{correction.pk}/").status_code == 403


def _queries(client, url: str, shows: str) -> int:
    """The queries the page costs; the page answers 200 and shows `shows` (so it rendered)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode(), f"{url} does not show {shows!r}"
    return len(captured)


@pytest.mark.parametrize("who", ["family", "staff"])
def test_lists_cost_the_same_queries_as_requests_grow(council, family, parent, who):
    user = parent if who == "family" else staff_user(council, Role.PRACTITIONER)
    url = "/family/corrections/" if who == "family" else "/staff/corrections/"
    client = signed_in_client(user)
    first, _ = CorrectionRequestFactory.create_batch(2, family=family, asked_by=parent)
    shows = f"/{who}/corrections/{first.pk}/"
    small = _queries(client, url, shows)
    CorrectionRequestFactory.create_batch(30, family=family, asked_by=parent)
    assert _queries(client, url, shows) == small


def test_the_record_page_costs_the_same_queries_as_corrections_grow(parent, family):
    client = signed_in_client(parent)
    CorrectionRequestFactory.create_batch(2, family=family, asked_by=parent)
    small = _queries(client, "/family/", family.name)
    CorrectionRequestFactory.create_batch(30, family=family, asked_by=parent)
    assert _queries(client, "/family/", family.name) == small


def test_open_requests_are_on_the_workers_list_of_things_due(council, practitioner, family):
    family.allocated_worker = practitioner
    family.save()
    waiting = CorrectionRequestFactory(family=family)
    answered = CorrectionRequestFactory(family=family, status=CorrectionStatus.CORRECTED)
    other_worker = staff_user(council, Role.PRACTITIONER)
    elsewhere = family_with_everyone(council, allocated_worker=other_worker)
    theirs = CorrectionRequestFactory(family=elsewhere)
    page = signed_in_client(practitioner).get("/staff/my-work/").content.decode()
    assert f"/staff/corrections/{waiting.pk}/" in page
    assert f"/staff/corrections/{answered.pk}/" not in page
    assert f"/staff/corrections/{theirs.pk}/" not in page


def test_the_four_decisions_name_their_law_and_how_to_challenge_them(story, parent):
    response = signed_in_client(parent).get(f"/family/requests/{story.request.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The four decisions in" in page
    assert "(Children Act 1989, section 17ZF)" in page
    assert "If you disagree, you can ask us to look again or" in page
