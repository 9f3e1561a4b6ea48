"""Each request's time and database queries: a Server-Timing header and one log line, only
when DEBUG or REQUEST_TIMING is on, counted without DEBUG."""

from __future__ import annotations

import logging
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import signed_in_client

TIMING = re.compile(r'^total;dur=(\d+\.\d), db;dur=(\d+\.\d);desc="(\d+) queries"$')


@pytest.mark.django_db
def test_no_header_and_no_line_when_off(settings, family, parent, caplog):
    settings.DEBUG = False
    settings.REQUEST_TIMING = False
    client = signed_in_client(parent)
    with caplog.at_level(logging.INFO, logger="supportfirst.requests"):
        response = client.get("/family/")
    assert response.status_code == 200
    assert "Server-Timing" not in response
    assert not [r for r in caplog.records if r.name == "supportfirst.requests"]


@pytest.mark.django_db
def test_header_and_log_line_count_every_query(settings, family, parent, caplog):
    settings.DEBUG = False
    settings.REQUEST_TIMING = True
    client = signed_in_client(parent)
    with (
        caplog.at_level(logging.INFO, logger="supportfirst.requests"),
        CaptureQueriesContext(connection) as captured,
    ):
        response = client.get("/family/?search=Ayla")
    assert response.status_code == 200
    assert family.name in response.content.decode()
    found = TIMING.match(response["Server-Timing"])
    assert found is not None, response["Server-Timing"]
    total_ms, db_ms, queries = float(found[1]), float(found[2]), int(found[3])
    assert queries == len(captured) > 0
    assert total_ms >= db_ms
    [line] = [r.getMessage() for r in caplog.records if r.name == "supportfirst.requests"]
    assert line.startswith("GET /family/ 200 ")
    assert f" {queries} queries " in line
    assert "Ayla" not in line  # the query string stays out of the log


@pytest.mark.django_db
def test_on_with_debug_and_for_a_page_with_no_queries(settings, client):
    settings.DEBUG = True
    settings.REQUEST_TIMING = False
    response = client.get("/healthz")
    assert "Server-Timing" in response
    assert TIMING.match(response["Server-Timing"]) is not None


def test_a_token_in_the_path_is_logged_by_its_name(rf):
    from django.urls import resolve

    from supportfirst.kernel.timing import loggable_path

    request = rf.get("/ask/resume/abcdef123456/")
    request.resolver_match = resolve("/ask/resume/abcdef123456/")
    assert loggable_path(request) == "/ask/resume/<draft_token>/"
