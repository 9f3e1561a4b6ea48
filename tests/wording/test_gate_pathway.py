"""The staff words the pathway sends a family go through the wording gate: a manager's reason
for approving a planned contact the family objected to, the reason a planned contact is
cancelled, what a planned contact is for (and why it is needed), a decision not to assess and
the manager's confirmation. Each flagged phrase needs a real reason, kept and shown to staff."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.notifications.models import Notification
from supportfirst.pathway.models import Contact, ContactStatus
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import PlannedContactFactory, SupportPathwayRequestFactory

REASON = "These are the school's words, quoted from its letter of 3 March."
FLAGGED = "Mum refused every other way and was hostile to the school."


def reason_fields(html: str) -> list[str]:
    return re.findall(r'name="(reason_[0-9a-f_]+)"', html)


@pytest.fixture
def support_request(emailed):
    return SupportPathwayRequestFactory(
        child=emailed.children.first(), received_at=timezone.now() - timedelta(days=10)
    )


@pytest.fixture
def manager(council):
    return staff_user(council, Role.TEAM_MANAGER)


def test_a_flagged_reason_to_approve_a_contact_needs_real_reasons(manager, support_request):
    contact = PlannedContactFactory(request=support_request)
    client = signed_in_client(manager)
    url = f"/staff/contacts/{contact.pk}/approve/"
    response = client.post(url, {"reason": FLAGGED})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="govuk-error-summary' in html
    assert "Give a reason for keeping “refused”" in html
    assert "Words to check before the family reads this" in html
    assert FLAGGED in html
    fields = reason_fields(html)
    assert len(fields) == 2
    response = client.post(url, {"reason": FLAGGED, **dict.fromkeys(fields, "x")})
    assert response.status_code == 400
    contact.refresh_from_db()
    assert contact.approved_by_id is None
    assert not Notification.objects.filter(event="contact_approved").exists()
    response = client.post(url, {"reason": FLAGGED, **dict.fromkeys(fields, REASON)})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.approval_reason == FLAGGED
    kept = WordingReason.objects.filter(record_type="pathway.contact", record_id=contact.pk)
    assert sorted((r.words, r.field) for r in kept) == [
        ("hostile", "the reason for going ahead"),
        ("refused", "the reason for going ahead"),
    ]
    page = client.get(f"/staff/contacts/{contact.pk}/").content.decode()
    assert "“refused” in the reason for going ahead" in page
    assert REASON in page.replace("&#x27;", "'")


def test_the_family_reads_the_approval_but_never_the_reasons(manager, support_request):
    contact = PlannedContactFactory(request=support_request)
    client = signed_in_client(manager)
    url = f"/staff/contacts/{contact.pk}/approve/"
    fields = reason_fields(client.post(url, {"reason": FLAGGED}).content.decode())
    client.post(url, {"reason": FLAGGED, **dict.fromkeys(fields, REASON)})
    parent = family_user(support_request.family)
    page = signed_in_client(parent).get(f"/family/requests/{support_request.pk}/")
    html = page.content.decode().replace("&#x27;", "'")
    assert FLAGGED in html
    assert REASON not in html
    assert "Words to check" not in html


def test_a_clean_approval_goes_with_one_click(manager, support_request):
    contact = PlannedContactFactory(request=support_request)
    reason = "Alfie asked to talk to us on his own, and his school agrees it matters."
    response = signed_in_client(manager).post(
        f"/staff/contacts/{contact.pk}/approve/", {"reason": reason}
    )
    assert response.status_code == 302
    assert not WordingReason.objects.exists()


def test_a_flagged_reason_to_cancel_a_contact_needs_a_real_reason(practitioner, support_request):
    contact = PlannedContactFactory(request=support_request)
    client = signed_in_client(practitioner)
    url = f"/staff/contacts/{contact.pk}/cancel/"
    said = "Dad was uncooperative about the time."
    response = client.post(url, {"reason": said})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give a reason for keeping “uncooperative”" in html
    fields = reason_fields(html)
    response = client.post(url, {"reason": said, **dict.fromkeys(fields, "uncooperative")})
    assert response.status_code == 400
    assert "only repeats the words" in response.content.decode()
    contact.refresh_from_db()
    assert contact.status == ContactStatus.PLANNED
    response = client.post(url, {"reason": said, **dict.fromkeys(fields, REASON)})
    assert response.status_code == 302
    kept = WordingReason.objects.get(record_type="pathway.contact", record_id=contact.pk)
    assert (kept.words, kept.field) == ("uncooperative", "the reason it is cancelled")


def _plan(client, support_request, **extra):
    when = timezone.localdate() + timedelta(days=5)
    return client.post(
        f"/staff/requests/{support_request.pk}/contacts/plan/",
        {
            "kind": "call",
            "happened_on_0": str(when.day),
            "happened_on_1": str(when.month),
            "happened_on_2": str(when.year),
            "happened_time": "10:00am",
            "family_chose_time_and_place": "yes",
            "what_for": "To talk about bedtimes, as Mum refused the sleep clinic.",
            **extra,
        },
    )


def test_what_a_planned_contact_is_for_needs_a_real_reason_for_flagged_words(
    practitioner, support_request
):
    client = signed_in_client(practitioner)
    response = _plan(client, support_request)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give a reason for keeping “refused”" in html
    assert "in what it is for" in html
    assert not Contact.objects.exists()
    fields = reason_fields(html)
    assert len(fields) == 1
    assert _plan(client, support_request, **dict.fromkeys(fields, "x")).status_code == 400
    assert not Contact.objects.exists()
    response = _plan(client, support_request, **dict.fromkeys(fields, REASON))
    assert response.status_code == 302
    contact = Contact.objects.get()
    kept = WordingReason.objects.get(record_type="pathway.contact", record_id=contact.pk)
    assert (kept.words, kept.field) == ("refused", "what it is for")


def test_why_an_intrusion_is_needed_is_checked_too(practitioner, support_request):
    response = _plan(
        signed_in_client(practitioner),
        support_request,
        kind="home_visit",
        intrusions=["home_visit"],
        what_for="To see the stairs Alfie finds hard at bedtime.",
        purpose="To see the stairs.",
        why_necessary="The home is chaotic, so we need to see it.",
        less_intrusive_option="Photos of the stairs.",
        less_intrusive_answer="They would rather we came.",
        why_not_enough="Photos do not show the turn in the stairs.",
        family_view="agree",
        notice_given="A week, by phone.",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“home is chaotic” in why it is necessary" in html


@pytest.fixture
def awaiting(emailed):
    from tests.pathway.factories import SupportRequestFactory

    return SupportRequestFactory(child=emailed.children.first(), preferred_contact="email")


NOT_ASSESSING = {
    "pathway": "information",
    "information_given": "The holiday club list.",
    "basis": "not_assessing",
    "not_assessing_reason": "Mum refused an assessment and her account is inconsistent.",
}


def test_a_flagged_reason_not_to_assess_needs_real_reasons(practitioner, awaiting):
    client = signed_in_client(practitioner)
    url = f"/staff/requests/{awaiting.pk}/decision/"
    response = client.post(url, NOT_ASSESSING)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give a reason for keeping “refused”" in html
    assert "in the reason for not assessing" in html
    assert "Words to check before the family reads this" in html
    fields = reason_fields(html)
    assert len(fields) >= 2
    assert client.post(url, {**NOT_ASSESSING, **dict.fromkeys(fields, "x")}).status_code == 400
    awaiting.refresh_from_db()
    assert awaiting.status == "awaiting_decision"
    response = client.post(url, {**NOT_ASSESSING, **dict.fromkeys(fields, REASON)})
    assert response.status_code == 302
    decision = awaiting.next_step_decision
    kept = WordingReason.objects.filter(
        record_type="pathway.nextstepdecision", record_id=decision.pk
    )
    assert {r.field for r in kept} == {"the reason for not assessing"}
    assert "refused" in {r.words for r in kept}
    manager = staff_user(awaiting.family.council, Role.TEAM_MANAGER)
    page = signed_in_client(manager).get(f"/staff/requests/{awaiting.pk}/not-assessing/")
    html = page.content.decode().replace("&#x27;", "'")
    assert "“refused” in the reason for not assessing" in html
    assert REASON in html


def test_flagged_information_and_advice_needs_a_reason_too(practitioner, awaiting):
    response = signed_in_client(practitioner).post(
        f"/staff/requests/{awaiting.pk}/decision/",
        {
            "pathway": "information",
            "information_given": "Dad was hostile, so here is the holiday club list.",
            "basis": "family_agreed",
            "agreed_by": "Claire",
            "agreed_on_0": "1",
            "agreed_on_1": "3",
            "agreed_on_2": "2026",
            "agreed_how": "On the phone",
        },
    )
    assert response.status_code == 400
    assert "“hostile” in the information and advice" in response.content.decode()


def test_a_managers_flagged_confirmation_needs_a_real_reason(practitioner, awaiting):
    from supportfirst.audit.services import Actor
    from supportfirst.councils.scoping import scope_for
    from supportfirst.pathway import services

    services.propose_not_assessing(
        actor=Actor(practitioner, scope_for(practitioner), "test"),
        request=awaiting,
        information_given="The holiday club list.",
        reason="Claire asked only for the list of holiday clubs today.",
    )
    manager = staff_user(awaiting.family.council, Role.TEAM_MANAGER)
    client = signed_in_client(manager)
    url = f"/staff/requests/{awaiting.pk}/not-assessing/"
    said = {"decision": "confirm", "reason": "Confirmed: Mum is in denial about Alfie's needs."}
    response = client.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "in the reason for your decision" in html
    fields = reason_fields(html)
    assert fields
    assert client.post(url, {**said, **dict.fromkeys(fields, "x")}).status_code == 400
    awaiting.refresh_from_db()
    assert awaiting.next_step_decision.confirmed_by_id is None
    response = client.post(url, {**said, **dict.fromkeys(fields, REASON)})
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.next_step_decision.confirmed_by_id == manager.pk
    kept = WordingReason.objects.filter(record_type="pathway.nextstepdecision")
    assert {r.field for r in kept} == {"the reason for your decision"}


def test_the_notes_of_a_contact_the_family_reads_need_real_reasons(practitioner, support_request):
    client = signed_in_client(practitioner)
    an_hour_ago = timezone.localtime() - timedelta(hours=1)
    said = {
        "kind": "call",
        "happened_on_0": str(an_hour_ago.day),
        "happened_on_1": str(an_hour_ago.month),
        "happened_on_2": str(an_hour_ago.year),
        "happened_time": f"{an_hour_ago:%H:%M}",
        "family_chose_time_and_place": "yes",
        "notes": "We talked about bedtimes. Dad was hostile about the sleep plan.",
    }
    url = f"/staff/requests/{support_request.pk}/contacts/new/"
    response = client.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "in the notes" in html
    fields = reason_fields(html)
    assert fields
    assert client.post(url, {**said, **dict.fromkeys(fields, "x")}).status_code == 400
    assert not Contact.objects.exists()
    assert client.post(url, {**said, **dict.fromkeys(fields, REASON)}).status_code == 302
    contact = Contact.objects.get()
    kept = WordingReason.objects.filter(record_type="pathway.contact", record_id=contact.pk)
    assert {r.field for r in kept} == {"the notes"}


def test_the_notice_the_family_reads_is_checked_too(practitioner, support_request):
    response = _plan(
        signed_in_client(practitioner),
        support_request,
        what_for="To talk about bedtimes.",
        notice_given="A week, though Dad is hard to reach.",
    )
    assert response.status_code == 400
    assert "in the notice given" in response.content.decode()


def test_a_flagged_decision_on_a_move_to_safeguarding_needs_a_reason(practitioner, support_request):
    from supportfirst.pathway.models import RequestStatus
    from tests.pathway.factories import ProposedMoveFactory

    move = ProposedMoveFactory(request=support_request, proposed_by=practitioner)
    support_request.status = RequestStatus.SAFEGUARDING_PROPOSED
    support_request.save()
    manager = staff_user(support_request.family.council, Role.TEAM_MANAGER)
    client = signed_in_client(manager)
    url = f"/staff/safeguarding/{move.pk}/"
    said = {
        "decision": "decline",
        "reason": "No cause: Dad was hostile, but the strategy discussion found no harm.",
    }
    response = client.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "in your reason for the decision" in html
    assert "“strategy discussion”" not in html.split("words-to-check")[1].split("</div>")[0]
    fields = reason_fields(html)
    assert client.post(url, {**said, **dict.fromkeys(fields, "x")}).status_code == 400
    assert client.post(url, {**said, **dict.fromkeys(fields, REASON)}).status_code == 302
    kept = WordingReason.objects.filter(record_type="pathway.safeguardingmove", record_id=move.pk)
    assert {r.field for r in kept} == {"your reason for the decision"}


def test_a_flagged_outcome_of_the_enquiries_needs_a_reason(practitioner, emailed):
    from tests.pathway.factories import SupportRequestFactory
    from tests.pathway.test_safeguarding_route import _approved

    awaiting = SupportRequestFactory(child=emailed.children.first())
    manager = staff_user(emailed.council, Role.TEAM_MANAGER)
    move = _approved(practitioner, manager, awaiting)
    client = signed_in_client(practitioner)
    url = f"/staff/safeguarding/{move.pk}/outcome/"
    said = {
        "outcome": "no_further_action",
        "outcome_reason": "Strategy discussion on 4 March: no harm, though Mum was resistant.",
    }
    response = client.post(url, said)
    assert response.status_code == 400
    html = response.content.decode()
    assert "“resistant” in what the enquiries found" in html
    fields = reason_fields(html)
    assert len(fields) == 1
    assert client.post(url, {**said, **dict.fromkeys(fields, "x")}).status_code == 400
    assert client.post(url, {**said, **dict.fromkeys(fields, REASON)}).status_code == 302
    kept = WordingReason.objects.get(record_type="pathway.safeguardingmove", record_id=move.pk)
    assert kept.field == "what the enquiries found"
