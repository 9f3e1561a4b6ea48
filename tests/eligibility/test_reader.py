"""A young person reading their own decision is not addressed as their own parent."""

from __future__ import annotations

from django.urls import reverse

from supportfirst.eligibility.models import NeedLine, ServiceLine
from supportfirst.eligibility.reader import Reader, reword, reword_line
from tests.accounts.factories import family_user
from tests.conftest import signed_in_client
from tests.eligibility.factories import decision_for

YOUNG = Reader(young_person=True, child_name="Sam", young_carer_names=("Ali",))
PARENT = Reader(young_person=False, child_name="Sam", young_carer_names=("Ali",))


def test_your_child_becomes_the_childs_first_name_for_a_young_person():
    text = "Your child cannot manage this without help. It affects your child's sleep."
    assert reword(text, YOUNG) == "Sam cannot manage this without help. It affects Sam's sleep."
    assert reword("We help because you care for your disabled child.", YOUNG).endswith("for Sam.")


def test_a_parent_is_still_addressed_about_their_child():
    text = "Your child cannot manage this without help."
    assert reword(text, PARENT) == text


def test_the_young_carer_is_named_for_every_reader():
    text = "No area of the young carer's life is recorded. The young carer helps."
    for reader in (YOUNG, PARENT):
        assert reword(text, reader) == "No area of Ali's life is recorded. Ali helps."


def test_help_for_a_parent_carer_is_told_about_them_to_a_young_person():
    line = ServiceLine(
        code="break",
        name="A break for you",
        met=False,
        legal_basis_citations=[],
        duty_or_power="power",
        reason="No area of your own life is recorded as one that can only be managed with help.",
        departed=False,
        departure_reason="",
        plain_english="Regular time for yourself.",
        for_whom="parent_carer",
    )
    shown = reword_line(line, YOUNG, "parent_carer")
    assert shown.name == "A break for your parents or carers"
    assert "your own life" not in shown.reason
    assert "parents or carers" in shown.reason
    assert shown.plain_english == ""
    assert reword_line(line, PARENT, "parent_carer") == line


def test_a_need_line_is_reworded():
    line = NeedLine("n", "Help at night", "Sleep", True, "Your child cannot manage this.", "")
    assert reword_line(line, YOUNG, "child").reason == "Sam cannot manage this."


def test_the_young_persons_decision_page_names_them_not_your_child(ashvale_family):
    decision = decision_for(ashvale_family, confirm=True)
    child = decision.assessment.child
    url = reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    young = signed_in_client(family_user(ashvale_family, child=child)).get(url).content.decode()
    assert "your child" not in young.lower()
    assert "A break for you<" not in young
    assert "your own life" not in young
    assert f"{child.first_name} cannot manage this without help" in young
    parent = signed_in_client(family_user(ashvale_family)).get(url).content.decode()
    assert "Your child cannot manage this without help" in parent


NOT_IN_THIS_DECISION = (
    "Your own needs as a parent carer were not part of this decision. If you have had a "
    "parent carer&#x27;s assessment, we tell you our decisions about your own needs separately "
    "(Children Act 1989, section 17ZF). If you have not, you can ask for one at any time."
)


def test_help_for_a_parent_carer_not_in_the_case_is_never_called_unassessed(ashvale_family, worker):
    # A parent carer may have had a separate assessment: the decision about the child must not
    # tell them "we have not assessed your own needs" (issue 13).
    decision = decision_for(ashvale_family, confirm=True)
    url = reverse("family_eligibility:decision", kwargs={"decision_id": decision.pk})
    parent = signed_in_client(family_user(ashvale_family)).get(url).content.decode()
    assert "Not in this decision" in parent
    assert NOT_IN_THIS_DECISION in parent
    assert "have not assessed" not in parent
    child = decision.assessment.child
    young = signed_in_client(family_user(ashvale_family, child=child)).get(url).content.decode()
    assert "Not in this decision" in young
    assert "own needs as parent carers were not part of this decision" in young
    staff_url = reverse("eligibility:decision", kwargs={"decision_id": decision.pk})
    staff = signed_in_client(worker).get(staff_url).content.decode()
    assert "Not in this decision" in staff
    assert NOT_IN_THIS_DECISION in staff
