"""The Department's data feed writer: plain records in, JSON Lines out, one child at a time."""

import datetime as dt
import json
import types
from pathlib import Path

import pytest

from supportfirst.rules.returns import cin_census as census
from supportfirst.rules.returns import data_feed as feed

GOLDEN = Path(__file__).parent / "golden" / "data_feed.jsonl"


def _child(**changes):
    episode = census.CensusEpisode(
        reference="R999-ABCDEF",
        referral_date=dt.date(2025, 6, 2),
        referral_source="1A",
        primary_need="N2",
        closed_on=dt.date(2026, 2, 1),
        closure_reason="RC7",
        assessments=(
            census.CensusAssessment(
                dt.date(2025, 6, 3), dt.date(2025, 7, 10), ("5A", "6A", "5A"), "R999-ABCDEF-A1"
            ),
        ),
        plans=(census.CensusPlan(dt.date(2025, 7, 20), dt.date(2026, 2, 1), "R999-ABCDEF-P1"),),
    )
    values = dict(
        la_child_id="SF1",
        name="Ali Khan",
        birth_date=dt.date(2015, 5, 1),
        sex="M",
        ethnicity="APKN",
        upn_unknown="UN5",
        disabilities=("AUT", "LD"),
        episodes=(episode,),
    )
    values.update(changes)
    return census.CensusChild(**values)


def _second():
    return _child(
        la_child_id="SF2",
        name="Mia Jones",
        sex="F",
        ethnicity="NOBT",
        upn="a801200001001",
        upn_unknown="",
        disabilities=(),
        episodes=(
            census.CensusEpisode(
                reference="R999-GHJKLM",
                referral_date=dt.date(2026, 3, 1),
                referral_source="1C",
                primary_need="N2",
                no_further_action=True,
                assessments=(
                    census.CensusAssessment(dt.date(2026, 3, 2), None, ("5A",), "R999-GHJKLM-A7"),
                ),
            ),
        ),
    )


def test_the_feed_matches_the_golden_file():
    written = "".join(feed.write_feed([_child(), _second()]))
    assert written == GOLDEN.read_text(encoding="utf-8")


def test_each_line_is_one_request_of_at_most_the_apis_limit():
    children = [_child(la_child_id=f"SF{n}") for n in range(5)]
    lines = "".join(feed.write_feed(children, per_request=2)).splitlines()
    assert [len(json.loads(line)) for line in lines] == [2, 2, 1]
    assert [c["la_child_id"] for line in lines for c in json.loads(line)] == [
        f"SF{n}" for n in range(5)
    ]


def test_a_full_last_request_ends_the_file_cleanly():
    lines = "".join(feed.write_feed([_child(), _second()], per_request=2)).splitlines()
    assert [len(json.loads(line)) for line in lines] == [2]
    one_each = "".join(feed.write_feed([_child(), _second()], per_request=1)).splitlines()
    assert [len(json.loads(line)) for line in one_each] == [1, 1]


def test_no_children_writes_nothing():
    assert "".join(feed.write_feed([])) == ""


def test_a_request_larger_than_the_api_takes_is_refused():
    with pytest.raises(ValueError, match="1 to 100 children"):
        list(feed.write_feed([_child()], per_request=101))


def test_it_streams_one_child_at_a_time():
    made = []

    def children():
        for n in range(3):
            made.append(n)
            yield _child(la_child_id=f"SF{n}")

    chunks = feed.write_feed(children())
    assert isinstance(chunks, types.GeneratorType)
    assert made == []
    assert '"la_child_id":"SF0"' in next(chunks)
    assert made == [0]


def test_names_are_never_sent():
    written = "".join(feed.write_feed([_child(name="Ali Khan")]))
    assert "Ali" not in written
    assert "Khan" not in written


def test_factors_are_sent_only_for_an_authorised_assessment():
    record = feed.child_record(_second())
    (assessment,) = record["social_care_episodes"][0]["child_and_family_assessments"]
    assert assessment == {
        "child_and_family_assessment_id": "R999-GHJKLM-A7",
        "start_date": "2026-03-02",
    }


def test_a_clean_child_has_no_problems():
    assert feed.problems(_child()) == []
    assert feed.problems(_second()) == []


def test_a_broken_record_is_named_in_plain_english():
    episode = census.CensusEpisode(
        reference="R999/ABC",
        referral_date=dt.date(2025, 6, 2),
        referral_source="1A",
        primary_need="N2",
        closed_on=dt.date(2025, 9, 1),
        closure_reason="CLOSED",
    )
    child = _child(upn="A80120000100", disabilities=("AUT", "WHEELCHAIR"), episodes=(episode,))
    found = feed.problems(child)
    assert [p.what for p in found] == [
        "The unique pupil number A80120000100 is not 13 characters long.",
        "'WHEELCHAIR' is not a disability code the feed takes. Choose from the list.",
        "Request for help R999/ABC: its reference has characters the feed does not take.",
        "Request for help R999/ABC: the reason for closing is not a code the feed takes.",
    ]
    assert {p.child for p in found} == {"Ali Khan"}
    assert [p.where for p in found] == ["child", "child", "request:R999/ABC", "request:R999/ABC"]
