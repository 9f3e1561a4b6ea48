"""Criteria drafted together in the browser (issue 15 point 2): a draft from the criteria in
force, parts changed in forms with the loader's checks, worked examples run on the page,
comments and answers, both sign-offs before publishing, the command line through the same
service, and the plain-English differences between two versions."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from supportfirst.eligibility import drafting
from supportfirst.eligibility.models import (
    CriteriaAdoption,
    CriteriaDraftEvent,
    CriteriaDraftStatus,
    PublishedCriteria,
)
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.rules.criteria import load_file, shipped_set_paths
from supportfirst.rules.criteria.changes import set_changes
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.eligibility.drafts import a_draft, forum_member_of, manager_of, signed_off

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _ashvale():
    return CouncilFactory(name="Ashvale Borough Council", la_code="957", slug="ashvale")


def _publish(draft, on=None, summary="We looked at the effect on disabled children."):
    return drafting.criteria_draft_publish(
        actor=manager_of(draft.council),
        draft=draft,
        in_force_from=on or TODAY(),
        equality_impact_summary=summary,
    )


def _criterion_post(draft, index, **changes):
    from supportfirst.eligibility.draft_forms import CriterionForm

    initial = CriterionForm.initial_from(draft.data["criteria"][index])
    initial.update(changes)
    return {k: v for k, v in initial.items() if v is not None}


def test_a_draft_starts_from_the_criteria_in_force_with_the_next_version():
    draft = a_draft(_ashvale())
    assert (draft.set_id, draft.version, draft.based_on.version) == ("957-ashvale", "2.2", "2.1")
    assert [c["id"] for c in draft.data["criteria"]] == ["child", "parent-carer", "young-carer"]
    assert drafting.draft_check(draft).ready
    assert (
        CriteriaDraftEvent.objects.get(draft=draft).summary
        == "Started version 2.2 from version 2.1"
    )


def test_a_council_with_no_criteria_starts_from_the_model():
    council = CouncilFactory(la_code="811", slug="testshire")
    draft = a_draft(council)
    assert (draft.set_id, draft.version, draft.based_on.owner) == ("811-testshire", "1", "national")


def test_publishing_is_refused_without_both_sign_offs():
    draft = a_draft(_ashvale())
    with pytest.raises(MoveRefused) as refused:
        _publish(draft)
    assert refused.value.messages == [
        "Someone must sign the draft off for the council before it is published.",
        "Someone must sign the draft off for the parent carer forum before it is published.",
    ]
    drafting.sign_off(
        actor=forum_member_of(draft.council),
        draft=draft,
        side=drafting.FORUM,
        name="Ruth Okafor",
        role="Forum chair",
        on=TODAY(),
    )
    with pytest.raises(MoveRefused) as refused:
        _publish(draft)
    assert refused.value.messages == [
        "Someone must sign the draft off for the council before it is published."
    ]
    draft.refresh_from_db()
    assert draft.status == CriteriaDraftStatus.DRAFT
    assert not PublishedCriteria.objects.filter(version="2.2").exists()


def test_a_forum_member_cannot_sign_off_for_the_council_nor_a_manager_comment():
    draft = a_draft(_ashvale())
    with pytest.raises(MoveRefused):
        drafting.comment_add(
            actor=manager_of(draft.council), draft=draft, part="criterion", key="child", text="x"
        )
    with pytest.raises(MoveRefused):
        drafting.sign_off(
            actor=forum_member_of(draft.council),
            draft=draft,
            side=drafting.COUNCIL,
            name="Ruth",
            role="Chair",
            on=TODAY(),
        )


def test_an_unanswered_comment_and_a_past_date_are_refused_then_it_publishes_and_is_adopted():
    draft = a_draft(_ashvale())
    comment = drafting.comment_add(
        actor=forum_member_of(draft.council),
        draft=draft,
        part="service",
        key="short-breaks",
        text="Name the holiday schemes.",
    )
    signed_off(draft)
    with pytest.raises(MoveRefused) as refused:
        _publish(draft, TODAY() - timedelta(days=1))
    assert refused.value.messages == [
        "Answer every comment from the parent carer forum before publishing.",
        "The date it comes into force must be today or later.",
    ]
    drafting.comment_answer(
        actor=manager_of(draft.council), comment=comment, answer="They are on the statement."
    )
    done = _publish(draft)
    row = done.published
    assert (row.set_id, row.version, row.status, row.effective_from) == (
        "957-ashvale",
        "2.2",
        "published",
        TODAY(),
    )
    assert [(s["kind"], s["name"], s["organisation"]) for s in row.sign_off] == [
        ("council", "Sam Hale", "Head of service"),
        ("parent_carer_forum", "Ruth Okafor", "Chair of the parent carer forum"),
    ]
    adoption = CriteriaAdoption.objects.get(criteria=row)
    assert adoption.forum_signatory == "Ruth Okafor, Chair of the parent carer forum"
    assert done.status == CriteriaDraftStatus.PUBLISHED


def test_a_change_after_sign_off_clears_both_sign_offs():
    draft = a_draft(_ashvale())
    signed_off(draft)
    service = dict(draft.data["services"][0])
    service["name"] = "Short breaks and clubs"
    cleared = drafting.part_save(
        actor=manager_of(draft.council), draft=draft, part="services", index=0, value=service
    )
    draft.refresh_from_db()
    assert cleared
    assert not draft.council_signed
    assert not draft.forum_signed


def test_the_command_line_goes_through_the_same_service(tmp_path):
    draft = signed_off(a_draft(_ashvale()))
    text = drafting.draft_text(
        draft, status="published", effective_from=TODAY(), sign_off=drafting._sign_off_list(draft)
    )
    path = tmp_path / "criteria.yaml"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("criteria_publish", str(path), stdout=out)
    assert out.getvalue() == "957-ashvale version 2.2 (published): published\n"
    unsigned = tmp_path / "unsigned.yaml"
    unsigned.write_text(drafting.draft_text(draft, status="published"), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("criteria_publish", str(unsigned))
    assert "there is no sign-off by the parent carer forum" in str(refused.value)


def test_differences_between_two_versions_are_exact_plain_english():
    paths = {p.name: p for p in shipped_set_paths()}
    before = load_file(paths["957-ashvale-2025.yaml"])
    after = load_file(paths["957-ashvale.yaml"])
    changes = {c.heading: c.lines for c in set_changes(before, after)}
    child = changes["Criterion “Help for your child”: changed"]
    assert child[1:] == (
        "How often help must be needed, at least: now every week (it was several times a week).",
        "Areas of life needed: now 2 (it was 3).",
        "One area is enough in: now Keeping safe (it was none).",
    )
    assert changes["Help “Help with travel”: added"] == (
        "Added: “Transport or a travel buddy so your child can get to clubs, activities and "
        "services, and help to learn to travel on their own when they are ready.”",
    )
    assert "Criterion “Help for brothers and sisters who help care”: added" in changes
    assert set_changes(after, after) == []


def test_gate_questions_and_removals_read_in_plain_english():
    from dataclasses import replace

    after = load_file(next(p for p in shipped_set_paths() if p.name == "957-ashvale.yaml"))
    child = after.criteria[0]
    changed = replace(
        after,
        criteria=(replace(child, needs_significant_impact=False, min_age=5), *after.criteria[1:]),
        services=after.services[1:],
    )
    lines = {c.heading: c.lines for c in set_changes(after, changed)}
    assert lines["Criterion “Help for your child”: changed"] == (
        "A big effect on wellbeing is no longer needed.",
        "Youngest age: now 5 (it was none).",
    )
    assert lines["Help “Short breaks”: removed"] == ("This kind of help is taken out.",)


def test_a_loader_error_is_shown_on_the_form_keeping_what_was_typed():
    draft = a_draft(_ashvale())
    client = signed_in_client(manager_of(draft.council))
    url = reverse(
        "eligibility:criteria_criterion", kwargs={"draft_id": draft.pk, "criterion_index": 0}
    )
    data = _criterion_post(draft, 0, title="Help for your child, changed", outcomes_needed=20)
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "“outcomes_needed” must be a whole number from 1 to 14." in page
    assert 'href="#id_outcomes_needed"' in page
    assert 'value="Help for your child, changed"' in page
    draft.refresh_from_db()
    assert draft.data["criteria"][0]["title"] == "Help for your child"


def test_a_criterion_saved_in_the_form_changes_the_draft_and_the_examples_run_on_the_page():
    draft = a_draft(_ashvale())
    client = signed_in_client(manager_of(draft.council))
    url = reverse(
        "eligibility:criteria_criterion", kwargs={"draft_id": draft.pk, "criterion_index": 0}
    )
    response = client.post(url, _criterion_post(draft, 0, at_least="every_day"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["criteria"][0]["at_least"] == "every_day"
    page = client.get(reverse("eligibility:criteria_draft", kwargs={"draft_id": draft.pk}))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Fails" in text
    assert "Passes" in text
    assert "does not come out as it says" in text
    assert "How often help must be needed, at least: now every day (it was every week)." in text


def test_a_forum_member_comments_on_a_service_and_the_manager_answers():
    draft = a_draft(_ashvale())
    forum = signed_in_client(forum_member_of(draft.council))
    url = reverse("eligibility:criteria_service", kwargs={"draft_id": draft.pk, "service_index": 0})
    assert forum.post(url, {"text": ""}).status_code == 400
    assert forum.post(url, {"text": "Say where Willow House is."}).status_code == 302
    comment = draft.comments.get()
    assert (comment.part, comment.key) == ("service", "short-breaks")
    manager = signed_in_client(manager_of(draft.council))
    answer = reverse("eligibility:criteria_answer", kwargs={"criteria_comment_id": comment.pk})
    assert manager.post(answer, {"answer": "Added to the words."}).status_code == 302
    comment.refresh_from_db()
    assert comment.answered


def test_the_public_page_shows_what_changed_from_the_version_before():
    _ashvale()
    from supportfirst.eligibility.publishing import criteria_publish_shipped

    criteria_publish_shipped()
    response = signed_in_client(forum_member_of(_ashvale_council())).get(
        reverse(
            "public_eligibility:version",
            kwargs={"criteria_slug": "ashvale", "criteria_version": "2.1"},
        )
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "What changed from version 1.1" in text
    assert "Areas of life needed: now 2 (it was 3)." in text


def _ashvale_council():
    from supportfirst.councils.models import Council

    return Council.objects.get(slug="ashvale")


def test_a_worked_example_added_in_the_form_keeps_the_decision_the_criteria_give():
    draft = a_draft(_ashvale())
    client = signed_in_client(manager_of(draft.council))
    url = reverse("eligibility:criteria_example_add", kwargs={"draft_id": draft.pk})
    empty = client.post(url, {"name": "Night care", "arises": "yes", "impact": "yes"})
    assert empty.status_code == 400
    assert "Choose the area of life of at least one need" in empty.content.decode()
    response = client.post(
        url,
        {
            "name": "Night care",
            "arises": "yes",
            "impact": "yes",
            "child_age": "9",
            "need_1_area": "sleep",
            "need_1_flags": ["cannot_without_help"],
            "need_1_how_often": "every_day",
            "need_1_same_age": "yes",
            "need_2_area": "personal_care",
            "need_2_flags": ["cannot_without_help"],
            "need_2_how_often": "every_day",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    example = draft.data["examples"][-1]
    assert example["expect"]["eligible"] is True
    assert example["expect"]["needs"] == {"need-1": "met", "need-2": "met"}
    assert example["expect"]["services"]["help-at-home"] == "met"
    assert drafting.draft_check(draft).ready
    page = client.get(reverse("eligibility:criteria_draft", kwargs={"draft_id": draft.pk}))
    assert "Night care" in page.content.decode()
