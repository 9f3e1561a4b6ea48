"""One time style everywhere (GOV.UK): "10:16am", "3pm", "midday", "midnight"."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from supportfirst.kernel.timewords import clock, day, moment

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("at", "words"),
    [
        (time(10, 16), "10:16am"),
        (time(15, 0), "3pm"),
        (time(9, 5), "9:05am"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(12, 30), "12:30pm"),
        (time(0, 30), "12:30am"),
        (time(23, 59), "11:59pm"),
    ],
)
def test_a_time_of_day_in_the_govuk_style(at, words):
    assert clock(at) == words


def test_a_moment_is_written_in_local_time():
    # 10:16 in UTC on a summer day is 11:16am in London.
    summer = datetime(2026, 7, 4, 10, 16, tzinfo=ZoneInfo("UTC"))
    assert moment(summer) == "4 July 2026, 11:16am"
    assert day(datetime(2026, 12, 4, 23, 30, tzinfo=LONDON)) == "4 December 2026"


def test_every_template_has_the_filters_built_in():
    at = datetime(2026, 12, 4, 10, 16, tzinfo=LONDON)
    page = Template("Sent {{ at|moment }}. At {{ at|clock }}. {{ nothing|moment|default:'Never' }}")
    assert page.render(Context({"at": at})) == "Sent 4 December 2026, 10:16am. At 10:16am. Never"


def test_a_label_in_a_sentence_keeps_ehc_in_capitals():
    page = Template("{{ a|first_lower }}; {{ b|first_lower }}")
    rendered = page.render(Context({"a": "Learning, school and EHC plan", "b": "EHC plan"}))
    assert rendered == "learning, school and EHC plan; EHC plan"
