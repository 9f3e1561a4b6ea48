"""What is held back from a download: staff marks, records kept for staff only, and
safeguarding proposals the family was not told about. Said plainly, never shown."""

from __future__ import annotations

import dataclasses
import html
import json

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.families.models import Sibling
from supportfirst.pathway.models import Contact, SafeguardingMove
from supportfirst.subject_access.models import Withholding
from supportfirst.subject_access.records import RULE_REASON
from supportfirst.wording.models import WordingReason
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.subject_access.conftest import download, every_text

NEIGHBOUR = "The neighbour at number 12 told us about the shouting"
REASON = "It is about another person who has not agreed to us sharing it."


def _mark(family, record, field_name=""):
    worker = staff_user(family.council, Role.PRACTITIONER)
    return Withholding.objects.create(
        family=family,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        field_name=field_name,
        reason=REASON,
        marked_by=worker,
        marked_at=timezone.now(),
    )


def test_a_marked_field_is_held_back_and_the_reason_given(alpha, alpha_parent):
    contact = Contact.objects.get(family=alpha.family)
    contact.notes = NEIGHBOUR
    contact.save()
    _mark(alpha.family, contact, "notes")
    _, archive = download(alpha_parent)
    text = every_text(archive)
    assert NEIGHBOUR not in text
    index = archive.read("index.html").decode()
    assert "We have held back some information from this copy" in index
    assert "Part of a record" in index
    assert "Notes" in index
    assert REASON in index
    data = json.loads(archive.read("data/pathway.contact.json"))
    assert data["records"][0]["fields"]["notes"] == {"withheld": True}
    # The rest of the contact is still there.
    assert data["records"][0]["fields"]["place"] == "Alphonse house"


def test_a_marked_record_is_held_back_whole(alpha, alpha_parent):
    contact = Contact.objects.get(family=alpha.family)
    contact.notes = NEIGHBOUR
    contact.save()
    _mark(alpha.family, contact)
    _, archive = download(alpha_parent)
    assert NEIGHBOUR not in every_text(archive)
    assert "Alphonse house" not in every_text(archive)
    assert "A whole record: contact" in archive.read("index.html").decode()
    withheld = json.loads(archive.read("data/withheld.json"))
    assert withheld["whole_records_withheld"] == 1


def test_a_proposal_the_family_was_not_told_about_is_held_back_with_its_trail(alpha, alpha_parent):
    request = alpha.family.support_requests.get(reference="R-Alphonse-1")
    from supportfirst.audit.services import Actor
    from supportfirst.councils.scoping import scope_for
    from supportfirst.pathway import services as pathway

    worker = staff_user(alpha.family.council, Role.PRACTITIONER)
    move = pathway.safeguarding_propose(
        actor=Actor(worker, scope_for(worker)),
        request=request,
        what_happened="Secretevidence: a bruise seen on Monday by the class teacher.",
        seen_or_said_by="Ms Green",
        when_it_happened="Monday",
        family_told=False,
        family_told_at=None,
        reason_not_told="Telling now could put the child at risk.",
    )
    WordingReason.objects.create(
        family=alpha.family,
        record_type="pathway.safeguardingmove",
        record_id=move.pk,
        field="What happened",
        rule="concerns",
        words="concerns",
        reason="Secretwording kept",
        given_by=worker,
    )
    _, archive = download(alpha_parent)
    text = every_text(archive)
    assert "Secretevidence" not in text
    assert "Secretwording" not in text
    assert "A move to safeguarding was proposed" not in text
    requests = json.loads(archive.read("data/pathway.supportrequest.json"))["records"]
    status = {r["fields"]["reference"]: r["fields"]["status"] for r in requests}
    assert status["R-Alphonse-1"] == {"withheld": True}  # it would say a move was proposed
    assert status["R-Alphonse-2"] == "Move to safeguarding proposed"  # the family was told
    index = archive.read("index.html").decode()
    assert html.escape(RULE_REASON) in index
    assert "whole records" in index
    assert "part of 1 record" in index
    # The proposal the family was told about is still in their download.
    assert "Told about Alphonse" in text
    told = SafeguardingMove.objects.get(family=alpha.family, family_told=True)
    moves = json.loads(archive.read("data/pathway.safeguardingmove.json"))["records"]
    assert [m["id"] for m in moves] == [told.pk]


def test_records_kept_for_staff_only_are_held_back_and_counted(alpha, alpha_parent, monkeypatch):
    hidden = dataclasses.replace(Sibling.family_facing, visible=False)
    monkeypatch.setattr(Sibling, "family_facing", hidden)
    _, archive = download(alpha_parent)
    siblings = [n for n in archive.namelist() if "sibling" in n]
    assert not siblings
    assert "data/families.sibling.json" not in archive.namelist()
    index = archive.read("index.html").decode()
    assert "1 whole record" in index
    assert html.escape(RULE_REASON) in index


def test_staff_mark_a_field_through_the_page(alpha, council):
    worker = staff_user(council, Role.PRACTITIONER)
    client = signed_in_client(worker)
    url = f"/staff/families/{alpha.family.pk}/withholding/"
    first = client.get(url)
    assert first.status_code == 200
    contact = Contact.objects.get(family=alpha.family)
    value = f"pathway.contact:{contact.pk}"
    assert value in first.content.decode()
    second = client.get(url, {"record": value})
    assert second.status_code == 200
    assert "What should be held back?" in second.content.decode()
    missing = client.post(url, {"record": value, "field_name": "notes", "reason": "  "})
    assert missing.status_code == 400
    assert "Enter why it may not be shared" in missing.content.decode()
    saved = client.post(url, {"record": value, "field_name": "notes", "reason": REASON})
    assert saved.status_code == 302
    mark = Withholding.objects.get(family=alpha.family)
    assert (mark.object_id, mark.field_name, mark.reason) == (contact.pk, "notes", REASON)
    assert mark.marked_by == worker
    listed = client.get(url).content.decode()
    assert REASON in listed
    assert f"Contact {contact.pk}: notes" in listed
    whole = client.post(url, {"record": value, "field_name": "whole-record", "reason": REASON})
    body = whole.content.decode()
    assert whole.status_code == 302, body[body.find("There is a problem") :][:800]
    assert Withholding.objects.filter(family=alpha.family, field_name="").count() == 1
    assert f"Contact {contact.pk}: the whole record" in client.get(url).content.decode()
    unchosen = client.post(url, {"record": value, "reason": REASON})
    assert unchosen.status_code == 400
    assert "Choose the whole record or one part of it" in unchosen.content.decode()
    # A mark can be taken off again.
    removed = client.post(url, {"remove": str(mark.pk)})
    assert removed.status_code == 302
    assert not Withholding.objects.filter(pk=mark.pk).exists()
    assert Withholding.objects.filter(family=alpha.family).count() == 1


def test_staff_cannot_mark_another_familys_record(alpha, bravo, council):
    worker = staff_user(council, Role.PRACTITIONER)
    client = signed_in_client(worker)
    theirs = Contact.objects.get(family=bravo.family)
    url = f"/staff/families/{alpha.family.pk}/withholding/"
    response = client.post(
        url,
        {"record": f"pathway.contact:{theirs.pk}", "field_name": "whole-record", "reason": REASON},
    )
    assert response.status_code == 400
    assert not Withholding.objects.exists()
    made_up = client.get(url, {"record": "nothing:here"})
    assert made_up.status_code == 400
    # Nor take off another family's mark through this family's page.
    theirs_mark = _mark(bravo.family, theirs)
    client.post(url, {"remove": str(theirs_mark.pk)})
    assert Withholding.objects.filter(pk=theirs_mark.pk).exists()


def test_a_field_that_is_not_the_records_is_refused(alpha, council):
    worker = staff_user(council, Role.PRACTITIONER)
    contact = Contact.objects.get(family=alpha.family)
    response = signed_in_client(worker).post(
        f"/staff/families/{alpha.family.pk}/withholding/",
        {"record": f"pathway.contact:{contact.pk}", "field_name": "password", "reason": REASON},
    )
    assert response.status_code == 400
    assert not Withholding.objects.exists()


def test_a_young_persons_own_views_kept_private_are_held_back(alpha, alpha_parent):
    from supportfirst.asking.holdback import YOUNG_PERSON_REASON
    from supportfirst.asking.models import YoungPersonSharing
    from supportfirst.assessments.models import AssessmentArea

    child = alpha.family.children.get()
    area = AssessmentArea.objects.filter(family=alpha.family, assessment__kind="child").first()
    area.child_view = "Secretview: I want to go swimming on my own."
    area.save()
    YoungPersonSharing.objects.create(
        family=alpha.family, child=child, share_own_views_with_parents=False
    )
    _, archive = download(alpha_parent)
    assert "Secretview" not in every_text(archive)
    index = archive.read("index.html").decode()
    assert html.escape(YOUNG_PERSON_REASON) in index
    assert "records)" in index  # said once for all the areas, with a count


def test_a_young_persons_shared_views_are_in_the_download(alpha, alpha_parent):
    from supportfirst.asking.models import YoungPersonSharing
    from supportfirst.assessments.models import AssessmentArea

    child = alpha.family.children.get()
    area = AssessmentArea.objects.filter(family=alpha.family, assessment__kind="child").first()
    area.child_view = "Sharedview: I want to go swimming on my own."
    area.save()
    YoungPersonSharing.objects.create(
        family=alpha.family, child=child, share_own_views_with_parents=True
    )
    _, archive = download(alpha_parent)
    assert "Sharedview" in every_text(archive)


def test_a_young_persons_own_words_about_adult_life_kept_private_are_held_back(alpha, alpha_parent):
    from supportfirst.asking.models import YoungPersonSharing
    from tests.transition.factories import TransitionFactory

    child = alpha.family.children.get()
    TransitionFactory(child=child, own_words="Secretplan: my own flat by the sea.")
    YoungPersonSharing.objects.create(
        family=alpha.family, child=child, share_own_views_with_parents=False
    )
    _, archive = download(alpha_parent)
    assert "Secretplan" not in every_text(archive)
