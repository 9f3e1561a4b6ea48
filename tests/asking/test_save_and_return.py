"""Save and come back later: a link by email, its token stored only as a hash, 28 days."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from supportfirst.asking.models import OnlineRequestDraft
from supportfirst.asking.services import token_hash
from tests.asking.journey import url

# Emails go on the task queue after commit; here they are queued (and sent) at once.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sent_at_once")]


def _save_with_link(council) -> tuple[Client, str]:
    client = Client()
    response = client.post(
        url("help_wanted", council), {"help_wanted": "Bedtime help", "then": "save"}
    )
    assert response["Location"] == url("save", council)
    page = client.get(url("save", council)).content.decode()
    assert "Save and come back later" in page
    response = client.post(url("save", council), {"email": "priya@example.test"})
    assert response["Location"] == url("saved", council)
    assert "priya@example.test" in client.get(url("saved", council)).content.decode()
    link = re.search(r"http://testserver(/ask/resume/[^/]+/)", mail.outbox[-1].body).group(1)
    return client, link


def test_the_emailed_link_brings_the_answers_back_in_another_browser(council):
    _client, link = _save_with_link(council)
    later = Client()
    response = later.get(link)
    assert response["Location"] == url("check", council)
    assert "Bedtime help" in later.get(url("check", council)).content.decode()


def test_the_token_is_stored_only_as_a_hash(council):
    _client, link = _save_with_link(council)
    token = link.rstrip("/").rsplit("/", 1)[1]
    draft = OnlineRequestDraft.objects.get()
    assert draft.token_hash == token_hash(token)
    assert token not in str(draft.__dict__)
    assert len(token) >= 40


def test_the_link_stops_working_after_28_days(council):
    _client, link = _save_with_link(council)
    draft = OnlineRequestDraft.objects.get()
    assert draft.link_expires_at - timezone.now() > timedelta(days=27, hours=23)
    draft.link_expires_at = timezone.now() - timedelta(minutes=1)
    draft.save()
    response = Client().get(link)
    assert response["Location"] == reverse("asking:link_not_working")
    assert Client().get(reverse("asking:link_not_working")).status_code == 200


def test_a_made_up_link_does_not_work(council):
    _save_with_link(council)
    response = Client().get(reverse("asking:resume", kwargs={"draft_token": "guess"}))
    assert response["Location"] == reverse("asking:link_not_working")


def test_a_new_link_replaces_the_old_one(council):
    client, first = _save_with_link(council)
    client.post(url("save", council), {"email": "priya@example.test"})
    assert Client().get(first)["Location"] == reverse("asking:link_not_working")


def test_the_save_page_checks_the_email_address(council):
    client = Client()
    client.post(url("about_you", council), {"full_name": "Priya", "relationship": "Mum"})
    response = client.post(url("save", council), {"email": "priya at home"})
    assert response.status_code == 400
    assert "priya at home" in response.content.decode()
    assert not mail.outbox


def test_the_same_browser_carries_on_without_a_link(council):
    client = Client()
    client.post(url("about_you", council), {"full_name": "Priya Shah", "relationship": "Mum"})
    assert "Priya Shah" in client.get(url("about_you", council)).content.decode()


def test_saving_with_nothing_answered_starts_at_the_first_question(council):
    assert Client().get(url("save", council))["Location"] == url("about_you", council)


def test_old_drafts_with_no_live_link_are_deleted(council):
    from django.core.management import call_command

    from tests.asking.factories import DraftFactory

    long_ago = timezone.now() - timedelta(days=29)
    old = DraftFactory(council=council)
    linked = DraftFactory(council=council, link_expires_at=timezone.now() + timedelta(days=1))
    expired = DraftFactory(council=council, link_expires_at=timezone.now() - timedelta(days=1))
    recent = DraftFactory(council=council)
    OnlineRequestDraft.objects.filter(pk__in=[old.pk, linked.pk, expired.pk]).update(
        updated_at=long_ago
    )
    call_command("clear_old_drafts")
    assert set(OnlineRequestDraft.objects.values_list("pk", flat=True)) == {linked.pk, recent.pk}


def test_one_draft_sends_at_most_five_links(council):
    client, _link = _save_with_link(council)
    for _ in range(4):
        assert client.post(url("save", council), {"email": "a@example.test"}).status_code == 302
    response = client.post(url("save", council), {"email": "a@example.test"})
    assert response.status_code == 400
    assert "already sent 5 links" in response.content.decode()
    assert len(mail.outbox) == 5


NO_HEADINGS = ("brothers or sisters", "interpreter", "talking to other people", "help for you")


def test_a_question_not_answered_yet_is_not_shown_as_answered_no_on_return(council):
    _client, link = _save_with_link(council)
    later = Client()
    later.get(link)
    page = later.get(url("check", council)).content.decode()
    assert "Some questions still need an answer" in page
    needing = page.split("Some questions still need an answer", 1)[1].split("</ul>", 1)[0]
    for heading in NO_HEADINGS:
        assert heading in needing.lower(), heading
    for key in ("Brothers and sisters who help", "Interpreter", "Contacting other people"):
        row = re.search(rf"{key}</dt>\s*<dd[^>]*>([^<]*)</dd>", page)
        assert row, key
        assert row.group(1) == "Not answered yet", (key, row.group(1))


def test_questions_answered_no_are_answered_on_return(council):
    client = Client()
    for name, data in (
        ("siblings", {"siblings_help": "no"}),
        ("interpreter", {"needs_interpreter": "no"}),
        ("consent", {"consent": "no"}),
        ("help_for_you", {"parent_carer_help": "no"}),
    ):
        client.post(url(name, council), data)
    client.post(url("help_wanted", council), {"help_wanted": "Bedtime help", "then": "save"})
    client.post(url("save", council), {"email": "priya@example.test"})
    link = re.search(r"http://testserver(/ask/resume/[^/]+/)", mail.outbox[-1].body).group(1)
    later = Client()
    later.get(link)
    page = later.get(url("check", council)).content.decode()
    needing = page.split("Some questions still need an answer", 1)[1].split("</ul>", 1)[0]
    assert "what a good week" in needing.lower() or "good week" in needing.lower()
    for heading in NO_HEADINGS:
        assert heading not in needing.lower(), heading
    for key in ("Brothers and sisters who help", "Interpreter", "Contacting other people"):
        row = re.search(rf"{key}</dt>\s*<dd[^>]*>([^<]*)</dd>", page)
        assert row.group(1) == "No", (key, row.group(1))
