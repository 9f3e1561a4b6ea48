"""Whose words the family reads (issue 18, review point 5): only what the family wrote
themselves is in quotation marks; a worker's note of what they said is labelled as the worker's
note. And the plan form asks for the notice once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.pathway.models import Contact, FamilyView
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.pathway.factories import PlannedContactFactory, SupportPathwayRequestFactory

NOTE = "Mum would rather we met at the children's centre."
THEIRS = "Please meet us at the centre instead."


@pytest.fixture
def support_request(family):
    return SupportPathwayRequestFactory(
        child=family.children.first(), received_at=timezone.now() - timedelta(days=10)
    )


def _family_page(support_request) -> str:
    parent = family_user(support_request.family)
    response = signed_in_client(parent).get(f"/family/requests/{support_request.pk}/")
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'")


def test_a_workers_note_of_the_familys_view_is_not_quoted_as_their_words(support_request):
    PlannedContactFactory(request=support_request, record__family_words=NOTE)
    page = _family_page(support_request)
    assert f"Our worker's note of what you said: {NOTE}" in page
    assert f"“{NOTE}”" not in page
    # What they said about the less intrusive option is the worker's note too.
    assert "Our worker's note of what you said: Mum said Alfie would want her there." in page
    assert "“Mum said Alfie would want her there.”" not in page


def test_the_familys_own_answer_is_quoted_in_their_words(support_request):
    contact = PlannedContactFactory(
        request=support_request, record__family_view=FamilyView.WAITING, record__family_words=""
    )
    parent = family_user(support_request.family)
    client = signed_in_client(parent)
    response = client.post(
        f"/family/contacts/{contact.pk}/your-view/",
        {"family_view": "object", "family_words": THEIRS},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.intrusion_record.words_by_family is True
    page = client.get(f"/family/requests/{support_request.pk}/").content.decode()
    assert f"You said no, in your words: “{THEIRS}”" in page


def test_an_answer_without_words_is_not_quoted(support_request):
    contact = PlannedContactFactory(
        request=support_request, record__family_view=FamilyView.WAITING, record__family_words=""
    )
    client = signed_in_client(family_user(support_request.family))
    client.post(f"/family/contacts/{contact.pk}/your-view/", {"family_view": "agree"})
    contact.refresh_from_db()
    assert contact.intrusion_record.words_by_family is False
    assert "“Agreed on Support First.”" not in _family_page(support_request)


def test_staff_recording_the_view_is_the_workers_note(practitioner, support_request):
    contact = PlannedContactFactory(
        request=support_request, record__family_view=FamilyView.WAITING, record__family_words=""
    )
    response = signed_in_client(practitioner).post(
        f"/staff/contacts/{contact.pk}/view/", {"family_view": "agree", "family_words": NOTE}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.intrusion_record.words_by_family is False
    assert f"Our worker's note of what you said: {NOTE}" in _family_page(support_request)


def test_the_plan_form_asks_for_the_notice_once(practitioner, support_request):
    client = signed_in_client(practitioner)
    form = client.get(f"/staff/requests/{support_request.pk}/contacts/plan/").content.decode()
    assert form.count("Notice given") == 1
    assert 'name="intrusion_notice_given"' not in form
    day = timezone.localdate() + timedelta(days=7)
    response = client.post(
        f"/staff/requests/{support_request.pk}/contacts/plan/",
        {
            "kind": "home_visit",
            "happened_on_0": str(day.day),
            "happened_on_1": str(day.month),
            "happened_on_2": str(day.year),
            "happened_time": "10am",
            "place": "At home",
            "family_chose_time_and_place": "yes",
            "what_for": "To see the stairs Alfie finds hard at bedtime.",
            "intrusions": ["home_visit"],
            "purpose": "To see the stairs.",
            "why_necessary": "The occupational therapist must measure the stairs.",
            "less_intrusive_option": "Photographs of the stairs.",
            "less_intrusive_answer": "They would rather we came.",
            "why_not_enough": "Photographs do not show the depth of each step.",
            "family_view": "agree",
            "family_words": "Come on Tuesday.",
        },
    )
    # The one notice is needed for a home visit, next to its own question.
    assert response.status_code == 400
    assert "Write what notice the family was given" in response.content.decode()
    response = client.post(
        f"/staff/requests/{support_request.pk}/contacts/plan/",
        {
            **{k: v for k, v in response.wsgi_request.POST.lists()},
            "notice_given": "Two weeks, by email.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    contact = Contact.objects.get()
    assert contact.notice_given == "Two weeks, by email."
    assert contact.intrusion_record.notice_given == "Two weeks, by email."
