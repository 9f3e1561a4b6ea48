"""A request for help in the browser: recorded, decided, and the rare move to safeguarding."""

from __future__ import annotations

import pytest
from django.utils import timezone

from supportfirst.councils.models import Role
from supportfirst.pathway.models import RequestStatus, SupportRequest
from tests.accounts.factories import staff_user
from tests.browser.people import sign_in, sign_out
from tests.families.factories import family_with_everyone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_practitioner_records_a_request_and_puts_it_on_the_support_pathway(visitor, council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    sign_in(visitor, worker)
    page = visitor.page
    page.get_by_role("link", name="Hughes family").click()
    visitor.check()
    page.get_by_role("link", name="Record a request for help").click()
    visitor.check()
    today = timezone.localdate()
    page.get_by_label(f"{child.first_name} {child.last_name}").check()
    page.get_by_label("Day").first.fill(str(today.day))
    page.get_by_label("Month").first.fill(str(today.month))
    page.get_by_label("Year").first.fill(str(today.year))
    page.get_by_label("Time it was received").fill("0:05")
    page.get_by_label("A parent or carer").check()
    page.get_by_label("Their name").fill("Claire Hughes")
    page.get_by_label("What help are they asking for?").fill("A break at weekends.")
    page.get_by_role("group", name="Have they agreed").get_by_label("Yes").check()
    page.get_by_label("Email").check()
    page.get_by_role("button", name="Save the request").click()
    visitor.check()
    assert page.get_by_role("heading", level=1).inner_text() == (
        f"Request for help for {child.first_name}"
    )
    assert page.get_by_label("Support pathway: assess needs with the family").is_checked()
    page.get_by_role("button", name="Confirm the next step").click()
    visitor.check()
    request = SupportRequest.objects.get()
    assert request.status == RequestStatus.SUPPORT_PATHWAY
    page.get_by_role("link", name="See everything that happened, in order").click()
    visitor.check()
    assert "Next step: support pathway" in page.content()
    page.get_by_role("link", name="My work").click()
    visitor.check()


def test_a_move_to_safeguarding_needs_facts_and_another_manager(visitor, browser, council):
    worker = staff_user(council, Role.PRACTITIONER)
    manager = staff_user(council, Role.TEAM_MANAGER, full_name="Grace Adeyemi")
    family = family_with_everyone(council, allocated_worker=worker, name="Osei family")
    from tests.pathway.factories import SupportRequestFactory

    request = SupportRequestFactory(child=family.children.get())
    sign_in(visitor, worker)
    page = visitor.page
    visitor.goto(f"/staff/requests/{request.pk}/safeguarding/")
    page.get_by_label("What was seen or said").fill("The home was untidy and mum was anxious.")
    page.get_by_label("Who saw or said it").fill("Me")
    page.get_by_label("When it happened").fill("Today")
    page.get_by_role("button", name="Propose the move").click()
    visitor.check()
    # Was: refused outright ("opinions, not evidence"). Now each opinion word asks a reason.
    assert "Give a reason for keeping" in page.content()
    assert "Is there reasonable cause to suspect" in page.content()
    page.get_by_label("What was seen or said").fill(
        "Ama told her teacher on Monday that her uncle hit her with a belt."
    )
    page.get_by_label("Who saw or said it").fill("Ama, to her class teacher")
    page.get_by_label("When it happened").fill("Monday 2 March 2026, 9am")
    page.get_by_label("No: telling them would put the child at risk").check()
    page.get_by_label("Why telling the family would put the child at risk").fill(
        "The uncle lives with the family."
    )
    page.get_by_role("button", name="Propose the move").click()
    visitor.check()
    sign_out(visitor)
    sign_in(visitor, manager)
    page.get_by_role("link", name="Team").click()
    visitor.check()
    page.get_by_role("link", name="Osei family").click()
    visitor.check()
    page.get_by_label("Approve the move to safeguarding").check()
    page.get_by_label("The reason for your decision").fill("A disclosure of being hit.")
    page.get_by_role("button", name="Save the decision").click()
    visitor.check()
    request.refresh_from_db()
    assert request.status == RequestStatus.MOVED_TO_SAFEGUARDING
    # The outcome of the enquiries: no further action returns the request to support.
    visitor.goto(f"/staff/requests/{request.pk}/")
    page.get_by_role("link", name="Record the outcome of the enquiries").click()
    visitor.check()
    page.get_by_label("No further action: return to the support pathway").check()
    page.get_by_label("What the enquiries found, and why this is the outcome").fill(
        "The strategy discussion found the uncle had moved out; no further action."
    )
    page.get_by_role("button", name="Save the outcome").click()
    visitor.check()
    # The family may read the outcome: system words need a reason kept with them.
    page.get_by_label("Why keep “no further action”", exact=False).fill(
        "It is the name of the outcome in the child protection procedures."
    )
    page.get_by_role("button", name="Save the outcome").click()
    visitor.check()
    request.refresh_from_db()
    assert request.status == RequestStatus.SUPPORT_PATHWAY
