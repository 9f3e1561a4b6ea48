"""Words a parent understands: every page a demo family can reach by following links from
their home (requests, assessments, plans, letters, messages, the download pages), with no
staff words, no lower-case "ehc plan", no doubled full stop and one time style ("10:16am")."""

from __future__ import annotations

import html
import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.test import Client

from supportfirst import demo
from supportfirst.councils.models import FAMILY_ROLES, Membership, Role
from supportfirst.families.models import Family
from tests.accounts.factories import family_user, staff_user
from tests.families.record_story import record_story

# Each banned piece of wording and why a parent should not read it.
BANNED = {
    r"(?i)intrusion record": "staff words: say what we did and why",
    r"(?i)necessary and proportionate": "legal words: say why it was needed",
    r"(?i)duty or (a )?power": "legal words: say what the law lets or makes us do",
    r"\behc plan\b|\bEhc plan\b": "EHC is always written in capitals",
    r"(?i)assessments finished, due by": "not a sentence a parent reads easily",
    r"(?<![.\w])\.\.(?!\.)": "a doubled full stop",
    r"\b[ap]\.m\.": 'a time written "a.m."/"p.m.": write "10:16am"',
    r"\b\d{1,2}:\d{2}(?!\s*(am|pm))\b": 'a 24-hour time: write "10:16am" or "3pm"',
    r"(?i)\b\d{1,2}:\d{2} (am|pm)\b": 'a space inside a time: write "10:16am"',
}

SKIP = ("/family/sign-out", "/sign-out", "/logout")


def _text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


def _links(page: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"]+)"', page):
        path = urldefrag(html.unescape(href))[0]
        parsed = urlparse(path)
        if parsed.scheme or parsed.netloc or not parsed.path.startswith("/family/"):
            continue
        if any(parsed.path.startswith(s) for s in SKIP):
            continue
        found.append(path)
    return found


def problems_in_text(text: str) -> list[str]:
    problems = []
    for pattern, why in BANNED.items():
        for match in re.finditer(pattern, text):
            start = max(0, match.start() - 50)
            problems.append(f"{why}: …{text[start : match.end() + 30]}…")
    return problems


def _walk(client: Client, limit: int = 400) -> dict[str, list[str]]:
    seen: set[str] = set()
    queue = deque(["/family/"])
    problems: dict[str, list[str]] = {}
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            continue
        page = response.content.decode("utf-8")
        found = problems_in_text(_text(page))
        if found:
            problems[path] = found
        queue.extend(link for link in _links(page) if link not in seen)
    assert len(seen) > 10, f"only {len(seen)} family pages were reached: {sorted(seen)}"
    return problems


def test_the_check_catches_each_banned_piece():
    for sample in (
        "Intrusion record: why we needed to do this",
        "Why it was necessary and proportionate",
        "This is a duty or power of the council",
        "Learning, school and ehc plan",
        "Your assessments finished, due by 3 March 2027",
        "At 10:16 a.m.. We came.",
        "Sent 4 Dec 2026 10:16",
        "At 10:16 am",
    ):
        assert problems_in_text(sample), sample
    assert problems_in_text("At 10:16am we came. Then at 3pm. And at midday. Wait...") == []


@pytest.mark.django_db
def test_no_family_page_of_any_demo_family_has_words_a_parent_would_not_use():
    demo.load()
    problems: dict[str, list[str]] = {}
    families = list(Family.objects.all())
    assert len(families) >= 10
    for family in families:
        member = Membership.objects.filter(family=family, role__in=FAMILY_ROLES).first()
        user = member.user if member else family_user(family)
        client = Client()
        client.force_login(user)
        for path, found in _walk(client).items():
            problems[f"{family.name} {path}"] = found
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


@pytest.mark.django_db
def test_no_family_page_of_a_family_with_every_kind_of_record_has_staff_words(council, family):
    """The record story holds what the demo may not: a home visit with its reasons, a
    safeguarding proposal the family was told about, comments, decisions."""
    worker = staff_user(council, Role.PRACTITIONER, full_name="Priya Raman")
    record_story(family, worker)
    client = Client()
    client.force_login(family_user(family))
    problems = _walk(client)
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


@pytest.mark.django_db
def test_no_template_comment_shows_on_a_page(client):
    """A Django {# #} comment is one line only: one spread over two lines shows on the page."""
    page = client.get("/sign-in/").content.decode()
    assert "{#" not in page
    assert "{% comment" not in page


def test_every_template_comment_closes_on_its_own_line():
    from pathlib import Path

    import supportfirst

    root = Path(supportfirst.__file__).parent / "templates"
    open_comments = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "{#" in line and "#}" not in line[line.index("{#") :]
    ]
    assert not open_comments, open_comments
