"""Issue 18, points 3 and 4 in the browser, on a phone and a desktop, axe on every page: a child
who may be in immediate danger is recorded in one step and every manager sees it at the top of
My work; and a decision not to assess waits for a team manager to confirm it."""

from __future__ import annotations

import pytest
from django.core import mail

from supportfirst.councils.models import Role
from supportfirst.letters.models import Letter
from supportfirst.pathway.models import MoveStatus, RequestStatus, SafeguardingMove
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in
from tests.families.factories import family_with_everyone
from tests.pathway.factories import PlannedContactFactory, SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_out(visitor) -> None:
    menu = visitor.page.get_by_role("button", name="Menu")
    if menu.is_visible():  # on a phone the service navigation is folded away
        menu.click()
    visitor.page.get_by_role("button", name="Sign out").click()
    visitor.check()


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_a_child_in_immediate_danger_reaches_every_manager_at_once(who, request, council):
    visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    manager = staff_user(council, Role.TEAM_MANAGER)
    head = staff_user(council, Role.HEAD_OF_SERVICE)
    family = family_with_everyone(council, allocated_worker=worker)
    support_request = SupportRequestFactory(child=family.children.get())
    mail.outbox.clear()

    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/requests/{support_request.pk}/")
    page.get_by_role("button", name="A child may be in immediate danger").click()
    visitor.check()
    assert page.get_by_text("Phone the police on 999 now").is_visible()
    page.get_by_label("What was seen or heard").fill(
        "Dad was aggressive at the door: he shouted and pushed the nurse."
    )
    page.get_by_label("When").fill("Today at about 4pm")
    page.get_by_label("Who is at risk").fill("Alfie, at home with his dad")
    # One step, whatever the words: "aggressive" is flagged, its reason asked afterwards.
    page.get_by_role("button", name="Record it and tell every manager now").click()
    visitor.check()
    assert page.get_by_text("every manager can see it at the top of their My work").is_visible()
    assert page.get_by_text("Some words are flagged (“aggressive”)").is_visible()
    assert sorted(a for m in mail.outbox for a in m.to) == sorted([manager.email, head.email])
    _sign_out(visitor)

    sign_in(visitor, manager)
    page = visitor.goto("/staff/my-work/")
    banner = page.locator("#danger-alerts")
    assert banner.get_by_text("A child may be in immediate danger").is_visible()
    banner.get_by_role("link", name=support_request.reference).click()
    visitor.check()
    assert page.get_by_text("Recorded as immediate danger").is_visible()
    page.get_by_label("Approve the move to safeguarding").check()
    page.get_by_label("The reason for your decision").fill(
        "A nurse saw Alfie's father push her; the police are at the house now."
    )
    page.get_by_label("Who saw or heard it").fill("The health visitor, at the front door")
    page.get_by_label("No: telling them would put the child at risk").check()
    page.get_by_label("Why telling the family would put the child at risk").fill(
        "The police have asked us not to tell his father until they have spoken to him."
    )
    page.get_by_role("button", name="Save the decision").click()
    visitor.check()
    # Completing the record asks the reason for the flagged word before approving.
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("Why keep “aggressive” in the evidence?").fill(
        "It is the nurse's own word in her call to the worker at 4.10pm."
    )
    page.get_by_role("button", name="Save the decision").click()
    visitor.check()
    move = SafeguardingMove.objects.get()
    assert move.status == MoveStatus.APPROVED
    assert move.seen_or_said_by == "The health visitor, at the front door"
    page = visitor.goto("/staff/my-work/")
    assert page.locator("#danger-alerts").count() == 0


@pytest.mark.parametrize("who", ["visitor", "phone_visitor"])
def test_a_decision_not_to_assess_is_confirmed_by_a_team_manager(who, request, council):
    visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    manager = staff_user(council, Role.TEAM_MANAGER)
    family = family_with_everyone(council, allocated_worker=worker)
    support_request = SupportRequestFactory(child=family.children.get())
    # A home visit the family said no to, waiting for a manager: it goes when the request closes.
    visit = PlannedContactFactory(request=support_request, family=family, planned_by=worker)

    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/requests/{support_request.pk}/")
    page.get_by_label("Information and advice only").check()
    page.get_by_label("Information and advice given").fill(
        "The list of holiday clubs with trained staff."
    )
    page.get_by_role("button", name="Confirm the next step").click()
    visitor.check()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    page.get_by_label("A reasoned decision not to assess").check()
    page.get_by_label("The reason for not assessing").fill(
        "Mum asked only for the holiday club list and said the family has the help it needs."
    )
    page.get_by_role("button", name="Confirm the next step").click()
    visitor.check()
    assert page.get_by_text("A team manager must confirm it").is_visible()
    _sign_out(visitor)

    sign_in(visitor, manager)
    page = visitor.goto("/staff/team/")
    # The objected visit is listed too; the decision not to assess is the link to follow.
    page.locator(f'a[href="/staff/requests/{support_request.pk}/not-assessing/"]').click()
    visitor.check()
    assert page.get_by_role("heading", name="Confirm a decision not to assess").is_visible()
    page.get_by_label("Confirm: information and advice only").check()
    page.get_by_label("The reason for your decision").fill(
        "The family asked only for information, and can ask for an assessment at any time."
    )
    page.get_by_role("button", name="Save the decision").click()
    visitor.check()
    support_request.refresh_from_db()
    assert support_request.status == RequestStatus.INFORMATION_GIVEN
    # The letter is prepared at once, for the worker to check and send.
    assert page.get_by_text("The letter to the family is prepared").is_visible()
    assert page.get_by_text("We have decided not to assess").is_visible()
    letter = Letter.objects.get(family=family)
    assert letter.sent_at is None
    _sign_out(visitor)

    sign_in(visitor, worker)
    page = visitor.goto(f"/staff/requests/{support_request.pk}/")
    assert page.get_by_text("The letter to the family was prepared").is_visible()
    page.get_by_role("link", name="Letters", exact=True).last.click()
    visitor.check()
    page.get_by_role("link", name=letter.subject).first.click()
    visitor.check()
    assert page.get_by_text("If you disagree").first.is_visible()
    _sign_out(visitor)

    # The family reads the planned visit as cancelled, with why: nothing waits for a manager.
    visit.refresh_from_db()
    assert visit.status == "cancelled"
    sign_in(visitor, family_user(family))
    page = visitor.goto(f"/family/requests/{support_request.pk}/")
    visitor.check()
    assert page.get_by_text("Cancelled: Home visit").is_visible()
    assert page.get_by_text("has ended with information and advice").first.is_visible()
    assert page.get_by_role("link", name="Change your answer").count() == 0
