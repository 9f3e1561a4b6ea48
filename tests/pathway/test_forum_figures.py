"""The forum's figures (issue 18, point 3): moves to safeguarding, proposals sent back, and the
outcomes of enquiries, per team and month, with every figure under 5 hidden."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import EnquiryOutcome, MoveStatus
from tests.accounts.factories import UserFactory, staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import TeamFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import ProposedMoveFactory

WHEN = timezone.make_aware(datetime.datetime(2026, 3, 10, 12, 0))


def _moves(council, team, count, **fields):
    for _ in range(count):
        child = ChildFactory(family__council=council)
        ProposedMoveFactory(
            request__child=child, proposed_by=UserFactory(), team=team, decided_at=WHEN, **fields
        )


@pytest.fixture
def figures(council, other_council):
    team = TeamFactory(council=council, name="North disabled children's team")
    _moves(
        council,
        team,
        5,
        status=MoveStatus.APPROVED,
        outcome=EnquiryOutcome.NO_FURTHER_ACTION,
        outcome_at=WHEN,
    )
    _moves(council, team, 2, status=MoveStatus.DECLINED)
    _moves(
        council,
        team,
        1,
        status=MoveStatus.APPROVED,
        outcome=EnquiryOutcome.CHILD_PROTECTION,
        outcome_at=WHEN,
    )
    _moves(
        other_council,
        TeamFactory(council=other_council, name="Elsewhere team"),
        9,
        status=MoveStatus.APPROVED,
    )
    return team


def _row(page: str) -> str:
    start = page.index("March 2026")
    return page[start : page.index("</tr>", start)]


def test_the_forum_sees_moves_returns_and_outcomes_per_team_and_month(council, figures):
    forum = staff_user(council, Role.FORUM_MEMBER)
    response = signed_in_client(forum).get("/staff/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Moves to safeguarding, and what became of them" in page
    row = _row(page)
    assert "North disabled children" in row
    cells = [c.split(">")[-1] for c in row.split("</td>")[:-1]]
    # Moved: 6 approved; not approved: 2 (hidden); no further action: 5; child protection: 1
    assert cells[1:] == ["6", "fewer than 5", "5", "fewer than 5"]
    assert "Elsewhere team" not in page


def test_a_month_with_only_small_figures_shows_none_of_them(council):
    team = TeamFactory(council=council, name="South team")
    _moves(council, team, 3, status=MoveStatus.APPROVED)
    forum = staff_user(council, Role.FORUM_MEMBER)
    row = _row(signed_in_client(forum).get("/staff/").content.decode())
    assert ">3<" not in row
    assert row.count("fewer than 5") == 4
