"""No lost updates on the criteria drafts and the short breaks services statement: two people
open the same form, the first saves, the second gets the conflict page and the first save is
kept (kernel/versioning.py)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.eligibility import drafting
from supportfirst.eligibility.draft_forms import CriterionForm
from supportfirst.eligibility.models import ShortBreaksStatement
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.eligibility.drafts import a_draft, forum_member_of, manager_of
from tests.lost_updates import second_save

pytestmark = pytest.mark.django_db


def _draft():
    return a_draft(CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale"))


def _managers(council):
    return signed_in_client(manager_of(council)), signed_in_client(
        staff_user(council, Role.TEAM_MANAGER)
    )


def test_a_second_save_of_a_criterion_does_not_overwrite_the_first():
    draft = _draft()
    initial = CriterionForm.initial_from(draft.data["criteria"][0])
    sent = {k: v for k, v in initial.items() if v is not None}
    page = second_save(
        *_managers(draft.council),
        reverse(
            "eligibility:criteria_criterion", kwargs={"draft_id": draft.pk, "criterion_index": 0}
        ),
        sent | {"title": "Help for your child at home"},
        sent | {"title": "Help for your child at school"},
    )
    assert "Help for your child at home" in page
    assert "Help for your child at school" in page
    draft.refresh_from_db()
    assert draft.data["criteria"][0]["title"] == "Help for your child at home"


def test_a_second_save_of_the_drafts_title_does_not_overwrite_the_first():
    draft = _draft()
    page = second_save(
        *_managers(draft.council),
        reverse("eligibility:criteria_details", kwargs={"draft_id": draft.pk}),
        {"title": "Ashvale's help for disabled children", "summary": "The first summary."},
        {"title": "Ashvale's help for disabled children", "summary": "The second summary."},
    )
    assert "The first summary." in page
    assert "The second summary." in page
    draft.refresh_from_db()
    assert draft.data["summary"] == "The first summary."


def test_a_second_answer_to_a_comment_does_not_overwrite_the_first():
    draft = _draft()
    comment = drafting.comment_add(
        actor=forum_member_of(draft.council),
        draft=draft,
        part="service",
        key="short-breaks",
        text="Name the holiday schemes.",
    )
    page = second_save(
        *_managers(draft.council),
        reverse("eligibility:criteria_answer", kwargs={"criteria_comment_id": comment.pk}),
        {"answer": "Added to the words."},
        {"answer": "We will name them next year."},
    )
    assert "Added to the words." in page
    assert "We will name them next year." in page
    comment.refresh_from_db()
    assert comment.answer == "Added to the words."


def _statement(carers_needs: str) -> dict[str, str]:
    reviewed = timezone.localdate() - datetime.timedelta(days=30)
    following = reviewed + datetime.timedelta(days=365)
    return {
        "range_words": "Saturday clubs at Riverside.",
        "carers_needs_words": carers_needs,
        "carers_views_words": "We reviewed it with the forum in March.",
        "reviewed_on_0": str(reviewed.day),
        "reviewed_on_1": str(reviewed.month),
        "reviewed_on_2": str(reviewed.year),
        "next_review_on_0": str(following.day),
        "next_review_on_1": str(following.month),
        "next_review_on_2": str(following.year),
    }


def test_a_second_save_of_the_short_breaks_statement_does_not_overwrite_the_first():
    council = CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")
    ShortBreaksStatement.objects.create(council=council, range_words="Saturday clubs.")
    first = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    second = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    page = second_save(
        first,
        second,
        reverse("eligibility:short_breaks_statement"),
        _statement("Holiday schemes run until 6pm."),
        _statement("Holiday schemes run until 5pm."),
    )
    assert "Holiday schemes run until 6pm." in page
    assert "Holiday schemes run until 5pm." in page
    saved = ShortBreaksStatement.objects.get(council=council)
    assert saved.carers_needs_words == "Holiday schemes run until 6pm."
