"""Every page a person can reach, opened in the browser and checked with axe-core, on a desktop
and on a phone. The journeys test what people do; this makes sure no page is missed."""

from __future__ import annotations

import pytest

from supportfirst.councils.models import Role
from tests.accounts.factories import family_user, staff_user
from tests.assessments.factories import assessments_for
from tests.browser.people import sign_in
from tests.families.factories import family_with_everyone
from tests.pathway.factories import PlannedContactFactory, ProposedMoveFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(council):
    worker = staff_user(council, Role.PRACTITIONER)
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    made = assessments_for(family)
    move = ProposedMoveFactory(request__child=family.children.get(), proposed_by=worker)
    contact = PlannedContactFactory(request=made.request, planned_by=worker)
    return {"worker": worker, "family": family, "made": made, "move": move, "contact": contact}


def _pages(story) -> list[str]:
    family, made = story["family"], story["made"]
    child = family.children.get()
    area = made.child.areas.order_by("position").first()
    return [
        "/staff/",
        "/staff/?show=all",
        "/staff/my-work/",
        f"/staff/families/{family.pk}/",
        f"/staff/children/{child.pk}/",
        "/staff/requests/new/",
        f"/staff/families/{family.pk}/requests/new/",
        f"/staff/requests/{made.request.pk}/",
        f"/staff/requests/{made.request.pk}/contacts/new/",
        f"/staff/requests/{made.request.pk}/contacts/plan/",
        f"/staff/contacts/{story['contact'].pk}/",
        f"/staff/contacts/{story['contact'].pk}/view/",
        f"/staff/contacts/{story['contact'].pk}/cancel/",
        f"/staff/contacts/{story['contact'].pk}/done/",
        f"/staff/requests/{made.request.pk}/timeline/",
        f"/staff/requests/{made.request.pk}/safeguarding/",
        f"/staff/requests/{made.request.pk}/immediate-danger/",
        f"/staff/requests/{made.request.pk}/assessments/",
        f"/staff/assessments/{made.child.pk}/",
        f"/staff/assessments/areas/{area.pk}/",
        f"/staff/assessments/{made.carer.pk}/decisions/",
        f"/staff/assessments/offers/{made.offer.pk}/",
        f"/staff/returns/children/{child.pk}/",
        f"/staff/returns/requests/{made.request.pk}/",
    ]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_practitioner_page(browser, live_server, request, story, size):
    from tests.browser.conftest import _visitor

    viewport = (
        {"width": 1280, "height": 900} if size == "desktop" else {"width": 375, "height": 740}
    )
    for visitor in _visitor(browser, live_server, request, viewport):
        sign_in(visitor, story["worker"])
        for path in _pages(story):
            visitor.goto(path)


def test_every_manager_page(visitor, council, story):
    manager = staff_user(council, Role.TEAM_MANAGER)
    sign_in(visitor, manager)
    made = story["made"]
    for path in (
        "/staff/team/",
        "/staff/training/",
        "/staff/forum-figures/",
        "/staff/returns/cin-census/",
        "/staff/returns/annex-a/",
        f"/staff/safeguarding/{story['move'].pk}/",
        f"/staff/contacts/{story['contact'].pk}/approve/",
        f"/staff/assessments/{made.child.pk}/authorise/",
        f"/staff/requests/{made.request.pk}/not-assessing/",
    ):
        visitor.goto(path)


def test_every_data_team_page(visitor, council, story):
    """The data team lands on the returns list and reaches each return from it."""
    sign_in(visitor, staff_user(council, Role.DATA_TEAM))
    visitor.goto("/staff/")
    for path in (
        "/staff/returns/",
        "/staff/returns/cin-census/",
        "/staff/returns/register/",
        "/staff/returns/equality/",
        "/staff/returns/annex-a/",
        "/staff/returns/dashboard/",
    ):
        visitor.goto(path)


def test_the_forum_figures_page(visitor, council, story):
    sign_in(visitor, staff_user(council, Role.FORUM_MEMBER))
    visitor.goto("/staff/")
    visitor.goto("/staff/forum-figures/")


def test_every_family_page(phone_visitor, story):
    family, made = story["family"], story["made"]
    parent = family_user(family)
    sign_in(phone_visitor, parent)
    area = made.child.areas.order_by("position").first()
    for path in (
        "/family/",
        f"/family/children/{family.children.get().pk}/",
        "/family/who-has-looked/",
        "/family/assessments/",
        f"/family/assessments/{made.child.pk}/",
        f"/family/assessments/{made.child.pk}/comment/",
        f"/family/assessments/areas/{area.pk}/comment/",
        f"/family/requests/{made.request.pk}/",
        f"/family/contacts/{story['contact'].pk}/your-view/",
    ):
        phone_visitor.goto(path)
