"""A finding whose explanation names its own words says them once, not twice."""

from __future__ import annotations

import pytest
from django.template import Context, Template


@pytest.mark.django_db
def test_the_flagged_words_are_said_once_in_the_list() -> None:
    html = Template("{% load wording %}{% wording_findings text %}").render(
        Context({"text": "Mum failed to bring Alfie to the appointment."})
    )
    assert "Words to check" in html
    assert html.count("“failed to”") == 1
