"""A family downloads everything and answers the survey; staff mark what is held back, see the
downloads and the anonymous figures. Every new page on a desktop and on a phone, axe-checked."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils import timezone

from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.feedback.models import SurveyAnswer, SurveyStage
from supportfirst.feedback.services import store_answer
from supportfirst.pathway import services as pathway
from supportfirst.pathway.models import Contact
from tests.accounts.factories import family_user, staff_user
from tests.browser.people import sign_in
from tests.browser.people import sign_out as _sign_out
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEIGHBOUR = "The neighbour at number 12 told us about it"
REASON = "It is about another person who has not agreed to us sharing it."


@pytest.fixture
def story(council):
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    family = family_with_everyone(council, allocated_worker=worker, name="Hughes family")
    child = family.children.get()
    child.first_name = "Alfie"
    child.save()
    request = SupportRequestFactory(child=child)
    actor = Actor(worker, scope_for(worker))
    pathway.decide_support(actor=actor, request=request, notes="Short breaks at weekends.")
    pathway.contact_record(
        actor=actor,
        request=request,
        kind="call",
        happened_at=timezone.now(),
        place="",
        family_chose_time_and_place=True,
        notice_given="",
        intrusions=[],
        notes=NEIGHBOUR,
    )
    for n in range(5):
        store_answer(
            council_id=council.pk,
            stage=SurveyStage.ASSESSMENT,
            month=timezone.localdate(),
            answers={"listened": str(1 + n % 5), "anything_else": f"Words number {n}"},
        )
    parent = family_user(family, full_name="Claire Hughes")
    return {"worker": worker, "family": family, "parent": parent}


def sign_out(visitor) -> None:
    """On a phone the sign-out button is behind the menu."""
    menu = visitor.page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    _sign_out(visitor)


def _h1(visitor) -> str:
    return visitor.page.get_by_role("heading", level=1).inner_text()


def _staff_marks_the_contact(visitor, story) -> None:
    family = story["family"]
    page = visitor.page
    sign_in(visitor, story["worker"])
    visitor.goto(f"/staff/families/{family.pk}/")
    page.get_by_role("link", name="What is held back from the family's download").click()
    visitor.check()
    assert _h1(visitor) == "What is held back from Hughes family's download"
    contact = Contact.objects.get(family=family)
    page.get_by_label("Which record holds information").select_option(
        f"pathway.contact:{contact.pk}"
    )
    page.get_by_role("button", name="Continue").click()
    visitor.check()
    page.get_by_role("button", name="Hold this back").click()
    visitor.check()  # the error summary, with nothing lost
    assert "Enter why it may not be shared" in page.content()
    page.get_by_label("Notes").check()
    page.get_by_label("Why it may not be shared").fill(REASON)
    page.get_by_role("button", name="Hold this back").click()
    visitor.check()
    assert REASON in page.content()
    sign_out(visitor)


def _family_downloads_and_answers(visitor, story, tmp_path) -> None:
    page = visitor.page
    sign_in(visitor, story["parent"])
    page.get_by_role("link", name="Download a copy of everything we hold about your family").click()
    visitor.check()
    assert _h1(visitor) == "Download everything we hold about your family"
    with page.expect_download() as made:
        page.get_by_role("button", name="Download everything (ZIP file)").click()
    saved = tmp_path / made.value.suggested_filename
    made.value.save_as(saved)
    assert saved.name.startswith("support-first-")
    archive = zipfile.ZipFile(io.BytesIO(saved.read_bytes()))
    index = archive.read("index.html").decode()
    assert "Requests for help" in index
    assert "Meetings, calls and visits" in index
    assert REASON in index
    everything = b"".join(archive.read(n) for n in archive.namelist())
    assert NEIGHBOUR.encode() not in everything
    assert b"Alfie" in everything
    # The extracted copy opens in the browser, from the first page to a record page.
    folder = tmp_path / "unzipped"
    archive.extractall(folder)
    page.goto((folder / "index.html").as_uri())
    assert _h1(visitor).startswith("Everything we hold about Hughes family")
    page.get_by_role("link", name="Requests for help").click()
    assert _h1(visitor) == "Requests for help"
    visitor.checked.update(u for u in visitor.visited if u.startswith("file:"))

    visitor.goto("/family/")
    page.get_by_role(
        "link", name="Tell us how it felt: after the decision about the next step"
    ).click()
    visitor.check()
    assert "This survey is anonymous" in page.content()
    page.get_by_role("button", name="Send your answers").click()
    visitor.check()  # nothing answered: the error summary
    assert "Answer at least one question" in page.content()
    page.get_by_role("group", name="Did you feel listened to? (optional)").get_by_label(
        "Mostly"
    ).check()
    page.get_by_role("group", name="Did you feel blamed").get_by_label("Not at all").check()
    page.get_by_label("Is there anything else you want to tell us?").fill("Kind and quick.")
    page.get_by_role("button", name="Send your answers").click()
    visitor.check()
    assert "Your answers are saved, without your name" in page.content()
    assert SurveyAnswer.objects.filter(stage=SurveyStage.NEXT_STEP, listened="4").exists()
    visitor.goto("/family/feedback/next-step/")
    assert _h1(visitor).startswith("You have already answered")
    visitor.goto("/family/who-has-looked/")
    assert "Downloaded a copy of everything we hold" in page.content()
    sign_out(visitor)


def _staff_see_downloads_and_figures(visitor, story) -> None:
    council = story["family"].council
    # A different member of staff: the same authenticator code cannot be used twice.
    sign_in(visitor, staff_user(council, Role.TEAM_MANAGER))
    visitor.goto("/staff/downloads/")
    assert "Hughes family" in visitor.page.content()
    sign_out(visitor)
    forum = staff_user(council, Role.FORUM_MEMBER)
    sign_in(visitor, forum)
    visitor.page.get_by_role("link", name="What families told us in the anonymous survey").click()
    visitor.check()
    content = visitor.page.content()
    assert "Fewer than 5 answers" in content
    assert "Words number 3" in content
    assert "Kind and quick." not in content  # only 1 answer after the next-step decision


def test_download_survey_and_figures_on_a_desktop(visitor, story, tmp_path):
    _staff_marks_the_contact(visitor, story)
    _family_downloads_and_answers(visitor, story, tmp_path)
    _staff_see_downloads_and_figures(visitor, story)


def test_download_survey_and_figures_on_a_phone(phone_visitor, story, tmp_path):
    _staff_marks_the_contact(phone_visitor, story)
    _family_downloads_and_answers(phone_visitor, story, tmp_path)
    _staff_see_downloads_and_figures(phone_visitor, story)
