"""A young person's private words stay private everywhere (issue 14 point 3): beyond comments,
corrections and complaints on the parent's pages (test_private_words.py), also their requests
for a plan review and their own answer to their plan, and the messages and letters about their
own complaint, which are addressed and sent to the young person alone. All of it follows their
choice: once they share, the parent sees it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from supportfirst.asking.models import YoungPersonSharing
from supportfirst.families.models import ContactMethod
from supportfirst.letters import services as letter_services
from supportfirst.letters.models import Letter, LetterKind
from supportfirst.notifications import family_events
from supportfirst.notifications.models import Notification
from supportfirst.plans.models import PlanReviewRequest
from tests.accounts.factories import family_user, staff_user
from tests.complaints.factories import actor_for, complaint_for
from tests.conftest import signed_in_client
from tests.plans.factories import shared_plan_for
from tests.subject_access.conftest import download, every_text

REVIEW = "Mine: I have started college and need the evenings."
ANSWER = "Mine: I agree, but I want to choose the club myself."
COMPLAINT = "Mine: nobody asked me what I think."


@pytest.fixture
def story(family, sent_at_once):
    plan = shared_plan_for(family)
    child = plan.child
    young_person = family_user(
        family, child=child, email="sam.young@example.test", full_name="Sam Young"
    )
    parent = family_user(family, email="parent.account@example.test")
    carer = family.parent_carers.order_by("pk").first()
    carer.email = "carer@example.test"
    carer.save()
    family.preferred_contact = ContactMethod.EMAIL
    family.save()
    carer_emails = ["carer@example.test"]
    PlanReviewRequest.objects.create(
        family=family,
        plan=plan,
        what_changed=REVIEW,
        asked_by=young_person,
        asked_at=timezone.now(),
    )
    plan.status = "agreed"
    plan.family_response = ANSWER
    plan.responded_by = young_person
    plan.responded_at = timezone.now()
    plan.save()
    complaint = complaint_for(family)
    complaint.summary = COMPLAINT
    complaint.made_by = young_person
    complaint.save()
    worker = staff_user(family.council)
    return {
        "family": family,
        "child": child,
        "plan": plan,
        "complaint": complaint,
        "young_person": young_person,
        "parent": parent,
        "carer_emails": carer_emails,
        "worker": worker,
    }


def _share(story, share: bool) -> None:
    YoungPersonSharing.objects.update_or_create(
        family=story["family"],
        child=story["child"],
        defaults={"share_own_views_with_parents": share, "chosen_at": timezone.now()},
    )


def _complaint_letter(story) -> Letter:
    letter = letter_services.letter_prepare(
        actor=actor_for(story["worker"]),
        family=story["family"],
        kind=LetterKind.COMPLAINT_ACKNOWLEDGEMENT,
        source=story["complaint"],
    )
    sent, _told = letter_services.letter_send(actor=actor_for(story["worker"]), letter=letter)
    return sent


def test_messages_about_a_private_complaint_go_to_the_young_person_only(story):
    _share(story, False)
    mail.outbox.clear()
    family_events.complaint_received(story["complaint"])
    assert [m.to for m in mail.outbox] == [["sam.young@example.test"]]
    told = Notification.objects.get()
    assert told.addressed_to_user == story["young_person"]


def test_messages_about_a_shared_complaint_go_to_the_family(story):
    _share(story, True)
    mail.outbox.clear()
    family_events.complaint_received(story["complaint"])
    sent_to = {address for m in mail.outbox for address in m.to}
    assert "sam.young@example.test" not in sent_to
    assert sent_to & set(story["carer_emails"])


def test_a_letter_about_a_private_complaint_is_addressed_and_sent_to_the_young_person(story):
    _share(story, False)
    mail.outbox.clear()
    letter = _complaint_letter(story)
    assert letter.addressed_to == "Sam Young"
    assert letter.addressed_to_user == story["young_person"]
    assert "Sam Young" in letter.html
    for carer_email in story["carer_emails"]:
        assert all(carer_email not in m.to for m in mail.outbox)
    assert any(m.to == ["sam.young@example.test"] for m in mail.outbox)
    # The young person reads it; the parent cannot find it.
    young = signed_in_client(story["young_person"])
    assert young.get(f"/family/letters/{letter.pk}/").status_code == 200
    parent = signed_in_client(story["parent"])
    assert letter.subject not in parent.get("/family/letters/").content.decode()
    assert parent.get(f"/family/letters/{letter.pk}/").status_code == 404
    assert parent.get(f"/family/letters/{letter.pk}/pdf/").status_code == 404


def test_the_parents_download_leaves_out_the_private_letters_messages_and_plan_words(story):
    _share(story, False)
    letter = _complaint_letter(story)
    family_events.complaint_received(story["complaint"])
    _, archive = download(story["parent"])
    text = every_text(archive)
    for words in (REVIEW, ANSWER, COMPLAINT, story["complaint"].reference):
        assert words not in text, words
    assert not [name for name in archive.namelist() if name.endswith(letter.filename)]


def test_the_parents_plan_page_leaves_out_the_young_persons_own_answer(story):
    _share(story, False)
    page = signed_in_client(story["parent"]).get(f"/family/plans/{story['plan'].pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert ANSWER not in text
    assert "has chosen to keep their own words between themselves and the council" in text


def test_once_the_young_person_shares_the_parent_sees_it_all(story):
    _share(story, False)
    letter = _complaint_letter(story)
    _share(story, True)
    parent = signed_in_client(story["parent"])
    assert parent.get(f"/family/letters/{letter.pk}/").status_code == 200
    assert ANSWER in parent.get(f"/family/plans/{story['plan'].pk}/").content.decode()
    _, archive = download(story["parent"])
    text = every_text(archive)
    for words in (REVIEW, ANSWER, COMPLAINT):
        assert words in text, words
    assert [name for name in archive.namelist() if name.endswith(letter.filename)]


def test_the_choice_page_says_exactly_what_it_covers(family):
    from tests.assessments.factories import assessments_for

    child = assessments_for(family).child.child
    young = signed_in_client(family_user(family, child=child))
    page = young.get("/family/my-views/")
    assert page.status_code == 200
    text = page.content.decode()
    for covered in (
        "your comments on your assessments",
        "your requests to correct your record",
        "your complaints, and the letters and messages we send you about them",
        "your requests for a review of your support plan",
        "in the copy of their records they can download",
        "only to you, at the email address of your account",
    ):
        assert covered in text, covered


def test_the_parents_access_log_does_not_give_away_a_private_complaint(story):
    from supportfirst.audit.services import log_access

    _share(story, False)
    log_access(actor_for(story["worker"]), family_id=story["family"].pk, record=story["complaint"])
    parent_log = signed_in_client(story["parent"]).get("/family/who-has-looked/")
    assert parent_log.status_code == 200
    assert "the complaint" not in parent_log.content.decode()
    young_log = signed_in_client(story["young_person"]).get("/family/who-has-looked/")
    assert young_log.status_code == 200
    assert "the complaint" in young_log.content.decode()
    _share(story, True)
    parent_log = signed_in_client(story["parent"]).get("/family/who-has-looked/")
    assert "the complaint" in parent_log.content.decode()


# Advocacy under section 26A is owed to the young person who complains: a letter or message
# written to them alone says so to them, never "if your child wants to complain".


def test_a_letter_to_the_young_person_about_their_complaint_offers_them_an_advocate(story):
    _share(story, False)
    letter = _complaint_letter(story)
    assert "You can have an advocate" in letter.html
    assert "We must arrange one for you if you want one" in letter.html
    assert "If your child wants to complain" not in letter.html


def test_a_message_to_the_young_person_about_their_complaint_offers_them_an_advocate(story):
    _share(story, False)
    mail.outbox.clear()
    family_events.complaint_acknowledged(story["complaint"])
    body = mail.outbox[-1].body
    assert "You can have an advocate" in body
    assert "If your child wants to complain" not in body


def test_a_message_about_a_shared_complaint_signposts_the_parents(story):
    _share(story, True)
    mail.outbox.clear()
    family_events.complaint_acknowledged(story["complaint"])
    body = mail.outbox[-1].body
    assert "If your child wants to complain, they can have an advocate" in body
