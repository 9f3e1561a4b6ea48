"""The Team page shows how long each objection has waited for a manager (issue 18, review point
7), as it does for proposals: since the family said no, in working days."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import FamilyView
from supportfirst.rules import workdays
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.pathway.factories import PlannedContactFactory, SupportPathwayRequestFactory


@pytest.fixture
def support_request(family):
    return SupportPathwayRequestFactory(
        child=family.children.first(), received_at=timezone.now() - timedelta(days=30)
    )


def _team_page(council) -> str:
    response = signed_in_client(staff_user(council, Role.TEAM_MANAGER)).get("/staff/team/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_objection_recorded_when_planned_waits_from_the_plan(council, support_request):
    planned_at = timezone.now() - timedelta(days=14)
    PlannedContactFactory(request=support_request, planned_at=planned_at)
    days = workdays.working_days_between(timezone.localdate(planned_at), timezone.localdate())
    page = _team_page(council)
    said_no = timezone.localdate(planned_at)
    assert f"the family said no on {said_no.day} {said_no:%B %Y}, waiting {days} working days" in (
        page
    )


def test_an_objection_the_family_gave_waits_from_their_answer(council, support_request):
    contact = PlannedContactFactory(
        request=support_request,
        planned_at=timezone.now() - timedelta(days=14),
        record__family_view=FamilyView.WAITING,
        record__family_words="",
    )
    parent = signed_in_client(family_user(support_request.family))
    response = parent.post(
        f"/family/contacts/{contact.pk}/your-view/",
        {"family_view": "object", "family_words": "Please meet us at the centre instead."},
    )
    assert response.status_code == 302
    today = timezone.localdate()
    assert f"the family said no on {today.day} {today:%B %Y}, waiting 0 working days" in (
        _team_page(council)
    )
