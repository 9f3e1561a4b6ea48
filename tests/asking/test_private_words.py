"""A young person's private words stay private.

A young person (16 or over, with their own account) who chose to keep their own views from
their parents also keeps what they wrote themselves: their comments on an assessment, their
requests to correct the record and their complaints are not on the parent's pages nor in the
parent's download. The parent is told, without details, that this is so. When the young person
shares, the parent sees them; the young person always sees their own.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.asking.models import YoungPersonSharing
from tests.accounts.factories import family_user
from tests.assessments.factories import FamilyCommentFactory, assessments_for
from tests.complaints.factories import complaint_for
from tests.conftest import signed_in_client
from tests.corrections.factories import CorrectionRequestFactory
from tests.subject_access.conftest import download, every_text

COMMENT = "Mine: I do not want to go to the Saturday club."
CORRECTION = "Mine: I am not shy, I just do not like crowds."
COMPLAINT = "Mine: nobody asked me what I think."
NOTE = "has chosen to keep their own words between themselves and the council"


@pytest.fixture
def story(family):
    made = assessments_for(family)
    child = made.child.child
    young_person = family_user(family, child=child)
    parent = family_user(family)
    FamilyCommentFactory(assessment=made.child, author=young_person, text=COMMENT)
    correction = CorrectionRequestFactory(
        family=family, asked_by=young_person, what_is_wrong=CORRECTION
    )
    complaint = complaint_for(family)
    complaint.summary = COMPLAINT
    complaint.made_by = young_person
    complaint.save()
    return {
        "family": family,
        "child": child,
        "assessment": made.child,
        "complaint": complaint,
        "correction": correction,
        "young_person": young_person,
        "parent": parent,
    }


def _share(story, share: bool) -> None:
    YoungPersonSharing.objects.update_or_create(
        family=story["family"],
        child=story["child"],
        defaults={"share_own_views_with_parents": share, "chosen_at": timezone.now()},
    )


def _pages(user, story, *, details: bool = True) -> dict[str, str]:
    client = signed_in_client(user)
    urls = {
        "assessment": f"/family/assessments/{story['assessment'].pk}/",
        "corrections": "/family/corrections/",
        "complaints": "/family/complaints/",
    }
    if details:
        urls["correction"] = f"/family/corrections/{story['correction'].pk}/"
        urls["complaint"] = f"/family/complaints/{story['complaint'].pk}/"
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        pages[name] = response.content.decode()
    return pages


def test_a_parent_does_not_see_what_a_young_person_keeps_private(story):
    _share(story, False)
    pages = _pages(story["parent"], story, details=False)
    assert COMMENT not in pages["assessment"]
    assert story["correction"].record_label not in pages["corrections"]
    assert COMPLAINT not in pages["complaints"]
    for page in pages.values():
        assert NOTE in page
    client = signed_in_client(story["parent"])
    assert client.get(f"/family/corrections/{story['correction'].pk}/").status_code == 404
    assert client.get(f"/family/complaints/{story['complaint'].pk}/").status_code == 404


def test_the_parents_download_leaves_out_what_a_young_person_keeps_private(story):
    _share(story, False)
    _, archive = download(story["parent"])
    text = every_text(archive)
    for words in (COMMENT, CORRECTION, COMPLAINT):
        assert words not in text
    assert "chosen to keep between themselves and the council" in text


def test_a_parent_sees_what_a_young_person_shares(story):
    _share(story, True)
    pages = _pages(story["parent"], story)
    assert COMMENT in pages["assessment"]
    assert CORRECTION in pages["correction"]
    assert COMPLAINT in pages["complaint"]
    assert NOTE not in pages["complaints"]
    _, archive = download(story["parent"])
    text = every_text(archive)
    for words in (COMMENT, CORRECTION, COMPLAINT):
        assert words in text


def test_the_young_person_still_sees_their_own_words(story):
    _share(story, False)
    pages = _pages(story["young_person"], story)
    assert COMMENT in pages["assessment"]
    assert CORRECTION in pages["correction"]
    assert COMPLAINT in pages["complaint"]
    assert NOTE not in pages["complaints"]
