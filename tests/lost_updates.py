"""Two people open the same form; the first saves; the second's save must get the conflict
page with both versions, and the record must still hold the first save (kernel/versioning.py).
Used by each editable form's own test."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

CONFLICT_TEXT = "Someone else saved this while you were writing"


def opened_at(client: Client, url: str) -> str:
    """The version a person's form was opened at, read from the page they were shown."""
    response = client.get(url)
    assert response.status_code == 200
    found = re.search(r'name="version" value="(\d+)"', response.content.decode())
    assert found, "the form has no hidden version field"
    return found.group(1)


def second_save(
    first: Client,
    second: Client,
    url: str,
    first_data: dict[str, Any],
    second_data: dict[str, Any],
    *,
    post_url: str = "",
) -> str:
    """Both open the form at `url`; the first saves (redirected); the second's save is refused
    with 409 and the conflict text. Returns the second's page."""
    seen_first, seen_second = opened_at(first, url), opened_at(second, url)
    saved = first.post(post_url or url, {**first_data, "version": seen_first})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    response = second.post(post_url or url, {**second_data, "version": seen_second})
    page = response.content.decode()
    assert response.status_code == 409
    assert CONFLICT_TEXT in page
    assert "What you typed" in page
    assert "What is saved now" in page
    return page
