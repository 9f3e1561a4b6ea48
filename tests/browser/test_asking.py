"""Asking for help online in the browser, on a phone and on a desktop: from the public start
page to a sent request, axe-checked on every page; then staff accept it, the parent sets up
an account, and a young person chooses what their parents see."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from supportfirst.asking.models import OnlineRequest
from supportfirst.councils.models import Role
from supportfirst.pathway.models import SupportRequest
from tests.accounts.factories import PASSWORD, family_user, staff_user
from tests.asking.factories import OnlineRequestFactory
from tests.assessments.factories import ReadyForFamilyAssessmentFactory
from tests.browser.people import fill_sign_in, sign_in
from tests.councils.factories import CouncilFactory
from tests.families.factories import ChildFactory
from tests.pathway.factories import SupportPathwayRequestFactory, SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOTH = ["visitor", "phone_visitor"]
OWN_VIEW = "I want to go swimming with my friend, without my mum."


def _continue(visitor) -> None:
    visitor.page.get_by_role("button", name="Continue").click()
    visitor.check()


def _sign_out(visitor) -> None:
    menu = visitor.page.get_by_role("button", name="Menu")
    if menu.is_visible():  # on a phone the service navigation is folded away
        menu.click()
    visitor.page.get_by_role("button", name="Sign out").click()
    visitor.check()


def _heading(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


@pytest.mark.parametrize("who", BOTH)
def test_a_parent_asks_for_help_from_the_start_page_to_a_sent_request(request, who, council):
    visitor = request.getfixturevalue(who)
    CouncilFactory(name="Another Borough Council")
    page = visitor.page
    visitor.goto("/")
    page.get_by_role("button", name="Ask for help").click()
    visitor.check()
    page.get_by_role("link", name=council.name).click()
    visitor.check()
    assert _heading(visitor) == "About you"
    _continue(visitor)  # nothing typed: the error summary
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Your full name").fill("Priya Shah")
    page.get_by_label("Your relationship to the child").fill("Mum")
    _continue(visitor)
    page.get_by_label("Email address").fill("priya@example.test")
    _continue(visitor)
    page.get_by_label("First name").fill("Arjun")
    page.get_by_label("Last name").fill("Shah")
    _continue(visitor)
    assert _heading(visitor) == "How old is Arjun?"
    page.get_by_label("Day", exact=True).fill("9")
    page.get_by_label("Month", exact=True).fill("4")
    page.get_by_label("Year", exact=True).fill("2016")
    _continue(visitor)
    page.get_by_label("What does Arjun's disability").fill(
        "Arjun is autistic. " + "He needs someone with him all night. " * 400
    )
    _continue(visitor)
    page.get_by_label("What help would you like?").fill("A break at weekends.")
    _continue(visitor)
    page.get_by_label("What would a good week look like").fill("Two nights of sleep.")
    _continue(visitor)
    page.get_by_label("Yes", exact=True).check()
    _continue(visitor)
    page.get_by_label("Yes", exact=True).check()
    _continue(visitor)
    assert _heading(visitor) == "A brother or sister who helps"
    page.get_by_label("Their first name").fill("Maya")
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("2")
    page.get_by_label("Year", exact=True).fill("2012")
    _continue(visitor)
    page.get_by_label("No", exact=True).check()
    _continue(visitor)
    page.get_by_label("Email", exact=True).check()
    _continue(visitor)
    page.get_by_label("Large print").check()
    _continue(visitor)
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("If yes, which language?").fill("Gujarati")
    _continue(visitor)
    assert _heading(visitor) == "Talking to other people who know Arjun"
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save and come back later").click()
    visitor.check()
    page.get_by_role("button", name="Send me a link").click()
    visitor.check()
    assert _heading(visitor) == "We have emailed you a link"
    link = re.search(r"http://[^/]+(/ask/resume/[^/]+/)", mail.outbox[-1].body).group(1)
    visitor.goto(link)
    assert _heading(visitor) == "Check your answers before sending your request"
    page.get_by_role("link", name="Change what a good week looks like").click()
    visitor.check()
    page.get_by_label("What would a good week look like").fill("A calm week.")
    _continue(visitor)
    assert "A calm week." in page.content()
    page.get_by_role("button", name="Send your request").click()
    visitor.check()
    request_made = SupportRequest.objects.get()
    assert _heading(visitor).startswith("Request sent")
    assert request_made.reference in page.content()
    assert request_made.next_step_due.strftime("%-d %B %Y") in page.content()
    assert OnlineRequest.objects.get().good_week == "A calm week."


@pytest.mark.parametrize("who", BOTH)
def test_staff_accept_an_online_request_and_the_parent_sets_up_an_account(request, who, council):
    visitor = request.getfixturevalue(who)
    worker = staff_user(council, Role.PRACTITIONER)
    online = OnlineRequestFactory(
        support_request=SupportRequestFactory(child__family__council=council),
        requester_email="priya@example.test",
    )
    child = online.support_request.child
    sign_in(visitor, worker)
    page = visitor.page
    visitor.goto("/staff/online-requests/")
    page.get_by_role("link", name=f"{child.first_name} {child.last_name}").click()
    visitor.check()
    page.get_by_role("button", name="Accept and invite Priya Shah").click()
    visitor.check()
    page.get_by_role("link", name="Invite someone else in the family").click()
    visitor.check()
    page.get_by_role("button", name="Send the invitation").click()
    visitor.check()
    assert page.get_by_role("alert").is_visible()
    _sign_out(visitor)

    link = re.search(r"http://[^/]+(/ask/account/[^/]+/)", mail.outbox[-1].body).group(1)
    visitor.goto(link)
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    page.get_by_role("button", name="Create your account").click()
    visitor.check()
    assert "Your account is ready" in page.content()
    fill_sign_in(visitor, "priya@example.test")
    visitor.check()
    visitor.goto(link)  # used once only
    assert _heading(visitor) == "This link is not working"


@pytest.mark.parametrize("who", BOTH)
def test_a_young_person_chooses_what_their_parents_see(request, who, family):
    visitor = request.getfixturevalue(who)
    today = timezone.localdate()
    sam = ChildFactory(family=family, first_name="Sam", date_of_birth=date(today.year - 17, 1, 1))
    young = family_user(family, child=sam)
    assessment = ReadyForFamilyAssessmentFactory(request=SupportPathwayRequestFactory(child=sam))
    assessment.areas.update(child_view=OWN_VIEW, child_view_how=["spoken"])
    sign_in(visitor, young)
    page = visitor.page
    visitor.goto("/family/my-views/")
    assert "your complaints, and the letters and messages we send you about them" in (
        page.content()
    )
    page.get_by_role("button", name="Save your choice").click()
    visitor.check()
    page.get_by_label("No, keep my own views and what I write to me and the council").check()
    page.get_by_role("button", name="Save your choice").click()
    visitor.check()
    assert "Saved" in page.content()
    visitor.goto(f"/family/assessments/{assessment.pk}/")
    assert OWN_VIEW in page.content()

    _sign_out(visitor)
    sign_in(visitor, family_user(family))
    visitor.goto(f"/family/assessments/{assessment.pk}/")
    assert OWN_VIEW not in page.content()
    assert "Sam has chosen to keep their own views between them and the council" in page.content()
