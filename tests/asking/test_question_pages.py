"""The question pages: every page, where each leads, validation, long answers."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from supportfirst.asking.models import OnlineRequestDraft
from tests.asking.journey import PAGES, answer_everything, url
from tests.councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


def test_the_start_page_has_the_ask_for_help_button(council):
    page = Client().get(reverse("pages:start")).content.decode()
    assert "Ask for help" in page
    assert 'href="/ask/"' in page
    assert "govuk-button--start" in page


def test_with_one_council_ask_goes_straight_to_the_first_question(council):
    response = Client().get(reverse("asking:councils"))
    assert response["Location"] == url("about_you", council)


def test_with_two_councils_you_choose_yours_first(council, other_council):
    page = Client().get(reverse("asking:councils")).content.decode()
    assert council.name in page
    assert other_council.name in page
    assert url("about_you", council) in page


def test_an_unknown_council_goes_back_to_the_list(council):
    response = Client().get(reverse("asking:about_you", kwargs={"council_slug": "nowhere"}))
    assert response["Location"] == reverse("asking:councils")


def test_every_question_page_opens_with_a_back_link(council):
    client = Client()
    for name, _data in PAGES:
        response = client.get(url(name, council))
        if name == "sibling_list":
            assert response.status_code == 302  # nothing to list yet: add one first
            continue
        assert response.status_code == 200, name
        assert "govuk-back-link" in response.content.decode(), name
        assert "Save and come back later" in response.content.decode(), name


def test_answering_every_page_in_order_reaches_check_your_answers(council):
    client = Client()
    answer_everything(client, council)
    page = client.get(url("check", council)).content.decode()
    for expected in ("Priya Shah", "Arjun Shah", "9 April 2016", "Maya", "Gujarati", "Easy read"):
        assert expected in page
    assert "Some questions still need an answer" not in page
    draft = OnlineRequestDraft.objects.get()
    assert draft.answers["sibling_list"][0]["date_of_birth"] == "2012-02-01"


def test_the_childs_name_is_used_in_later_questions(council):
    client = Client()
    client.post(url("child_name", council), {"first_name": "Arjun", "last_name": "Shah"})
    page = client.get(url("day_to_day", council)).content.decode()
    assert "What does Arjun&#x27;s disability or condition mean for them day to day?" in page
    assert "You do not need a diagnosis" in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("about_you", {}, "Enter your full name"),
        ("about_you", {"full_name": "x" * 201, "relationship": "Mum"}, "200 characters or fewer"),
        ("contact_details", {}, "Enter an email address or a phone number"),
        ("contact_details", {"email": "not an email"}, "in the correct format"),
        ("contact_details", {"phone": "call me"}, "Enter a phone number"),
        ("child_name", {"first_name": "Arjun"}, "Enter your child&#x27;s last name"),
        ("child_age", {}, "Enter their date of birth or their age"),
        (
            "child_age",
            {"date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "2016"},
            "Enter a date that exists",
        ),
        (
            "child_age",
            {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": "2099"},
            "must be in the past",
        ),
        ("child_age", {"age": "seven"}, "Enter their age as a number"),
        ("day_to_day", {"day_to_day": "   "}, "Tell us what their disability"),
        ("help_wanted", {}, "Tell us what help you would like"),
        ("good_week", {}, "Tell us what a good week would look like"),
        ("help_for_you", {}, "Select yes if you would like help for yourself"),
        ("siblings", {}, "Select yes if brothers or sisters help"),
        ("sibling_add", {"first_name": "Maya"}, "Enter the day, month and year"),
        ("contact_preference", {}, "Select how you would like us to contact you"),
        ("contact_preference", {"preferred_contact": "text"}, "not given us a phone number"),
        ("interpreter", {"needs_interpreter": "yes"}, "Enter the language you would like"),
        ("consent", {}, "Select yes if we can contact other people"),
    ],
)
def test_bad_input_shows_the_error_summary_and_keeps_what_was_typed(council, name, data, message):
    response = Client().post(url(name, council), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "govuk-error-message" in page
    assert message in page
    assert "<title>Error: " in page
    for field, value in data.items():
        if value.strip() and len(value) < 100:
            assert _kept(page, field, value), f"{field}={value!r} was not kept"
    assert not OnlineRequestDraft.objects.exists(), "a page with errors saves nothing"


def _kept(page: str, field: str, value: str) -> bool:
    """True when the page shows what was given for `field` again: typed into its box, or its
    option chosen."""
    for tag in re.findall(rf'<input[^>]*\bname="{field}"[^>]*>', page):
        if f'value="{value}"' in tag:
            return 'type="radio"' not in tag or re.search(r"\bchecked\b", tag) is not None
    textarea = rf'<textarea[^>]*\bname="{field}"[^>]*>\s*{re.escape(value)}</textarea>'
    return re.search(textarea, page) is not None


def test_a_long_answer_of_5000_words_is_kept_whole(council):
    client = Client()
    long = " ".join(["sleep"] * 5000)
    response = client.post(url("good_week", council), {"good_week": long})
    assert response.status_code == 302
    assert OnlineRequestDraft.objects.get().answers["good_week"] == long
    assert long in client.get(url("good_week", council)).content.decode()


def test_an_age_instead_of_a_date_of_birth_is_accepted(council):
    client = Client()
    response = client.post(url("child_age", council), {"age": "7"})
    assert response.status_code == 302
    assert OnlineRequestDraft.objects.get().answers["age"] == 7


def test_no_brothers_or_sisters_skips_the_brother_and_sister_pages(council):
    client = Client()
    response = client.post(url("siblings", council), {"siblings_help": "no"})
    assert response["Location"] == url("contact_preference", council)
    back = client.get(url("contact_preference", council)).content.decode()
    assert f'href="{url("siblings", council)}" class="govuk-back-link"' in back


def test_brothers_and_sisters_can_be_added_and_removed(council):
    client = Client()
    client.post(url("siblings", council), {"siblings_help": "yes"})
    for name in ("Maya", "Ravi"):
        response = client.post(
            url("sibling_add", council),
            {
                "first_name": name,
                "date_of_birth_0": "1",
                "date_of_birth_1": "2",
                "date_of_birth_2": "2012",
            },
        )
        assert response["Location"] == url("sibling_list", council)
    page = client.get(url("sibling_list", council)).content.decode()
    assert "Maya" in page
    assert "Ravi" in page
    assert "1 February 2012" in page
    client.post(url("sibling_list", council), {"remove": "0"})
    names = [s["first_name"] for s in OnlineRequestDraft.objects.get().answers["sibling_list"]]
    assert names == ["Ravi"]
    response = client.post(url("sibling_list", council), {"add_another": "yes"})
    assert response["Location"] == url("sibling_add", council)


def test_change_links_come_back_to_check_your_answers(council):
    client = Client()
    answer_everything(client, council)
    page = client.get(url("check", council)).content.decode()
    assert url("good_week", council, change="1").replace("&", "&amp;") in page
    edit = client.get(url("good_week", council, change="1")).content.decode()
    assert f'href="{url("check", council)}" class="govuk-back-link"' in edit
    response = client.post(url("good_week", council, change="1"), {"good_week": "A calm week."})
    assert response["Location"] == url("check", council)
    assert "A calm week." in client.get(url("check", council)).content.decode()


def test_sending_with_questions_unanswered_shows_which(council):
    client = Client()
    client.post(url("about_you", council), {"full_name": "Priya Shah", "relationship": "Mum"})
    response = client.post(url("check", council))
    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "Answer: Your contact details" in page


def test_check_your_answers_with_no_answers_goes_to_the_first_question(council):
    response = Client().get(url("check", council))
    assert response["Location"] == url("about_you", council)


def test_one_councils_draft_is_not_another_councils(council):
    other = CouncilFactory()
    client = Client()
    answer_everything(client, council)
    assert client.get(url("check", other))["Location"] == url("about_you", other)
