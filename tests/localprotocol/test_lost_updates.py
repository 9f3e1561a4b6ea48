"""No lost updates on the protocol pages and the council's settings: two people open the same
form, the first saves, the second gets the conflict page and the first save is kept."""

from __future__ import annotations

import pytest
from django.urls import reverse

from supportfirst.councils.models import Council, Role
from supportfirst.localprotocol import services
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.localprotocol.factories import forum_member_of, manager_of, written_draft
from tests.lost_updates import second_save

pytestmark = pytest.mark.django_db


def _two_managers(council):
    return signed_in_client(manager_of(council)), signed_in_client(
        staff_user(council, Role.TEAM_MANAGER)
    )


def test_a_second_save_of_a_section_does_not_overwrite_the_first():
    council = CouncilFactory()
    section = written_draft(council).sections.get(key="training")
    first, second = _two_managers(council)
    page = second_save(
        first,
        second,
        reverse("protocol:section", kwargs={"section_id": section.pk}),
        {"text": "Parent carers deliver the training."},
        {"text": "The council's trainers deliver the training."},
    )
    assert "Parent carers deliver the training." in page
    assert "The council&#x27;s trainers deliver the training." in page
    section.refresh_from_db()
    assert section.text == "Parent carers deliver the training."


def test_a_second_save_of_the_targets_does_not_overwrite_the_first():
    council = CouncilFactory()
    draft = written_draft(council)
    first, second = _two_managers(council)
    targets = {"decision_working_days": 5, "plan_working_days": 20}
    page = second_save(
        first,
        second,
        reverse("protocol:targets", kwargs={"version_id": draft.pk}),
        targets | {"service_start_working_days": 11},
        targets | {"service_start_working_days": 19},
    )
    assert '<td class="govuk-table__cell">19</td>' in page
    assert '<td class="govuk-table__cell">11</td>' in page
    draft.refresh_from_db()
    assert draft.service_start_working_days == 11


def test_a_second_answer_to_a_comment_does_not_overwrite_the_first():
    council = CouncilFactory()
    section = written_draft(council).sections.get(key="training")
    comment = services.comment_add(
        actor=forum_member_of(council), section=section, text="Say how often it is renewed."
    )
    first, second = _two_managers(council)
    page = second_save(
        first,
        second,
        reverse("protocol:answer", kwargs={"comment_id": comment.pk}),
        {"answer": "Every two years: added."},
        {"answer": "Every year: added."},
    )
    assert "Every two years: added." in page
    assert "Every year: added." in page
    comment.refresh_from_db()
    assert comment.answer == "Every two years: added."


def test_a_second_save_of_the_council_settings_does_not_overwrite_the_first():
    council = CouncilFactory()
    first = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    second = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    targets = {"decision_working_days": 5, "plan_working_days": 20}
    page = second_save(
        first,
        second,
        reverse("staff:council_settings"),
        targets | {"service_start_working_days": 12},
        targets | {"service_start_working_days": 18},
    )
    assert '<td class="govuk-table__cell">18</td>' in page
    assert '<td class="govuk-table__cell">12</td>' in page
    assert Council.objects.get(pk=council.pk).service_start_working_days == 12
