"""`supportfirst export data-feed`: the Department's data feed from the command line, streamed."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from supportfirst.cli import main
from supportfirst.returns import selectors
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory
from tests.returns.logged import assert_logged_from_command_line

#: The Department's OpenAPI document for the data API (children-in-social-care-schemas,
#: openapi.json). No package on PyPI or npm ships it and it is not copied here: point this at a
#: local copy to check the demo export against the payload component.
SCHEMA_ENV = "SUPPORTFIRST_DATA_FEED_SCHEMA"


def _period() -> tuple[str, str]:
    today = timezone.localdate()
    return (today - dt.timedelta(days=365)).isoformat(), today.isoformat()


def _children(council, n):
    made = []
    for i in range(n):
        child = family_with_everyone(council, name=f"Family {i}").children.first()
        SupportRequestFactory(child=child)
        made.append(child)
    return made


def _export(council, out, *more):
    start, end = _period()
    return main(
        [
            "export",
            "data-feed",
            "--council",
            council.la_code,
            "--from",
            start,
            "--to",
            end,
            "--output",
            str(out),
            *more,
        ]
    )


@pytest.fixture(autouse=True)
def _secure(monkeypatch):
    monkeypatch.setattr("supportfirst.cli._refuse_insecure", lambda: None)
    monkeypatch.setattr("supportfirst.cli._django_setup", lambda **_: None)


def test_the_feed_is_written_to_a_file(db, council, tmp_path, capsys):
    made = _children(council, 2)
    out = tmp_path / "feed.jsonl"
    code = _export(council, out)
    said = capsys.readouterr().err
    assert code == 0
    assert f"for {council.name} to {out.resolve()}: 2 children." in said
    (line,) = out.read_text(encoding="utf-8").splitlines()
    sent = json.loads(line)
    assert sorted(c["la_child_id"] for c in sent) == sorted(f"SF{c.pk}" for c in made)
    from supportfirst.pathway.models import SupportRequest

    sent_episodes = {e["social_care_episode_id"] for c in sent for e in c["social_care_episodes"]}
    assert sent_episodes == set(
        SupportRequest.objects.filter(child__in=made).values_list("reference", flat=True)
    )
    assert made[0].first_name not in out.read_text(encoding="utf-8")
    start, end = _period()
    assert_logged_from_command_line(council, f"data-feed:{start}:{end}")


def test_a_broken_record_is_left_out_and_named(db, council, tmp_path, capsys):
    broken, fine = _children(council, 2)
    broken.disability_codes = ["WHEELCHAIR"]
    broken.save(update_fields=["disability_codes"])
    out = tmp_path / "feed.jsonl"
    code = _export(council, out)
    said = capsys.readouterr().err
    assert code == 1
    assert ": 1 children." in said
    assert "Left out 1 children the Department would refuse" in said
    assert (
        f"To fix: {broken.first_name} {broken.last_name} (SF{broken.pk}): 'WHEELCHAIR' is not a "
        "disability code the feed takes. Choose from the list." in said
    )
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert [c["la_child_id"] for c in json.loads(line)] == [f"SF{fine.pk}"]


def test_an_unknown_council_is_refused_plainly(db, capsys, tmp_path):
    out = tmp_path / "feed.jsonl"
    code = main(
        [
            *("export", "data-feed", "--council", "999"),
            *("--from", "2025-04-01", "--to", "2026-03-31", "--output", str(out)),
        ]
    )
    assert code == 2
    assert "No data feed was written. No council has the LA code 999." in capsys.readouterr().err
    assert not out.exists()


def test_an_end_before_the_start_is_refused_plainly(db, council, capsys):
    code = main(
        [
            *("export", "data-feed", "--council", council.la_code),
            *("--from", "2026-03-31", "--to", "2025-04-01"),
        ]
    )
    assert code == 2
    assert "The end, 1 April 2025, is before the start, 31 March 2026." in capsys.readouterr().err


def test_a_period_with_no_one_is_refused_plainly(db, council, capsys):
    _children(council, 1)
    code = main(
        [
            *("export", "data-feed", "--council", council.la_code),
            *("--from", "2015-04-01", "--to", "2016-03-31"),
        ]
    )
    assert code == 2
    assert "there is no one to put in the feed" in capsys.readouterr().err


def test_a_date_that_is_not_a_date_is_refused_plainly(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(
            ["export", "data-feed", "--council", "957", "--from", "1/4/2025", "--to", "2026-03-31"]
        )
    assert stopped.value.code == 2
    assert "'1/4/2025' is not a date: write it as YYYY-MM-DD" in capsys.readouterr().err


def test_reading_the_period_takes_the_same_queries_per_batch(db, council, monkeypatch):
    monkeypatch.setattr(selectors, "BATCH", 5)
    start, end = (dt.date.fromisoformat(d) for d in _period())
    _children(council, 5)
    with CaptureQueriesContext(connection) as one_batch:
        assert len(list(selectors.children_open_between(council, start, end))) == 5
    _children(council, 5)
    with CaptureQueriesContext(connection) as two_batches:
        assert len(list(selectors.children_open_between(council, start, end))) == 10
    assert len(two_batches) - len(one_batch) == len(one_batch) - 1


def test_a_request_closed_before_the_period_is_not_sent(db, council, practitioner, tmp_path):
    from supportfirst.pathway.models import SupportRequest
    from supportfirst.returns.models import RequestCensusDetails

    closed, still_open = _children(council, 2)
    request = SupportRequest.objects.get(child=closed)
    long_ago = timezone.localdate() - dt.timedelta(days=400)
    request.received_at = timezone.now() - dt.timedelta(days=500)
    request.save(update_fields=["received_at"])
    RequestCensusDetails.objects.create(
        family_id=request.family_id,
        request=request,
        closed_on=long_ago,
        closure_reason="RC7",
        updated_at=timezone.now(),
        updated_by=practitioner,
    )
    out = tmp_path / "feed.jsonl"
    assert _export(council, out) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert [c["la_child_id"] for c in json.loads(line)] == [f"SF{still_open.pk}"]


def _demo_feed(tmp_path) -> list[list[dict]]:
    from supportfirst import demo
    from supportfirst.councils.models import Council

    demo.load()
    lines: list[list[dict]] = []
    for council in Council.objects.order_by("la_code"):
        out = tmp_path / f"feed-{council.la_code}.jsonl"
        assert _export(council, out) == 0, f"the demo council {council.la_code} has a problem"
        lines.extend(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    return lines


def test_the_demo_feed_holds_every_demo_childs_requests(db, tmp_path):
    lines = _demo_feed(tmp_path)
    children = [child for line in lines for child in line]
    assert len(children) >= 2
    assert all(len(line) <= 100 for line in lines)
    assert all(child["child_details"]["disabilities"] for child in children)
    episodes = [e for child in children for e in child["social_care_episodes"]]
    assert any("child_and_family_assessments" in e for e in episodes)


@pytest.mark.skipif(
    not os.environ.get(SCHEMA_ENV),
    reason=f"{SCHEMA_ENV} is not set: no package ships the Department's OpenAPI document",
)
def test_the_demo_feed_matches_the_departments_payload_schema(db, tmp_path):
    import jsonschema

    document = json.loads(Path(os.environ[SCHEMA_ENV]).read_text(encoding="utf-8"))
    payload = document["components"]["schemas"]["CSC"]
    validator = jsonschema.Draft7Validator(
        payload, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    lines = _demo_feed(tmp_path)
    assert lines
    for line in lines:
        assert [e.message for e in validator.iter_errors(line)] == []
    broken = json.loads(json.dumps(lines[0]))
    broken[0]["child_details"]["unique_pupil_number"] = "TOO-SHORT"
    assert [e.validator for e in validator.iter_errors(broken)] == ["minLength"]
