import datetime as dt
import types
from pathlib import Path

from supportfirst.rules.returns import cin_census as census

GOLDEN = Path(__file__).parent / "golden" / "cin_census_2026.xml"

HEADER = census.CensusHeader(year=2026, la_code="999", made_at=dt.datetime(2026, 4, 2, 10, 0))


def _child(**changes):
    episode = census.CensusEpisode(
        reference="R1",
        referral_date=dt.date(2025, 6, 2),
        referral_source="1A",
        primary_need="N2",
        closed_on=dt.date(2026, 2, 1),
        closure_reason="RC7",
        assessments=(
            census.CensusAssessment(dt.date(2025, 6, 3), dt.date(2025, 7, 10), ("5A", "6A")),
        ),
        plans=(census.CensusPlan(dt.date(2025, 7, 20), dt.date(2026, 2, 1)),),
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


def test_the_census_matches_the_golden_file():
    second = _child(
        la_child_id="SF2",
        name="Mia <Jones> & co",
        sex="F",
        ethnicity="NOBT",
        upn="",
        upn_unknown="UN6",
        disabilities=(),
        episodes=(
            census.CensusEpisode(
                reference="R2",
                referral_date=dt.date(2026, 3, 1),
                referral_source="1C",
                primary_need="N2",
            ),
        ),
    )
    written = "".join(census.write_census(HEADER, [_child(), second]))
    assert written == GOLDEN.read_text(encoding="utf-8")


def test_it_streams_one_child_at_a_time():
    made = []

    def children():
        for n in range(3):
            made.append(n)
            yield _child(la_child_id=f"SF{n}")

    chunks = census.write_census(HEADER, children())
    assert isinstance(chunks, types.GeneratorType)
    assert "<Header>" in next(chunks) + next(chunks)
    assert made == []
    next(chunks)  # <Children>
    assert "<LAchildID>SF0</LAchildID>" in next(chunks)
    assert made == [0]


def test_years_before_2025_send_gender_current():
    old = census.CensusHeader(year=2024, la_code="999", made_at=dt.datetime(2024, 4, 2))
    written = "".join(census.write_census(old, [_child(sex="F")]))
    assert "<GenderCurrent>2</GenderCurrent>" in written
    assert "<Sex>" not in written


def test_no_disability_is_sent_as_none():
    written = census.child_xml(_child(disabilities=()), 2026)
    assert "<Disabilities><Disability>NONE</Disability></Disabilities>" in written


def test_factors_are_sent_only_for_an_authorised_assessment():
    open_assessment = census.CensusAssessment(dt.date(2025, 6, 3), None, ("5A",))
    episode = census.CensusEpisode(
        "R1", dt.date(2025, 6, 2), "1A", "N2", assessments=(open_assessment,)
    )
    written = census.child_xml(_child(episodes=(episode,)), 2026)
    assert (
        "<AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate></Assessments>" in written
    )
    assert "AssessmentFactors" not in written


def test_a_clean_child_has_no_problems():
    assert census.problems(_child(), 2026) == []


def test_broken_records_are_named_in_plain_english():
    episode = census.CensusEpisode(
        reference="R9",
        referral_date=dt.date(2025, 6, 2),
        referral_source="1A",
        primary_need=None,
        closed_on=dt.date(2025, 5, 1),
        closure_reason="RC7",
    )
    child = _child(disabilities=("AUT", "WHEELCHAIR"), episodes=(episode,))
    found = census.problems(child, 2026)
    assert [p.what for p in found] == [
        "'WHEELCHAIR' is not a census disability code. Choose from the list.",
        "Request for help R9: the main reason for support (primary need) is missing.",
        "Request for help R9: it was closed before the request was received.",
    ]
    assert {p.child for p in found} == {"Ali Khan"}
    assert [p.where for p in found] == ["child", "request:R9", "request:R9"]


def test_a_wrong_pupil_number_and_missing_sex_are_problems():
    found = census.problems(_child(upn="A801200001001", sex=""), 2026)
    whats = [p.what for p in found]
    assert whats[0].startswith("The unique pupil number A801200001001 is not valid.")
    assert "Sex is not recorded. Choose male, female, or not known." in whats


def test_the_reference_date_and_year():
    assert census.reference_date(2026) == dt.date(2026, 3, 31)
    assert census.collection_start(2026) == dt.date(2025, 4, 1)
