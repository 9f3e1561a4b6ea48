"""The time a worker types (issue 18, review point 4): the common ways of writing a time are
understood; nonsense is refused with a clear message, keeping what was typed."""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from supportfirst.pathway.forms import parse_time
from supportfirst.pathway.models import SupportRequest
from tests.conftest import signed_in_client
from tests.pathway.test_pages import _new_family


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("10am", time(10, 0)),
        ("10 am", time(10, 0)),
        ("10AM", time(10, 0)),
        ("10 a.m.", time(10, 0)),
        ("10.30am", time(10, 30)),
        ("10:30", time(10, 30)),
        ("10.30", time(10, 30)),
        ("2pm", time(14, 0)),
        ("2.15 p.m.", time(14, 15)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("14:00", time(14, 0)),
        ("0:01", time(0, 1)),
        ("noon", time(12, 0)),
        ("Midday", time(12, 0)),
        ("12 noon", time(12, 0)),
        (" 9:05 ", time(9, 5)),
    ],
)
def test_common_ways_of_writing_a_time_are_understood(typed, meant):
    assert parse_time(typed) == meant


@pytest.mark.parametrize(
    "typed", ["soon", "25:00", "13pm", "0am", "10:75", "10", "10:3", "ten", "1030", "10:30pmx"]
)
def test_nonsense_is_not_a_time(typed):
    with pytest.raises(ValueError, match=re.escape(typed)):
        parse_time(typed)


def _yesterday(**changes):
    day = timezone.localdate() - timedelta(days=1)
    return _new_family(
        received_on_0=str(day.day),
        received_on_1=str(day.month),
        received_on_2=str(day.year),
        **changes,
    )


def test_a_request_received_at_10am_is_saved(practitioner):
    response = signed_in_client(practitioner).post(
        "/staff/requests/new/", _yesterday(received_time="10am")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    received = timezone.localtime(SupportRequest.objects.get().received_at)
    assert (received.hour, received.minute) == (10, 0)


def test_a_time_that_is_not_one_is_refused_keeping_what_was_typed(practitioner):
    response = signed_in_client(practitioner).post(
        "/staff/requests/new/", _yesterday(received_time="after lunch")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a time, like 10am, 2.30pm, 14:30 or noon" in page
    assert 'value="after lunch"' in page
    assert not SupportRequest.objects.exists()
